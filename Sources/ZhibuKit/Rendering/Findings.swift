import ZhibuModel
import ZhibuRules

/// The rules' findings and due items as the pages read them: grouped by organization once, with
/// every organization's state rolled up over the organizations below it.
///
/// Grouping once keeps rendering linear: a status page, a roll-up or `status.json` looks up
/// its own organization's findings instead of filtering the whole site's again, so the work
/// never grows with organizations × findings.
package struct Findings: Sendable {
    /// Every diagnostic, in output order.
    package let diagnostics: [Diagnostic]
    package let due: [DueItem]
    private let byOrg: [String: [Diagnostic]]
    private let dueByOrg: [String: [DueItem]]
    /// The worst state of each organization and everything below it, by path.
    private let rolledUp: [String: OrgState]

    /// No findings: what the first pass renders with, which shows none.
    package static let none = Findings(diagnostics: [], due: [])

    package init(diagnostics: [Diagnostic], due: [DueItem]) {
        self.diagnostics = diagnostics
        self.due = due
        var byOrg: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            guard let path = diagnostic.org else { continue }
            byOrg[path, default: []].append(diagnostic)
        }
        var dueByOrg: [String: [DueItem]] = [:]
        for item in due { dueByOrg[item.org, default: []].append(item) }
        // An organization's state over its subtree is the worst of the states of every group
        // of findings at or below its path: each group is folded into all its ancestors.
        var rolledUp: [String: OrgState] = [:]
        for path in Set(byOrg.keys).union(dueByOrg.keys) {
            let state = OrgState.of(byOrg[path] ?? [], due: dueByOrg[path] ?? [])
            var ancestor = Substring(path)
            while true {
                let key = String(ancestor)
                rolledUp[key] = max(rolledUp[key] ?? .met, state)
                guard let slash = ancestor.lastIndex(of: "/") else { break }
                ancestor = ancestor[..<slash]
            }
        }
        self.byOrg = byOrg
        self.dueByOrg = dueByOrg
        self.rolledUp = rolledUp
    }

    /// The diagnostics about the organization itself, in output order.
    package func own(_ path: String) -> [Diagnostic] { byOrg[path] ?? [] }

    /// What the current period still asks of the organization itself.
    package func due(of path: String) -> [DueItem] { dueByOrg[path] ?? [] }

    /// The worst state of the organization and of every organization below it.
    package func state(of path: String) -> OrgState { rolledUp[path] ?? .met }
}
