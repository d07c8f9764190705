/// What a set of Mustache templates does with the values it is given, found by reading their tags.
///
/// Pages that share a context shape are rendered once with placeholders and then filled in
/// (`ShapeCache`). That is only the same as rendering each page if no template looks at what a
/// string says: a transform such as `uppercased` or `sorted`, a partial named by a value, another
/// content type or changed delimiters would. This scan finds those, so that a site whose own
/// templates use them is simply rendered page by page. It also lists the partials the templates
/// include, so that a site template nothing uses can be reported.
struct TemplateScan: Sendable, Equatable {
    /// Whether filling placeholders gives the same bytes as rendering each page.
    var fillable = true
    /// The last part of every name printed by a variable tag (`{{a.b}}` gives `b`). A name that
    /// holds a list or a map would print Swift's description of it, which depends on the text.
    var printedNames: Set<String> = []
    /// The sections inside which `{{.}}` is printed: there `.` must be a string, not a map.
    var dotSections: Set<String> = []
    /// The names of the partials included with `{{> name}}`.
    var partials: Set<String> = []
    /// Every part of every name a tag looks up (`{{a.b}}` gives `a` and `b`), inside transforms
    /// too; nil when the scan could not read every tag (changed delimiters). A value under any
    /// other key is never read by these templates, so leaving it out changes no page.
    var names: Set<String>? = []
    /// The last part of every name a transform is applied to: there a number's value, not only
    /// its digits, can change what is printed (`plusone`, `equalzero`).
    var transformed: Set<String> = []

    /// Transforms whose result depends only on a value's shape: emptiness, counts, positions
    /// and numbers, all part of the shape (`ContextShape`).
    static let shapeTransforms: Set<String> = [
        "empty", "count", "first", "last", "index", "even", "odd", "equalzero", "plusone",
        "minusone",
    ]

    /// Scans the text of every template that can be rendered together.
    init(sources: [String]) {
        for source in sources { scan(source) }
    }

    /// What several scans found together: the same as one scan of all their texts, as each
    /// text is scanned on its own and only adds to what the scan found.
    init(merging scans: [TemplateScan]) {
        for scan in scans {
            fillable = fillable && scan.fillable
            printedNames.formUnion(scan.printedNames)
            dotSections.formUnion(scan.dotSections)
            partials.formUnion(scan.partials)
            transformed.formUnion(scan.transformed)
            names = names.flatMap { known in scan.names.map(known.union) }
        }
    }

    private mutating func scan(_ text: String) {
        if PlaceholderText.containsMarker(text) { fillable = false }
        var sections: [(name: String, plain: Bool)] = []
        var rest = Substring(text)
        while let open = rest.firstRange(ofASCII: "{{") {
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.first == "{"
            let closing = triple ? "}}}" : "}}"
            guard let close = afterOpen.firstRange(ofASCII: closing) else { return }
            let tag = afterOpen[afterOpen.startIndex..<close.lowerBound]
            rest = afterOpen[close.upperBound...]
            if triple {
                printed(check(tag.dropFirst()), in: sections)
                continue
            }
            guard let kind = tag.first else { continue }
            let body = tag.dropFirst()
            switch kind {
            case "!":
                continue
            case "=", "%":
                // Changed delimiters hide the tags that follow from this scan; another content
                // type escapes differently. Neither is in the built-in templates.
                fillable = false
                names = nil
                return
            case ">":
                let name = String(body).trimmingSpaces()
                if name.hasPrefix("*") {
                    // A partial named by a value: which template's names apply is not known.
                    fillable = false
                    names = nil
                } else {
                    partials.insert(name)
                }
            case "#", "^", "$", "<":
                let name = check(body)
                // A parent template is included like a partial.
                if kind == "<" { partials.insert(name.variable) }
                sections.append((name.variable, kind == "#" && name.transforms.isEmpty))
            case "/":
                _ = check(body)
                if !sections.isEmpty { sections.removeLast() }
            case "&":
                printed(check(body), in: sections)
            default:
                printed(check(tag), in: sections)
            }
        }
    }

    private mutating func printed(
        _ name: (variable: String, transforms: [String]), in sections: [(name: String, plain: Bool)]
    ) {
        if name.variable == "." {
            guard let innermost = sections.last, innermost.plain else {
                // `.` at the top prints the whole context; in a transformed or inverted section
                // it is not clear what it is. Both are mistakes in a template, rendered as such.
                fillable = false
                return
            }
            dotSections.insert(Self.lastPart(innermost.name))
        } else {
            printedNames.insert(Self.lastPart(name.variable))
        }
    }

    /// Splits `a(b(name))` into the name and its transforms, and rules out transforms that read
    /// text and names that reach into Swift values (`_guts`).
    private mutating func check(_ tag: Substring) -> (variable: String, transforms: [String]) {
        var text = String(tag).trimmingSpaces()
        var transforms: [String] = []
        while let open = text.firstIndex(of: "("), text.last == ")" {
            transforms.append(String(text[..<open]).trimmingSpaces())
            text = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
                .trimmingSpaces()
        }
        for transform in transforms where !Self.shapeTransforms.contains(transform) {
            fillable = false
        }
        for part in text.split(separator: ".") { names?.insert(String(part)) }
        if !transforms.isEmpty { transformed.insert(Self.lastPart(text)) }
        if text.contains("(") || text.contains(")")
            || text.split(separator: ".").contains(where: { $0.hasPrefix("_") })
        {
            fillable = false
        }
        return (text, transforms)
    }

    private static func lastPart(_ name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? name
    }
}

extension String {
    /// Without leading and trailing white space (Unicode's White_Space), as tag names are read.
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
