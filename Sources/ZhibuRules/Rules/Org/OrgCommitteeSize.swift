import Foundation
import ZhibuModel

/// A branch committee has three to five members, and never more than seven.
enum OrgCommitteeSize: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.committee-size",
        summary: LocalizedText(
            zh: "支部委员会由 3 至 5 人组成，一般不超过 7 人",
            en: "keep the branch committee at three to five members, never more than seven"),
        explanation: LocalizedText(
            zh:
                "支部委员会由 3 至 5 人组成，一般不超过 7 人。委员人数在 3 至 5 人之外时给出警告，超过 7 人时为错误。`committee.members` 应列出全部委员（含书记）；人数不符合要求的，应在换届选举时按规定确定委员名额。",
            en:
                "A branch committee has three to five members, generally not more than seven. A committee outside three to five is a warning; more than seven is an error. `committee.members` lists every committee member, the secretary included; set the number of seats according to the regulation at the next election."
        ),
        citation: .article(.bwr, 20),
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "3 名委员", en: "three committee members")),
                RuleExample(
                    LocalizedText(zh: "5 名委员", en: "five committee members"),
                    changes: [
                        "Content/orgs/branch/org.yml": committee("m01, m02, m03, m04, m05")
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "6 名委员（警告）", en: "six committee members (a warning)"),
                    changes: [
                        "Content/orgs/branch/org.yml": committee("m01, m02, m03, m04, m05, m06")
                    ]),
                RuleExample(
                    LocalizedText(zh: "8 名委员（错误）", en: "eight committee members (an error)"),
                    // The example branch has seven full members, so the eighth seat goes to the
                    // probationary m08, which `org.committee-full-members` reports as well.
                    changes: [
                        "Content/orgs/branch/org.yml": committee(
                            "m01, m02, m03, m04, m05, m06, m07, m08")
                    ]),
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.compactMap { org in
            guard let committee = org.committee, let members = committee.members else {
                return nil
            }
            var seen = Set<String>()
            let count = members.filter { seen.insert($0.value).inserted }.count
            guard count < 3 || count > 5 else { return nil }
            let tooMany = count > 7
            let expected =
                tooMany
                ? LocalizedText(zh: "一般不超过 7 人", en: "generally not more than 7")
                : LocalizedText(zh: "应为 3 至 5 人", en: "it should have 3 to 5")
            return Finding(
                LocalizedText(
                    zh: "“\(org.name.zh.value)”的支部委员会有 \(count) 名委员，\(expected.zh)",
                    en:
                        "the committee of `\(org.path)` has \(count) member\(count == 1 ? "" : "s"); \(expected.en)"
                ),
                at: members.first?.location ?? committee.location, org: org.path,
                severity: tooMany ? .error : nil,
                help: [
                    LocalizedText(
                        zh: "在下次换届选举时按 3 至 5 人确定委员名额；如名单有误，请改正 `committee.members`",
                        en:
                            "set three to five seats at the next election; if the list is wrong, correct `committee.members`"
                    )
                ])
        }
    }
}

// MARK: - Examples

extension OrgCommitteeSize {
    /// The example `org.yml` with another committee list.
    fileprivate static func committee(_ members: String) -> String {
        ExampleSite.orgYAML.replacingOccurrences(
            of: "  members: [m01, m02, m03]\n", with: "  members: [\(members)]\n")
    }
}
