import ZhibuModel

/// A record marked as held is not dated after the as-of date.
enum RecordHeldInFuture: Rule {
    static let descriptor = RuleDescriptor(
        id: "record.held-in-future",
        summary: LocalizedText(
            zh: "未来日期的活动不能标为已举行", en: "do not mark a future activity as held"),
        explanation: LocalizedText(
            zh:
                "活动记录标为已举行（status: held，缺省值）但日期在检查日期之后，说明日期写错，或是把计划中的活动写成了已举行。这类记录不计入任何定期要求。请改正日期，或把尚未举行的活动写成 `status: planned`。",
            en:
                "A record marked as held (`status: held`, the default) but dated after the as-of date has a wrong date, or is a planned activity written as held; it counts for no periodic requirement. Correct the date, or write `status: planned` for an activity that has not taken place yet."
        ),
        citation: .integrity,
        defaultSeverity: .error, scope: .content,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "下月的支委会标为计划中", en: "next month's meeting marked planned"),
                    changes: [
                        ExampleSite.recordPath("2026-12-05", .committeeMeeting): ExampleSite.record(
                            .committeeMeeting, date: "2026-12-05",
                            attendees: ["m01", "m02", "m03"],
                            extra: "status: planned\n")
                    ])
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "下月的支委会标为已举行", en: "next month's meeting marked held"),
                    changes: [
                        ExampleSite.recordPath("2026-12-05", .committeeMeeting): ExampleSite.record(
                            .committeeMeeting, date: "2026-12-05", attendees: ["m01", "m02", "m03"])
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.flatMap { org in
            org.records.filter {
                $0.status.value == .held && $0.date.value > context.asOf
            }.map { record in
                Finding(
                    LocalizedText(
                        zh:
                            "\(record.type.value.label.zh)记录标为已举行，但日期 \(record.date.value) 晚于检查日期 \(context.asOf)",
                        en:
                            "the \(record.type.value.label.en) record is marked held but is dated \(record.date.value), after the as-of date \(context.asOf)"
                    ),
                    at: record.date.location, org: org.path,
                    help: [
                        LocalizedText(
                            zh: "改正日期；尚未举行的活动写 `status: planned`",
                            en:
                                "correct the date, or write `status: planned` for an activity still to come"
                        )
                    ])
            }
        }
    }
}
