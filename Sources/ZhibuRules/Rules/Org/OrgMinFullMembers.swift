import Foundation
import ZhibuModel

/// A branch has at least three full members.
enum OrgMinFullMembers: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.min-full-members",
        summary: LocalizedText(
            zh: "党支部至少有 3 名正式党员", en: "a branch has at least three full members"),
        explanation: LocalizedText(
            zh:
                "正式党员 3 人以上的单位成立党支部；不足 3 人的，可与邻近单位联合成立联合党支部。预备党员不计入。党支部正式党员不足 3 人时，应发展或接收党员，或经上级党组织批准调整组织设置。",
            en:
                "A unit with three or more full members sets up a branch; with fewer, it joins neighbouring units in a joint branch. Probationary members do not count. A branch with fewer than three full members should recruit or receive members, or have the higher committee reorganize it."
        ),
        citation: Citation([.article(.bwr, 4), .article(.bwr, 5)]),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [RuleExample(LocalizedText(zh: "7 名正式党员", en: "seven full members"))],
            failing: [
                RuleExample(
                    LocalizedText(zh: "只有 2 名正式党员", en: "only two full members"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                            of: "  deputy_secretaries: [m02]\n  members: [m01, m02, m03]\n",
                            with: ""),
                        // Five of the seven were admitted in June 2026 and are probationary.
                        "Content/orgs/branch/members.csv": ExampleSite.roster
                            .replacingOccurrences(
                                of: "full,2012-07-01,2013-07-01", with: "probationary,2026-06-01,"
                            )
                            .replacingOccurrences(
                                of: "full,2014-07-01,2015-07-01", with: "probationary,2026-06-01,"
                            )
                            .replacingOccurrences(
                                of: "full,2015-07-01,2016-07-01", with: "probationary,2026-06-01,"
                            )
                            .replacingOccurrences(
                                of: "full,2016-07-01,2017-07-01", with: "probationary,2026-06-01,"
                            )
                            .replacingOccurrences(
                                of: "full,2018-07-01,2019-07-01", with: "probationary,2026-06-01,"),
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.filter(context.rosterUsable).compactMap { org in
            let full = org.members.filter { $0.status.value == .full }.count
            guard full < 3 else { return nil }
            return Finding(
                LocalizedText(
                    zh: "“\(org.name.zh.value)”只有 \(full) 名正式党员，党支部至少需要 3 名",
                    en:
                        "`\(org.path)` has \(full) full member\(full == 1 ? "" : "s"); a branch needs at least 3"
                ),
                at: org.kind.location, org: org.path,
                help: [
                    LocalizedText(
                        zh: "发展或接收党员，或报上级党组织调整为联合党支部",
                        en:
                            "recruit or receive members, or ask the higher committee to form a joint branch"
                    )
                ])
        }
    }
}
