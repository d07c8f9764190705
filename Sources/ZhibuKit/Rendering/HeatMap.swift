import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// The calendar heat-map of a branch's status page: one cell per month of the evaluation window
/// and one row per periodic meeting that applies, drawn as inline SVG with no script.
///
/// A cell never speaks by colour alone: held is a filled square with a tick, waived is hatched,
/// missing is an outline with a cross, the current period is dashed, and a period that is not
/// evaluated is a faint dash. Every cell carries a `<title>` in words, and the page shows a legend.
package struct HeatMap: Sendable {
    /// What a cell says about its period.
    package enum State: String, Sendable, CaseIterable {
        case held, waived, missing, due, none

        /// The word shown in the legend and the cell's title.
        package func label(_ language: Language) -> String {
            UIStrings.text("heat." + rawValue, language)
        }
    }

    /// One meeting that must be held every month or quarter: a row of the calendar.
    package struct Row: Sendable {
        package var rule: RuleID
        package var label: LocalizedText
        package var kind: Period.Kind
        package var qualifies: @Sendable (ActivityRecord) -> Bool

        /// The row of one of the rules' own requirements; a quarterly one says so in its label.
        init(_ row: CalendarRow) {
            let requirement = row.requirement
            rule = row.rule
            kind = requirement.kind
            qualifies = requirement.qualifies
            label = requirement.label
            if kind == .quarter {
                label = LocalizedText(
                    zh: UIStrings.text("quarterly", .zh, ["label": label.zh]),
                    en: UIStrings.text("quarterly", .en, ["label": label.en]))
            }
        }
    }

    /// One cell: its state and what its `<title>` says.
    ///
    /// The title is worded for one language when it is drawn: a page shows one language, and
    /// wording both for each page cost as much as the rest of the map.
    package struct Cell: Sendable {
        package var state: State
        var period: Period
        var row: LocalizedText
        var detail: @Sendable (Language) -> String

        /// The words of the cell's `<title>` in one language.
        package func title(_ language: Language) -> String {
            UIStrings.text("heat.cell", language) { name in
                switch name {
                case "period": period.label.text(in: language)
                case "row": row.text(in: language)
                case "state": state.label(language)
                case "detail": detail(language)
                default: nil
                }
            }
        }
    }

    package var rows: [Row]
    package var months: [Period]
    /// `cells[row][month]`.
    package var cells: [[Cell]]

    /// The months the heat-map and the participation chart show: every month of the window
    /// (ended within the last `windowMonths` months) and the current one.
    package static func months(asOf: LocalDate, windowMonths: Int) -> [Period] {
        var months: [Period] = []
        var month = Period(.month, containing: asOf.addingMonths(-windowMonths))
        let last = Period(.month, containing: asOf)
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months
    }

    /// Works out every cell from the branch's held records and its own findings, so the map
    /// always agrees with the scorecard: a gap is missing only when a finding says so.
    ///
    /// - Parameters:
    ///   - rows: the branch's rows of the meeting calendar (`RuleRegistry.meetingCalendar`).
    ///   - diagnostics: the branch's own diagnostics.
    package init(
        org: Organization, rows: [CalendarRow], diagnostics: [Diagnostic], asOf: LocalDate,
        windowMonths: Int
    ) {
        let rows = rows.map(Row.init)
        let months = HeatMap.months(asOf: asOf, windowMonths: windowMonths)
        var findings: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            guard let period = diagnostic.period else { continue }
            findings[diagnostic.rule.rawValue + " " + period, default: []].append(diagnostic)
        }
        // Each row's qualifying dates are found once, reaching records by index.
        let records = org.records
        let held = records.indices
            .filter { records[$0].status.value == .held && records[$0].date.value <= asOf }
            .sorted {
                (records[$0].date.value, records[$0].file)
                    < (records[$1].date.value, records[$1].file)
            }
        self.rows = rows
        self.months = months
        self.cells = rows.map { row in
            let qualifying = held.filter { row.qualifies(records[$0]) }.map {
                records[$0].date.value
            }
            return months.map { month in
                let period =
                    row.kind == .month ? month : Period(row.kind, containing: month.start)
                let dates = qualifying.filter { period.contains($0) }
                let own = findings[row.rule.rawValue + " " + period.id] ?? []
                return HeatMap.cell(
                    row: row, period: period, dates: dates, findings: own, asOf: asOf,
                    established: org.established.value)
            }
        }
    }

    private static func cell(
        row: Row, period: Period, dates: [LocalDate], findings: [Diagnostic], asOf: LocalDate,
        established: LocalDate
    ) -> Cell {
        let state: State
        var detail: @Sendable (Language) -> String = { _ in "" }
        if !dates.isEmpty {
            state = .held
            detail = { language in
                UIStrings.text(
                    "heat.heldOn", language,
                    [
                        "dates": dates.map { DateText.brief($0, language) }
                            .joined(separator: language.listSeparator)
                    ])
            }
        } else if period.contains(asOf) {
            state = .due
            detail = { language in
                UIStrings.text(
                    "heat.dueBy", language, ["date": DateText.format(period.end, language)])
            }
        } else if period.start < established {
            state = .none
        } else if let waived = findings.first(where: \.waived) {
            state = .waived
            if let note = waived.notes.last {
                // The validator's note already starts with the word; keep only the reason.
                let reason = LocalizedText(
                    zh: note.zh.hasPrefix("已豁免：") ? String(note.zh.dropFirst(4)) : note.zh,
                    en: note.en.hasPrefix("waived: ") ? String(note.en.dropFirst(8)) : note.en)
                detail = { language in
                    UIStrings.text(
                        "heat.waivedFor", language, ["reason": reason.text(in: language)])
                }
            }
        } else if !findings.isEmpty {
            state = .missing
        } else {
            state = .none
        }
        return Cell(state: state, period: period, row: row.label, detail: detail)
    }
}

// MARK: - Drawing

extension HeatMap {
    private static let labelWidth = 132
    private static let pitch = 30
    private static let size = 26
    private static let top = 40

    /// The heat-map as an inline `<svg>` element, valid in HTML5, named for screen readers.
    package func svg(_ language: Language, name: String) -> String {
        let width = HeatMap.labelWidth + months.count * HeatMap.pitch
        let height = HeatMap.top + rows.count * HeatMap.pitch
        var out =
            "<svg class=\"heatmap\" role=\"img\" aria-label=\"\(XML.escape(name))\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<title>\(XML.escape(name))</title>\n"
        for (column, month) in months.enumerated() {
            let x = HeatMap.labelWidth + column * HeatMap.pitch + HeatMap.size / 2
            if column == 0 || month.index == 1 {
                out += "<text class=\"yr\" x=\"\(x)\" y=\"13\">\(month.year)</text>"
            }
            out +=
                "<text class=\"mo\" x=\"\(x)\" y=\"31\">\(HeatMap.monthName(month, language))</text>"
        }
        out += "\n"
        for (index, row) in rows.enumerated() {
            let y = HeatMap.top + index * HeatMap.pitch
            out +=
                "<text class=\"row\" x=\"\(HeatMap.labelWidth - 8)\" y=\"\(y + HeatMap.size / 2 + 5)\">"
                + "\(XML.escape(row.label.text(in: language)))</text>\n"
            for (column, cell) in cells[index].enumerated() {
                let x = HeatMap.labelWidth + column * HeatMap.pitch
                out += "<g class=\"cell \(cell.state.rawValue)\"><title>"
                out += XML.escape(cell.title(language)) + "</title>"
                out += HeatMap.shape(cell.state, x: x, y: y) + "</g>\n"
            }
        }
        return out + "</svg>"
    }

    /// The drawing of one state at a position: the shape that tells the states apart in grey.
    package static func shape(_ state: State, x: Int, y: Int) -> String {
        let s = size
        let box =
            "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(s - 2)\" height=\"\(s - 2)\" rx=\"3\"/>"
        switch state {
        case .held:
            return box + "<path class=\"mark\" d=\"M\(x + 7) \(y + 13)l5 5 9-10\"/>"
        case .waived:
            return box
                + "<path class=\"mark\" d=\"M\(x + 2) \(y + 13)L\(x + 13) \(y + 2)"
                + "M\(x + 2) \(y + 24)L\(x + 24) \(y + 2)M\(x + 13) \(y + 24)L\(x + 24) \(y + 13)\"/>"
        case .missing:
            return box + "<path class=\"mark\" d=\"M\(x + 8) \(y + 8)l10 10m0-10-10 10\"/>"
        case .due:
            return box
        case .none:
            return box + "<path class=\"mark\" d=\"M\(x + 9) \(y + 13)h8\"/>"
        }
    }

    /// A legend swatch: the same drawing as a cell, in its own small SVG.
    package static func swatch(_ state: State) -> String {
        "<svg class=\"heatmap swatch\" viewBox=\"0 0 26 26\" width=\"18\" height=\"18\" "
            + "aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<g class=\"key \(state.rawValue)\">" + shape(state, x: 0, y: 0) + "</g></svg>"
    }

    private static let english = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// `11月` / `Nov`: the column header of a month.
    package static func monthName(_ month: Period, _ language: Language) -> String {
        switch language {
        case .zh: "\(month.index)月"
        case .en: english[month.index - 1]
        }
    }
}
