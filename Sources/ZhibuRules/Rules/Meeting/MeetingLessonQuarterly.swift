import ZhibuModel

/// Every quarter, a Party lesson (党课).
enum MeetingLessonQuarterly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.lesson-quarterly",
        summary: LocalizedText(zh: "每季度上一次党课", en: "hold a Party lesson every quarter"),
        explanation: LocalizedText(
            zh:
                "“三会一课”中的党课，地方党支部标准化规范化建设标准普遍要求每季度至少 1 次；全国性党内法规没有规定具体频次。某季度没有已举行（status: held）的党课记录，也没有在 also 中注明包含党课的记录（如 `also: [party-lesson]` 的主题党日），即为缺失。请补录记录或尽快安排党课。",
            en:
                "The lesson of the three meetings and one lesson is held at least once a quarter under the common local standardization standards; no national regulation fixes its cadence. A quarter without a held party-lesson record, or a record that includes one through also (a themed day with `also: [party-lesson]`), is a gap. Add the record or schedule a lesson soon."
        ),
        citation: .local,
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "每季度都有党课", en: "a lesson every quarter")),
                RuleExample(
                    LocalizedText(
                        zh: "主题党日同时上了党课", en: "a themed day that included the lesson"),
                    changes: [
                        ExampleSite.recordPath("2026-06-25", .partyLesson): nil,
                        ExampleSite.recordPath("2026-06-15", .themedDay): ExampleSite.record(
                            .themedDay, date: "2026-06-15", extra: "also: [party-lesson]\n"),
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "2026年第二季度没有党课", en: "no Party lesson in Q2 2026"),
                    changes: [ExampleSite.recordPath("2026-06-25", .partyLesson): nil])
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.map { org in
            PeriodicRequirement(
                org: org, kind: .quarter, type: .partyLesson,
                help: [
                    LocalizedText(
                        zh: "补录该季度的党课记录（或在包含党课的活动记录中写 `also: [party-lesson]`），未上的请尽快安排",
                        en:
                            "add the record of that quarter's lesson (or `also: [party-lesson]` on the record that included it); if none was given, schedule one"
                    )
                ])
        }
    }
}
