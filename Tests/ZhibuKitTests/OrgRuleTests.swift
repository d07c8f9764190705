import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The `org.*` rules on variations of the example branch, with exact places and severities.
@Suite struct OrgRuleTests {
    static let orgFile = "Content/orgs/branch/org.yml"
    static let rosterFile = "Content/orgs/branch/members.csv"

    /// The findings of one rule on the example site with some files changed.
    static func findings(_ rule: String, _ changes: [String: String?]) -> [Diagnostic] {
        let files = RuleExample(LocalizedText(zh: "", en: ""), changes: changes).files
        return RuleExampleTests.check(files).diagnostics.filter { $0.rule.rawValue == rule }
    }

    static func places(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map {
            "\($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0)"
        }
    }

    static func org(replacing old: String, with new: String) -> String {
        ExampleSite.orgYAML.replacingOccurrences(of: old, with: new)
    }

    static func committee(_ members: String) -> String {
        org(replacing: "  members: [m01, m02, m03]\n", with: "  members: [\(members)]\n")
    }

    // MARK: - org.committee-size

    @Test func aCommitteeOfFiveIsFine() {
        let found = Self.findings(
            "org.committee-size", [Self.orgFile: Self.committee("m01, m02, m03, m04, m05")])
        #expect(found.isEmpty)
    }

    @Test func aCommitteeOfSixIsAWarningAtTheFirstMember() {
        let found = Self.findings(
            "org.committee-size", [Self.orgFile: Self.committee("m01, m02, m03, m04, m05, m06")])
        #expect(Self.places(found) == ["\(Self.orgFile):15:13"])
        #expect(found.first?.severity == .warning)
        #expect(
            found.first?.message.en
                == "the committee of `branch` has 6 members; it should have 3 to 5")
    }

    @Test func aCommitteeOfEightIsAnError() {
        let found = Self.findings(
            "org.committee-size",
            [
                Self.orgFile: Self.committee("m01, m02, m03, m04, m05, m06, m07, m09"),
                Self.rosterFile: ExampleSite.roster + "m09,周敏,full,2019-07-01,2020-07-01,\n",
            ])
        #expect(Self.places(found) == ["\(Self.orgFile):15:13"])
        #expect(found.first?.severity == .error)
    }

    @Test func aCommitteeOfTwoIsAWarning() {
        let found = Self.findings("org.committee-size", [Self.orgFile: Self.committee("m01, m02")])
        #expect(found.map(\.severity) == [.warning])
    }

    // MARK: - org.committee-required

    @Test func sevenFullMembersWithoutACommitteeListPointAtTheCommittee() {
        let found = Self.findings(
            "org.committee-required",
            [Self.orgFile: Self.org(replacing: "  members: [m01, m02, m03]\n", with: "")])
        #expect(Self.places(found) == ["\(Self.orgFile):11:3"])
        #expect(found.first?.severity == .error)
    }

    @Test func theProbationaryMemberDoesNotCountTowardsACommittee() {
        let found = Self.findings(
            "org.committee-required",
            [
                Self.orgFile: Self.org(replacing: "  members: [m01, m02, m03]\n", with: ""),
                Self.rosterFile: ExampleSite.roster.replacingOccurrences(
                    of: "m07,赵强,full,2018-07-01,2019-07-01,",
                    with: "m07,赵强,probationary,2026-05-10,,"),
            ])
        #expect(found.isEmpty)
    }

    // MARK: - org.committee-full-members

    @Test func aProbationaryCommitteeMemberIsReportedAtTheSeat() {
        let found = Self.findings(
            "org.committee-full-members", [Self.orgFile: Self.committee("m01, m02, m08")])
        #expect(Self.places(found) == ["\(Self.orgFile):15:23"])
        #expect(
            found.first?.message.en
                == "committee member `m08` is a probationary member and cannot hold a committee seat"
        )
    }

    @Test func aProbationaryDeputyInTwoSeatsIsReportedOnceAtTheFirstSeat() {
        let found = Self.findings(
            "org.committee-full-members",
            [
                Self.orgFile: Self.committee("m01, m08, m03").replacingOccurrences(
                    of: "deputy_secretaries: [m02]", with: "deputy_secretaries: [m08]")
            ])
        #expect(Self.places(found) == ["\(Self.orgFile):14:24"])
        #expect(found.first?.message.en.hasPrefix("deputy secretary `m08`") == true)
    }

    // MARK: - org.secretary-required

    @Test func aGeneralBranchWithoutASecretaryIsReported() {
        let found = Self.findings(
            "org.secretary-required",
            [
                "Content/orgs/general/org.yml": """
                name: 机关党总支
                kind: general-branch
                established: 2020-01-01

                """
            ])
        #expect(Self.places(found) == ["Content/orgs/general/org.yml:2:7"])
        #expect(found.first?.org == "general")
    }

    @Test func aBranchWithoutASecretaryPointsAtItsCommittee() {
        let found = Self.findings(
            "org.secretary-required",
            [Self.orgFile: Self.org(replacing: "  secretary: m01\n", with: "")])
        #expect(Self.places(found) == ["\(Self.orgFile):11:3"])
    }

    // MARK: - org.term-expired

    @Test func aTermEndingOnTheAsOfDateIsNotYetExpired() {
        let found = Self.findings(
            "org.term-expired",
            [Self.orgFile: Self.org(replacing: "elected: 2024-06-01", with: "elected: 2023-11-24")])
        #expect(found.isEmpty)
    }

    @Test func aTermThatEndedTheDayBeforeTheAsOfDateHasExpired() {
        let found = Self.findings(
            "org.term-expired",
            [Self.orgFile: Self.org(replacing: "elected: 2024-06-01", with: "elected: 2023-11-23")])
        #expect(Self.places(found) == ["\(Self.orgFile):11:12"])
        #expect(found.first?.severity == .error)
        #expect(
            found.first?.message.en
                == "the committee of `branch` elected on 2023-11-23 ended its 3-year term on 2026-11-23 and no election has been held since"
        )
    }

    @Test func aFiveYearTermIsTakenFromTermYears() {
        let changed = Self.org(replacing: "elected: 2024-06-01", with: "elected: 2022-06-01")
        let three = Self.findings("org.term-expired", [Self.orgFile: changed])
        let five = Self.findings(
            "org.term-expired",
            [Self.orgFile: changed.replacingOccurrences(of: "term_years: 3", with: "term_years: 5")]
        )
        #expect(three.count == 1)
        #expect(five.isEmpty)
    }

    @Test func aTermWithoutTermYearsLastsThreeYears() {
        let found = Self.findings(
            "org.term-expired",
            [
                Self.orgFile: Self.org(
                    replacing: "elected: 2024-06-01", with: "elected: 2023-06-01"
                )
                .replacingOccurrences(of: "  term_years: 3\n", with: "")
            ])
        #expect(found.first?.message.en.contains("ended its 3-year term on 2026-06-01") == true)
    }

    @Test func anElectionBeforeTheElectedDateDoesNotRenewTheTerm() {
        let changed = Self.org(replacing: "elected: 2024-06-01", with: "elected: 2023-06-01")
        let before = Self.findings(
            "org.term-expired",
            [
                Self.orgFile: changed,
                ExampleSite.recordPath("2023-05-10", .election): ExampleSite.record(
                    .election, date: "2023-05-10"),
            ])
        let after = Self.findings(
            "org.term-expired",
            [
                Self.orgFile: changed,
                ExampleSite.recordPath("2026-07-10", .generalMeeting): ExampleSite.record(
                    .generalMeeting, date: "2026-07-10", extra: "also: [election]\n"),
            ])
        #expect(before.count == 1)
        #expect(after.isEmpty)
    }

    // MARK: - org.max-members

    @Test func fiftyOneMembersAreOneTooMany() {
        var roster = ExampleSite.roster
        for number in 9...51 { roster += "m\(number),党员\(number),full,2019-07-01,2020-07-01,\n" }
        let found = Self.findings("org.max-members", [Self.rosterFile: roster])
        #expect(Self.places(found) == ["\(Self.orgFile):3:7"])
        #expect(found.first?.severity == .warning)
        #expect(
            found.first?.message.en
                == "`branch` has 51 members (50 full); a branch generally has no more than 50")
    }

    @Test func theLimitComesFromTheSiteParameters() {
        let found = Self.findings(
            "org.max-members",
            [
                "Content/site.yml": ExampleSite.siteYAML
                    + "rules:\n  params: { org.max-members: 7 }\n"
            ])
        #expect(found.first?.message.en.contains("has 8 members (7 full)") == true)
    }

    // MARK: - org.joint-branch-units

    @Test func aJointBranchOfSixUnitsPointsAtTheSixth() {
        let joint = Self.org(replacing: "kind: branch", with: "kind: joint-branch")
            .replacingOccurrences(
                of: "units: [示例单位]", with: "units: [单位1, 单位2, 单位3, 单位4, 单位5, 单位6]")
        let found = Self.findings("org.joint-branch-units", [Self.orgFile: joint])
        #expect(Self.places(found) == ["\(Self.orgFile):5:34"])
    }

    @Test func anOrdinaryBranchMayCoverSixUnits() {
        let found = Self.findings(
            "org.joint-branch-units",
            [
                Self.orgFile: Self.org(
                    replacing: "units: [示例单位]", with: "units: [单位1, 单位2, 单位3, 单位4, 单位5, 单位6]")
            ])
        #expect(found.isEmpty)
    }

    // MARK: - org.group-membership

    static func groups(_ lines: String) -> String { ExampleSite.orgYAML + "groups:\n" + lines }

    @Test func aMemberInNoGroupAndAGroupWithoutLeaderAreReported() {
        let found = Self.findings(
            "org.group-membership",
            [
                Self.orgFile: Self.groups(
                    """
                      - { id: g1, name: 第一党小组, leader: m01, members: [m01, m02, m03, m04] }
                      - { id: g2, name: 第二党小组, members: [m05, m06, m08] }

                    """)
            ])
        #expect(Self.places(found) == ["\(Self.rosterFile):8:1", "\(Self.orgFile):18:11"])
        #expect(found.map(\.message.en).first == "`m07` is in no Party group")
        #expect(found.map(\.message.en).last == "Party group `g2` has no `leader`")
    }

    @Test func theRosterGroupColumnCountsAndTwoGroupsAreReported() {
        let roster = ExampleSite.roster
            .replacingOccurrences(of: "2019-07-01,\n", with: "2019-07-01,g2\n")
            .replacingOccurrences(of: "2009-07-01,\n", with: "2009-07-01,g2\n")
        let found = Self.findings(
            "org.group-membership",
            [
                Self.orgFile: Self.groups(
                    """
                      - { id: g1, name: 第一党小组, leader: m01, members: [m01, m02, m03, m04] }
                      - { id: g2, name: 第二党小组, leader: m05, members: [m05, m06, m08] }

                    """),
                Self.rosterFile: roster,
            ])
        // m07 is in g2 through the roster; m01 is in g1's list and in g2 through the roster.
        #expect(Self.places(found) == ["\(Self.rosterFile):2:1"])
        #expect(found.first?.message.en == "`m01` is in 2 Party groups: `g1`, `g2`")
    }

    @Test func withoutGroupsNothingIsChecked() {
        #expect(Self.findings("org.group-membership", [:]).isEmpty)
    }
}
