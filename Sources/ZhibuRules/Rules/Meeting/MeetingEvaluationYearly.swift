import ZhibuModel

/// Every year, a democratic evaluation of members (民主评议党员).
enum MeetingEvaluationYearly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.evaluation-yearly",
        summary: LocalizedText(
            zh: "每年开展一次民主评议党员", en: "hold a democratic evaluation of members every year"),
        explanation: LocalizedText(
            zh:
                "民主评议党员一般每年开展 1 次，通过学习教育、自我评价、民主测评、组织评定，评出优秀、合格、基本合格、不合格等次。某年没有已举行（status: held）的民主评议党员记录即为缺失。次年年初开展、评议上一年度的，在记录中写 `covers: 2025`（所评议的年度），就计入该年度；不写则计入开展的年度。请补录记录，未开展的应尽快开展，经批准的例外在 org.yml 的 waivers 中登记。",
            en:
                "The democratic evaluation of members is generally held once a year: study, self-assessment, a democratic appraisal and the branch's rating of each member. A year without a held democratic-evaluation record is a gap. An evaluation held early in the next year to review the year before says so with `covers: 2025` (the year it reviews) and counts for that year; without it, it counts for the year it was held. Add the record, hold the evaluation soon if it was not held, and record an approved exception as a waiver in org.yml."
        ),
        citation: .article(.emr, 18),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "2025年12月开展了民主评议", en: "an evaluation in December 2025")),
                RuleExample(
                    LocalizedText(
                        zh: "组织生活会同时开展了民主评议",
                        en: "an org-life meeting that included the evaluation"),
                    changes: [
                        ExampleSite.recordPath("2025-12-29", .democraticEvaluation): nil,
                        ExampleSite.recordPath("2025-12-28", .orgLifeMeeting): ExampleSite.record(
                            .orgLifeMeeting, date: "2025-12-28",
                            extra: "also: [democratic-evaluation]\n"),
                    ]),
                RuleExample(
                    LocalizedText(
                        zh: "2026年1月开展2025年度民主评议，写了 covers: 2025",
                        en: "the 2025 evaluation held in January 2026, with covers: 2025"),
                    changes: [
                        ExampleSite.recordPath("2025-12-29", .democraticEvaluation): nil,
                        ExampleSite.recordPath("2026-01-20", .democraticEvaluation):
                            ExampleSite.record(
                                .democraticEvaluation, date: "2026-01-20", extra: "covers: 2025\n"),
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "2025年没有民主评议党员", en: "no evaluation in 2025"),
                    changes: [ExampleSite.recordPath("2025-12-29", .democraticEvaluation): nil]),
                RuleExample(
                    LocalizedText(
                        zh: "2025年度的评议在2026年1月开展，但没写 covers：2025年仍缺",
                        en:
                            "the 2025 evaluation held in January 2026 without covers: 2025 stays open"
                    ),
                    changes: [
                        ExampleSite.recordPath("2025-12-29", .democraticEvaluation): nil,
                        ExampleSite.recordPath("2026-01-20", .democraticEvaluation):
                            ExampleSite.record(.democraticEvaluation, date: "2026-01-20"),
                    ]),
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.map { org in
            PeriodicRequirement(
                org: org, kind: .year, type: .democraticEvaluation,
                help: [
                    LocalizedText(
                        zh: "补录该年的民主评议党员记录；未开展的请尽快开展，经批准的例外在 org.yml 的 waivers 中登记",
                        en:
                            "add the record of that year's democratic evaluation; if none was held, hold one, and add an approved exception under waivers in org.yml"
                    )
                ])
        }
    }
}
