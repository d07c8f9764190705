import ZhibuModel

/// The `dues` rules of the national profile, listed for the registry.
enum DuesRules {
    static let all: [any Rule.Type] = [
        DuesMonthly.self,
        DuesSixMonthsUnpaid.self,
    ]
}

// MARK: - The dues ledger

/// One completed month of a member's dues, as the `dues.*` rules see it.
struct DuesMonth: Sendable {
    var period: Period
    var unpaid: Bool
    /// The month's cell, or the member's roster ID when the year's file has no row for them.
    var location: SourceLocation
    /// The file the month is kept in, for messages.
    var file: String
    /// False when the year's file has no row for the member.
    var hasRow: Bool
}

extension DuesRules {
    /// The months of a member's dues that can be judged, oldest first: completed months of the
    /// years that have a `dues/<YYYY>.csv`, from the month the organization was established and
    /// the member joined. A month with an empty cell, or of a year whose file lacks the member's
    /// row, is unpaid; `exempt` and `paid` are fine.
    static func ledger(of member: Member, in org: Organization, asOf: LocalDate) -> [DuesMonth] {
        let id = member.id.value
        let joined = member.joined?.value
        return org.dues.sorted { $0.year < $1.year }.flatMap { year -> [DuesMonth] in
            let row = year.rows.first { $0.member.value == id }
            return (1...12).compactMap { number -> DuesMonth? in
                let period = Period(.month, year: year.year, index: number)
                guard period.end < asOf, period.start >= org.established.value else { return nil }
                if let joined, joined > period.end { return nil }
                guard let row, row.months.indices.contains(number - 1) else {
                    return DuesMonth(
                        period: period, unpaid: true, location: member.id.location,
                        file: year.file, hasRow: false)
                }
                let cell = row.months[number - 1]
                let unpaid: Bool
                switch cell.value {
                case .unpaid: unpaid = true
                case .paid, .exempt: unpaid = false
                }
                return DuesMonth(
                    period: period, unpaid: unpaid, location: cell.location, file: year.file,
                    hasRow: true)
            }
        }
    }

    /// The organizations whose dues are tracked and whose roster can be read.
    static func organizations(_ context: RuleContext) -> [Organization] {
        context.branches.filter { !$0.dues.isEmpty && context.rosterUsable($0) }
    }
}
