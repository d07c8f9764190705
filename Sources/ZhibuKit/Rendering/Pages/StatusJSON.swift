import ZhibuModel
import ZhibuRules

/// `status.json`: every organization's states, scorecard, due items and findings, the JSON
/// report of `check` per organization, for dashboards and scripts (README, "The portal").
///
/// It carries every number the portal shows, so an outside dashboard can rebuild them: each
/// organization's own and rolled-up state, the states of the branches below it, each rule's
/// state, what the current period still asks, and for a branch its cells of the overview's
/// matrix. In a public build its findings are those of the public pages (member-level ones as
/// counts).
enum StatusJSON: PageKind {
    static let name = "status-json"
    static let pass = RenderPass.findings
    /// One file with every organization and finding: on a site of a thousand organizations it
    /// takes as long as a hundred status pages.
    static let runsLong = true

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob("status.json", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        let language = context.site.config.defaultLanguage
        let json = JSONReport(language: language)
        let summaries = context.summaries
        // Into bytes: a province's file holds an entry for each of its organizations and an
        // object for each of their findings.
        var out: [UInt8] = []
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func string(_ text: String) { JSON.append(text, to: &out) }
        /// `[` and each item written by `write`, separated by `, `, and `]`.
        func list<Item>(_ items: some Sequence<Item>, _ write: (Item) -> Void) {
            put("[")
            for (index, item) in items.enumerated() {
                if index > 0 { put(", ") }
                write(item)
            }
            put("]")
        }
        put("{\"version\": 1, \"as_of\": ")
        string(context.asOf.description)
        put(", \"audience\": ")
        string(context.audience.rawValue)
        put(", \"requirements\": ")
        list(summaries.columns) { string($0.rawValue) }
        put(", \"organizations\": [")
        for (index, org) in context.site.organizations.enumerated() {
            let own = context.findings.own(org.path)
            let due = context.findings.due(of: org.path)
            let summary = summaries[index]
            put(index == 0 ? "\n  " : ",\n  ")
            put("{\"org\": ")
            string(org.path)
            put(", \"name\": ")
            string(org.name.zh.value)
            put(", \"kind\": ")
            string(org.kind.value.rawValue)
            put(", \"status\": \"\(summary.rolled.key)\", \"own_status\": \"\(summary.own.key)\", ")
            var counts = (errors: 0, warnings: 0, notes: 0, waived: 0)
            for diagnostic in own {
                switch diagnostic.severity {
                case .error: counts.errors += 1
                case .warning: counts.warnings += 1
                case .note: counts.notes += 1
                }
                if diagnostic.waived { counts.waived += 1 }
            }
            put("\"summary\": {\"errors\": \(counts.errors), \"warnings\": \(counts.warnings), ")
            put("\"notes\": \(counts.notes), \"waived\": \(counts.waived)}, ")
            put("\"people\": {\"members\": \(summary.members), ")
            put("\"probationary\": \(summary.probationary), ")
            put("\"applicants\": \(summary.applicants)}, ")
            put("\"last_held\": ")
            JSON.append(optional: summary.lastHeld?.description, to: &out)
            put(", \"branches_below\": {")
            for (position, state) in OrgState.allCases.enumerated() {
                if position > 0 { put(", ") }
                put("\"\(state.key)\": \(summary.branchStates[state.rawValue])")
            }
            put("}, ")
            if org.kind.value.isBranch {
                put("\"matrix\": ")
                list(zip(summaries.columns, summary.cells)) { rule, cell in
                    put("{\"rule\": ")
                    string(rule.rawValue)
                    put(", \"applies\": \(cell.applies), \"status\": \"\(cell.state.key)\", ")
                    put("\"evaluated\": \(cell.evaluated), \"met\": \(cell.met), ")
                    put("\"missed\": \(cell.missed)}")
                }
                put(", \"months\": ")
                list(zip(summaries.trendMonths, summary.months)) { month, met in
                    put("{\"month\": ")
                    string(month.id)
                    put(", \"met\": " + (met.map { $0 ? "true" : "false" } ?? "null") + "}")
                }
                put(", ")
            }
            put("\"scorecard\": ")
            list(OrgStatusPage.Values.scorecardStates(org, own, due, off: context.offRules)) {
                row in
                put("{\"rule\": ")
                string(row.descriptor.id.rawValue)
                put(", \"status\": \"\(row.state.key)\", ")
                var open = 0
                var waived = 0
                for finding in row.findings {
                    if finding.waived {
                        waived += 1
                    } else if finding.severity != .note {
                        open += 1
                    }
                }
                put("\"open\": \(open), \"waived\": \(waived)}")
            }
            put(", \"due\": ")
            list(due) { item in
                put("{\"rule\": ")
                string(item.rule.rawValue)
                put(", \"period\": ")
                string(item.period)
                put(", \"what\": ")
                string(item.what.text(in: language))
                put(", \"deadline\": ")
                string(item.deadline.description)
                put(", \"met\": \(item.met), \"planned\": ")
                JSON.append(optional: item.planned?.description, to: &out)
                put(", \"waived\": \(item.waived), \"status\": \"\(OrgState.of(item).key)\"}")
            }
            put(", \"diagnostics\": ")
            list(own) { json.append($0, to: &out) }
            put("}")
        }
        put("\n]}\n")
        return .file(RenderedFile(path: job.path, bytes: out))
    }
}
