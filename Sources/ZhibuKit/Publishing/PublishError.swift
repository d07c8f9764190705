import ZhibuModel

/// A problem writing the site; the build exits 2 (130 when interrupted), and the message says
/// truly whether `Site/` changed.
package enum PublishError: Error, Sendable, Equatable {
    /// A file or folder could not be written. Before the swap `Site/` is as it was; after it,
    /// `Site/` is the new site and only zhibu's own records in `.zhibu/` are behind, which the
    /// next build notices and checks afresh.
    case io(path: String, reason: String, siteChanged: Bool)
    /// SIGINT or SIGTERM arrived; zhibu stopped at the next safe point.
    case interrupted(siteChanged: Bool)
    /// Another build holds the lock and `--no-wait` was given.
    case locked(pid: Int32?)
    /// `Site` exists and is not a folder zhibu can publish into.
    case notAFolder(path: String)
    /// `--destination` names a folder with files that zhibu did not publish there.
    case notOurs(path: String)

    package var message: LocalizedText {
        switch self {
        case .notOurs(let path):
            LocalizedText(
                zh: "`\(path)` 里已有不是 zhibu 发布的文件；发布会删除它们，因此未发布。请清空或另选一个文件夹",
                en:
                    "`\(path)` holds files that zhibu did not publish there; publishing would remove them, so nothing was published. Empty it or choose another folder"
            )
        case .io(let path, let reason, let changed):
            changed
                ? LocalizedText(
                    zh:
                        "无法写入 `\(path)`：\(reason)；Site/ 已更新为新站点，但 .zhibu/ 中的记录未能保存，下次生成时会重新核对 Site/",
                    en:
                        "cannot write `\(path)`: \(reason); Site/ now holds the new site, but zhibu's records in .zhibu/ could not be saved; the next build checks Site/ afresh"
                )
                : LocalizedText(
                    zh: "无法写入 `\(path)`：\(reason)；已发布的 Site/ 保持不变",
                    en: "cannot write `\(path)`: \(reason); the published Site/ is unchanged")
        case .interrupted(let changed):
            changed
                ? LocalizedText(
                    zh: "已中断：Site/ 已更新为新站点", en: "interrupted: Site/ now holds the new site")
                : LocalizedText(
                    zh: "已中断：Site/ 保持不变", en: "interrupted: the published Site/ is unchanged")
        case .locked(let pid):
            LocalizedText(
                zh:
                    "另一个 zhibu build 正在运行\(pid.map { "（进程 \($0)）" } ?? "")；未等待（--no-wait），Site/ 保持不变",
                en:
                    "another zhibu build is running\(pid.map { " (pid \($0))" } ?? ""); not waiting (--no-wait), Site/ is unchanged"
            )
        case .notAFolder(let path):
            LocalizedText(
                zh: "`\(path)` 不是文件夹：zhibu 把站点发布到 Site/ 文件夹，请移走这个文件后重试",
                en:
                    "`\(path)` is not a folder: zhibu publishes the site into the folder Site/; move the file away and build again"
            )
        }
    }
}
