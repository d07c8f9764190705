import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The `study.*`, `dev.*`, `dues.*` and `venue.*` rules on their edges.
@Suite struct StudyDevDuesVenueRuleTests {
    static let roster = "Content/orgs/branch/members.csv"
    static let development = "Content/orgs/branch/development.yml"
    static let dues2025 = "Content/orgs/branch/dues/2025.csv"
    static let dues2026 = "Content/orgs/branch/dues/2026.csv"
    static let orgFile = "Content/orgs/branch/org.yml"

    // MARK: - study.annual-hours

    @Test func membersWhoJoinedDuringTheYearOweAShareByMonths() throws {
        let report = check([
            Self.roster: ExampleSite.roster
                + "m09,周杰,probationary,2025-07-10,2026-07-10,\n"
                + "m10,吴敏,probationary,2025-07-20,2026-07-20,\n"
                + "m11,郑军,probationary,2026-01-05,,\n",
            ExampleSite.recordPath("2025-08-01", .study): ExampleSite.record(
                .study, date: "2025-08-01", attendees: ["m09", "m10"], extra: "study_hours: 15\n"),
        ])
        // m09: July counts (joined on the 10th), 6 months → 16 hours; m10: 5 months → 13 hours;
        // m11 joined after 2025 and owes nothing for it.
        let found = findings(report, "study.annual-hours")
        #expect(found.map(\.period) == ["2025"])
        let finding = try #require(found.first)
        #expect(
            finding.location == SourceLocation(file: Self.roster, line: 10, column: 1, length: 3))
        #expect(
            finding.message.en == "`m09` (周杰) studied 15 hours in 2025, fewer than the 16 required")
    }

    @Test func theRequiredHoursAreAParameter() {
        let report = check([
            "Content/site.yml": ExampleSite.siteYAML
                + "rules:\n  params: { study.annual-hours: 49 }\n"
        ])
        let found = findings(report, "study.annual-hours")
        #expect(found.count == 7)
        #expect(Set(found.compactMap(\.period)) == ["2025"])
        #expect(
            found.first?.message.en.contains("studied 48 hours in 2025, fewer than the 49") == true)
    }

    // MARK: - dev.*

    @Test func aTalkExactlyOneMonthAfterApplyingIsInTime() {
        let entries = ExampleSite.files[Self.development] ?? ""
        let inTime = check([
            Self.development: entries.replacingOccurrences(
                of: "talked: 2024-03-20", with: "talked: 2024-04-01")
        ])
        #expect(findings(inTime, "dev.talk-within-month").isEmpty)
        let late = check([
            Self.development: entries.replacingOccurrences(
                of: "talked: 2024-03-20", with: "talked: 2024-04-02")
        ])
        #expect(
            findings(late, "dev.talk-within-month").map(\.location)
                == [SourceLocation(file: Self.development, line: 4, column: 11, length: 10)])
    }

    @Test func anApplicationWithoutATalkIsLateOnlyAfterAMonth() {
        let entries = ExampleSite.files[Self.development] ?? ""
        let young = check([
            Self.development: entries + "- { id: d02, name: 周杰, applied: 2026-10-24 }\n"
        ])
        #expect(findings(young, "dev.talk-within-month").isEmpty)
        let old = check([
            Self.development: entries + "- { id: d02, name: 周杰, applied: 2026-10-23 }\n"
        ])
        #expect(findings(old, "dev.talk-within-month").map(\.location.line) == [9])
    }

    @Test(arguments: [
        ("2024-04-15", "2025-04-15", 0), ("2024-04-15", "2025-04-14", 1),
        ("2024-02-29", "2025-02-28", 0), ("2024-02-29", "2025-02-27", 1),
    ])
    func anActivistBecomesACandidateAfterAFullYear(activist: String, candidate: String, count: Int)
    {
        let entries = (ExampleSite.files[Self.development] ?? "")
            .replacingOccurrences(of: "activist: 2024-04-15", with: "activist: \(activist)")
            .replacingOccurrences(of: "candidate: 2025-05-10", with: "candidate: \(candidate)")
        let found = findings(check([Self.development: entries]), "dev.activist-one-year")
        #expect(found.count == count)
        #expect(found.allSatisfy { $0.location.line == 6 })
    }

    @Test(arguments: [("2025-11-24", 0), ("2025-11-23", 1)])
    func probationIsOverdueOnlyAfterAFullYear(joined: String, count: Int) {
        let report = check([
            Self.roster: ExampleSite.roster.replacingOccurrences(
                of: "probationary,2026-05-10", with: "probationary,\(joined)")
        ])
        let found = findings(report, "dev.probation-overdue")
        #expect(found.count == count)
        #expect(found.allSatisfy { $0.location.line == 9 && $0.location.column == 8 })
    }

    @Test func aMemberWithFullSinceIsNotOverdue() {
        let report = check([
            Self.roster: ExampleSite.roster.replacingOccurrences(
                of: "probationary,2026-05-10,,", with: "probationary,2024-05-10,2025-05-10,")
        ])
        #expect(findings(report, "dev.probation-overdue").isEmpty)
    }

    // MARK: - dues.*

    @Test func aMemberMissingFromTheYearsFileOwesEveryMonth() {
        let report = check([
            Self.dues2026: (ExampleSite.files[Self.dues2026] ?? "")
                .split(separator: "\n").filter { !$0.hasPrefix("m07,") }
                .joined(separator: "\n") + "\n"
        ])
        let monthly = findings(report, "dues.monthly")
        #expect(monthly.compactMap(\.period) == (1...10).map { "2026-\($0 < 10 ? "0" : "")\($0)" })
        #expect(Set(monthly.map(\.location)).map(\.file) == [Self.roster])
        #expect(Set(monthly.map(\.location.line)) == [8])
        let six = findings(report, "dues.six-months-unpaid")
        #expect(six.map(\.period) == ["2026-06"])
        #expect(six.first?.location.file == Self.roster)
        #expect(
            six.first?.message.en.contains("10 consecutive months, Jan 2026 to Oct 2026") == true)
    }

    /// A payment date as Excel writes it (2026/1/5) is a payment with a fix, not an unpaid
    /// month.
    @Test func aPaymentDateWrittenTheExcelWayIsStillPaid() throws {
        let text = try #require(ExampleSite.files[Self.dues2026])
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("m03,") })
        var cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[1] = "2026/1/5"
        let report = check([
            Self.dues2026: text.replacingOccurrences(
                of: String(row), with: cells.joined(separator: ","))
        ])
        #expect(findings(report, "dues.monthly").isEmpty)
        let fix = report.diagnostics.first { $0.rule == "load.date-invalid" }?.fix
        #expect(fix?.replacement == "2026-01-05")
    }

    @Test func aRunOfUnpaidMonthsIsSeenAcrossYears() {
        let report = check([
            Self.dues2025: replacing("m03", in: Self.dues2025, with: Array(10...12)),
            Self.dues2026: replacing("m03", in: Self.dues2026, with: Array(1...3)),
        ])
        #expect(
            findings(report, "dues.monthly").compactMap(\.period)
                == ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"])
        let six = findings(report, "dues.six-months-unpaid")
        #expect(six.map(\.period) == ["2026-03"])
        // March is the fourth cell of m03's row (line 4), after `m03,,,`.
        #expect(six.map(\.location.file) == [Self.dues2026])
        #expect(six.map(\.location.line) == [4])
        #expect(six.map(\.location.column) == [7])
    }

    @Test func aRunThatEndedBeforeTheWindowIsNotReported() {
        let report = check([Self.dues2025: replacing("m03", in: Self.dues2025, with: Array(1...6))])
        #expect(findings(report, "dues.six-months-unpaid").isEmpty)
        #expect(findings(report, "dues.monthly").isEmpty)
    }

    @Test func exemptMonthsAreNotUnpaid() {
        let report = check([
            Self.dues2026: replacing("m03", in: Self.dues2026, with: Array(1...8), cell: "exempt")
        ])
        #expect(findings(report, "dues.six-months-unpaid").isEmpty)
        #expect(findings(report, "dues.monthly").isEmpty)
    }

    @Test func withoutDuesFilesDuesAreNotTracked() {
        let report = check([Self.dues2025: nil, Self.dues2026: nil])
        #expect(findings(report, "dues.monthly").isEmpty)
        #expect(findings(report, "dues.six-months-unpaid").isEmpty)
    }

    @Test func monthsBeforeJoiningAndTheCurrentMonthAreNotJudged() {
        // m08 joined on 2026-05-10: January to April are empty and fine; May is owed.
        let report = check([
            Self.dues2026: replacing("m08", in: Self.dues2026, with: [5])
        ])
        #expect(findings(report, "dues.monthly").compactMap(\.period) == ["2026-05"])
        // November 2026, the current month, is empty for everyone in the example site.
        #expect(findings(check([:]), "dues.monthly").isEmpty)
    }

    // MARK: - venue.*

    @Test func systemsPostedAboveTheBranchCount() {
        var files: [String: String] = [:]
        for (path, text) in ExampleSite.files {
            let moved = path.replacingOccurrences(
                of: "Content/orgs/branch/", with: "Content/orgs/party/branch/")
            files[moved] = text
        }
        let dues = "Content/orgs/party/branch/systems/dues.md"
        let system = files.removeValue(forKey: dues) ?? ""
        files["Content/orgs/party/org.yml"] =
            "name: 示例党委\nkind: committee\nestablished: 2019-01-01\ncommittee:\n  secretary: m01\n"
        files["Content/orgs/party/systems/dues.md"] = system
        let inherited = RuleExampleTests.check(files)
        #expect(findings(inherited, "venue.required-systems").isEmpty)

        files["Content/orgs/party/systems/dues.md"] = system.replacingOccurrences(
            of: "posted: true", with: "posted: false")
        let unposted = findings(RuleExampleTests.check(files), "venue.required-systems")
        #expect(unposted.map(\.org) == ["party/branch"])
        #expect(unposted.map(\.message.en) == ["the venue displays no `dues` system (Party dues)"])
        // Located at the venue's `location` line of the branch's org.yml.
        #expect(unposted.map(\.location.file) == ["Content/orgs/party/branch/org.yml"])
        #expect(unposted.map(\.location.line) == [8])
    }

    @Test func theRequiredCategoriesAreAParameter() {
        let report = check([
            "Content/site.yml": ExampleSite.siteYAML
                + "rules:\n  params: { venue.required-systems: \"meetings, study\" }\n",
            "Content/orgs/branch/systems/dues.md": nil,
        ])
        #expect(
            findings(report, "venue.required-systems").map(\.message.en)
                == ["the venue displays no `study` system (study and education)"])
    }

    @Test func signageFindingsNameEachMissingItem() {
        let noVenue = check([
            Self.orgFile: ExampleSite.orgYAML.replacingOccurrences(
                of: "venue:\n  name: 党员活动室\n  location: 办公楼3层301\n  signage: [party-flag, oath]\n",
                with: "")
        ])
        let missing = findings(noVenue, "venue.signage")
        #expect(missing.count == 2)
        #expect(missing.allSatisfy { $0.location.line == 3 })
        let noFlag = check([
            Self.orgFile: ExampleSite.orgYAML.replacingOccurrences(
                of: "signage: [party-flag, oath]", with: "signage: [oath, honor-wall]")
        ])
        #expect(
            findings(noFlag, "venue.signage").map(\.message.en)
                == ["the venue's `signage` lacks `party-flag` (the Party flag)"])
        #expect(findings(noFlag, "venue.signage").map(\.location.line) == [9])
    }
}

// MARK: - Helpers

extension StudyDevDuesVenueRuleTests {
    fileprivate func check(_ changes: [String: String?]) -> CheckReport {
        RuleExampleTests.check(RuleExample(LocalizedText(zh: "", en: ""), changes: changes).files)
    }

    fileprivate func findings(_ report: CheckReport, _ rule: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule.rawValue == rule }
            .sorted { ($0.period ?? "", $0.location) < ($1.period ?? "", $1.location) }
    }

    /// The example site's dues file with some of a member's months set to `cell` (empty: unpaid).
    fileprivate func replacing(
        _ member: String, in path: String, with months: [Int], cell: String = ""
    ) -> String {
        (ExampleSite.files[path] ?? "").split(separator: "\n").map { line -> String in
            guard line.hasPrefix(member + ",") else { return String(line) }
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(
                String.init)
            for month in months where cells.indices.contains(month) { cells[month] = cell }
            return cells.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
