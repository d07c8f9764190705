import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// `rules:` in `site.yml`: severities, parameters, and mistakes in them reported where they are.
@Suite struct RulesConfigTests {
    func check(rules: String, changes: [String: String?] = [:]) -> CheckReport {
        var files = RuleExample(LocalizedText(zh: "", en: ""), changes: changes).files
        files["Content/site.yml"] = ExampleSite.siteYAML + "rules:\n" + rules
        return RuleExampleTests.check(files)
    }

    let missingThemedDay: [String: String?] = [
        ExampleSite.recordPath("2026-03-15", .themedDay): nil
    ]

    @Test func severityOverridesChangeTheLevel() {
        let report = check(
            rules: "  severity: { meeting.themed-day-monthly: warning }\n",
            changes: missingThemedDay)
        let found = report.diagnostics.filter { $0.rule == "meeting.themed-day-monthly" }
        #expect(found.map(\.severity) == [.warning])
        #expect(report.exitCode(strict: false) == 0)
        #expect(report.exitCode(strict: true) == 1)
    }

    /// `waiver.unmatched` is reported by the engine, not by a rule's check: its override is
    /// applied all the same, as to every rule `zhibu rules` lists.
    @Test(
        arguments: [("off", nil), ("note", Severity.note), ("error", .error)]
            as [(String, Severity?)])
    func theUnmatchedWaiverTakesItsOverride(level: String, expected: Severity?) {
        let waiver: [String: String?] = [
            "Content/orgs/branch/org.yml": ExampleSite.orgYAML + """
                waivers:
                  - { rule: meeting.themed-day-monthly, period: 2026-03, reason: 测试, approved_by: 党委 }

                """
        ]
        let report = check(rules: "  severity: { waiver.unmatched: \(level) }\n", changes: waiver)
        let found = report.diagnostics.filter { $0.rule == "waiver.unmatched" }
        #expect(found.map(\.severity) == (expected.map { [$0] } ?? []))
        #expect(report.exitCode(strict: false) == (expected == .error ? 1 : 0))
    }

    @Test func offSilencesARuleAndItsDueItems() {
        let report = check(
            rules: "  severity: { meeting.themed-day-monthly: off }\n", changes: missingThemedDay)
        #expect(report.diagnostics.isEmpty)
        #expect(!report.due.contains { $0.rule == "meeting.themed-day-monthly" })
    }

    @Test func unknownRuleLevelAndParameterAreLocatedWithSuggestions() {
        let report = check(
            rules: """
                  severity: { meeting.themed-day-montly: warning, venue.signage: warn }
                  params: { org.max-member: 40, study.annual-hours: lots, venue.required-systems: [meetings, due] }

                """)
        let messages = report.diagnostics.map {
            "\($0.rule) \($0.location.line ?? 0):\($0.location.column ?? 0) \($0.help.first?.en ?? "")"
        }
        #expect(
            messages == [
                "load.reference-unknown 8:15 did you mean `meeting.themed-day-monthly`?",
                "load.field-type 8:66 did you mean `warning`?",
                "load.reference-unknown 9:13 did you mean `org.max-members`?",
                "load.field-type 9:53 ",
                "load.field-type 9:94 did you mean `dues`?",
            ])
    }

    @Test func parametersChangeTheThresholds() {
        let report = check(
            rules: "  params: { org.max-members: 7, venue.required-systems: [meetings, talks] }\n")
        let rules = report.diagnostics.map(\.rule.rawValue)
        #expect(rules == ["org.max-members", "venue.required-systems"])
        #expect(report.diagnostics.last?.message.en.contains("`talks`") == true)
    }

    @Test func windowMonthsNarrowsThePeriodsJudged() {
        let report = check(
            rules: "  window_months: 3\n",
            changes: [ExampleSite.recordPath("2026-03-15", .themedDay): nil])
        #expect(report.diagnostics.isEmpty)
    }
}
