import ZhibuModel

/// A problem writing the site: the previous `Site/` stays as it was, and the build exits 2.
package enum PublishError: Error, Sendable, Equatable {
    case io(path: String, reason: String)

    package var message: LocalizedText {
        switch self {
        case .io(let path, let reason):
            LocalizedText(
                zh: "无法写入 `\(path)`：\(reason)；已发布的 Site/ 保持不变",
                en: "cannot write `\(path)`: \(reason); the published Site/ is unchanged")
        }
    }
}
