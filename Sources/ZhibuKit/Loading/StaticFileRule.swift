import ZhibuModel

/// Which paths a file of `Content/static/` may take at the root of `Site/`: any but those of
/// the site zhibu makes, so that a static file never replaces a page or a file zhibu publishes.
enum StaticFileRule {
    /// Files zhibu writes at the root of every language.
    static let rootFiles: Set<String> = [
        "index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "build.json",
        "status.json", "search-index.json", "overview.csv",
    ]

    /// Folders of the root that zhibu's own pages and files live in, besides organizations and
    /// free pages.
    static let rootFolders: Set<String> = ["assets", "_z", "search"]

    /// Whether a name is that of a part of a long sitemap, `sitemap-<N>.xml`, which a site
    /// of more than 50,000 pages has at its root.
    static func isSitemapPart(_ name: String) -> Bool {
        guard name.hasPrefix("sitemap-"), name.hasSuffix(".xml") else { return false }
        let number = name.dropFirst("sitemap-".count).dropLast(".xml".count)
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The diagnostic for a static file at a path zhibu uses, or nil if the path is free.
    static func clash(_ path: String, pages: Set<String>, orgs: Set<String>) -> Diagnostic? {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first else { return nil }
        let languages = Set(Language.allCases.map(\.rawValue))
        let taken =
            (parts.count == 1 && (rootFiles.contains(first) || isSitemapPart(first)))
            || (parts.count > 1
                && (rootFolders.contains(first) || pages.contains(first) || orgs.contains(first)
                    || languages.contains(first)))
        guard taken else { return nil }
        return Diagnostic(
            rule: "load.path-unsafe", severity: .error,
            message: LocalizedText(
                zh: "`Content/static/\(path)` 会占用 zhibu 自己生成的 `\(path)`，未复制",
                en:
                    "`Content/static/\(path)` would take the place of `\(path)`, which zhibu makes; it is not copied"
            ),
            location: SourceLocation(file: "Content/static/" + path),
            help: [
                LocalizedText(
                    zh: "static/ 用于放 CNAME、站点验证文件等 zhibu 不生成的文件；换一个文件名或位置",
                    en:
                        "static/ is for files zhibu does not make, such as CNAME or a site verification file; give it another name or place"
                )
            ])
    }
}
