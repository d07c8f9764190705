import Foundation
import ZhibuModel

/// Someone talks with an applicant within one month of the application.
enum DevTalkWithinMonth: Rule {
    static let descriptor = RuleDescriptor(
        id: "dev.talk-within-month",
        summary: LocalizedText(
            zh: "收到入党申请后一个月内谈话", en: "talk with an applicant within one month"),
        explanation: LocalizedText(
            zh:
                "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话，了解基本情况。development.yml 中 talked 晚于 applied 一个月以上，或已过一个月仍没有 talked 的，即为问题。请尽快安排谈话并填写 talked；已谈话但漏记的，补上谈话日期。",
            en:
                "After receiving an application, the Party organization sends someone to talk with the applicant within one month. An entry in development.yml whose talked date is more than one month after applied, or that has no talked date a month after applied, is a problem. Talk with the applicant soon and fill in talked; if the talk took place, add its date."
        ),
        citation: .article(.dev, 7),
        defaultSeverity: .warning, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名入党申请人未在一个月内谈话",
            en: "{count} applicants were not talked with within a month"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "申请后 19 天谈话", en: "a talk 19 days after the application")),
                RuleExample(
                    LocalizedText(
                        zh: "新申请还不满一个月", en: "an application less than a month old"),
                    changes: [
                        development: entries + "- { id: d02, name: 周杰, applied: 2026-11-01 }\n"
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "申请一个多月后才谈话", en: "a talk more than a month after applying"),
                    changes: [
                        development: entries.replacingOccurrences(
                            of: "talked: 2024-03-20", with: "talked: 2024-04-02")
                    ]),
                RuleExample(
                    LocalizedText(
                        zh: "申请两个多月仍未谈话", en: "no talk two months after applying"),
                    changes: [
                        development: entries + "- { id: d02, name: 周杰, applied: 2026-09-01 }\n"
                    ]),
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.flatMap { org in
            org.development.compactMap { entry -> Finding? in
                guard let applied = entry.stages[.applied] else { return nil }
                let deadline = applied.value.addingMonths(1)
                let who = "`\(entry.id.value)`（\(entry.name.value)）"
                let whoEn = "`\(entry.id.value)` (\(entry.name.value))"
                if let talked = entry.stages[.talked] {
                    guard talked.value > deadline else { return nil }
                    return Finding(
                        LocalizedText(
                            zh: "\(who)于 \(applied.value) 申请入党，\(talked.value) 才谈话，超过一个月",
                            en:
                                "\(whoEn) applied on \(applied.value) and was talked with on \(talked.value), more than one month later"
                        ),
                        at: talked.location, org: org.path, subject: entry.id.value,
                        help: [
                            LocalizedText(
                                zh: "今后在收到申请后一个月内（\(deadline) 前）谈话；如日期记错，请改正 `talked`",
                                en:
                                    "talk with applicants within one month (here by \(deadline)); if the date is wrong, correct `talked`"
                            )
                        ])
                }
                guard deadline < context.asOf else { return nil }
                return Finding(
                    LocalizedText(
                        zh: "\(who)于 \(applied.value) 申请入党，一个多月后仍没有谈话记录",
                        en:
                            "\(whoEn) applied on \(applied.value) and has no `talked` date more than one month later"
                    ),
                    at: applied.location, org: org.path, subject: entry.id.value,
                    help: [
                        LocalizedText(
                            zh: "尽快派人谈话并填写 `talked`；已谈话的，补上谈话日期",
                            en:
                                "talk with the applicant soon and fill in `talked`; if the talk took place, add its date"
                        )
                    ])
            }
        }
    }
}

// MARK: - Examples

extension DevTalkWithinMonth {
    fileprivate static let development = "Content/orgs/branch/development.yml"
    fileprivate static var entries: String { ExampleSite.files[development] ?? "" }
}
