import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// The inspector's view of the branches below a committee, a general branch or the whole
/// tree: counts and the branches that need attention first on the first screen, then the
/// branch × requirement matrix worst first, each requirement's completion rate (落实率) and the
/// month-by-month share of branches meeting their requirements.
///
/// It reads the branches' `OrgSummaries`, never their findings, so a page costs time in
/// proportion to the branches below it. The detailed findings stay on each branch's page, which
/// every row links to.
package struct Overview: Sendable {
    /// How many branches the first screen names as needing attention.
    package static let attentionCount = 8
    /// A branch whose last held activity is older than this many months is marked dormant.
    package static let dormantMonths = 2
    /// The most branches a page's matrix lists, worst first. A row is about a kilobyte, and a
    /// page lists every branch below it: without a cap a city's home page would be some
    /// 14 MB and a province's 140, which no phone opens. The rest are in `overview.csv` and on
    /// the pages of the organizations below; the counts, rates and trend still cover them all.
    package static let matrixLimit = 500

    /// The branches below, by index, in tree order.
    package let branches: [Int]
    /// The organization the overview is of, nil for the whole tree.
    package let org: Int?

    /// The overview of the branches below `org` (the whole tree for nil), or nil when there are
    /// none.
    package init?(of org: Int?, _ context: RenderContext) {
        let branches = context.tree.descendants(of: org).filter {
            context.site.organizations[$0].kind.value.isBranch
        }
        guard !branches.isEmpty else { return nil }
        self.branches = branches
        self.org = org
    }

    /// The branches worst first: by state, then by how many requirements are not met, then by
    /// how many findings are open, then in tree order.
    package func worstFirst(_ summaries: OrgSummaries) -> [Int] {
        let keyed = branches.enumerated().map { position, index in
            let summary = summaries[index]
            let failing = summary.cells.filter { $0.state >= .attention }.count
            return (index, summary.rolled, failing, summary.openCount, position)
        }
        return keyed.sorted { lhs, rhs in
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            if lhs.2 != rhs.2 { return lhs.2 > rhs.2 }
            if lhs.3 != rhs.3 { return lhs.3 > rhs.3 }
            return lhs.4 < rhs.4
        }.map(\.0)
    }

    /// The requirements that apply to some branch here, each with its index in
    /// `OrgSummaries.columns`: only these have a column.
    package func columns(_ summaries: OrgSummaries) -> [(offset: Int, element: RuleID)] {
        summaries.columns.enumerated().filter { column in
            branches.contains { summaries[$0].cells[column.offset].applies }
        }.map { ($0.offset, $0.element) }
    }

    /// The sentence under a roll-up's heading: its own state, then the states below in words
    /// ("本级达标；下属 150 个党支部中 1 个未达标、3 个需关注").
    package static func sentence(
        own: OrgState, summary: OrgSummaries.Summary, _ language: Language
    ) -> String {
        let total = summary.branchCount
        let parts = OrgState.allCases.reversed().compactMap { state -> String? in
            let count = summary.branchStates[state.rawValue]
            guard count > 0, state != .met || count == total else { return nil }
            return UIStrings.text(
                "overview.part", language, ["count": String(count), "state": state.label(language)])
        }
        return UIStrings.text(
            "overview.sentence", language,
            [
                "own": own.label(language), "total": String(total),
                "parts": parts.joined(separator: language == .zh ? "、" : ", "),
            ])
    }

    /// What `overview.mustache` and `matrix.mustache` show, with the matrix's rows rendered.
    func values(_ context: RenderContext, _ language: Language) throws(RenderError) -> Values {
        let summaries = context.summaries
        let urls = context.urls
        let organizations = context.site.organizations
        let columns = columns(summaries).map(\.offset)
        let dormantBefore = context.asOf.addingMonths(-Overview.dormantMonths)
        // Sorted once: the matrix lists the first `matrixLimit`, the list of branches to look
        // at first reads the whole order.
        let order = worstFirst(summaries)
        let rows = order.prefix(max(1, context.matrixLimit)).map { index in
            let summary = summaries[index]
            let org = organizations[index]
            return Values.Row(
                name: org.name.text(in: language),
                href: urls.link(urls.org(org.path, language)),
                state: summary.rolled.values(language),
                stateSort: summary.rolled.rawValue * 1000 + summary.openCount,
                cells: columns.map { summary.cells[$0] } + [summary.other],
                lastHeld: summary.lastHeld.map { $0.description },
                dormant: summary.lastHeld.map { $0 < dormantBefore } ?? true, language: language)
        }
        // Only when the matrix leaves branches out: its rows then no longer add up to the
        // whole, and a row per organization below does.
        let rollupRows =
            rows.count < branches.count
            ? Values.Rollup.rows(of: rollupOrgs(context), columns: columns, context, language) : []
        let renderer = try context.renderer(language)
        let rowItems: Fragment
        do { rowItems = try renderer.fragment(rows, with: "matrix-row") } catch {
            throw RenderError(error)
        }
        return Values(
            overview: self, context: context, language: language, order: order, rows: rows,
            rowItems: rowItems, rollup: rollupRows)
    }

    /// The organizations below whose branches the rolled-up rows sum up: the children of the
    /// overview's organization (the roots for the whole tree) that have branches below them.
    /// A single child that is not a branch would be one row saying what the page says
    /// already, so the rows are then its children, and so on down.
    func rollupOrgs(_ context: RenderContext) -> [Int] {
        let tree = context.tree
        let organizations = context.site.organizations
        var level = org.map { tree.children[$0] } ?? tree.roots
        while level.count == 1, !organizations[level[0]].kind.value.isBranch {
            level = tree.children[level[0]]
        }
        return level.filter {
            !organizations[$0].kind.value.isBranch && context.summaries[$0].branchCount > 0
        }
    }

    struct Values: TemplateValues {
        /// One branch's row of the matrix: an item of `matrix-row.mustache`. A committee's
        /// matrix has a row for every branch below it, so rows are filled in from their few
        /// shapes rather than looked up tag by tag.
        struct Row: TemplateValues {
            var name: String
            var href: String
            var state: OrgState.Values
            /// The state and the open findings, as one number to sort by.
            var stateSort: Int
            var cells: [OrgSummaries.Cell]
            var lastHeld: String?
            var dormant: Bool
            var language: Language

            func write(to writer: inout ValueWriter) {
                let language = language
                writer.text("name", name)
                writer.text("href", href)
                writer.map("state", state)
                writer.number("stateSort", stateSort)
                writer.list("cells", cells) { cell, writer in
                    Values.write(cell, to: &writer, language)
                }
                writer.text("lastHeld", lastHeld)
                writer.flag("dormant", dormant)
            }
        }

        /// One organization below with branches of its own below it, as a row of the
        /// rolled-up table: its state, how many branches it has, and for each requirement
        /// the completion rate of those branches, coloured as the worst of them.
        struct Rollup: TemplateValues {
            /// One requirement over the branches of a row's organization.
            struct Cell {
                /// Whether the requirement applies to any of the branches.
                var applies = false
                /// The worst state of the branches it applies to.
                var worst = OrgState.met
                var met = 0
                var evaluated = 0

                mutating func add(_ cell: OrgSummaries.Cell) {
                    guard cell.applies else { return }
                    applies = true
                    worst = max(worst, cell.state)
                    met += cell.met
                    evaluated += cell.evaluated
                }
            }

            var name: String
            var href: String
            var kind: String
            var state: OrgState.Values
            var stateSort: Int
            var branches: Int
            var cells: [Cell]
            var unit: [String]
            var lastHeld: String?
            var language: Language

            /// The rows of `orgs`, worst first as the matrix is: by state, then by how many
            /// of their branches are not met and need attention, then in tree order. Each
            /// reads the cells of its own branches only, so a page's rows cost what its
            /// matrix does.
            static func rows(
                of orgs: [Int], columns: [Int], _ context: RenderContext,
                _ language: Language
            ) -> [Rollup] {
                let summaries = context.summaries
                let organizations = context.site.organizations
                let units = columns.map {
                    UIStrings.text("unit." + Values.kind(of: summaries.columns[$0]), language)
                }
                let unmet = OrgState.unmet.rawValue
                let attention = OrgState.attention.rawValue
                let ordered = orgs.enumerated().sorted { lhs, rhs in
                    let left = summaries[lhs.element]
                    let right = summaries[rhs.element]
                    if left.rolled != right.rolled { return left.rolled > right.rolled }
                    if left.branchStates[unmet] != right.branchStates[unmet] {
                        return left.branchStates[unmet] > right.branchStates[unmet]
                    }
                    if left.branchStates[attention] != right.branchStates[attention] {
                        return left.branchStates[attention] > right.branchStates[attention]
                    }
                    return lhs.offset < rhs.offset
                }.map(\.element)
                return ordered.map { index in
                    var cells = Array(repeating: Cell(), count: columns.count)
                    for branch in context.tree.descendants(of: index)
                    where organizations[branch].kind.value.isBranch {
                        let own = summaries[branch].cells
                        for (slot, column) in columns.enumerated() { cells[slot].add(own[column]) }
                    }
                    let summary = summaries[index]
                    let org = organizations[index]
                    return Rollup(
                        name: org.name.text(in: language),
                        href: context.urls.link(context.urls.org(org.path, language)),
                        kind: org.kind.value.label.text(in: language),
                        state: summary.rolled.values(language),
                        // Branches counted in millions: a province's committee has fewer.
                        stateSort: summary.rolled.rawValue * 1_000_000_000_000
                            + summary.branchStates[unmet] * 1_000_000
                            + summary.branchStates[attention],
                        branches: summary.branchCount, cells: cells, unit: units,
                        lastHeld: summary.lastHeld.map { $0.description }, language: language)
                }
            }

            func write(to writer: inout ValueWriter) {
                let language = language
                writer.text("name", name)
                writer.text("href", href)
                writer.text("kind", kind)
                writer.map("state", state)
                writer.number("stateSort", stateSort)
                writer.number("branches", branches)
                writer.list("cells", Array(zip(cells, unit))) { pair, writer in
                    let (cell, unit) = pair
                    guard cell.applies else {
                        return Values.writeNotApplicable(to: &writer, language)
                    }
                    let missed = cell.evaluated - cell.met
                    writer.text("class", cell.worst.key)
                    writer.text("icon", cell.worst.icon)
                    writer.text("word", Values.percent(cell.met, of: cell.evaluated))
                    writer.text("title", "\(cell.met)/\(cell.evaluated) \(unit)")
                    // Worse sorts higher, as in the matrix: the worst branch's state, then
                    // the share of periods missed.
                    writer.number(
                        "sort",
                        cell.worst.rawValue * 1000
                            + (cell.evaluated == 0 ? 0 : missed * 100 / cell.evaluated))
                }
                writer.text("lastHeld", lastHeld)
            }
        }

        var overview: Overview
        var context: RenderContext
        var language: Language
        /// Every branch below, worst first (`Overview.worstFirst`).
        var order: [Int]
        /// The matrix's rows, the first of `order`; `rows` for templates that loop them.
        var rows: [Row]
        var rowItems: Fragment
        /// The rolled-up rows, one per organization below (`Overview.rollupOrgs`), when the
        /// matrix leaves branches out; empty otherwise.
        var rollup: [Rollup]

        /// The branches the matrix lists. A status page lists its child branches left out of
        /// them among its children, so that every branch is linked from the page of the
        /// organization above it.
        var matrixBranches: ArraySlice<Int> { order.prefix(rows.count) }

        func write(to writer: inout ValueWriter) {
            let context = context
            let language = language
            let summaries = context.summaries
            let urls = context.urls
            let organizations = context.site.organizations
            let total = overview.org.map { summaries[$0] } ?? summaries.whole
            let window = context.windowText(language)
            writer.text("window", window)
            writer.number("total", overview.branches.count)
            writer.list("counts", Array(OrgState.allCases.reversed())) { state, writer in
                writer.map("state", state.values(language))
                writer.number("count", total.branchStates[state.rawValue])
            }
            writer.number("members", total.members)
            writer.number("probationary", total.probationary)
            writer.number("applicants", total.applicants)
            let attention = order.filter { summaries[$0].rolled != .met }
            let more = attention.count - Overview.attentionCount
            writer.number("attentionMore", more > 0 ? more : nil)
            writer.list("attention", Array(attention.prefix(Overview.attentionCount))) {
                index, writer in
                let summary = summaries[index]
                writer.text("name", organizations[index].name.text(in: language))
                writer.text("href", urls.link(urls.org(organizations[index].path, language)))
                writer.map("state", summary.rolled.values(language))
                writer.text("reasons", Self.reasons(summary, language))
            }
            let columns = overview.columns(summaries)
            writer.list("columns", columns.map(\.element)) { rule, writer in
                writer.text("label", UIStrings.text("col." + rule.rawValue, language))
                writer.text("title", Self.summary(of: rule, language))
            }
            writer.list("rows", rows)
            writer.list("rollup", rollup)
            writer.fragment("rowItems", rowItems)
            // Said under the matrix when it lists only the first branches.
            writer.text(
                "matrixMore",
                rows.count < overview.branches.count
                    ? UIStrings.text(
                        "matrixMore", language,
                        ["shown": String(rows.count), "total": String(overview.branches.count)])
                    : nil)
            writer.list("rates", columns) { column, writer in
                var met = 0
                var evaluated = 0
                for index in overview.branches {
                    let cell = summaries[index].cells[column.offset]
                    met += cell.met
                    evaluated += cell.evaluated
                }
                writer.text("label", Self.summary(of: column.element, language))
                writer.number("met", met)
                writer.number("evaluated", evaluated)
                writer.text("percent", Self.percent(met, of: evaluated))
                writer.number("width", evaluated == 0 ? 0 : met * 100 / evaluated)
                writer.text(
                    "unit", UIStrings.text("unit." + Self.kind(of: column.element), language))
            }
            writer.list("trend", Array(summaries.trendMonths.enumerated())) { month, writer in
                var met = 0
                var counted = 0
                for index in overview.branches {
                    guard month.offset < summaries[index].months.count,
                        let value = summaries[index].months[month.offset]
                    else { continue }
                    counted += 1
                    if value { met += 1 }
                }
                writer.text("month", month.element.label.text(in: language))
                writer.number("met", met)
                writer.number("counted", counted)
                writer.text("percent", Self.percent(met, of: counted))
                writer.number("width", counted == 0 ? 0 : met * 100 / counted)
            }
            let csv =
                overview.org.map { urls.org(organizations[$0].path, urls.defaultLanguage) }
                ?? urls.home(urls.defaultLanguage)
            writer.text("csvHref", urls.link(csv + "overview.csv"))
        }

        /// The first reasons of a branch that is not met, in words: its open findings, or
        /// what is due this period.
        static func reasons(_ summary: OrgSummaries.Summary, _ language: Language) -> String {
            var texts = summary.reasons.map { MessageHTML.render($0.message.text(in: language)) }
            if texts.isEmpty {
                texts = summary.openDue.map { item in
                    XML.escapeHTML(
                        UIStrings.text(
                            "overview.dueReason", language,
                            [
                                "what": item.what.text(in: language),
                                "date": DateText.format(item.deadline, language),
                            ]))
                }
            }
            let shown = texts.prefix(2)
            var out = shown.joined(separator: language == .zh ? "；" : "; ")
            if texts.count > shown.count {
                out += XML.escapeHTML(
                    UIStrings.text(
                        "overview.more", language,
                        ["total": String(texts.count), "more": String(texts.count - shown.count)]))
            }
            return out
        }

        /// One cell: an icon and a word, and the number behind it for sorting.
        /// A cell of a requirement that applies to no branch of its row, in the matrix and
        /// in the rolled-up rows alike: a dash, "not applicable", sorted below every state.
        static func writeNotApplicable(to writer: inout ValueWriter, _ language: Language) {
            writer.text("class", "na")
            writer.text("icon", "–")
            writer.text("word", UIStrings.text("overview.na", language))
            writer.number("sort", -1)
        }

        static func write(
            _ cell: OrgSummaries.Cell, to writer: inout ValueWriter, _ language: Language
        ) {
            guard cell.applies else { return writeNotApplicable(to: &writer, language) }
            let state = cell.state
            writer.text("class", state.key)
            writer.text("icon", state.icon)
            switch state {
            case .met, .due:
                writer.text("word", state.label(language))
            case .attention, .unmet:
                writer.text(
                    "word",
                    UIStrings.text("overview.missed", language, ["count": String(cell.missed)]))
            }
            writer.text("title", state.label(language))
            writer.number("sort", state.rawValue * 1000 + cell.missed)
        }

        static func percent(_ part: Int, of whole: Int) -> String {
            guard whole > 0 else { return "—" }
            return "\(part * 100 / whole)%"
        }

        /// A rule's requirement in words, for a column's title and the rates.
        static func summary(of rule: RuleID, _ language: Language) -> String {
            UIStrings.text("colTitle." + rule.rawValue, language)
        }

        /// The period of a column's rule: month, quarter or year.
        static func kind(of rule: RuleID) -> String {
            if rule.rawValue.hasSuffix("-monthly") { return "month" }
            if rule.rawValue.hasSuffix("-quarterly") { return "quarter" }
            return "year"
        }
    }
}
