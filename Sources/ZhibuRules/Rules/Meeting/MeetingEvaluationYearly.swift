import ZhibuModel

/// Every year, a democratic evaluation of members (民主评议党员).
enum MeetingEvaluationYearly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.evaluation-yearly",
        summary: LocalizedText(
            zh: "每年开展一次民主评议党员", en: "hold a democratic evaluation of members every year"),
        explanation: LocalizedText(
            zh:
                "民主评议党员一般每年开展 1 次，通过学习教育、自我评价、民主测评、组织评定，评出优秀、合格、基本合格、不合格等次。某年没有已举行（status: held）的民主评议党员记录即为缺失。请补录记录，未开展的应尽快开展，经批准的例外在 org.yml 的 waivers 中登记。",
            en:
                "The democratic evaluation of members is generally held once a year: study, self-assessment, a democratic appraisal and the branch's rating of each member. A year without a held democratic-evaluation record is a gap. Add the record, hold the evaluation soon if it was not held, and record an approved exception as a waiver in org.yml."
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
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "2025年没有民主评议党员", en: "no evaluation in 2025"),
                    changes: [ExampleSite.recordPath("2025-12-29", .democraticEvaluation): nil])
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
