import ZhibuModel

/// A branch has no more than 50 members, full and probationary alike.
enum OrgMaxMembers: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.max-members",
        summary: LocalizedText(
            zh: "党支部党员一般不超过 50 人", en: "keep a branch at no more than 50 members"),
        explanation: LocalizedText(
            zh:
                "党支部党员人数一般不超过 50 名，正式党员和预备党员都计入。人数过多的党支部难以组织党员经常参加组织生活，应报上级党组织，在党员人数多的地方分设党支部，或成立党总支、划分党小组。省市标准另有规定的，可在 site.yml 的 `rules.params` 中设置 `org.max-members`。",
            en:
                "A branch generally has no more than 50 members, full and probationary members alike. A branch that is too large cannot get its members to take part in organizational life regularly: ask the higher committee to split it into several branches or form a general branch. Where a provincial standard sets another limit, set `org.max-members` under `rules.params` in site.yml."
        ),
        citation: .article(.bwr, 4),
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "8 名党员", en: "eight members")),
                RuleExample(
                    LocalizedText(zh: "正好 50 名党员", en: "exactly fifty members"),
                    changes: ["Content/orgs/branch/members.csv": roster(count: 50)]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "51 名党员", en: "fifty-one members"),
                    changes: ["Content/orgs/branch/members.csv": roster(count: 51)])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        let limit = context.intParam("org.max-members", default: 50)
        return context.branches.filter(context.rosterUsable).compactMap { org in
            let count = org.members.count
            guard count > limit else { return nil }
            let full = org.members.filter { $0.status.value == .full }.count
            return Finding(
                LocalizedText(
                    zh: "“\(org.name.zh.value)”有 \(count) 名党员（正式党员 \(full) 名），党支部一般不超过 \(limit) 名",
                    en:
                        "`\(org.path)` has \(count) members (\(full) full); a branch generally has no more than \(limit)"
                ),
                at: org.kind.location, org: org.path,
                help: [
                    LocalizedText(
                        zh: "报上级党组织分设党支部或成立党总支",
                        en:
                            "ask the higher committee to split the branch or to form a general branch"
                    )
                ])
        }
    }
}

// MARK: - Examples

extension OrgMaxMembers {
    /// The example roster grown to `count` members; the new ones became full in November 2026,
    /// after the last general meeting, so the example shows nothing but its size.
    fileprivate static func roster(count: Int) -> String {
        var text = ExampleSite.roster
        for number in 9...max(9, count) {
            // Admitted this month: they count for the branch's size and for nothing else yet.
            text += "m\(number < 10 ? "0" : "")\(number),党员\(number),probationary,2026-11-10,,\n"
        }
        return text
    }
}
