import Foundation
import ZhibuModel

/// Every month, a meeting of the branch committee (支部委员会会议), where there is a committee.
enum MeetingCommitteeMonthly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.committee-monthly",
        summary: LocalizedText(
            zh: "支部委员会每月召开一次会议", en: "hold a committee meeting every month"),
        explanation: LocalizedText(
            zh:
                "设立支部委员会的党支部，支部委员会会议一般每月召开 1 次，研究安排党支部工作。只检查在 org.yml 中列出 committee.members 的党支部；只设书记的党支部不要求。某月没有已举行（status: held）的支委会记录即为缺失：请补录该月的会议记录，确未召开的尽快召开，经批准的例外在 org.yml 的 waivers 中登记。",
            en:
                "A branch with a committee generally holds a committee meeting once a month to plan the branch's work. Only branches that list committee.members in org.yml are checked; a branch with only a secretary is not. A month without a held committee-meeting record is a gap: add the record of the meeting that was held, meet soon if none was, and record an approved exception as a waiver in org.yml."
        ),
        citation: .article(.bwr, 12),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "每月都有支委会", en: "a committee meeting every month")),
                RuleExample(
                    LocalizedText(
                        zh: "没有支部委员会的党支部不要求支委会",
                        en: "a branch without a committee needs no committee meetings"),
                    changes: withoutCommittee()),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "2026年3月没有支委会", en: "no committee meeting in March 2026"),
                    changes: [ExampleSite.recordPath("2026-03-05", .committeeMeeting): nil])
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.filter { $0.committee?.members != nil }.map { org in
            PeriodicRequirement(
                org: org, kind: .month, type: .committeeMeeting,
                help: [
                    LocalizedText(
                        zh: "补录该月已举行的支委会记录；未召开的请尽快召开，经批准的例外在 org.yml 的 waivers 中登记",
                        en:
                            "add the record of that month's committee meeting; if none was held, meet soon, and add an approved exception under waivers in org.yml"
                    )
                ])
        }
    }
}

// MARK: - Examples

extension MeetingCommitteeMonthly {
    /// The example site without `committee.members` and without any committee meeting.
    fileprivate static func withoutCommittee() -> [String: String?] {
        var changes: [String: String?] = [
            "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                of: "  members: [m01, m02, m03]\n", with: "")
        ]
        for path in ExampleSite.files.keys where path.hasSuffix("-committee-meeting.md") {
            changes[path] = .some(nil)
        }
        return changes
    }
}
