import Foundation
import ZhibuModel

/// No member goes six consecutive months without paying dues.
enum DuesSixMonthsUnpaid: Rule {
    static let descriptor = RuleDescriptor(
        id: "dues.six-months-unpaid",
        summary: LocalizedText(
            zh: "党员不得连续六个月不交党费", en: "act on six consecutive months of unpaid dues"),
        explanation: LocalizedText(
            zh:
                "党员没有正当理由，连续六个月不交纳党费的，就被认为是自行脱党，党支部应当提交支部党员大会决定把其除名。zhibu 在有 dues/<YYYY>.csv 的年份中查找连续 6 个月以上未交的情况（可以跨年度），每一段报告一次，期间为达到第 6 个月的月份。请核实：确已交纳的补记，有正当理由免交的填写 `exempt`，否则党支部应及时谈话教育并按规定处理。",
            en:
                "A member who, without proper reason, pays no dues for six consecutive months is regarded as having left the Party, and the branch submits their removal to the general meeting. zhibu looks for runs of six or more unpaid months in the years that have a dues/<YYYY>.csv (runs may cross years) and reports each run once, with the month in which it reached six as its period. Check it: record payments that were made, mark exemptions with a proper reason as `exempt`, and otherwise the branch must talk with the member and act as the regulations require."
        ),
        citation: Citation([.article(.pc, 9), .article(.dues, 13)]),
        defaultSeverity: .error, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名党员连续六个月以上未交党费",
            en: "{count} members have paid no dues for six months or more"),
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "每月都已交纳", en: "every month paid")),
                RuleExample(
                    LocalizedText(zh: "连续五个月未交", en: "five unpaid months in a row"),
                    changes: [
                        dues2026: ExampleSite.files[dues2026]?.replacingOccurrences(
                            of: "m03,paid,paid,paid,paid,paid,paid,paid",
                            with: "m03,paid,paid,,,,,")
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "m03 2026年3月至8月未交", en: "m03 paid nothing from March to August 2026"),
                    changes: [
                        dues2026: ExampleSite.files[dues2026]?.replacingOccurrences(
                            of: "m03,paid,paid,paid,paid,paid,paid,paid,paid",
                            with: "m03,paid,paid,,,,,,")
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        DuesRules.organizations(context).flatMap { org in
            org.members.flatMap { member in
                runs(DuesRules.ledger(of: member, in: org, asOf: context.asOf)).compactMap {
                    run -> Finding? in
                    guard run.count >= 6, let first = run.first, let last = run.last,
                        last.period.end >= context.windowStart
                    else { return nil }
                    let sixth = run[5]
                    let id = member.id.value
                    let name = member.name.value
                    return Finding(
                        LocalizedText(
                            zh:
                                "`\(id)`（\(name)）自\(first.period.label.zh)起连续 \(run.count) 个月未交党费（至\(last.period.label.zh)）",
                            en:
                                "`\(id)` (\(name)) has not paid dues for \(run.count) consecutive months, \(first.period.label.en) to \(last.period.label.en)"
                        ),
                        at: sixth.location, org: org.path, period: sixth.period.id, subject: id,
                        help: [
                            LocalizedText(
                                zh: "核实缴纳情况并补记；无正当理由的，党支部应及时谈话教育并按规定处理",
                                en:
                                    "check and record any payments; without a proper reason, the branch must talk with the member and act as the regulations require"
                            )
                        ])
                }
            }
        }
    }
}

// MARK: - Helpers

extension DuesSixMonthsUnpaid {
    fileprivate static let dues2026 = "Content/orgs/branch/dues/2026.csv"

    /// Runs of unpaid months that follow each other in the calendar.
    fileprivate static func runs(_ ledger: [DuesMonth]) -> [[DuesMonth]] {
        var runs: [[DuesMonth]] = []
        var current: [DuesMonth] = []
        for month in ledger {
            if !month.unpaid {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            if let previous = current.last, previous.period.next != month.period {
                runs.append(current)
                current = []
            }
            current.append(month)
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
