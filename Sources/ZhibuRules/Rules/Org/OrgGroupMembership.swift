import Foundation
import ZhibuModel

/// With Party groups defined, every member is in exactly one, and each group has a leader.
enum OrgGroupMembership: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.group-membership",
        summary: LocalizedText(
            zh: "划分党小组的，每名党员编入一个党小组，每个党小组设组长",
            en: "with Party groups, put every member in exactly one group and give each a leader"),
        explanation: LocalizedText(
            zh:
                "每个党员都必须编入党的一个支部、小组或其他特定组织，参加组织生活。党支部划分党小组的，每名党员应编入且只编入一个党小组，每个党小组设组长。党小组在 org.yml 的 `groups` 中定义（`leader` 为组长，`members` 为组员），也可以在花名册的 `group` 列中写明；两处写法合并计算。没有划分党小组的党支部不检查。",
            en:
                "Every member belongs to a branch, group or other specific unit of the Party and takes part in its organizational life. A branch that has Party groups puts each member in exactly one group and sets a leader for each group. Groups are defined under `groups` in org.yml (`leader`, `members`); a member's group may also be given in the roster's `group` column, and both are taken together. A branch without groups is not checked."
        ),
        citation: Citation([.article(.pc, 8), .article(.bwr, 13)]),
        defaultSeverity: .warning, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名党员未编入或重复编入党小组",
            en: "{count} members are in no Party group or in more than one"),
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "没有划分党小组", en: "no Party groups")),
                RuleExample(
                    LocalizedText(
                        zh: "两个党小组覆盖全部党员", en: "two groups that cover every member"),
                    changes: ExampleSite.groupMeetings([
                        ("g1", ["m01", "m02", "m03", "m04"]), ("g2", ["m05", "m06", "m07", "m08"]),
                    ]).merging([
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML + """
                            groups:
                              - { id: g1, name: 第一党小组, leader: m01, members: [m01, m02, m03, m04] }
                              - { id: g2, name: 第二党小组, leader: m05, members: [m05, m06, m07, m08] }

                            """
                    ]) { $1 }),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "m07 不在任何党小组，第二党小组没有组长",
                        en: "m07 in no group, and the second group without a leader"),
                    changes: ExampleSite.groupMeetings([
                        ("g1", ["m01", "m02", "m03", "m04"]), ("g2", ["m05", "m06", "m08"]),
                    ]).merging([
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML + """
                            groups:
                              - { id: g1, name: 第一党小组, leader: m01, members: [m01, m02, m03, m04] }
                              - { id: g2, name: 第二党小组, members: [m05, m06, m08] }

                            """
                    ]) { $1 })
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.filter(context.rosterUsable).flatMap { org -> [Finding] in
            guard !org.groups.isEmpty else { return [] }
            let known = Set(org.groups.map(\.id.value))
            var findings: [Finding] = []
            for member in org.members {
                // An unknown `group` cell is `load.reference-unknown` already.
                if let column = member.group, !known.contains(column.value) { continue }
                let id = member.id.value
                var groups = org.groups.filter { group in
                    group.members.contains { $0.value == id }
                }.map(\.id.value)
                if let column = member.group, !groups.contains(column.value) {
                    groups.append(column.value)
                }
                if groups.isEmpty {
                    findings.append(noGroup(member, org: org))
                } else if groups.count > 1 {
                    findings.append(manyGroups(member, groups: groups.sorted(), org: org))
                }
            }
            for group in org.groups where group.leader == nil {
                findings.append(
                    Finding(
                        LocalizedText(
                            zh: "党小组 `\(group.id.value)`（\(group.name.zh.value)）没有组长",
                            en: "Party group `\(group.id.value)` has no `leader`"),
                        at: group.id.location, org: org.path,
                        help: [
                            LocalizedText(
                                zh: "在该党小组中写明 `leader: <党员编号>`",
                                en: "name the group leader with `leader: <member ID>`")
                        ]))
            }
            return findings
        }
    }
}

// MARK: - Findings

extension OrgGroupMembership {
    fileprivate static func noGroup(_ member: Member, org: Organization) -> Finding {
        let id = member.id.value
        return Finding(
            LocalizedText(
                zh: "`\(id)`（\(member.name.value)）没有编入任何党小组",
                en: "`\(id)` is in no Party group"),
            at: member.id.location, org: org.path, subject: member.id.value,
            help: [
                LocalizedText(
                    zh: "把 `\(id)` 加入一个党小组的 `members`，或在花名册的 `group` 列中写明",
                    en:
                        "add `\(id)` to the `members` of one group, or give the group in the roster's `group` column"
                )
            ])
    }

    fileprivate static func manyGroups(_ member: Member, groups: [String], org: Organization)
        -> Finding
    {
        let id = member.id.value
        let list = groups.map { "`\($0)`" }.joined(separator: ", ")
        return Finding(
            LocalizedText(
                zh: "`\(id)`（\(member.name.value)）同时编入了 \(groups.count) 个党小组：\(list)",
                en: "`\(id)` is in \(groups.count) Party groups: \(list)"),
            at: member.id.location, org: org.path, subject: member.id.value,
            help: [
                LocalizedText(
                    zh: "每名党员只编入一个党小组：从其他党小组的 `members` 或花名册的 `group` 列中删去",
                    en:
                        "a member belongs to one group only: remove `\(id)` from the others' `members` or correct the roster's `group` column"
                )
            ])
    }
}
