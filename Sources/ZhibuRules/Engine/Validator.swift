import Dispatch
import ZhibuModel

/// Runs every rule on a loaded site and turns findings into diagnostics (docs/rules.md).
///
/// The engine, not the rules, stamps each finding with its rule's ID, severity and citation,
/// applies `site.yml`'s severity overrides (`off` skips the rule), and matches waivers: a waived
/// finding becomes a note marked `waived` and never disappears, and a waiver that matches nothing
/// is itself reported.
package enum Validator {
    package struct Result: Sendable {
        package var diagnostics: [Diagnostic]
        /// What the current period still asks of each organization, for the portal and boards.
        package var due: [DueItem]
    }

    package static func validate(
        _ site: Site, asOf: LocalDate, rules: [any Rule.Type] = RuleRegistry.all,
        jobs: Int = 2
    ) -> Result {
        let context = RuleContext(site: site, asOf: asOf)
        let overrides = site.config.rules.severity
        let active = rules.filter { overrides[$0.descriptor.id]?.value != .off }
        let outputs = ResultSlots<([Diagnostic], [DueItem])>(count: active.count)
        let run: @Sendable (Int) -> Void = { index in
            let rule = active[index]
            let descriptor = rule.descriptor
            let level = overrides[descriptor.id]?.value
            let findings: [Finding]
            var due: [DueItem] = []
            if let periodic = rule as? any PeriodicRule.Type {
                // Requirements are built once and give both the findings and what is due now.
                let requirements = periodic.requirements(context)
                findings = requirements.flatMap { $0.findings(context) }
                due = requirements.map { $0.due(context, rule: descriptor.id) }
            } else {
                findings = rule.check(context)
            }
            // Once per rule: the text is built from the citation's parts, and every finding of
            // the rule shares it.
            let citation = descriptor.citation.text
            let diagnostics = findings.map { finding in
                Diagnostic(
                    rule: descriptor.id,
                    severity: severity(of: finding, descriptor: descriptor, override: level),
                    message: finding.message, location: finding.location, org: finding.org,
                    period: finding.period, subject: finding.subject, citation: citation,
                    notes: finding.notes, help: finding.help)
            }
            outputs.set(index, (diagnostics, due))
        }
        if jobs <= 1 {
            for index in active.indices { run(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: active.count, execute: run)
        }
        var diagnostics = outputs.values.flatMap(\.0)
        var due = outputs.values.flatMap(\.1)
        let activeIDs = Set(active.map { $0.descriptor.id })
        applyWaivers(
            site, activeIDs: activeIDs,
            unmatchedLevel: overrides[WaiverUnmatched.descriptor.id]?.value,
            diagnostics: &diagnostics, due: &due)
        due.sort {
            ($0.org, $0.rule, $0.period, $0.what.en) < ($1.org, $1.rule, $1.period, $1.what.en)
        }
        return Result(diagnostics: diagnostics, due: due)
    }

    private static func severity(
        of finding: Finding, descriptor: RuleDescriptor, override: RulesConfig.Level?
    ) -> Severity {
        switch override {
        case .error?: .error
        case .warning?: .warning
        case .note?: .note
        case .off?, nil: finding.severity ?? descriptor.defaultSeverity
        }
    }

    /// Marks findings covered by an approved waiver of their organization (or one above it),
    /// and reports each waiver that covers nothing.
    /// - Parameter unmatchedLevel: `site.yml`'s override for `waiver.unmatched`, which the
    ///   engine reports itself and so applies itself.
    private static func applyWaivers(
        _ site: Site, activeIDs: Set<RuleID>, unmatchedLevel: RulesConfig.Level?,
        diagnostics: inout [Diagnostic], due: inout [DueItem]
    ) {
        // Findings and due items by rule and period, gathered once: a waiver looks at those of
        // its rule and period only, so the work does not grow with waivers × findings.
        struct Key: Hashable {
            var rule: RuleID
            var period: String
        }
        var findingsAt: [Key: [Int]] = [:]
        var dueAt: [Key: [Int]] = [:]
        if site.organizations.contains(where: { !$0.waivers.isEmpty }) {
            for index in diagnostics.indices {
                guard let period = diagnostics[index].period else { continue }
                findingsAt[Key(rule: diagnostics[index].rule, period: period), default: []].append(
                    index)
            }
            for index in due.indices {
                dueAt[Key(rule: due[index].rule, period: due[index].period), default: []].append(
                    index)
            }
        }
        for org in site.organizations {
            for waiver in org.waivers {
                let rule = RuleID(waiver.rule.value)
                guard activeIDs.contains(rule), let period = waiver.period?.value else { continue }
                let key = Key(rule: rule, period: period)
                var used = false
                for index in findingsAt[key] ?? [] where covers(org, diagnostics[index].org) {
                    used = true
                    diagnostics[index].waived = true
                    diagnostics[index].severity = .note
                    let reason = waiver.reason
                    let approver = waiver.approvedBy?.value ?? "—"
                    diagnostics[index].notes.append(
                        LocalizedText(
                            zh: "已豁免：\(reason?.text(in: .zh) ?? "")（批准：\(approver)）",
                            en: "waived: \(reason?.text(in: .en) ?? "") (approved by \(approver))"))
                }
                for index in dueAt[key] ?? [] where covers(org, due[index].org) {
                    used = true
                    due[index].waived = true
                }
                if !used, unmatchedLevel != .off {
                    var diagnostic = unmatched(waiver, org: org)
                    switch unmatchedLevel {
                    case .error?: diagnostic.severity = .error
                    case .warning?: diagnostic.severity = .warning
                    case .note?: diagnostic.severity = .note
                    case .off?, nil: break
                    }
                    diagnostics.append(diagnostic)
                }
            }
        }
    }

    private static func covers(_ waiverOrg: Organization, _ path: String?) -> Bool {
        guard let path else { return false }
        return path == waiverOrg.path || path.hasPrefix(waiverOrg.path + "/")
    }

    private static func unmatched(_ waiver: Waiver, org: Organization) -> Diagnostic {
        let descriptor = WaiverUnmatched.descriptor
        return Diagnostic(
            rule: descriptor.id, severity: descriptor.defaultSeverity,
            message: LocalizedText(
                zh: "豁免 `\(waiver.rule.value)`（\(waiver.period?.value ?? "")）没有对应任何问题",
                en:
                    "the waiver for `\(waiver.rule.value)` (\(waiver.period?.value ?? "")) matches no finding"
            ),
            location: waiver.rule.location, org: org.path, period: waiver.period?.value,
            citation: descriptor.citation.text,
            help: [
                LocalizedText(
                    zh: "检查期间是否写错（月写作 YYYY-MM，季度 YYYY-Qn，年 YYYY）；不再需要的豁免请删除",
                    en:
                        "check the period (YYYY-MM for a month, YYYY-Qn for a quarter, YYYY for a year); delete waivers that are no longer needed"
                )
            ])
    }
}

/// Slots written once each from the worker threads, read after they finish.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = RulesLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.locked { slots[index] = value } }

    var values: [Value] { lock.locked { slots.compactMap { $0 } } }
}
