import Foundation
import FoundationXML
import Testing

/// The CI formats of `check`: SARIF against the official schema, GitHub annotations with the
/// step summary, JUnit and GitLab Code Quality, each run on the real findings of the example
/// site with its two mistakes put back (`CLITests.noncompliant`).
@Suite struct FormatTests {
    let cli = CLITests()

    func run(_ format: String, _ extra: [String] = [], environment: [String: String] = [:]) throws
        -> CLITests.Run
    {
        try cli.zhibu(
            ["--site", try CLITests.noncompliant.get().path, "check", "--format", format] + extra,
            environment: environment)
    }

    @Test func sarifIsValidAgainstTheOfficialSchema() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try run("sarif", ["--output", output.path])
        #expect(run.status == 1)  // the demo has two errors on purpose

        let (status, messages) = try CLITests.tool([
            "python3", CLITests.root.appendingPathComponent("Tests/Tools/validate_sarif.py").path,
            output.path,
        ])
        #expect(status == 0, "\(messages)")

        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        let driver = try #require(
            (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count >= 16)
        #expect(rules.allSatisfy { ($0["help"] as? [String: Any])?["text"] is String })
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let waived = results.filter { $0["suppressions"] != nil }
        #expect(waived.count == 1)
        #expect(waived.first?["ruleId"] as? String == "meeting.themed-day-monthly")
        let absence = results.first { $0["ruleId"] as? String == "record.absence-reason" }
        let region =
            (((absence?["locations"] as? [[String: Any]])?.first?["physicalLocation"])
            as? [String: Any])?["region"] as? [String: Int]
        #expect(region?["startLine"] == 14)
    }

    @Test func githubAnnotationsPutErrorsFirstAndWriteTheStepSummary() throws {
        let summary = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-summary-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: summary) }
        try Data("# earlier step\n".utf8).write(to: summary)
        let run = try run(
            "github", ["--lang", "en"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("::") })
        let kinds = lines.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(kinds == kinds.sorted { rank($0) < rank($1) })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "::warning file=Content/orgs/jiguan-committee/rd-branch/activities/2026/10-12-group-meeting-g2.md,line=14,col=14,title=record.absence-reason::"
                )
            })
        let table = try String(contentsOf: summary, encoding: .utf8)
        #expect(table.hasPrefix("# earlier step\n## zhibu check (as of 2026-11-24)"))
        #expect(table.contains("| `meeting.committee-monthly` |"))
        #expect(table.contains("| waived | `meeting.themed-day-monthly` |"))
    }

    private func rank(_ kind: String) -> Int {
        kind == "::error" ? 0 : kind == "::warning" ? 1 : 2
    }

    @Test func junitHasOneCasePerRuleAndOrganization() throws {
        let plain = try run("junit")
        let document = try XMLDocument(data: Data(plain.stdout.utf8))
        let suites = try document.nodes(forXPath: "//testsuite")
        #expect(suites.count == 7)
        let rd = try #require(
            suites.compactMap { $0 as? XMLElement }.first {
                $0.attribute(forName: "name")?.stringValue == "jiguan-committee/rd-branch"
            })
        #expect(rd.attribute(forName: "failures")?.stringValue == "2")
        let failing = try rd.nodes(forXPath: "testcase[failure]").compactMap {
            ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue
        }
        #expect(failing == ["dev.probation-overdue", "meeting.committee-monthly"])

        // Under --strict the warning fails too.
        let strict = try XMLDocument(data: Data(try run("junit", ["--strict"]).stdout.utf8))
        let strictFailing = try strict.nodes(forXPath: "//testcase[failure]").count
        #expect(strictFailing == 3)
    }

    @Test func gitlabCodeQualityHasStableUniqueFingerprints() throws {
        let first = try run("gitlab")
        let second = try run("gitlab")
        #expect(first.stdout == second.stdout)
        let issues = try #require(
            try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 4)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count)
        #expect(Set(issues.compactMap { $0["severity"] as? String }) == ["major", "minor", "info"])
    }

    @Test func rulesListsEveryRuleAndExplainsOne() throws {
        let list = try cli.zhibu(["rules", "--lang", "en"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("rule "))
        #expect(list.stdout.contains("meeting.themed-day-monthly"))
        #expect(list.stdout.contains("BWR Art. 16; EMR Art. 16"))

        let one = try cli.zhibu(["rules", "record.absence-reason"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("通过的示例"))
        #expect(one.stdout.contains("absent: [m07]"))

        let unknown = try cli.zhibu(["rules", "meeting.themed-day-montly"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `meeting.themed-day-monthly`?"))
    }
}
