import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// What the status page of a general branch or a committee adds about the organizations below
/// it: how many branches are met, due or not met, each branch's participation over the window,
/// and every open finding below, each linked to the page of the organization it is about.
///
/// A committee secretary reads this page to see where to go next, so it lists problems rather than
/// successes, worst first in the counts and in tree order in the lists.
package struct RollUp: Sendable {
    /// One branch below: its state, held records in the window and attendance.
    package struct Branch: Sendable {
        package var org: Organization
        package var state: OrgState
        package var held: Int
        package var tally: ParticipationChart.Tally
    }

    package var branches: [Branch]
    /// Open (not waived) errors and warnings of every organization below, in tree order.
    package var findings: [(org: Organization, diagnostic: Diagnostic)]

    package init(
        org: Organization, site: Site, findings: Findings, asOf: LocalDate, windowMonths: Int
    ) {
        let below = site.organizations.filter { $0.path.hasPrefix(org.path + "/") }
            .sorted { $0.path < $1.path }
        let first = HeatMap.months(asOf: asOf, windowMonths: windowMonths).first?.start ?? asOf
        self.branches = below.filter { $0.kind.value.isBranch }.map { branch in
            Branch(
                org: branch, state: findings.state(of: branch.path),
                held: branch.records.filter {
                    $0.status.value == .held && $0.date.value <= asOf && $0.date.value >= first
                }.count,
                tally: ParticipationChart.windowTally(
                    branch, asOf: asOf, windowMonths: windowMonths))
        }
        self.findings = below.flatMap { child in
            findings.own(child.path).filter { !$0.waived && $0.severity != .note }.map {
                (child, $0)
            }
        }
    }

    /// How many branches below are in a state.
    package func count(_ state: OrgState) -> Int {
        branches.filter { $0.state == state }.count
    }

    /// What `org.mustache` shows under `rollup`.
    func values(_ language: Language, urls: SiteURLs, window: String) -> Values {
        Values(summary: self, language: language, urls: urls, window: window)
    }

    struct Values: TemplateValues {
        var summary: RollUp
        var language: Language
        var urls: SiteURLs
        var window: String

        func write(to writer: inout ValueWriter) {
            let language = language
            let urls = urls
            writer.number("total", summary.branches.count)
            writer.list("counts", [OrgState.unmet, .due, .met]) { state, writer in
                writer.map("state", state.values(language))
                writer.number("count", summary.count(state))
            }
            writer.list("branches", summary.branches) { branch, writer in
                writer.text("name", branch.org.name.text(in: language))
                writer.text("href", urls.link(urls.org(branch.org.path, language)))
                writer.map("state", branch.state.values(language))
                writer.number("held", branch.held)
                writer.text("rate", branch.tally.text)
                writer.number("present", branch.tally.present)
                writer.number("expected", branch.tally.present + branch.tally.absent)
            }
            writer.list("findings", summary.findings) { item, writer in
                writer.text("org", item.org.name.text(in: language))
                writer.text("href", urls.link(urls.org(item.org.path, language)))
                writer.text("rule", item.diagnostic.rule.rawValue)
                writer.text("severity", item.diagnostic.severity.label.text(in: language))
                writer.text("severityClass", item.diagnostic.severity.rawValue)
                writer.text(
                    "message", MessageHTML.render(item.diagnostic.message.text(in: language)))
            }
            writer.text("window", window)
        }
    }
}
