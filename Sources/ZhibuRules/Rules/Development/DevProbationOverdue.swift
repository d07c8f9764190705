import Foundation
import ZhibuModel

/// A probationary member is discussed promptly when the year of probation ends.
enum DevProbationOverdue: Rule {
    static let descriptor = RuleDescriptor(
        id: "dev.probation-overdue",
        summary: LocalizedText(
            zh: "预备期满一年及时讨论转正", en: "decide on full membership when probation ends"),
        explanation: LocalizedText(
            zh:
                "预备党员的预备期为一年，预备期满时党支部应当及时讨论其能否转为正式党员；需要延长的，只能延长一次，期限为半年至一年。花名册中 status 为 probationary、没有 full_since、入党（joined）已超过一年的，即为逾期。请召开支部党员大会讨论转正，在花名册中改为 full 并填写 full_since；已决定延长预备期的，请按实际情况记录。",
            en:
                "Probation lasts one year; when it ends, the branch promptly discusses whether the member becomes a full member, and an extension, granted once, lasts half a year to a year. A roster member whose status is probationary, with no full_since, more than a year after joined, is overdue. Hold the general meeting that decides, then set the status to full and fill in full_since; if probation was extended, record that decision."
        ),
        citation: Citation([.article(.pc, 7), .article(.dev, 32)]),
        defaultSeverity: .error, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名预备党员预备期届满未讨论转正",
            en: "{count} probationary members are past the end of probation without a decision"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "2026年5月入党的预备党员", en: "a probationary member admitted in May 2026")),
                RuleExample(
                    LocalizedText(zh: "预备期恰好今天届满", en: "probation ending today"),
                    changes: ExampleSite.admittingM08(on: "2025-11-24")),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "2025年10月入党，至今未转正",
                        en: "admitted in October 2025 and still probationary"),
                    changes: ExampleSite.admittingM08(on: "2025-10-01"))
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.filter(context.rosterUsable).flatMap { org in
            org.members.compactMap { member -> Finding? in
                guard member.status.value == .probationary, member.fullSince == nil,
                    let joined = member.joined?.value
                else { return nil }
                let end = joined.addingMonths(12)
                guard end < context.asOf else { return nil }
                return Finding(
                    LocalizedText(
                        zh:
                            "预备党员 `\(member.id.value)`（\(member.name.value)）于 \(joined) 入党，预备期已于 \(end) 届满，仍未转正",
                        en:
                            "probationary member `\(member.id.value)` (\(member.name.value)) joined on \(joined); probation ended on \(end) without a decision"
                    ),
                    at: member.status.location, org: org.path, subject: member.id.value,
                    help: [
                        LocalizedText(
                            zh: "召开支部党员大会讨论转正，并在花名册中改为 `full`、填写 `full_since`",
                            en:
                                "hold the general meeting that decides, then set `status` to `full` and fill in `full_since`"
                        )
                    ])
            }
        }
    }
}

// MARK: - Examples

extension DevProbationOverdue {
    fileprivate static let roster = "Content/orgs/branch/members.csv"
}
