import Foundation
import ZhibuModel

/// The committee is re-elected when its term ends.
enum OrgTermExpired: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.term-expired",
        summary: LocalizedText(
            zh: "任期届满按时换届", en: "re-elect the committee when its term ends"),
        explanation: LocalizedText(
            zh:
                "党支部委员会（不设委员会的为书记、副书记）每届任期 3 年，村和社区党支部为 5 年，任期届满应按期进行换届选举；因特殊情况需要延期的，须经上级党组织批准，延期一般不超过 1 年。zhibu 以 `committee.elected` 加 `term_years`（缺省为 3）计算届满日；届满日早于检查日期、且此后没有已举行的换届选举（election）记录的，即为问题。经批准延期的也应尽快召开党员大会换届，并录入选举记录、更新 `committee.elected`。",
            en:
                "A branch committee (or the secretary and deputy where there is no committee) serves three years, five in village and community branches, and is re-elected when the term ends; a postponement needs the higher committee's approval and is generally at most one year. zhibu computes the end of the term from `committee.elected` plus `term_years` (3 when absent); a term that ended before the as-of date, with no held election record since, is a finding. Even with an approved postponement the branch should hold the election promptly: add the election record and update `committee.elected`."
        ),
        citation: Citation([.article(.bwr, 21), .article(.elec, 3)]),
        defaultSeverity: .error, scope: .allOrganizations,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "2024 年选出，任期未满", en: "elected in 2024, term running")),
                RuleExample(
                    LocalizedText(
                        zh: "任期在检查当日届满", en: "the term ends on the as-of date"),
                    changes: ["Content/orgs/branch/org.yml": elected("2023-11-24")]),
                RuleExample(
                    LocalizedText(
                        zh: "任期届满后已举行换届选举", en: "an election held after the term ended"),
                    changes: [
                        "Content/orgs/branch/org.yml": elected("2023-06-01"),
                        ExampleSite.recordPath("2026-06-10", .election): ExampleSite.record(
                            .election, date: "2026-06-10"),
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "任期于 2026-06-01 届满，未换届", en: "term ended on 2026-06-01, no election"),
                    changes: ["Content/orgs/branch/org.yml": elected("2023-06-01")]),
                RuleExample(
                    LocalizedText(
                        zh: "换届选举只是计划，没有举行", en: "the election was only planned"),
                    changes: [
                        "Content/orgs/branch/org.yml": elected("2023-06-01"),
                        ExampleSite.recordPath("2026-06-10", .election): ExampleSite.record(
                            .election, date: "2026-06-10", extra: "status: planned\n"),
                    ]),
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.compactMap { org in
            guard let elected = org.committee?.elected else { return nil }
            let years = org.committee?.termYears?.value ?? 3
            let expiry = elected.value.addingMonths(12 * years)
            guard expiry < context.asOf else { return nil }
            let reelected = context.heldRecords(org).contains {
                $0.counts(as: .election) && $0.date.value > elected.value
            }
            guard !reelected else { return nil }
            return Finding(
                LocalizedText(
                    zh:
                        "“\(org.name.zh.value)”的委员会于 \(elected.value) 选出，\(years) 年任期已于 \(expiry) 届满，此后没有换届选举记录",
                    en:
                        "the committee of `\(org.path)` elected on \(elected.value) ended its \(years)-year term on \(expiry) and no election has been held since"
                ),
                at: elected.location, org: org.path,
                help: [
                    LocalizedText(
                        zh: "召开党员大会进行换届选举，录入 election 记录并更新 `committee.elected`",
                        en:
                            "hold the election at a general meeting, add its `election` record and update `committee.elected`"
                    )
                ])
        }
    }
}

// MARK: - Examples

extension OrgTermExpired {
    /// The example `org.yml` with another election date.
    fileprivate static func elected(_ date: String) -> String {
        ExampleSite.orgYAML.replacingOccurrences(
            of: "  elected: 2024-06-01\n", with: "  elected: \(date)\n")
    }
}
