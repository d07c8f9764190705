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

    /// Parses the templates; a site template that does not parse is a `RenderError` naming it.
    package static func load(_ tree: FileTree) throws(RenderError) -> TemplateSet {
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
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            libraries[language] = try library(sources, language: language)
        }
        return TemplateSet(
            libraries: libraries, stylesheet: sources["zhibu.css"]?.bytes ?? [],
            script: sources["search.js"]?.bytes ?? [], overridden: overridden.sorted())
    }

    private static func library(
        _ sources: [String: (file: String, bytes: [UInt8])], language: Language
    ) throws(RenderError) -> MustacheLibrary {
        let strings = UIStrings.strings(language).mapValues { FastHTMLEscape().escapeText($0) }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key })
        where name.hasSuffix(".mustache") {
            let text =
                FastHTMLEscape.pragma
                + localize(String(decoding: source.bytes, as: UTF8.self), strings)
            do {
                let template = try MustacheTemplate(string: text)
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber
                throw .template(
                    file: source.file, line: line,
                    column: line == 1 ? max(1, column - FastHTMLEscape.pragma.count) : column,
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
        guard text.contains("{{t.") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{t.") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
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

    package func render(_ context: [String: Any], with name: String, in language: Language)
        throws(RenderError) -> String
    {
        guard let text = libraries[language]?.render(context, withTemplate: name) else {
            throw .missing(name + ".mustache")
        }
        return text
    }
}
