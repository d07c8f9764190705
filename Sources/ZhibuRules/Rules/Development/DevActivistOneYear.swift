import Foundation
import ZhibuModel

/// An activist is trained and observed for at least a year before becoming a candidate.
enum DevActivistOneYear: Rule {
    static let descriptor = RuleDescriptor(
        id: "dev.activist-one-year",
        summary: LocalizedText(
            zh: "入党积极分子培养一年以上才能列为发展对象",
            en: "observe an activist for a year before making them a candidate"),
        explanation: LocalizedText(
            zh:
                "入党积极分子经过一年以上培养教育和考察，基本具备党员条件的，才可列为发展对象。development.yml 中 candidate 早于 activist 满一年之日的，即为培养期不足（满一年当天不算问题）。请核对日期；确实不足一年的，应由党支部按程序重新研究确定。",
            en:
                "An activist becomes a candidate only after more than a year of training, education and observation. An entry in development.yml whose candidate date is earlier than one year after its activist date is a shortened observation (exactly one year is accepted). Check the dates; if the year really was not completed, the branch must reconsider the decision through the proper procedure."
        ),
        citation: .article(.dev, 13),
        defaultSeverity: .error, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名发展对象的入党积极分子培养期不满一年",
            en: "{count} candidates were activists for less than a year"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "培养一年多后列为发展对象",
                        en: "a candidate after more than a year as an activist")),
                RuleExample(
                    LocalizedText(zh: "恰好满一年", en: "exactly one year"),
                    changes: [
                        development: entries.replacingOccurrences(
                            of: "candidate: 2025-05-10", with: "candidate: 2025-04-15")
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "培养不满一年就列为发展对象", en: "a candidate before a full year"),
                    changes: [
                        development: entries.replacingOccurrences(
                            of: "candidate: 2025-05-10", with: "candidate: 2025-04-14")
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.flatMap { org in
            org.development.compactMap { entry -> Finding? in
                guard let activist = entry.stages[.activist],
                    let candidate = entry.stages[.candidate]
                else { return nil }
                let earliest = activist.value.addingMonths(12)
                guard candidate.value < earliest else { return nil }
                return Finding(
                    LocalizedText(
                        zh:
                            "`\(entry.id.value)`（\(entry.name.value)）\(activist.value) 确定为入党积极分子，\(candidate.value) 列为发展对象，培养不满一年",
                        en:
                            "`\(entry.id.value)` (\(entry.name.value)) became an activist on \(activist.value) and a candidate on \(candidate.value), before a full year"
                    ),
                    at: candidate.location, org: org.path, subject: entry.id.value,
                    help: [
                        LocalizedText(
                            zh: "核对 `activist` 和 `candidate` 的日期；培养满一年（\(earliest) 起）方可列为发展对象",
                            en:
                                "check the `activist` and `candidate` dates; a candidate is named after a full year (from \(earliest))"
                        )
                    ])
            }
        }
    }
}

// MARK: - Examples

extension DevActivistOneYear {
    fileprivate static let development = "Content/orgs/branch/development.yml"
    fileprivate static var entries: String { ExampleSite.files[development] ?? "" }
}
