import ZhibuModel

/// Every year, an organizational life meeting (组织生活会).
enum MeetingOrgLifeYearly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.org-life-yearly",
        summary: LocalizedText(
            zh: "每年召开一次组织生活会", en: "hold an organizational life meeting every year"),
        explanation: LocalizedText(
            zh:
                "党支部每年至少召开 1 次组织生活会，一般安排在第四季度，党员对照检查、开展批评和自我批评。某年没有已举行（status: held）的组织生活会记录即为缺失。次年年初召开、评议上一年度的组织生活会，在记录中写 `covers: 2025`（所评议的年度），就计入该年度；不写则计入召开的年度。请补录记录，确未召开的应尽快召开，经批准的例外在 org.yml 的 waivers 中登记。",
            en:
                "A branch holds an organizational life meeting at least once a year, generally in the fourth quarter, where members examine themselves and practise criticism and self-criticism. A year without a held org-life-meeting record is a gap. A meeting held early in the next year to review the year before says so with `covers: 2025` (the year it reviews) and counts for that year; without it, it counts for the year it was held. Add the record, convene the meeting soon if it was not held, and record an approved exception as a waiver in org.yml."
        ),
        citation: Citation([.article(.bwr, 17), .article(.emr, 17)]),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "2025年12月召开了组织生活会", en: "an org-life meeting in December 2025")),
                RuleExample(
                    LocalizedText(
                        zh: "2026年1月召开“2025年度组织生活会”，写了 covers: 2025",
                        en: "the 2025 org-life meeting held in January 2026, with covers: 2025"),
                    changes: [
                        ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): nil,
                        ExampleSite.recordPath("2026-01-19", .orgLifeMeeting): ExampleSite.record(
                            .orgLifeMeeting, date: "2026-01-19", extra: "covers: 2025\n"),
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "2025年没有组织生活会", en: "no org-life meeting in 2025"),
                    changes: [ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): nil]),
                RuleExample(
                    LocalizedText(
                        zh: "2025年的组织生活会只是计划", en: "the 2025 org-life meeting was only planned"),
                    changes: [
                        ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): ExampleSite.record(
                            .orgLifeMeeting, date: "2025-12-28", extra: "status: planned\n")
                    ]),
                RuleExample(
                    LocalizedText(
                        zh: "2025年度的会在2026年1月召开，但没写 covers：计入2026年，2025年仍缺",
                        en:
                            "the 2025 meeting held in January 2026 without covers: it counts for 2026 and 2025 stays open"
                    ),
                    changes: [
                        ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): nil,
                        ExampleSite.recordPath("2026-01-19", .orgLifeMeeting): ExampleSite.record(
                            .orgLifeMeeting, date: "2026-01-19"),
                    ]),
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.map { org in
            PeriodicRequirement(
                org: org, kind: .year, type: .orgLifeMeeting,
                help: [
                    LocalizedText(
                        zh: "补录该年的组织生活会记录；未召开的请尽快召开，经批准的例外在 org.yml 的 waivers 中登记",
                        en:
                            "add the record of that year's org-life meeting; if none was held, convene one, and add an approved exception under waivers in org.yml"
                    )
                ])
        }
    }
}
