import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The `record.*` rules on variations of the example branch, with exact places and messages.
@Suite struct RecordRuleTests {
    static func findings(_ rule: String, _ changes: [String: String?]) -> [Diagnostic] {
        OrgRuleTests.findings(rule, changes)
    }

    static func places(_ diagnostics: [Diagnostic]) -> [String] {
        OrgRuleTests.places(diagnostics)
    }

    static let committeePath = ExampleSite.recordPath("2026-03-05", .committeeMeeting)
    static let generalPath = ExampleSite.recordPath("2026-09-20", .generalMeeting)

    // MARK: - record.required-fields

    @Test func missingFieldsAreListedInOneFindingAtTheType() {
        let text = ExampleSite.record(
            .committeeMeeting, date: "2026-03-05", attendees: ["m01", "m02", "m03"]
        )
        .replacingOccurrences(of: "host: m01\nrecorder: m02\n", with: "")
        let found = Self.findings("record.required-fields", [Self.committeePath: text])
        #expect(Self.places(found) == ["\(Self.committeePath):2:7"])
        #expect(
            found.first?.message.en
                == "the committee meeting record of 2026-03-05 has no `host`, `recorder`")
        #expect(found.first?.severity == .warning)
    }

    @Test func plannedCancelledAndOtherRecordsAreNotChecked() {
        let bare = { (type: String, status: String) in
            "---\ntype: \(type)\ntitle: 活动\ndate: 2026-11-10\nstatus: \(status)\n---\n"
        }
        let found = Self.findings(
            "record.required-fields",
            [
                "Content/orgs/branch/activities/2026/11-10-a.md": bare(
                    "committee-meeting", "planned"),
                "Content/orgs/branch/activities/2026/11-10-b.md": bare("themed-day", "cancelled"),
                "Content/orgs/branch/activities/2026/11-10-c.md": bare("other", "held"),
            ])
        #expect(found.isEmpty)
    }

    @Test func aHeldRecordWithNothingListsEverything() {
        let found = Self.findings(
            "record.required-fields",
            [
                "Content/orgs/branch/activities/2026/11-10-study.md":
                    "---\ntype: study\ntitle: 集中学习\ndate: 2026-11-10\n---\n\n"
            ])
        #expect(
            found.first?.message.en
                == "the group study record of 2026-11-10 has no `host`, `recorder`, `attendees`, minutes (the text below the front matter)"
        )
    }

    // MARK: - record.attendee-unknown

    @Test func anUnknownAttendeeIsReportedAtItsIDWithASuggestion() {
        let found = Self.findings(
            "record.attendee-unknown",
            [
                Self.committeePath: ExampleSite.record(
                    .committeeMeeting, date: "2026-03-05", attendees: ["m01", "m02", "m03", "m010"])
            ])
        #expect(Self.places(found) == ["\(Self.committeePath):9:28"])
        #expect(found.first?.message.en == "attendee `m010` is not on the roster of `branch`")
        #expect(found.first?.help.first?.en == "did you mean `m01`?")
        #expect(found.first?.severity == .error)
    }

    @Test func everyRoleIsCheckedAndFarIDsGetNoSuggestion() {
        let text = ExampleSite.record(
            .partyLesson, date: "2026-03-25", extra: "absent: [{member: zhang, reason: 出差}]\n"
        )
        .replacingOccurrences(of: "host: m01", with: "host: xyz9")
        .replacingOccurrences(of: "lecturer: m01", with: "lecturer: m11")
        let found = Self.findings(
            "record.attendee-unknown", [ExampleSite.recordPath("2026-03-25", .partyLesson): text])
        #expect(
            found.map(\.message.en).sorted() == [
                "absent member `zhang` is not on the roster of `branch`",
                "host `xyz9` is not on the roster of `branch`",
                "lecturer `m11` is not on the roster of `branch`",
            ])
        #expect(
            found.first { $0.message.en.hasPrefix("host") }?.help.first?.en
                == "add them to the roster first, or correct the ID")
    }

    @Test func anUnreadableRosterSilencesTheCheck() {
        let files = RuleExample(
            LocalizedText(zh: "", en: ""),
            changes: [
                "Content/orgs/branch/members.csv": ExampleSite.roster + "m09,\"周敏,full,,,\n",
                Self.committeePath: ExampleSite.record(
                    .committeeMeeting, date: "2026-03-05", attendees: ["m01", "m099"]),
            ]
        ).files
        let rules = RuleExampleTests.check(files).diagnostics.map(\.rule.rawValue)
        #expect(rules.contains("load.csv-syntax"))
        #expect(!rules.contains("record.attendee-unknown"))
    }

    @Test func aGeneralBranchResolvesAgainstTheRostersBelowIt() {
        let found = Self.findings(
            "record.attendee-unknown",
            [
                "Content/orgs/general/org.yml":
                    "name: 机关党总支\nkind: general-branch\nestablished: 2020-01-01\ncommittee:\n  secretary: g01\n",
                "Content/orgs/general/first/org.yml":
                    "name: 第一党支部\nkind: branch\nestablished: 2020-01-01\ncommittee:\n  secretary: g01\n",
                "Content/orgs/general/first/members.csv":
                    "id,name,status,joined,full_since,group\ng01,周敏,full,2010-07-01,2011-07-01,\n",
                "Content/orgs/general/activities/2026/11-10-study.md":
                    "---\ntype: study\ntitle: 学习\ndate: 2026-11-10\nattendees: [g01, m01]\n---\n学习。\n",
            ])
        // `m01` is on the example branch's roster, which is not below `general`.
        #expect(found.map(\.org) == ["general"])
        #expect(found.first?.message.en == "attendee `m01` is not on the roster of `general`")
    }

    // MARK: - record.quorum

    @Test func threeOfSevenFullMembersAreNoQuorum() {
        let found = Self.findings(
            "record.quorum",
            [
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20", attendees: ["m01", "m02", "m03", "m08"])
            ])
        #expect(Self.places(found) == ["\(Self.generalPath):11:13"])
        #expect(
            found.first?.message.en
                == "the general meeting of 2026-09-20 made decisions with 3 of 7 full members present; more than half (4) are needed"
        )
    }

    @Test func exactlyHalfIsNotEnoughAndOneMoreIs() {
        let roster = ExampleSite.roster.replacingOccurrences(
            of: "m08,孙丽,probationary,2026-05-10,,", with: "m08,孙丽,full,2025-05-10,2026-05-10,")
        let half = Self.findings(
            "record.quorum",
            [
                "Content/orgs/branch/members.csv": roster,
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20", attendees: ["m01", "m02", "m03", "m08"]),
            ])
        let more = Self.findings(
            "record.quorum",
            [
                "Content/orgs/branch/members.csv": roster,
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20",
                    attendees: ["m01", "m02", "m03", "m04", "m08"]),
            ])
        #expect(
            half.first?.message.en.contains("4 of 8 full members present; more than half (5)")
                == true)
        #expect(more.isEmpty)
    }

    @Test func membersNotYetFullOnTheDayDoNotCount() {
        let roster = ExampleSite.roster.replacingOccurrences(
            of: "m07,赵强,full,2018-07-01,2019-07-01,", with: "m07,赵强,full,2025-10-01,2026-10-01,")
        let found = Self.findings(
            "record.quorum",
            [
                "Content/orgs/branch/members.csv": roster,
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20", attendees: ["m01", "m02", "m03", "m07"]),
            ])
        #expect(found.first?.message.en.contains("3 of 6 full members present") == true)
    }

    /// The rule is monotonic: with no full member on the day, nobody could vote, which is no
    /// quorum either (one absent member made full earlier must not be what reveals it).
    @Test func noFullMemberOnTheDayIsNoQuorum() {
        // Every member admitted in 2025, full from 2026-10-01: on 2026-09-20 none is full.
        var roster = "id,name,status,joined,full_since,group\n"
        for number in 1...8 { roster += "m0\(number),党员\(number),full,2025-10-01,2026-10-01,\n" }
        let found = Self.findings(
            "record.quorum",
            [
                "Content/orgs/branch/members.csv": roster,
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20", attendees: ["m01", "m02", "m03"]),
            ])
        #expect(found.first?.message.en.contains("0 of 0 full members present") == true)
    }

    @Test func aPlannedGeneralMeetingIsNeverAQuorumFinding() {
        let found = Self.findings(
            "record.quorum",
            [
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20", attendees: ["m01"],
                    extra: "status: planned\n")
            ])
        #expect(found.isEmpty)
    }

    @Test func aGeneralMeetingWithoutDecisionsNeedsNoQuorum() {
        let found = Self.findings(
            "record.quorum",
            [
                Self.generalPath: ExampleSite.record(
                    .generalMeeting, date: "2026-09-20", attendees: ["m01"]
                ).replacingOccurrences(of: "decisions: [通过季度工作安排]\n", with: "")
            ])
        #expect(found.isEmpty)
    }

    // MARK: - record.held-in-future

    @Test func aHeldRecordAfterTheAsOfDateIsReportedAtItsDate() {
        let path = ExampleSite.recordPath("2026-11-25", .committeeMeeting)
        let found = Self.findings(
            "record.held-in-future",
            [path: ExampleSite.record(.committeeMeeting, date: "2026-11-25", attendees: ["m01"])])
        #expect(Self.places(found) == ["\(path):4:7"])
        #expect(found.first?.severity == .error)
    }

    @Test func aRecordHeldOnTheAsOfDateIsFine() {
        let path = ExampleSite.recordPath("2026-11-24", .committeeMeeting)
        let found = Self.findings(
            "record.held-in-future",
            [path: ExampleSite.record(.committeeMeeting, date: "2026-11-24", attendees: ["m01"])])
        #expect(found.isEmpty)
    }
}
