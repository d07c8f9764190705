import Mustache

/// A set of Mustache templates compiled for one language, ready to render typed values.
///
/// Each template is compiled twice: with `HTMLEscape`, which renders pages directly, and with
/// `PlaceholderEscape`, which renders a shape once with placeholders (`TemplateRenderer`).
/// Interface strings (`{{t.key}}`) are put into the template text when it is compiled, so pages
/// do not look each one up while rendering.
package struct TemplateLibrary: Sendable {
    /// One template's text and where it came from, for error messages.
    package struct Source: Sendable {
        /// The name templates and renderers use: the file name without `.mustache`.
        package var name: String
        /// The file named in a syntax error (`Templates/org.mustache`, `(built-in) org.mustache`).
        package var file: String
        package var text: String

        package init(name: String, file: String, text: String) {
            self.name = name
            self.file = file
            self.text = text
        }
    }

    let direct: MustacheLibrary
    let placeholders: MustacheLibrary
    /// What the templates do with values, which decides whether shapes can be filled.
    let scan: TemplateScan
    /// For each template, the names that it and the partials it includes look up
    /// (`TemplateScan.names`); nil for a template whose names cannot all be known. Values
    /// under other keys are not written for it (`ValueWriter`).
    let names: [String: Set<String>?]
    /// Whether pages of one shape are rendered once and filled in. Off, every page is rendered
    /// by swift-mustache; tests compare the two.
    package var reusesShapes = true

    /// Compiles `sources`; the first template that does not parse is a `TemplateError`.
    ///
    /// - Parameter strings: the interface strings `{{t.key}}` stands for, as plain text.
    package init(sources: [Source], strings: [String: String]) throws(TemplateError) {
        MustacheContentTypes.register(HTMLEscape(), named: HTMLEscape.name)
        MustacheContentTypes.register(PlaceholderEscape(), named: PlaceholderEscape.name)
        let escaped = strings.mapValues { HTMLEscape().escapeText($0) }
        let localized = sources.sorted { $0.name < $1.name }.map {
            Source(name: $0.name, file: $0.file, text: Self.localize($0.text, escaped))
        }
        direct = try Self.compile(localized, pragma: HTMLEscape.pragma)
        placeholders = try Self.compile(localized, pragma: PlaceholderEscape.pragma)
        // Each template is scanned once: for its own names, and with the others for the library.
        let scans = localized.map { ($0.name, TemplateScan(sources: [$0.text])) }
        scan = TemplateScan(merging: scans.map(\.1))
        names = Self.names(of: Dictionary(scans, uniquingKeysWith: { first, _ in first }))
    }

    /// Each template's names with those of the partials it includes, however deep; a partial
    /// that is not in the library adds none, as swift-mustache renders it as nothing.
    private static func names(of scans: [String: TemplateScan]) -> [String: Set<String>?] {
        var result: [String: Set<String>?] = [:]
        for name in scans.keys {
            var names: Set<String>? = []
            var seen: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                guard let scan = scans[next] else { continue }
                guard let found = scan.names, let known = names else {
                    names = nil
                    break
                }
                names = known.union(found)
                for partial in scan.partials where seen.insert(partial).inserted {
                    pending.append(partial)
                }
            }
            result[name] = names
        }
        return result
    }

    /// The names of the partials that templates with these texts include (`{{> name}}`).
    package static func partials(includedBy texts: [String]) -> Set<String> {
        TemplateScan(sources: texts).partials
    }

    /// A renderer for this library over the values every page shares.
    package func renderer(shared: some TemplateValues) -> TemplateRenderer {
        TemplateRenderer(library: self, shared: shared)
    }

    private static func compile(_ sources: [Source], pragma: String) throws(TemplateError)
        -> MustacheLibrary
    {
        var library = MustacheLibrary()
        for source in sources {
            do {
                let template = try MustacheTemplate(string: pragma + source.text)
                library.register(template, named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber
                throw .syntax(
                    file: source.file, line: line,
                    column: line == 1 ? max(1, column - pragma.count) : column,
                    problem: "\(error.error)")
            } catch {
                throw .syntax(file: source.file, line: 1, column: 1, problem: "\(error)")
            }
        }
        return library
    }

    /// Replaces each `{{t.key}}` of a known key by its text; other tags stay as they are (a
    /// `t.key` in triple braces, or of an unknown key, is looked up in the values).
    static func localize(_ text: String, _ strings: [String: String]) -> String {
        guard Substring(text).firstRange(ofASCII: "{{t.") != nil else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(ofASCII: "{{t.") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(ofASCII: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let key = String(afterOpen[..<close.lowerBound])
            let tripled = out.hasSuffix("{")
            if let value = strings[key], !tripled, !key.contains("{"), !key.contains("}") {
                out += value
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        return out + rest
    }
}
