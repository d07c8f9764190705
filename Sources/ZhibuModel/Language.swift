/// A language the site is published in and messages are printed in.
///
/// What a page needs to know of a language beyond its words lives here, so that no page
/// decides it by testing for Chinese itself.
package enum Language: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case zh
    case en

    package static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The `lang` attribute of a page and `xml:lang` of a feed (BCP 47).
    package var htmlTag: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }

    /// The language's name in itself, for the language switch.
    package var nativeName: String {
        switch self {
        case .zh: "中文"
        case .en: "English"
        }
    }

    /// What joins the items of a list in running text: 张伟、李娜 / Zhang Wei, Li Na.
    package var listSeparator: String {
        switch self {
        case .zh: "、"
        case .en: ", "
        }
    }

    /// What separates clauses of a summary: 1月 80%；2月 90% / Jan 80%; Feb 90%.
    package var clauseSeparator: String {
        switch self {
        case .zh: "；"
        case .en: "; "
        }
    }

    /// A remark in parentheses after a text: 赵强（出差） / Zhao Qiang (away).
    package func parenthesized(_ text: String, after base: String) -> String {
        switch self {
        case .zh: "\(base)（\(text)）"
        case .en: "\(base) (\(text))"
        }
    }
}
