/// One year of a branch's dues record (`dues/<YYYY>.csv`): a row per member, a cell per month.
package struct DuesYear: Sendable, Hashable {
    /// What a month's cell says.
    package enum Cell: Sendable, Hashable {
        case paid(LocalDate?)
        case exempt
        case unpaid
    }

    package struct Row: Sendable, Hashable {
        package var member: Located<String>
        /// Twelve cells, January first.
        package var months: [Located<Cell>]

        package init(member: Located<String>, months: [Located<Cell>]) {
            self.member = member
            self.months = months
        }
    }

    package var year: Int
    package var file: String
    package var rows: [Row]

    package init(year: Int, file: String, rows: [Row]) {
        self.year = year
        self.file = file
        self.rows = rows
    }
}
