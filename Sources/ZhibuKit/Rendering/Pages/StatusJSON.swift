import ZhibuModel
import ZhibuRules

/// `status.json`: every organization's states, scorecard, due items and findings, the JSON of
/// SPEC §2.1 per organization, for dashboards and scripts.
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
        var out =
            "{\"version\": 1, \"as_of\": \(JSON.string(context.asOf.description)), "
            + "\"audience\": \(JSON.string(context.audience.rawValue)), "
            + "\"requirements\": ["
            + summaries.columns.map { JSON.string($0.rawValue) }.joined(separator: ", ")
            + "], \"organizations\": ["
        for (index, org) in context.site.organizations.enumerated() {
            let own = context.findings.own(org.path)
            let due = context.findings.due(of: org.path)
            let summary = summaries[index]
            out += index == 0 ? "\n  " : ",\n  "
            out +=
                "{\"org\": \(JSON.string(org.path)), \"name\": \(JSON.string(org.name.zh.value)), "
            out += "\"kind\": \(JSON.string(org.kind.value.rawValue)), "
            out += "\"status\": \"\(summary.rolled.key)\", \"own_status\": \"\(summary.own.key)\", "
            out += "\"summary\": {\"errors\": \(own.filter { $0.severity == .error }.count), "
            out += "\"warnings\": \(own.filter { $0.severity == .warning }.count), "
            out += "\"notes\": \(own.filter { $0.severity == .note }.count), "
            out += "\"waived\": \(own.filter(\.waived).count)}, "
            out += "\"people\": {\"members\": \(summary.members), "
            out += "\"probationary\": \(summary.probationary), "
            out += "\"applicants\": \(summary.applicants)}, "
            out +=
                "\"last_held\": " + (summary.lastHeld.map { JSON.string($0.description) } ?? "null")
            out += ", \"branches_below\": {"
            out +=
                OrgState.allCases.map { "\"\($0.key)\": \(summary.branchStates[$0.rawValue])" }
                .joined(separator: ", ") + "}, "
            if org.kind.value.isBranch {
                out +=
                    "\"matrix\": ["
                    + zip(summaries.columns, summary.cells).map { rule, cell in
                        "{\"rule\": \(JSON.string(rule.rawValue)), \"applies\": \(cell.applies), "
                            + "\"status\": \"\(cell.state.key)\", \"evaluated\": \(cell.evaluated), "
                            + "\"met\": \(cell.met), \"missed\": \(cell.missed)}"
                    }.joined(separator: ", ") + "], "
                out +=
                    "\"months\": ["
                    + zip(summaries.trendMonths, summary.months).map {
                        month, met in
                        "{\"month\": \(JSON.string(month.id)), \"met\": "
                            + (met.map { $0 ? "true" : "false" } ?? "null") + "}"
                    }.joined(separator: ", ") + "], "
            }
            out += "\"scorecard\": ["
            out +=
                OrgStatusPage.Values.scorecardStates(org, own, due, off: context.offRules).map {
                    row in
                    "{\"rule\": \(JSON.string(row.descriptor.id.rawValue)), "
                        + "\"status\": \"\(row.state.key)\", "
                        + "\"open\": \(row.findings.filter { !$0.waived && $0.severity != .note }.count), "
                        + "\"waived\": \(row.findings.filter(\.waived).count)}"
                }.joined(separator: ", ") + "], "
            out +=
                "\"due\": ["
                + due.map { item in
                    "{\"rule\": \(JSON.string(item.rule.rawValue)), "
                        + "\"period\": \(JSON.string(item.period)), "
                        + "\"what\": \(JSON.string(item.what.text(in: language))), "
                        + "\"deadline\": \(JSON.string(item.deadline.description)), "
                        + "\"met\": \(item.met), \"planned\": "
                        + (item.planned.map { JSON.string($0.description) } ?? "null")
                        + ", \"waived\": \(item.waived), \"status\": \"\(OrgState.of(item).key)\"}"
                }.joined(separator: ", ") + "], "
            out += "\"diagnostics\": [" + own.map(json.object).joined(separator: ", ") + "]}"
        }
        return .file(RenderedFile(path: job.path, text: out + "\n]}\n"))
    }
}
