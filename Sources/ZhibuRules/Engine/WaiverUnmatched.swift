import ZhibuModel

/// A waiver in `org.yml` that covers no finding: usually a typo in its period or rule.
///
/// The validator raises it (it needs every other rule's findings); this type carries its
/// descriptor so that `zhibu rules` lists it and the example test runs it.
package enum WaiverUnmatched: Rule {
    package static let descriptor = RuleDescriptor(
        id: "waiver.unmatched",
        summary: LocalizedText(
            zh: "豁免必须对应一个实际存在的问题", en: "a waiver must cover a finding that exists"),
        explanation: LocalizedText(
            zh:
                "`org.yml` 中的豁免（waivers）记录经批准的例外情况，按规则和期间对应到具体问题。没有对应任何问题的豁免通常是期间或规则写错了，它也会让公开页面上的豁免清单失真。请改正期间（月 YYYY-MM、季度 YYYY-Qn、年 YYYY）或规则编号，不再需要的豁免请删除。",
            en:
                "Waivers in `org.yml` record approved exceptions, matched to a finding by rule and period. A waiver that matches nothing usually has a wrong period or rule, and it makes the public list of waivers misleading. Correct the period (YYYY-MM for a month, YYYY-Qn for a quarter, YYYY for a year) or the rule, and delete waivers that are no longer needed."
        ),
        citation: .integrity, defaultSeverity: .warning, scope: .allOrganizations,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "没有豁免", en: "no waivers"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "豁免了一个并没有缺的月份", en: "a waiver for a month that was not missed"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML + """
                            waivers:
                              - { rule: meeting.themed-day-monthly, period: 2026-03, reason: 春节, approved_by: 机关党委 }

                            """
                    ])
            ]))

    /// Raised by the validator itself.
    package static func check(_ context: RuleContext) -> [Finding] { [] }
}
