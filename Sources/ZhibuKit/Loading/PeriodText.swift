import ZhibuRules

/// The text forms of a rule period: `2026-02`, `2026-Q1` or `2026`.
package enum PeriodText {
    /// The period a text names, or nil if it names none.
    package static func period(_ text: String) -> Period? {
        guard isValid(text), let year = Int(text.prefix(4)) else { return nil }
        if text.count == 4 { return Period(.year, year: year) }
        let rest = text.dropFirst(5)
        if rest.hasPrefix("Q"), let quarter = Int(rest.dropFirst()) {
            return Period(.quarter, year: year, index: quarter)
        }
        return Int(rest).map { Period(.month, year: year, index: $0) }
    }

    package static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
        }
        switch bytes.count {
        case 4: return digits(0..<4)
        case 7:
            guard digits(0..<4), bytes[4] == UInt8(ascii: "-") else { return false }
            if bytes[5] == UInt8(ascii: "Q") { return (49...52).contains(bytes[6]) }
            guard digits(5..<7), let month = Int(String(decoding: bytes[5..<7], as: UTF8.self))
            else { return false }
            return (1...12).contains(month)
        default: return false
        }
    }
}
