import ZhibuModel

/// A calendar month, quarter or year: the unit periodic rules count meetings in
/// (README, "The rules").
package struct Period: Sendable, Hashable, Comparable {
    package enum Kind: String, Sendable, Hashable {
        case month, quarter, year
    }

    package var kind: Kind
    package var year: Int
    /// 1–12 for months, 1–4 for quarters, 1 for years.
    package var index: Int

    package init(_ kind: Kind, year: Int, index: Int = 1) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// The period of this kind that contains `date`.
    package init(_ kind: Kind, containing date: LocalDate) {
        switch kind {
        case .month: self.init(.month, year: date.year, index: date.month)
        case .quarter: self.init(.quarter, year: date.year, index: (date.month - 1) / 3 + 1)
        case .year: self.init(.year, year: date.year)
        }
    }

    package var start: LocalDate {
        let month =
            switch kind {
            case .month: index
            case .quarter: (index - 1) * 3 + 1
            case .year: 1
            }
        return LocalDate(year: year, month: month, day: 1) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// The last day of the period.
    package var end: LocalDate {
        let month =
            switch kind {
            case .month: index
            case .quarter: index * 3
            case .year: 12
            }
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
            ?? start
    }

    package var next: Period {
        let count = kind == .month ? 12 : kind == .quarter ? 4 : 1
        return index < count
            ? Period(kind, year: year, index: index + 1) : Period(kind, year: year + 1, index: 1)
    }

    package func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// `2026-02`, `2026-Q1` or `2026`, as in waivers and reports.
    package var id: String {
        switch kind {
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .year: "\(year)"
        }
    }

    /// `2026年2月` / `Feb 2026`, for messages.
    package var label: LocalizedText {
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        switch kind {
        case .month:
            return LocalizedText(zh: "\(year)年\(index)月", en: "\(months[index - 1]) \(year)")
        case .quarter:
            return LocalizedText(zh: "\(year)年第\(index)季度", en: "Q\(index) \(year)")
        case .year:
            return LocalizedText(zh: "\(year)年", en: "\(year)")
        }
    }

    package static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
