import Foundation
import ZhibuModel

/// Every month, a meeting of each Party group (党小组会).
enum MeetingGroupMonthly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.group-monthly",
        summary: LocalizedText(
            zh: "每个党小组每月召开一次党小组会", en: "hold a meeting of every Party group every month"),
        explanation: LocalizedText(
            zh:
                "党小组会一般每月召开 1 次，组织党员学习、交流思想、开展批评和自我批评。对 org.yml 中 groups 定义的每个党小组，某月没有 group 为该小组、已举行（status: held）的党小组会记录即为缺失。请补录记录并写明 group，确未召开的尽快召开，经批准的例外在 org.yml 的 waivers 中登记。",
            en:
                "A Party group generally meets once a month for study, exchange of views, and criticism and self-criticism. For each group defined under groups in org.yml, a month without a held group-meeting record whose group is that group is a gap. Add the record with its group, meet soon if no meeting was held, and record an approved exception as a waiver in org.yml."
        ),
        citation: .article(.bwr, 13),
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "没有设党小组", en: "a branch without groups")),
                RuleExample(
                    LocalizedText(
                        zh: "第一党小组每月都开会", en: "Group One meets every month"),
                    changes: withGroup()),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "第一党小组2026年4月没有开会", en: "Group One did not meet in April 2026"),
                    changes: withGroup(skipping: "2026-04")),
                RuleExample(
                    LocalizedText(
                        zh: "党小组会没有写明是哪个小组", en: "group meetings that do not name their group"),
                    changes: withGroup(naming: false)),
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.flatMap { org in
            org.groups.map { group in
                let id = group.id.value
                let name = group.name
                return PeriodicRequirement(
                    org: org, kind: .month,
                    what: LocalizedText(
                        zh: "\(name.zh.value)的党小组会",
                        en: "group meeting of \(name.en?.value ?? name.zh.value)"),
                    label: LocalizedText(zh: name.zh.value, en: name.en?.value ?? name.zh.value),
                    help: [
                        LocalizedText(
                            zh:
                                "补录“\(name.zh.value)”该月的党小组会记录并写明 `group: \(id)`；经批准的例外在 org.yml 的 waivers 中登记",
                            en:
                                "add the record of that month's meeting of `\(id)` with `group: \(id)`; add an approved exception under waivers in org.yml"
                        )
                    ]
                ) { record in
                    record.counts(as: .groupMeeting) && record.group?.value == id
                }
            }
        }
    }
}

// MARK: - Examples

extension MeetingGroupMonthly {
    /// The example site with one group of every member meeting on the 10th of every month.
    fileprivate static func withGroup(skipping month: String? = nil, naming: Bool = true)
        -> [String: String?]
    {
        var changes: [String: String?] = [
            "Content/orgs/branch/org.yml": ExampleSite.orgYAML + """
                groups:
                  - id: g1
                    name: 第一党小组
                    name_en: Group One
                    leader: m04
                    members: [m01, m02, m03, m04, m05, m06, m07, m08]

                """,
            "Content/orgs/branch/members.csv": ExampleSite.roster.replacingOccurrences(
                of: ",\n", with: ",g1\n"),
        ]
        for year in [2025, 2026] {
            let last = year == 2025 ? 12 : 11
            for number in 1...last {
                let prefix = "\(year)-\(number < 10 ? "0" : "")\(number)"
                guard prefix != month else { continue }
                let date = prefix + "-10"
                changes[ExampleSite.recordPath(date, .groupMeeting)] = ExampleSite.record(
                    .groupMeeting, date: date, extra: naming ? "group: g1\n" : "")
            }
        }
        return changes
    }
}
