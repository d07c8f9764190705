import ZhibuModel

/// Every quarter, a general meeting of the branch's members (支部党员大会).
enum MeetingGeneralQuarterly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.general-quarterly",
        summary: LocalizedText(
            zh: "每季度召开一次支部党员大会", en: "hold a general meeting every quarter"),
        explanation: LocalizedText(
            zh:
                "支部党员大会是党支部的议事决策机构，一般每季度召开 1 次。某季度没有已举行（status: held）的支部党员大会记录即为缺失；同时算作其他活动的记录可在 also 中注明。请补录该季度已举行的大会记录，确未召开的应尽快召开，经批准的例外在 org.yml 的 waivers 中登记。",
            en:
                "The general meeting of members is the branch's deliberative and decision-making body and is generally convened once a quarter. A quarter without a held general-meeting record is a gap. Add the record of the meeting that was held, convene one soon if none was, and record an approved exception as a waiver in org.yml."
        ),
        citation: .article(.bwr, 11),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "每季度都有支部党员大会", en: "a general meeting every quarter"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "2026年第二季度没有支部党员大会", en: "no general meeting in Q2 2026"),
                    changes: [ExampleSite.recordPath("2026-06-20", .generalMeeting): nil]),
                RuleExample(
                    LocalizedText(
                        zh: "第二季度的大会已取消", en: "the general meeting of Q2 was cancelled"),
                    changes: [
                        ExampleSite.recordPath("2026-06-20", .generalMeeting): ExampleSite.record(
                            .generalMeeting, date: "2026-06-20", extra: "status: cancelled\n")
                    ]),
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.map { org in
            PeriodicRequirement(
                org: org, kind: .quarter, type: .generalMeeting,
                help: [
                    LocalizedText(
                        zh: "补录该季度已举行的支部党员大会记录；未召开的请尽快召开，经批准的例外在 org.yml 的 waivers 中登记",
                        en:
                            "add the record of that quarter's general meeting; if none was held, convene one, and add an approved exception under waivers in org.yml"
                    )
                ])
        }
    }
}
