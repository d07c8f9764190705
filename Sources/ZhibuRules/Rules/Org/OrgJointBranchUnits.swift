import Foundation
import ZhibuModel

/// A joint branch covers no more than five units.
enum OrgJointBranchUnits: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.joint-branch-units",
        summary: LocalizedText(
            zh: "联合党支部覆盖单位一般不超过 5 个",
            en: "keep a joint branch to no more than five units"),
        explanation: LocalizedText(
            zh:
                "正式党员不足 3 人的单位，可与邻近单位的党员联合成立党支部；联合党支部覆盖单位一般不超过 5 个，以便党员就近参加组织生活。在 org.yml 的 `units` 中列出覆盖的每个单位；超过 5 个的，应报上级党组织调整组织设置。",
            en:
                "A unit with fewer than three full members joins the members of neighbouring units in a joint branch, which generally covers no more than five units so that members can meet nearby. List every unit covered under `units` in org.yml; with more than five, ask the higher committee to reorganize the branches."
        ),
        citation: .article(.bwr, 5),
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "联合党支部覆盖 5 个单位", en: "a joint branch of five units"),
                    changes: ["Content/orgs/branch/org.yml": jointBranch(units: 5)])
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "联合党支部覆盖 6 个单位", en: "a joint branch of six units"),
                    changes: ["Content/orgs/branch/org.yml": jointBranch(units: 6)])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.compactMap { org in
            guard org.kind.value == .jointBranch, org.units.count > 5 else { return nil }
            let count = org.units.count
            return Finding(
                LocalizedText(
                    zh: "联合党支部“\(org.name.zh.value)”覆盖 \(count) 个单位，一般不超过 5 个",
                    en:
                        "joint branch `\(org.path)` covers \(count) units; a joint branch generally covers no more than 5"
                ),
                at: org.units[5].location, org: org.path,
                help: [
                    LocalizedText(
                        zh: "报上级党组织调整组织设置，例如分设两个联合党支部",
                        en:
                            "ask the higher committee to reorganize, for example into two joint branches"
                    )
                ])
        }
    }
}

// MARK: - Examples

extension OrgJointBranchUnits {
    /// The example `org.yml` as a joint branch of `units` units.
    fileprivate static func jointBranch(units: Int) -> String {
        let names = (1...units).map { "单位\($0)" }.joined(separator: ", ")
        return ExampleSite.orgYAML
            .replacingOccurrences(of: "kind: branch\n", with: "kind: joint-branch\n")
            .replacingOccurrences(of: "units: [示例单位]\n", with: "units: [\(names)]\n")
    }
}
