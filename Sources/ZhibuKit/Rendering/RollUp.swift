import ZhibuModel
import ZhibuRules

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
        org: Organization, site: Site, diagnostics: [Diagnostic], asOf: LocalDate,
        windowMonths: Int, state: (Organization) -> OrgState
    ) {
        let below = site.organizations.filter { $0.path.hasPrefix(org.path + "/") }
            .sorted { $0.path < $1.path }
        let first = HeatMap.months(asOf: asOf, windowMonths: windowMonths).first?.start ?? asOf
        self.branches = below.filter { $0.kind.value.isBranch }.map { branch in
            Branch(
                org: branch, state: state(branch),
                held: branch.records.filter {
                    $0.status.value == .held && $0.date.value <= asOf && $0.date.value >= first
                }.count,
                tally: ParticipationChart.windowTally(
                    branch, asOf: asOf, windowMonths: windowMonths))
        }
        var byOrg: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics where !diagnostic.waived && diagnostic.severity != .note {
            guard let path = diagnostic.org else { continue }
            byOrg[path, default: []].append(diagnostic)
        }
        self.findings = below.flatMap { child in
            (byOrg[child.path] ?? []).map { (child, $0) }
        }
    }

    /// How many branches below are in a state.
    package func count(_ state: OrgState) -> Int {
        branches.filter { $0.state == state }.count
    }

    /// The template context: `counts`, `branches` and `findings`.
    package func context(_ language: Language, urls: SiteURLs) -> [String: Any] {
        [
            "total": branches.count,
            "counts": [OrgState.unmet, .due, .met].map { state -> [String: Any] in
                ["state": state.context(language), "count": count(state)]
            },
            "branches": branches.map { branch -> [String: Any] in
                [
                    "name": branch.org.name.text(in: language),
                    "href": urls.link(urls.org(branch.org.path, language)),
                    "state": branch.state.context(language),
                    "held": branch.held,
                    "rate": branch.tally.text,
                    "present": branch.tally.present,
                    "expected": branch.tally.present + branch.tally.absent,
                ]
            },
            "findings": findings.map { org, diagnostic -> [String: Any] in
                present([
                    "org": org.name.text(in: language),
                    "href": urls.link(urls.org(org.path, language)),
                    "rule": diagnostic.rule.rawValue,
                    "severity": diagnostic.severity.label.text(in: language),
                    "severityClass": diagnostic.severity.rawValue,
                    "message": MessageHTML.render(diagnostic.message.text(in: language)),
                ])
            },
        ]
    }
}
