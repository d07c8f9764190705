import Mustache
import ZhibuModel
import ZhibuTemplates

/// The templates a build renders with: the built-in ones, each replaceable by a file of the same
/// name in the site's `Templates/` folder.
package struct TemplateSet: Sendable {
    /// One library per language: interface strings (`{{t.key}}`) are put into the template text
    /// when it is loaded, so pages do not look each one up while rendering.
    package var libraries: [Language: MustacheLibrary]
    /// The stylesheet, from `Templates/zhibu.css` or the default.
    package var stylesheet: [UInt8]
    /// The search script, from `Templates/search.js` or the default.
    package var script: [UInt8]
    /// Names of the templates the site overrides, for `build.json` and diagnostics.
    package var overridden: [String]
    /// The same templates escaping through `PlaceholderEscape`, for rendering a shape once.
    var placeholderLibraries: [Language: MustacheLibrary] = [:]
    /// What the templates of each language do with values (`TemplateScan`).
    var scans: [Language: TemplateScan] = [:]
    /// Whether pages of one context shape are rendered once and filled in. Off, every page is
    /// rendered by swift-mustache; tests compare the two.
    package var reusesShapes = true
    private let shapes = ShapeCache()

    /// Parses the templates; a site template that does not parse is a `RenderError` naming it.
    package static func load(_ tree: FileTree, languages: [Language] = Language.allCases)
        throws(RenderError) -> TemplateSet
    {
        var sources: [String: (file: String, bytes: [UInt8])] = [:]
        for (name, bytes) in DefaultTemplates.files {
            sources[name] = ("(built-in) " + name, bytes)
        }
        var overridden: [String] = []
        for file in tree.files where file.path.hasPrefix("Templates/") {
            let name = String(file.path.dropFirst("Templates/".count))
            guard !name.contains("/"), sources[name] != nil else { continue }
            sources[name] = (file.path, file.bytes)
            overridden.append(name)
        }
        MustacheContentTypes.register(FastHTMLEscape(), named: FastHTMLEscape.name)
        MustacheContentTypes.register(PlaceholderEscape(), named: PlaceholderEscape.name)
        var set = TemplateSet(
            libraries: [:], stylesheet: sources["zhibu.css"]?.bytes ?? [],
            script: sources["search.js"]?.bytes ?? [], overridden: overridden.sorted())
        for language in languages {
            let strings = UIStrings.strings(language).mapValues {
                FastHTMLEscape().escapeText($0)
            }
            let texts = sources.filter { $0.key.hasSuffix(".mustache") }.mapValues {
                (file: $0.file, text: localize(String(decoding: $0.bytes, as: UTF8.self), strings))
            }
            set.libraries[language] = try library(texts, pragma: FastHTMLEscape.pragma)
            set.placeholderLibraries[language] = try library(
                texts, pragma: PlaceholderEscape.pragma)
            set.scans[language] = TemplateScan(sources: texts.values.map(\.text))
        }
        return set
    }

    private static func library(
        _ texts: [String: (file: String, text: String)], pragma: String
    ) throws(RenderError) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                let template = try MustacheTemplate(string: pragma + source.text)
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber
                throw .template(
                    file: source.file, line: line,
                    column: line == 1 ? max(1, column - pragma.count) : column,
                    problem: "\(error.error)")
            } catch {
                throw .template(file: source.file, line: 1, column: 1, problem: "\(error)")
            }
        }
        return library
    }

    /// Replaces each `{{t.key}}` of a known key by its escaped text; other tags stay as they are
    /// (a `t.key` inside a section or triple braces is still looked up in the context).
    private static func localize(_ text: String, _ strings: [String: String]) -> String {
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

    /// Renders a template with a page's own values over the values every page of the language
    /// shares (`base`, the same dictionary for every page of a language).
    ///
    /// Pages whose own values have a shape already met are filled in from that shape's
    /// rendering; the bytes are the same as swift-mustache's for the page (tested on every page
    /// of the example site and on generated contexts). `reuse: false` is for pages that are one
    /// of a kind, such as status pages, where rendering with placeholders would be wasted.
    /// Returns the UTF-8 bytes, which is what pages are made of and written as.
    package func render(
        base: [String: Any], own: [String: Any], with name: String, in language: Language,
        reuse: Bool = true
    ) throws(RenderError) -> [UInt8] {
        if reusesShapes, reuse, let shape = ContextShape(own) {
            let key = ShapeCache.Key(template: name, language: language, signature: shape.signature)
            if let page = fill(
                key, with: shape.leaves,
                making: {
                    cut(base: base, own: own, leaves: shape.leaves.count, key: key)
                })
            {
                return page
            }
        }
        var values = base
        for (key, value) in own { values[key] = value }
        guard let text = libraries[language]?.render(values, withTemplate: name) else {
            throw .missing(name + ".mustache")
        }
        return Array(text.utf8)
    }

    /// Renders a page's typed values the same way: the shape walk reads the struct directly.
    package func render(
        base: [String: Any], values: some TemplateValues, with name: String,
        in language: Language
    ) throws(RenderError) -> [UInt8] {
        if reusesShapes {
            var shape = ValueWriter(.shape)
            values.write(to: &shape)
            let key = ShapeCache.Key(template: name, language: language, signature: shape.signature)
            if let page = fill(
                key, with: shape.leaves,
                making: {
                    var placeholders = ValueWriter(.placeholders)
                    values.write(to: &placeholders)
                    return cut(
                        base: base, placeholders: (placeholders.dictionary, placeholders.kinds),
                        leaves: shape.leaves.count, key: key)
                })
            {
                return page
            }
        }
        var plain = ValueWriter(.values)
        values.write(to: &plain)
        return try render(base: base, own: plain.dictionary, with: name, in: language, reuse: false)
    }

    /// The page filled in from its shape's cut, the cut made by `making` the first time the
    /// shape is met; nil when pages of the shape must be rendered one by one.
    private func fill(
        _ key: ShapeCache.Key, with leaves: [UTF8Text], making: () -> ShapeCache.Entry
    ) -> [UInt8]? {
        let entry =
            shapes.entry(key)
            ?? {
                let made = making()
                shapes.store(made, for: key)
                return made
            }()
        guard case .cut(let cut) = entry else { return nil }
        return PlaceholderText.fill(cut, with: leaves)
    }

    /// Renders a shape once with placeholders, or says why its pages must be rendered one by one.
    private func cut(base: [String: Any], own: [String: Any], leaves: Int, key: ShapeCache.Key)
        -> ShapeCache.Entry
    {
        cut(base: base, placeholders: ContextShape.placeholders(own), leaves: leaves, key: key)
    }

    /// The same, from a context whose strings are already placeholders, and its kinds.
    private func cut(
        base: [String: Any],
        placeholders: (context: [String: Any], kinds: [String: ContextShape.Kinds]),
        leaves: Int, key: ShapeCache.Key
    ) -> ShapeCache.Entry {
        guard let scan = scans[key.language], scan.fillable,
            let library = placeholderLibraries[key.language]
        else { return .direct }
        let shared = shapes.shared(key.language) {
            guard let survey = ContextShape.survey(base), !survey.marked else {
                return ShapeCache.Shared(kinds: nil)
            }
            return ShapeCache.Shared(kinds: survey.kinds)
        }
        guard let sharedKinds = shared.kinds else { return .direct }
        let (values, kinds) = placeholders
        let structured: ContextShape.Kinds = [.textList, .mapList, .map]
        for name in scan.printedNames where !(kinds[name] ?? []).isDisjoint(with: structured) {
            return .direct
        }
        for name in scan.dotSections {
            let held = (kinds[name] ?? []).union(sharedKinds[name] ?? [])
            if base[name] != nil || !held.isSubset(of: [.text, .textList]) { return .direct }
        }
        var merged = base
        for (name, value) in values { merged[name] = value }
        guard let text = library.render(merged, withTemplate: key.template),
            let cut = PlaceholderText.cut(text, leaves: leaves)
        else { return .direct }
        return .cut(cut)
    }
}
