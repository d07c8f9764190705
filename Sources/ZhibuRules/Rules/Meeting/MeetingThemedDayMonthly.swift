import ZhibuModel

/// Every month, a themed Party day (主题党日).
enum MeetingThemedDayMonthly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.themed-day-monthly",
        summary: LocalizedText(
            zh: "每月开展一次主题党日", en: "hold a themed Party day every month"),
        explanation: LocalizedText(
            zh:
                "党支部每月相对固定一天开展主题党日，组织党员集中学习、过组织生活、进行民主议事和志愿服务等。某月没有已举行（status: held）的主题党日记录即为缺失；如因特殊原因经上级批准顺延，请在 org.yml 中登记豁免（waivers），并在次月补上活动。",
            en:
                "Each month the branch sets a fairly fixed day for a themed Party day: group study, organizational life, democratic discussion, volunteer service. A month without a held themed-day record is a gap; if the higher committee approved a postponement, record it as a waiver in org.yml and hold the day the following month."
        ),
        citation: Citation([.article(.bwr, 16), .article(.emr, 16)]),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "每月都有主题党日", en: "a themed day every month")),
                RuleExample(
                    LocalizedText(
                        zh: "一次支部党员大会同时算作主题党日",
                        en: "a general meeting that also counts as the themed day"),
                    changes: [
                        ExampleSite.recordPath("2026-03-15", .themedDay): nil,
                        ExampleSite.recordPath("2026-03-20", .generalMeeting): ExampleSite.record(
                            .generalMeeting, date: "2026-03-20", extra: "also: [themed-day]\n"),
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "2026年3月没有主题党日", en: "no themed day in March 2026"),
                    changes: [ExampleSite.recordPath("2026-03-15", .themedDay): nil]),
                RuleExample(
                    LocalizedText(
                        zh: "3月的主题党日只是计划，没有举行", en: "March's themed day was only planned"),
                    changes: [
                        ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                            .themedDay, date: "2026-03-15", extra: "status: planned\n")
                    ]),
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.map { org in
            PeriodicRequirement(
                org: org, kind: .month, type: .themedDay,
                help: [
                    LocalizedText(
                        zh: "补录该月已举行的主题党日记录；如经批准顺延，在 org.yml 的 waivers 中登记",
                        en:
                            "add the record of that month's themed day; if a postponement was approved, add it under waivers in org.yml"
                    )
                ])
        }
    }
}
