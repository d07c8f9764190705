import Foundation
import ZhibuModel

/// Every organization names its secretary.
enum OrgSecretaryRequired: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.secretary-required",
        summary: LocalizedText(
            zh: "在 `committee.secretary` 中写明书记", en: "name the secretary in `committee.secretary`"),
        explanation: LocalizedText(
            zh:
                "每个党支部都设书记：设支部委员会的由委员会选举书记，不设委员会的由党员大会选举书记。党总支和基层党委同样设书记。在 org.yml 的 `committee.secretary` 中写明书记的党员编号；书记空缺的，应报上级党组织尽快选出。",
            en:
                "Every branch has a secretary: elected by the branch committee where there is one, otherwise by the general meeting. General branches and primary committees have one too. Give the secretary's member ID under `committee.secretary` in org.yml; if the post is vacant, ask the higher committee to have one elected promptly."
        ),
        citation: .article(.bwr, 20),
        defaultSeverity: .error, scope: .allOrganizations,
        examples: RuleExamples(
            passing: [RuleExample(LocalizedText(zh: "写明了书记", en: "the secretary is named"))],
            failing: [
                RuleExample(
                    LocalizedText(zh: "`committee` 中没有书记", en: "no secretary in `committee`"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                            of: "  secretary: m01\n", with: "")
                    ]),
                RuleExample(
                    LocalizedText(zh: "没有 `committee`", en: "no `committee` at all"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                            of: """
                                committee:
                                  elected: 2024-06-01
                                  term_years: 3
                                  secretary: m01
                                  deputy_secretaries: [m02]
                                  members: [m01, m02, m03]

                                """, with: "")
                    ]),
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.compactMap { org in
            guard org.committee?.secretary == nil else { return nil }
            return Finding(
                LocalizedText(
                    zh: "“\(org.name.zh.value)”没有写明书记（`committee.secretary`）",
                    en: "`\(org.path)` names no secretary in `committee.secretary`"),
                at: org.committee?.location ?? org.kind.location, org: org.path,
                help: [
                    LocalizedText(
                        zh: "在 org.yml 的 `committee` 下写 `secretary: <党员编号>`；书记空缺的，报上级党组织尽快选出",
                        en:
                            "write `secretary: <member ID>` under `committee` in org.yml; if the post is vacant, have one elected"
                    )
                ])
        }
    }
}
