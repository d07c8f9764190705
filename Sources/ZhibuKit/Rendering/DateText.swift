import ZhibuModel

/// Dates as each language writes them: 2026年11月24日 / 24 Nov 2026.
package enum DateText {
    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    package static func format(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .zh: "\(date.year)年\(date.month)月\(date.day)日"
        case .en: "\(date.day) \(months[date.month - 1]) \(date.year)"
        }
    }

    /// A date where the year is plain from what is around it: 11月5日 / 5 Nov 2026.
    package static func brief(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .zh: "\(date.month)月\(date.day)日"
        case .en: format(date, language)
        }
    }
}
