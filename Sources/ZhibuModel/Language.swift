/// A language the site is published in and messages are printed in.
package enum Language: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case zh
    case en

    package static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
