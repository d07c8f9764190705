import Mustache
import ZhibuTemplates

/// The templates a build renders with: the built-in ones, each replaceable by a file of the same
/// name in the site's `Templates/` folder.
package struct TemplateSet: Sendable {
    package var library: MustacheLibrary
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
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key })
        where name.hasSuffix(".mustache") {
            let text = FastHTMLEscape.pragma + String(decoding: source.bytes, as: UTF8.self)
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
        return TemplateSet(
            library: library, stylesheet: sources["zhibu.css"]?.bytes ?? [],
            script: sources["search.js"]?.bytes ?? [], overridden: overridden.sorted())
    }

    package func render(_ context: [String: Any], with name: String) throws(RenderError) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw .missing(name + ".mustache")
        }
        return text
    }
}
