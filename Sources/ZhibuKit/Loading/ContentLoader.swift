import Foundation
import ZhibuModel

/// Turns the files of a site into a `Site` and every loading problem found on the way.
///
/// Files are classified by path, parsed on all cores, then assembled into organizations in one
/// cheap sequential pass that also resolves references. A bad file never stops loading: it adds
/// diagnostics and the rest of the site is still loaded and checked.
package enum ContentLoader {
    package struct Result: Sendable {
        package var site: Site
        package var diagnostics: [Diagnostic]
        /// Seconds spent parsing files and assembling them, for `ZHIBU_TIMINGS`.
        package var timings: [(stage: String, seconds: Double)] = []
    }

    /// - Parameters:
    ///   - renderBodies: false for `check`, which never shows Markdown as HTML or text.
    ///   - checkReferences: false when the caller checks references itself, beside other work
    ///     (`Pipeline`).
    ///   - cache: the files parsed by the previous load (`serve`): unchanged ones are reused.
    ///   - baseURL: `build --base-url` or `ZHIBU_BASE_URL`, which replaces `site.yml`'s before
    ///     any link is made.
    package static func load(
        _ tree: FileTree, jobs: Int = Parallel.defaultJobs, renderBodies: Bool = true,
        checkReferences: Bool = true, cache: ParseCache? = nil, baseURL: String? = nil
    ) -> Result {
        var diagnostics = tree.problems
        let siteBag = DiagnosticBag()
        var config = SiteConfigReader.read(tree.file("Content/site.yml"), bag: siteBag)
        if let baseURL {
            config.baseURL = Located(baseURL, at: .start(of: config.file))
        }
        diagnostics += siteBag.items

        // Classifying is pure per path, so it runs on the worker threads with the parsing.
        let parser = FileParser(
            basePath: basePath(of: config.baseURL?.value), renderBodies: renderBodies)
        let contentFiles = tree.files.filter { $0.path.hasPrefix("Content/") }
        let start = Date()
        let parse: @Sendable (SourceFile) -> ParsedFile = { file in
            parser.parse(file, as: ContentPath.classify(file.path))
        }
        let parsed =
            cache?.parse(contentFiles, parser: parser, jobs: jobs, parse: parse)
            ?? Parallel.map(contentFiles, jobs: jobs, grain: 1, parse)
        let parseTime = Date().timeIntervalSince(start)
        var unsafeFolders: [String: Int] = [:]
        // By index, so that each file is read in place, not copied whole.
        for index in parsed.indices {
            let role = parsed[index].role
            // A problem in a file of an organization's folder is about that organization, so
            // that CI can route it (`org` in JSON, SARIF and the other reports).
            if !parsed[index].diagnostics.isEmpty {
                if let dir = role.orgDirectory {
                    let org = String(dir.dropFirst("Content/orgs/".count))
                    diagnostics += parsed[index].diagnostics.map { diagnostic in
                        var diagnostic = diagnostic
                        if diagnostic.org == nil { diagnostic.org = org }
                        return diagnostic
                    }
                } else {
                    diagnostics += parsed[index].diagnostics
                }
            }
            if case .insideUnsafe(let folder) = role { unsafeFolders[folder, default: 0] += 1 }
        }
        for (folder, count) in unsafeFolders {
            var diagnostic = ContentPath.unsafeName(
                folder, name: String(folder.split(separator: "/").last ?? ""), isFolder: true)
            diagnostic.notes.append(
                LocalizedText(
                    zh: "其中的 \(count) 个文件未读入", en: "\(count) file(s) inside it were not loaded"))
            diagnostics.append(diagnostic)
        }

        var assembler = SiteAssembler(config: config)
        assembler.add(parsed)
        let site = assembler.assemble()
        diagnostics += assembler.diagnostics
        if checkReferences { diagnostics += ReferenceChecker.check(site) }
        return Result(
            site: site, diagnostics: diagnostics.sortedForOutput(),
            timings: [
                ("parse", parseTime), ("assemble", Date().timeIntervalSince(start) - parseTime),
            ])
    }

    /// The path of `base_url`, always starting and ending with `/`.
    package static func basePath(of url: String?) -> String {
        guard let url, let scheme = url.range(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        var path = String(rest[slash...])
        if !path.hasSuffix("/") { path += "/" }
        return path
    }
}
