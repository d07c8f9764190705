import ZhibuModel
import ZhibuRules

/// The rules' findings and due items as the pages read them: grouped by organization once.
///
/// Grouping once keeps rendering linear: a status page, a roll-up or `status.json` looks up
/// its own organization's findings instead of filtering the whole site's again, so the work
/// never grows with organizations × findings. States rolled up over the tree are in
/// `OrgSummaries`, made from these.
package struct Findings: Sendable {
    /// Every diagnostic, in output order.
    package let diagnostics: [Diagnostic]
    package let due: [DueItem]
    private let byOrg: [String: [Diagnostic]]
    private let dueByOrg: [String: [DueItem]]

    /// No findings: what the passes before the findings pass render with, which show none.
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
        self.byOrg = byOrg
        self.dueByOrg = dueByOrg
    }

    /// The diagnostics about the organization itself, in output order.
    package func own(_ path: String) -> [Diagnostic] { byOrg[path] ?? [] }

    /// What the current period still asks of the organization itself.
    package func due(of path: String) -> [DueItem] { dueByOrg[path] ?? [] }
}

extension Findings {
    /// The findings a public site shows (docs/formats.md, privacy): every finding about a
    /// person becomes a count per organization and rule ("2 名党员欠缴党费"), with the rule's
    /// citation and the worst severity among them, and without the person's name, ID, dates or
    /// numbers.
    ///
    /// The count is of distinct people, so twelve unpaid months of one member are one member;
    /// waived findings are counted apart from open ones, and waiver notes, which may name
    /// the person, are dropped. The states stay those of the full findings.
    package func forPublic() -> Findings {
        struct Key: Hashable {
            var org: String?
            var rule: RuleID
            var waived: Bool
        }
        var groups: [Key: (first: Diagnostic, severity: Severity, subjects: Set<String>)] = [:]
        var order: [Key] = []
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard let subject = diagnostic.subject else {
                kept.append(diagnostic)
                continue
            }
            let key = Key(org: diagnostic.org, rule: diagnostic.rule, waived: diagnostic.waived)
            if var group = groups[key] {
                group.severity = max(group.severity, diagnostic.severity)
                group.subjects.insert(subject)
                groups[key] = group
            } else {
                groups[key] = (diagnostic, diagnostic.severity, [subject])
                order.append(key)
            }
        }
        for key in order {
            guard let group = groups[key] else { continue }
            let count = String(group.subjects.count)
            let phrase =
                RuleRegistry.descriptor(key.rule)?.publicCount
                ?? LocalizedText(zh: "{count} 项涉及个人的问题", en: "{count} findings about members")
            var counted = Diagnostic(
                rule: key.rule, severity: group.severity,
                message: LocalizedText(
                    zh: phrase.zh.replacing("{count}", with: count),
                    en: phrase.en.replacing("{count}", with: count)),
                location: SourceLocation(file: group.first.location.file), org: key.org,
                citation: group.first.citation, waived: key.waived)
            counted.subject = nil
            kept.append(counted)
        }
        return Findings(diagnostics: kept.sortedForOutput(), due: due)
    }
}
