import ZhibuModel

/// Every absent member in a record has a reason.
enum RecordAbsenceReason: Rule {
    static let descriptor = RuleDescriptor(
        id: "record.absence-reason",
        summary: LocalizedText(
            zh: "缺席人员要注明原因", en: "give the reason of every absent member"),
        explanation: LocalizedText(
            zh:
                "会议记录要写明缺席人员及缺席原因，这是记录完整性的要求，也是了解党员参加组织生活情况的依据。在 absent 中为每人写上 reason，例如 `{member: m05, reason: 出差}`。",
            en:
                "Minutes name the absent members and why they were absent: part of the record's integrity, and how the branch knows who takes part in organizational life. Give each entry under absent a reason, e.g. `{member: m05, reason: on a business trip}`."
        ),
        citation: .integrity, defaultSeverity: .warning, scope: .content,
        publicCount: LocalizedText(
            zh: "{count} 人次缺席未注明原因", en: "{count} absences have no reason given"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "缺席并注明原因", en: "an absence with its reason"),
                    changes: [
                        ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                            .themedDay, date: "2026-03-15",
                            attendees: ["m01", "m02", "m03", "m04", "m05", "m06"],
                            extra: "absent: [{member: m07, reason: 出差}]\n")
                    ])
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "缺席未注明原因", en: "an absence without a reason"),
                    changes: [
                        ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                            .themedDay, date: "2026-03-15",
                            attendees: ["m01", "m02", "m03", "m04", "m05", "m06"],
                            extra: "absent: [m07]\n")
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.flatMap { org in
            org.records.flatMap { record in
                record.absent.filter { $0.reason == nil }.map { absence in
                    Finding(
                        LocalizedText(
                            zh: "缺席人员 `\(absence.member.value)` 没有注明原因",
                            en: "absent member `\(absence.member.value)` has no reason"),
                        at: absence.member.location, org: org.path, subject: absence.member.value,
                        help: [
                            LocalizedText(
                                zh: "写成 `{member: \(absence.member.value), reason: 出差}`",
                                en: "write `{member: \(absence.member.value), reason: …}`")
                        ])
                }
            }
        }
    }
}
