import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// The monthly participation rate of a branch: attendees ÷ (attendees + absent) over its held
/// records of each month of the window, as an inline SVG bar chart with every value in words.
///
/// Records that list nobody are left out rather than counted as zero: a record without an
/// attendance list says nothing about attendance. A month without such records shows a dash.
package struct ParticipationChart: Sendable {
    /// Attendance summed over some records.
    package struct Tally: Sendable, Equatable {
        package var present: Int = 0
        package var absent: Int = 0

        package init(present: Int = 0, absent: Int = 0) {
            self.present = present
            self.absent = absent
        }

        /// The rate in whole percent, rounded half up; nil when nobody was expected.
        package var percent: Int? {
            let total = present + absent
            guard total > 0 else { return nil }
            return (present * 200 + total) / (total * 2)
        }

        /// `92%`, or a dash when there is nothing to count.
        package var text: String { percent.map { "\($0)%" } ?? "—" }

        /// Adds the attendance of one held record.
        package mutating func add(_ record: ActivityRecord) {
            present += record.attendees.count
            absent += record.absent.count
        }
    }

    package var months: [Period]
    package var tallies: [Tally]

    package init(org: Organization, asOf: LocalDate, windowMonths: Int) {
        let months = HeatMap.months(asOf: asOf, windowMonths: windowMonths)
        var byMonth: [Period: Tally] = [:]
        for record in org.records
        where record.status.value == .held && record.date.value <= asOf {
            byMonth[Period(.month, containing: record.date.value), default: Tally()].add(record)
        }
        self.months = months
        self.tallies = months.map { byMonth[$0] ?? Tally() }
    }

    /// The attendance of an organization's held records over the whole window, for roll-ups.
    package static func windowTally(_ org: Organization, asOf: LocalDate, windowMonths: Int)
        -> Tally
    {
        let chart = ParticipationChart(org: org, asOf: asOf, windowMonths: windowMonths)
        return chart.tallies.reduce(into: Tally()) {
            $0.present += $1.present
            $0.absent += $1.absent
        }
    }

    private static let left = 44
    private static let pitch = 36
    private static let bar = 22
    private static let plotTop = 22
    private static let plotHeight = 100

    /// The chart as an inline `<svg>`: bars with their percentage, month labels, and a
    /// `<title>`/`<desc>` that reads every month's rate aloud.
    package func svg(_ language: Language, name: String) -> String {
        let width = ParticipationChart.left + months.count * ParticipationChart.pitch
        let base = ParticipationChart.plotTop + ParticipationChart.plotHeight
        let height = base + 36
        let summary = zip(months, tallies).map { month, tally in
            month.label.text(in: language) + " " + tally.text
        }.joined(separator: language.clauseSeparator)
        var out =
            "<svg class=\"participation\" role=\"img\" aria-label=\"\(XML.escape(name))\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<title>\(XML.escape(name))</title>\n<desc>\(XML.escape(summary))</desc>\n"
        for percent in [0, 50, 100] {
            let y = base - percent * ParticipationChart.plotHeight / 100
            out +=
                "<path class=\"grid\" d=\"M\(ParticipationChart.left - 4) \(y)H\(width)\"/>"
                + "<text class=\"axis\" x=\"\(ParticipationChart.left - 8)\" y=\"\(y + 4)\">\(percent)%</text>\n"
        }
        for (column, month) in months.enumerated() {
            let x = ParticipationChart.left + column * ParticipationChart.pitch + 6
            let middle = x + ParticipationChart.bar / 2
            let tally = tallies[column]
            if let percent = tally.percent {
                let barHeight = max(1, percent * ParticipationChart.plotHeight / 100)
                out +=
                    "<rect class=\"bar\" x=\"\(x)\" y=\"\(base - barHeight)\" "
                    + "width=\"\(ParticipationChart.bar)\" height=\"\(barHeight)\"/>"
                let labelY = max(10, base - barHeight - 4)
                out += "<text class=\"val\" x=\"\(middle)\" y=\"\(labelY)\">\(percent)%</text>"
            } else {
                out += "<text class=\"val none\" x=\"\(middle)\" y=\"\(base - 4)\">—</text>"
            }
            out +=
                "<text class=\"mo\" x=\"\(middle)\" y=\"\(base + 16)\">"
                + "\(HeatMap.monthName(month, language))</text>"
            if column == 0 || month.index == 1 {
                out += "<text class=\"yr\" x=\"\(middle)\" y=\"\(base + 31)\">\(month.year)</text>"
            }
            out += "\n"
        }
        return out + "</svg>"
    }
}
