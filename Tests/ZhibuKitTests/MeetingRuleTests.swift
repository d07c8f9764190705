import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The `meeting.*` rules on their edges (README, "The rules"): which periods are evaluated,
/// what counts.
@Suite struct MeetingRuleTests {
    static let orgFile = "Content/orgs/branch/org.yml"
    static let siteFile = "Content/site.yml"

    // MARK: - Which periods are evaluated

    @Test func anOrganizationEstablishedMidQuarterIsNotJudgedOnItsFirstPartialPeriods() {
        let report = check([
            Self.orgFile: ExampleSite.orgYAML.replacingOccurrences(
                of: "established: 2020-01-01", with: "established: 2026-02-10"),
            ExampleSite.recordPath("2026-03-20", .generalMeeting): nil,
            ExampleSite.recordPath("2026-06-20", .generalMeeting): nil,
            ExampleSite.recordPath("2026-09-20", .generalMeeting): nil,
            ExampleSite.recordPath("2026-02-05", .committeeMeeting): nil,
            ExampleSite.recordPath("2026-03-05", .committeeMeeting): nil,
        ])
        #expect(periods(report, "meeting.general-quarterly") == ["2026-Q2", "2026-Q3"])
        #expect(periods(report, "meeting.committee-monthly") == ["2026-03"])
        // Its first year, 2026, has not ended: no yearly finding at all.
        #expect(periods(report, "meeting.org-life-yearly") == [])
        let places = findings(report, "meeting.general-quarterly").map(\.location)
        #expect(places == Array(repeating: SourceLocation.start(of: Self.orgFile), count: 2))
    }

    @Test func aWindowStartingMidYearEvaluatesOnlyThePeriodsEndingInIt() {
        var changes: [String: String?] = [
            Self.siteFile: ExampleSite.siteYAML + "rules:\n  window_months: 5\n",
            ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): nil,
        ]
        for month in ["03", "06", "09"] {
            changes[ExampleSite.recordPath("2026-\(month)-20", .generalMeeting)] = .some(nil)
        }
        for month in 1...10 {
            let date = "2026-\(month < 10 ? "0" : "")\(month)-05"
            changes[ExampleSite.recordPath(date, .committeeMeeting)] = .some(nil)
        }
        let report = check(changes)
        // The window starts on 2026-06-24: June and Q2 end inside it, 2025 does not.
        #expect(periods(report, "meeting.general-quarterly") == ["2026-Q2", "2026-Q3"])
        #expect(
            periods(report, "meeting.committee-monthly")
                == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"])
        #expect(periods(report, "meeting.org-life-yearly") == [])
    }

    @Test func theLeapDayCountsForFebruary() {
        let site =
            ExampleSite.siteYAML.replacingOccurrences(
                of: "as_of: 2026-11-24", with: "as_of: 2024-03-10")
            + "rules:\n  window_months: 2\n"
        let january = ExampleSite.recordPath("2024-01-05", .committeeMeeting)
        let leapDay = ExampleSite.recordPath("2024-02-29", .committeeMeeting)
        let committee = ["m01", "m02", "m03"]
        let both = check([
            Self.siteFile: site,
            january: ExampleSite.record(
                .committeeMeeting, date: "2024-01-05", attendees: committee),
            leapDay: ExampleSite.record(
                .committeeMeeting, date: "2024-02-29", attendees: committee),
        ])
        #expect(both.asOf.description == "2024-03-10")
        #expect(periods(both, "meeting.committee-monthly") == [])
        let withoutLeapDay = check([
            Self.siteFile: site,
            january: ExampleSite.record(
                .committeeMeeting, date: "2024-01-05", attendees: committee),
        ])
        #expect(periods(withoutLeapDay, "meeting.committee-monthly") == ["2024-02"])
    }

    // MARK: - What counts

    @Test func aMeetingLateOnTheLastDayOfAMonthCountsForThatMonth() {
        let late = ExampleSite.record(
            .committeeMeeting, date: "2026-10-31", attendees: ["m01", "m02", "m03"]
        ).replacingOccurrences(of: "14:30-16:00", with: "23:30-23:59")
        #expect(late.contains("time: \"23:30-23:59\""))
        let report = check([
            ExampleSite.recordPath("2026-10-05", .committeeMeeting): nil,
            ExampleSite.recordPath("2026-10-31", .committeeMeeting): late,
        ])
        #expect(periods(report, "meeting.committee-monthly") == [])
        let missing = check([ExampleSite.recordPath("2026-10-05", .committeeMeeting): nil])
        #expect(periods(missing, "meeting.committee-monthly") == ["2026-10"])
    }

    @Test(arguments: ["planned", "cancelled"])
    func plannedAndCancelledRecordsDoNotCount(status: String) {
        let report = check([
            ExampleSite.recordPath("2026-06-20", .generalMeeting): ExampleSite.record(
                .generalMeeting, date: "2026-06-20", extra: "status: \(status)\n")
        ])
        #expect(periods(report, "meeting.general-quarterly") == ["2026-Q2"])
        #expect(
            findings(report, "meeting.general-quarterly").map(\.message.en)
                == ["no general meeting was held in Q2 2026"])
    }

    @Test func oneRecordAlsoCountingAsThemedDayAndLessonMeetsBoth() {
        let removed: [String: String?] = [
            ExampleSite.recordPath("2026-09-15", .themedDay): nil,
            ExampleSite.recordPath("2026-09-25", .partyLesson): nil,
        ]
        var combined = removed
        combined[ExampleSite.recordPath("2026-09-20", .generalMeeting)] = ExampleSite.record(
            .generalMeeting, date: "2026-09-20", extra: "also: [themed-day, party-lesson]\n")
        let report = check(combined)
        #expect(periods(report, "meeting.themed-day-monthly") == [])
        #expect(periods(report, "meeting.lesson-quarterly") == [])
        #expect(periods(report, "meeting.general-quarterly") == [])
        let without = check(removed)
        #expect(periods(without, "meeting.themed-day-monthly") == ["2026-09"])
        #expect(periods(without, "meeting.lesson-quarterly") == ["2026-Q3"])
    }

    // MARK: - The current period

    @Test func theCurrentPeriodIsNeverAFindingButIsDue() throws {
        let report = check([
            ExampleSite.recordPath("2026-11-05", .committeeMeeting): nil,
            ExampleSite.recordPath("2026-12-20", .generalMeeting): ExampleSite.record(
                .generalMeeting, date: "2026-12-20", extra: "status: planned\n"),
        ])
        #expect(periods(report, "meeting.committee-monthly") == [])
        let committee = try #require(due(report, "meeting.committee-monthly"))
        #expect(committee.period == "2026-11")
        #expect(committee.deadline.description == "2026-11-30")
        #expect(!committee.met)
        let general = try #require(due(report, "meeting.general-quarterly"))
        #expect(general.period == "2026-Q4")
        #expect(general.deadline.description == "2026-12-31")
        #expect(!general.met)
        #expect(general.planned?.description == "2026-12-20")
        let orgLife = try #require(due(report, "meeting.org-life-yearly"))
        #expect(orgLife.period == "2026" && !orgLife.met)
        let lesson = try #require(due(report, "meeting.secretary-lesson-yearly"))
        #expect(lesson.period == "2026" && lesson.met)

        let clean = check([:])
        #expect(due(clean, "meeting.committee-monthly")?.met == true)
    }

    // MARK: - Waivers

    @Test func aWaiverForTheWrongPeriodLeavesTheFindingAndIsReported() throws {
        let waiver = { (period: String) in
            ExampleSite.orgYAML + """
                waivers:
                  - { rule: meeting.committee-monthly, period: \(period), reason: 春节, approved_by: 机关党委 }

                """
        }
        let missing = ExampleSite.recordPath("2026-03-05", .committeeMeeting)
        let wrong = check([missing: nil, Self.orgFile: waiver("2026-04")])
        let finding = try #require(findings(wrong, "meeting.committee-monthly").first)
        #expect(periods(wrong, "meeting.committee-monthly") == ["2026-03"])
        #expect(!finding.waived && finding.severity == .error)
        let unmatched = findings(wrong, "waiver.unmatched")
        #expect(unmatched.map(\.period) == ["2026-04"])
        #expect(unmatched.map(\.severity) == [.warning])

        let right = check([missing: nil, Self.orgFile: waiver("2026-03")])
        let waived = try #require(findings(right, "meeting.committee-monthly").first)
        #expect(waived.waived && waived.severity == .note && waived.period == "2026-03")
        #expect(findings(right, "waiver.unmatched").isEmpty)
    }

    // MARK: - Rule by rule

    @Test func aBranchWithoutCommitteeMembersNeedsNoCommitteeMeetings() {
        let report = check([
            Self.orgFile: ExampleSite.orgYAML.replacingOccurrences(
                of: "  members: [m01, m02, m03]\n", with: ""),
            ExampleSite.recordPath("2026-03-05", .committeeMeeting): nil,
        ])
        #expect(periods(report, "meeting.committee-monthly") == [])
        #expect(due(report, "meeting.committee-monthly") == nil)
    }

    @Test func eachGroupNeedsItsOwnMonthlyMeeting() {
        var changes: [String: String?] = [
            Self.orgFile: ExampleSite.orgYAML + """
                groups:
                  - { id: g1, name: 第一党小组, name_en: Group One, leader: m01, members: [m01, m02, m03, m04] }
                  - { id: g2, name: 第二党小组, leader: m05, members: [m05, m06, m07, m08] }

                """
        ]
        for month in 1...10 {
            let prefix = "2026-\(month < 10 ? "0" : "")\(month)"
            changes[ExampleSite.recordPath(prefix + "-08", .groupMeeting)] = ExampleSite.record(
                .groupMeeting, date: prefix + "-08", extra: "group: g1\n")
            // Group Two skips July; its meeting that month is Group One's record, twice.
            let group = month == 7 ? "g1" : "g2"
            changes[ExampleSite.recordPath(prefix + "-09", .groupMeeting)] = ExampleSite.record(
                .groupMeeting, date: prefix + "-09", extra: "group: \(group)\n")
        }
        for month in 11...12 {
            for (day, group) in [("08", "g1"), ("09", "g2")] {
                let date = "2025-\(month)-\(day)"
                changes[ExampleSite.recordPath(date, .groupMeeting)] = ExampleSite.record(
                    .groupMeeting, date: date, extra: "group: \(group)\n")
            }
        }
        let report = check(changes)
        #expect(periods(report, "meeting.group-monthly") == ["2026-07"])
        #expect(
            findings(report, "meeting.group-monthly").map(\.message.en)
                == ["no group meeting of 第二党小组 was held in Jul 2026"])
        #expect(
            findings(report, "meeting.group-monthly").map(\.message.zh)
                == ["2026年7月没有召开第二党小组的党小组会"])
        let whats = report.due.filter { $0.rule.rawValue == "meeting.group-monthly" }.map(\.what.en)
        #expect(whats == ["group meeting of Group One", "group meeting of 第二党小组"])
    }

    @Test func theSecretaryMustGiveALessonInEachYear() {
        var changes: [String: String?] = [:]
        for month in ["03", "06", "09", "12"] {
            let date = "2025-\(month)-25"
            changes[ExampleSite.recordPath(date, .partyLesson)] = ExampleSite.record(
                .partyLesson, date: date
            ).replacingOccurrences(of: "lecturer: m01", with: "lecturer: m02")
        }
        let report = check(changes)
        #expect(periods(report, "meeting.secretary-lesson-yearly") == ["2025"])
        #expect(periods(report, "meeting.lesson-quarterly") == [])
        // A themed day that included the secretary's lesson is enough.
        changes[ExampleSite.recordPath("2025-05-15", .themedDay)] = ExampleSite.record(
            .themedDay, date: "2025-05-15", extra: "also: [party-lesson]\nlecturer: m01\n")
        #expect(periods(check(changes), "meeting.secretary-lesson-yearly") == [])
    }

    @Test func yearlyMeetingsAreJudgedOnTheCompletedYear() {
        let report = check([
            ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): nil,
            ExampleSite.recordPath("2025-12-29", .democraticEvaluation): nil,
        ])
        #expect(periods(report, "meeting.org-life-yearly") == ["2025"])
        #expect(periods(report, "meeting.evaluation-yearly") == ["2025"])
        #expect(
            findings(report, "meeting.org-life-yearly").map(\.citation?.en)
                == ["BWR Art. 17; EMR Art. 17"])
    }
}

// MARK: - Helpers

extension MeetingRuleTests {
    fileprivate func check(_ changes: [String: String?]) -> CheckReport {
        RuleExampleTests.check(RuleExample(LocalizedText(zh: "", en: ""), changes: changes).files)
    }

    fileprivate func findings(_ report: CheckReport, _ rule: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule.rawValue == rule }
            .sorted { ($0.period ?? "") < ($1.period ?? "") }
    }

    fileprivate func periods(_ report: CheckReport, _ rule: String) -> [String] {
        findings(report, rule).compactMap(\.period)
    }

    fileprivate func due(_ report: CheckReport, _ rule: String) -> DueItem? {
        report.due.first { $0.rule.rawValue == rule && $0.org == "branch" }
    }
}
