import ZhibuModel
import ZhibuTemplates
import ZhibuTemplating

/// The templates a build renders with: the built-in ones, each replaceable by a file of the same
/// name in the site's `Templates/` folder, and any further partials the site's templates include.
package struct TemplateSet: Sendable {
    /// One compiled library per language: interface strings are part of the template text.
    package private(set) var libraries: [Language: TemplateLibrary]
    /// The files that are not Mustache templates (stylesheets, scripts) by name, the site's
    /// where it has one, else the built-in one.
    private let files: [String: [UInt8]]

    /// The stylesheet, from `Templates/zhibu.css` or the default.
    package var stylesheet: [UInt8] { file("zhibu.css") }
    /// The search script, from `Templates/search.js` or the default.
    package var script: [UInt8] { file("search.js") }

    /// A file of the templates that is not a Mustache template, such as `board.js`.
    package func file(_ name: String) -> [UInt8] { files[name] ?? [] }

    /// Whether pages of one shape are rendered once and filled in; tests turn it off to compare.
    package var reusesShapes: Bool {
        get { libraries.values.allSatisfy(\.reusesShapes) }
        set {
            for language in libraries.keys { libraries[language]?.reusesShapes = newValue }
        }
    }

    /// Parses the templates; a site template that does not parse is a `RenderError` naming it.
    package static func load(_ tree: FileTree, languages: [Language] = Language.allCases)
        throws(RenderError) -> TemplateSet
    {
        let files = sources(tree)
        let templates = files.compactMap { name, source -> TemplateLibrary.Source? in
            guard name.hasSuffix(mustache) else { return nil }
            return TemplateLibrary.Source(
                name: String(name.dropLast(mustache.count)), file: source.file,
                text: String(decoding: source.bytes, as: UTF8.self))
        }
        var libraries: [Language: TemplateLibrary] = [:]
        for language in languages {
            do {
                libraries[language] = try TemplateLibrary(
                    sources: templates, strings: UIStrings.strings(language))
            } catch {
                throw RenderError(error)
            }
        }
        return TemplateSet(
            libraries: libraries,
            files: files.filter { !$0.key.hasSuffix(mustache) }.mapValues(\.bytes))
    }

    /// A renderer for the pages of one language over the values they all share.
    package func renderer(_ language: Language, shared: some TemplateValues) throws(RenderError)
        -> TemplateRenderer
    {
        guard let library = libraries[language] else {
            throw .missing("layout.mustache (\(language.rawValue))")
        }
        return library.renderer(shared: shared)
    }

    /// A warning for each file of the site's `Templates/` that no build would use: a name that
    /// is no built-in template, in a `.mustache` file that no template includes as a partial.
    /// Names starting with `.` or `_` (`.gitkeep`, a `_drafts/` folder) are the user's own
    /// business and pass in silence.
    ///
    /// Without it a misspelt override (`Templates/orgs.mustache`) would be ignored in silence
    /// and the secretary would wonder why her change does not show.
    package static func unusedFiles(in tree: FileTree) -> [Diagnostic] {
        let site = tree.files.filter { file in
            file.path.hasPrefix(folder)
                && !file.path.dropFirst(folder.count).split(separator: "/").contains {
                    $0.hasPrefix(".") || $0.hasPrefix("_")
                }
        }
        guard !site.isEmpty else { return [] }
        let effective = sources(tree)
        let included = TemplateLibrary.partials(
            includedBy: effective.filter { $0.key.hasSuffix(mustache) }.map {
                String(decoding: $0.value.bytes, as: UTF8.self)
            })
        let builtIn = DefaultTemplates.files.keys.sorted()
        return site.compactMap { file -> Diagnostic? in
            let name = String(file.path.dropFirst(folder.count))
            if DefaultTemplates.files[name] != nil { return nil }
            if !name.contains("/"), name.hasSuffix(mustache),
                included.contains(String(name.dropLast(mustache.count)))
            {
                return nil
            }
            let partial = name.hasSuffix(mustache) ? String(name.dropLast(mustache.count)) : name
            var help = [
                LocalizedText(
                    zh:
                        "覆盖内置模板时文件名要与之相同（\(builtIn.joined(separator: "、"))）；自己的片段模板要被其他模板用 `{{> \(partial)}}` 引用",
                    en:
                        "an override has the name of the built-in template it replaces (\(builtIn.joined(separator: ", "))); a partial of your own is included by another template with `{{> \(partial)}}`"
                )
            ]
            if let nearest = Suggestion.nearest(to: name, in: builtIn) {
                help.insert(Suggestion.didYouMean(nearest), at: 0)
            }
            return Diagnostic(
                rule: "load.template-unknown", severity: .warning,
                message: LocalizedText(
                    zh: "`\(file.path)` 不是内置模板的名字，也没有被任何模板引用，不会被使用",
                    en:
                        "`\(file.path)` is not the name of a built-in template and no template includes it; it is not used"
                ),
                location: SourceLocation(file: file.path), help: help)
        }
    }

    private static let folder = "Templates/"
    private static let mustache = ".mustache"

    /// Every template file by name: the built-in ones, then the site's, which replace them by
    /// name or add partials; files in subfolders are not templates.
    private static func sources(_ tree: FileTree) -> [String: (file: String, bytes: [UInt8])] {
        var sources: [String: (file: String, bytes: [UInt8])] = [:]
        for (name, bytes) in DefaultTemplates.files {
            sources[name] = ("(built-in) " + name, bytes)
        }
        for file in tree.files where file.path.hasPrefix(folder) {
            let name = String(file.path.dropFirst(folder.count))
            guard !name.contains("/"),
                DefaultTemplates.files[name] != nil || name.hasSuffix(mustache)
            else { continue }
            sources[name] = (file.path, file.bytes)
        }
        return sources
    }
}
