import ZhibuModel

/// A problem of the tool's input as a whole, which stops the run with exit code 2.
///
/// Problems inside the content are diagnostics, never these; a `LoadError` means there is no site
/// to check at all (a wrong `--site`, a missing `Content/site.yml`, an unreadable directory).
package enum LoadError: Error, Sendable, Equatable {
    case siteNotFound(String)
    case notASite(String)
    case unreadable(String, reason: String)

    package var message: LocalizedText {
        switch self {
        case .siteNotFound(let path):
            LocalizedText(
                zh: "找不到站点目录 `\(path)`：请用 --site 指向含有 Content/ 的目录",
                en:
                    "site directory `\(path)` does not exist: point --site at the folder that "
                    + "holds Content/"
            )
        case .notASite(let path):
            LocalizedText(
                zh: "`\(path)` 不是 zhibu 站点：缺少 Content/site.yml（可运行 `zhibu init` 创建）",
                en:
                    "`\(path)` is not a zhibu site: Content/site.yml is missing (run `zhibu "
                    + "init` to create one)"
            )
        case .unreadable(let path, let reason):
            LocalizedText(
                zh: "无法读取 `\(path)`：\(reason)",
                en: "cannot read `\(path)`: \(reason)"
            )
        }
    }
}
