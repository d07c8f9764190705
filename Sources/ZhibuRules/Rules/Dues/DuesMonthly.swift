import Foundation
import ZhibuModel

/// Every member pays the dues of every month.
enum DuesMonthly: Rule {
    static let descriptor = RuleDescriptor(
        id: "dues.monthly",
        summary: LocalizedText(zh: "党员按月交纳党费", en: "record every member's monthly dues"),
        explanation: LocalizedText(
            zh:
                "党员应当按月交纳党费（特殊情况经党支部同意可按季度交纳）。zhibu 只检查有 dues/<YYYY>.csv 的年份中已结束、在检查窗口内、党员已入党的月份：单元格为空，或当年的表中没有该党员的行，即为未缴；`paid`、缴纳日期和 `exempt` 都视为正常。请补记已缴的月份，提醒未缴的党员按时交纳。",
            en:
                "Members pay their dues monthly (quarterly in special cases, with the branch's consent). zhibu looks at the completed months within the window of the years that have a dues/<YYYY>.csv, from the month the member joined: an empty cell, or no row for the member in that year's file, is unpaid; `paid`, a payment date and `exempt` are fine. Record the months that were paid and remind members who have not paid."
        ),
        citation: .article(.dues, 12),
        defaultSeverity: .warning, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名党员欠缴党费", en: "{count} members are behind with their dues"),
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "每月都已交纳", en: "every month paid")),
                RuleExample(
                    LocalizedText(zh: "免交的月份", en: "exempt months"),
                    changes: [
                        dues2026: ExampleSite.files[dues2026]?.replacingOccurrences(
                            of: "m03,paid,paid,paid", with: "m03,paid,paid,exempt")
                    ]),
                RuleExample(
                    LocalizedText(zh: "没有党费记录", en: "no dues records at all"),
                    changes: [dues2025: nil, dues2026: nil]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "m03 2026年3月未交", en: "m03 did not pay for March 2026"),
                    changes: [
                        dues2026: ExampleSite.files[dues2026]?.replacingOccurrences(
                            of: "m03,paid,paid,paid", with: "m03,paid,paid,")
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        DuesRules.organizations(context).flatMap { org in
            org.members.flatMap { member in
                DuesRules.ledger(of: member, in: org, asOf: context.asOf).filter {
                    $0.unpaid && $0.period.end >= context.windowStart
                }.map { month in
                    let id = member.id.value
                    let name = member.name.value
                    let label = month.period.label
                    let file = month.file.split(separator: "/").suffix(2).joined(separator: "/")
                    return Finding(
                        month.hasRow
                            ? LocalizedText(
                                zh: "`\(id)`（\(name)）\(label.zh)的党费未交",
                                en: "`\(id)` (\(name)) has not paid the dues of \(label.en)")
                            : LocalizedText(
                                zh: "`\(id)`（\(name)）不在 `\(file)` 中，\(label.zh)的党费未记录",
                                en:
                                    "`\(id)` (\(name)) has no row in `\(file)`, so the dues of \(label.en) are unpaid"
                            ),
                        at: month.location, org: org.path, period: month.period.id, subject: id,
                        help: [
                            month.hasRow
                                ? LocalizedText(
                                    zh: "已交的填写缴纳日期或 `paid`，免交的填写 `exempt`；未交的请提醒党员按时交纳",
                                    en:
                                        "write the payment date or `paid`, or `exempt`; if unpaid, remind the member to pay"
                                )
                                : LocalizedText(
                                    zh: "在 `\(file)` 中为 `\(id)` 加一行，逐月填写缴纳情况",
                                    en:
                                        "add a row for `\(id)` to `\(file)` with each month's payment"
                                )
                        ])
                }
            }
        }
    }
}

// MARK: - Examples

extension DuesMonthly {
    fileprivate static let dues2025 = "Content/orgs/branch/dues/2025.csv"
    fileprivate static let dues2026 = "Content/orgs/branch/dues/2026.csv"
}
