import ZhibuModel
import ZhibuRules

/// What the overview of a committee or general branch reads about each organization, worked
/// out once per render after validation: its own state and the states below it, its people,
/// its last held activity, each branch's cell of the branch × requirement matrix, and the
/// months in which it met its requirements.
///
/// Every summary is made from the organization's own findings (grouped by `Findings`) and its
/// children's summaries, children first, so the whole table costs O(organizations + findings);
/// a roll-up page then reads the summaries of the branches below it, never their findings.
package struct OrgSummaries: Sendable {
    /// One cell of the matrix: a requirement of one branch over the window.
    package struct Cell: Sendable {
        /// Whether the requirement applies to the branch at all (a branch without groups has
        /// no group meetings).
        package var applies: Bool
        package var state: OrgState
        /// Evaluated periods of the window, waived ones left out: the rate's denominator.
        package var evaluated: Int
        /// Open gaps among them.
        package var missed: Int

        package static let notApplicable = Cell(
            applies: false, state: .met, evaluated: 0, missed: 0)

        /// Periods held (or otherwise not missed).
        package var met: Int { max(0, evaluated - missed) }
    }

    /// One organization's numbers.
    package struct Summary: Sendable {
        package var own: OrgState = .met
        /// The worst of its own state and every state below it.
        package var rolled: OrgState = .met
        /// How many branches strictly below are in each state, by `OrgState.rawValue`.
        package var branchStates: [Int] = Array(repeating: 0, count: OrgState.allCases.count)
        package var members = 0
        package var probationary = 0
        /// People in the development pipeline who are not yet admitted.
        package var applicants = 0
        /// The date of the newest held record, its own or below.
        package var lastHeld: LocalDate?
        /// A branch's cells, one per column of `OrgSummaries.columns`; empty for others.
        package var cells: [Cell] = []
        /// A branch's rules outside the columns (organization, dues, records …), as one cell.
        package var other = Cell.notApplicable
        /// The open errors and warnings, errors first, consecutive periods told once: the
        /// reasons an overview names.
        package var reasons: [Diagnostic] = []
        /// What the current period still asks, neither held nor planned.
        package var openDue: [DueItem] = []
        /// For each ended month of the window: whether the branch met every requirement whose
        /// period ended that month; nil before it was established. Empty for others.
        package var months: [Bool?] = []

        /// Whether the organization keeps no roster of its own, so that its people are those
        /// of the rosters below it.
        var rosterless = false

        /// How many branches are below it.
        package var branchCount: Int { branchStates.reduce(0, +) }

        /// Adds a child's finished totals.
        mutating func fold(_ child: Summary, isBranch: Bool) {
            rolled = max(rolled, child.rolled)
            for state in OrgState.allCases {
                branchStates[state.rawValue] += child.branchStates[state.rawValue]
            }
            if isBranch { branchStates[child.rolled.rawValue] += 1 }
            if rosterless {
                members += child.members
                probationary += child.probationary
            }
            applicants += child.applicants
            if let date = child.lastHeld, lastHeld.map({ date > $0 }) ?? true { lastHeld = date }
        }
        /// Open errors and warnings, the measure of how far a branch is from met.
        package var openCount: Int { reasons.count }
    }

    /// The periodic rules the matrix has a column for, in order: those not turned off.
    package let columns: [RuleID]
    /// The ended months of the window, oldest first, that the trend shows.
    package let trendMonths: [Period]
    package let summaries: [Summary]
    /// The whole tree as if it were one organization above the top: what the home page counts.
    package let whole: Summary

    /// Nothing known: what the passes before the findings pass render with.
    package static let none = OrgSummaries(
        columns: [], trendMonths: [], summaries: [], whole: Summary())

    private init(columns: [RuleID], trendMonths: [Period], summaries: [Summary], whole: Summary) {
        self.columns = columns
        self.trendMonths = trendMonths
        self.summaries = summaries
        self.whole = whole
    }

    package subscript(_ index: Int) -> Summary { summaries[index] }

    package init(
        site: Site, tree: OrgTree, findings: Findings, rows: [String: [CalendarRow]],
        asOf: LocalDate, windowMonths: Int
    ) {
        let off = site.config.rules.severity.filter { $0.value.value == .off }.keys
        let columns = RuleRegistry.overviewRules.filter { !off.contains($0) }
        let trendMonths = Array(HeatMap.months(asOf: asOf, windowMonths: windowMonths).dropLast())
        let organizations = site.organizations
        var summaries = Parallel.map(Array(organizations.indices)) { index in
            Self.own(
                organizations[index], findings: findings,
                rows: rows[organizations[index].path] ?? [],
                columns: columns, months: trendMonths, asOf: asOf)
        }
        // Children have longer paths than their parents, so they come later in path order:
        // folding from the end gives each parent its children's finished totals.
        var whole = Summary()
        whole.rosterless = true
        for index in organizations.indices.reversed() {
            let child = summaries[index]
            let isBranch = organizations[index].kind.value.isBranch
            if let parent = tree.parent[index] {
                summaries[parent].fold(child, isBranch: isBranch)
            } else {
                whole.fold(child, isBranch: isBranch)
            }
        }
        self.columns = columns
        self.trendMonths = trendMonths
        self.summaries = summaries
        self.whole = whole
    }

    /// What an organization's own content and findings say, before the roll-up.
    private static func own(
        _ org: Organization, findings: Findings, rows: [CalendarRow], columns: [RuleID],
        months: [Period], asOf: LocalDate
    ) -> Summary {
        var summary = Summary()
        let diagnostics = findings.own(org.path)
        let due = findings.due(of: org.path)
        summary.own = OrgState.of(diagnostics, due: due)
        summary.rosterless = org.rosterFile == nil
        summary.rolled = summary.own
        summary.members = org.members.count
        summary.probationary = org.members.filter { $0.status.value == .probationary }.count
        summary.applicants =
            org.development.filter { entry in
                !entry.stages.keys.contains { $0 >= .admitted }
            }.count
        for record in org.records where record.status.value == .held && record.date.value <= asOf {
            if summary.lastHeld.map({ record.date.value > $0 }) ?? true {
                summary.lastHeld = record.date.value
            }
        }
        let open = diagnostics.filter { !$0.waived && $0.severity != .note }
        summary.reasons = HumanReport.grouped(
            open.filter { $0.severity == .error } + open.filter { $0.severity == .warning })
        summary.openDue = due.filter(\.isOpen)
        guard org.kind.value.isBranch else { return summary }

        var byRule: [RuleID: [Diagnostic]] = [:]
        for diagnostic in diagnostics { byRule[diagnostic.rule, default: []].append(diagnostic) }
        var dueByRule: [RuleID: [DueItem]] = [:]
        for item in due { dueByRule[item.rule, default: []].append(item) }
        var evaluatedByRule: [RuleID: Int] = [:]
        for row in rows { evaluatedByRule[row.rule, default: 0] += row.evaluated }
        summary.cells = columns.map { rule in
            guard let evaluated = evaluatedByRule[rule] else { return .notApplicable }
            let own = byRule[rule] ?? []
            let waived = own.filter(\.waived).count
            return Cell(
                applies: true, state: OrgState.of(own, due: dueByRule[rule] ?? []),
                evaluated: max(0, evaluated - waived), missed: own.filter { !$0.waived }.count)
        }
        let columnSet = Set(RuleRegistry.overviewRules)
        let others = diagnostics.filter { !columnSet.contains($0.rule) }
        summary.other = Cell(
            applies: true, state: OrgState.of(others, due: []), evaluated: 0,
            missed: others.filter { !$0.waived && $0.severity != .note }.count)

        // A month is met when no open gap of a periodic rule ends in it.
        var missedMonths = Set<String>()
        for diagnostic in diagnostics where !diagnostic.waived && diagnostic.severity != .note {
            guard let id = diagnostic.period, let period = PeriodText.period(id) else { continue }
            missedMonths.insert(Period(.month, containing: period.end).id)
        }
        summary.months = months.map { month in
            month.end < org.established.value ? nil : !missedMonths.contains(month.id)
        }
        return summary
    }
}
