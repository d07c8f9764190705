/// How serious a finding is; the order decides exit codes and sorting of annotations.
package enum Severity: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    package var label: LocalizedText {
        switch self {
        case .note: LocalizedText(zh: "提示", en: "note")
        case .warning: LocalizedText(zh: "警告", en: "warning")
        case .error: LocalizedText(zh: "错误", en: "error")
        }
    }
}
