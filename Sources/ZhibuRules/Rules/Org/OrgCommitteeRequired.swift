import Foundation
import ZhibuModel

/// A branch with seven or more full members sets up a branch committee.
enum OrgCommitteeRequired: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.committee-required",
        summary: LocalizedText(
            zh: "正式党员 7 人以上的党支部设立支部委员会",
            en: "set up a committee in a branch of seven or more full members"),
        explanation: LocalizedText(
            zh:
                "正式党员 7 人以上的党支部设立支部委员会，由党员大会选举产生；不足 7 人的不设支部委员会，只选举书记（必要时一名副书记）。只计正式党员，预备党员没有选举权和被选举权。达到 7 人的党支部应按期召开党员大会选举支部委员会，并在 org.yml 的 `committee.members` 中列出全部委员（含书记）。",
            en:
                "A branch with seven or more full members sets up a branch committee, elected by the general meeting; with fewer, it elects only a secretary (and, if needed, one deputy). Only full members count: probationary members cannot vote or be elected. A branch that has reached seven full members should elect its committee and list every committee member, the secretary included, under `committee.members` in org.yml."
        ),
        citation: .article(.bwr, 20),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "7 名正式党员，设有支部委员会",
                        en: "seven full members and a committee")),
                RuleExample(
                    LocalizedText(
                        zh: "6 名正式党员和 2 名预备党员，只设书记",
                        en: "six full and two probationary members, and only a secretary"),
                    changes: [
                        "Content/orgs/branch/org.yml": withoutCommitteeList,
                        "Content/orgs/branch/members.csv": ExampleSite.roster
                            .replacingOccurrences(
                                of: "m07,赵强,full,2018-07-01,2019-07-01,",
                                with: "m07,赵强,probationary,2026-05-10,,"),
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "7 名正式党员，只设书记", en: "seven full members and only a secretary"),
                    changes: ["Content/orgs/branch/org.yml": withoutCommitteeList])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.filter(context.rosterUsable).compactMap { org in
            let full = org.members.filter { $0.status.value == .full }.count
            guard full >= 7, org.committee?.members == nil else { return nil }
            return Finding(
                LocalizedText(
                    zh: "“\(org.name.zh.value)”有 \(full) 名正式党员，应设立支部委员会，但没有 `committee.members`",
                    en:
                        "`\(org.path)` has \(full) full members and so needs a branch committee, but there is no `committee.members`"
                ),
                at: org.committee?.location ?? org.kind.location, org: org.path,
                help: [
                    LocalizedText(
                        zh: "召开党员大会选举支部委员会，并在 `committee.members` 中列出全部委员（含书记）",
                        en:
                            "elect a branch committee at a general meeting and list every member, the secretary included, under `committee.members`"
                    )
                ])
        }
    }
}

// MARK: - Examples

extension OrgCommitteeRequired {
    /// The example `org.yml` with a secretary and no committee list.
    fileprivate static let withoutCommitteeList = ExampleSite.orgYAML.replacingOccurrences(
        of: "  deputy_secretaries: [m02]\n  members: [m01, m02, m03]\n", with: "")
}
