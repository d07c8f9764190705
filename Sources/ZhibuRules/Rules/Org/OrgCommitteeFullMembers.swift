import Foundation
import ZhibuModel

/// The secretary, deputy secretaries and committee members are full members.
enum OrgCommitteeFullMembers: Rule {
    static let descriptor = RuleDescriptor(
        id: "org.committee-full-members",
        summary: LocalizedText(
            zh: "书记、副书记和支部委员必须是正式党员",
            en: "fill committee seats with full members only"),
        explanation: LocalizedText(
            zh:
                "预备党员没有表决权、选举权和被选举权，因此不能当选书记、副书记或支部委员。花名册上为预备党员（status: probationary）的人出现在 `committee` 中即为问题。如此人已按期转为正式党员，请在花名册中更新 `status` 和 `full_since`；否则应调整委员会人选。",
            en:
                "Probationary members have no right to vote, to elect or to be elected, so they cannot be secretary, deputy secretary or committee member. A person whose roster status is probationary in any `committee` seat is a finding. If the person has become a full member, update `status` and `full_since` in the roster; otherwise the seat must go to a full member."
        ),
        citation: .article(.pc, 7),
        defaultSeverity: .error, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名支委不是正式党员", en: "{count} committee seats are held by probationary members"),
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "委员都是正式党员", en: "every seat held by a full member"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "预备党员 m08 担任支部委员", en: "probationary member m08 on the committee"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                            of: "  members: [m01, m02, m03]\n", with: "  members: [m01, m02, m08]\n"
                        )
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.filter(context.rosterUsable).flatMap { org -> [Finding] in
            guard let committee = org.committee else { return [] }
            let people = context.people(of: org)
            let seats: [(seat: Located<String>, role: LocalizedText)] =
                (committee.secretary.map { [($0, LocalizedText(zh: "书记", en: "secretary"))] } ?? [])
                + committee.deputySecretaries.map {
                    ($0, LocalizedText(zh: "副书记", en: "deputy secretary"))
                }
                + (committee.members ?? []).map {
                    ($0, LocalizedText(zh: "支部委员", en: "committee member"))
                }
            var reported = Set<String>()
            return seats.compactMap { seat, role in
                let id = seat.value
                guard let person = people.first(where: { $0.id.value == id }),
                    person.status.value == .probationary, reported.insert(id).inserted
                else { return nil }
                return Finding(
                    LocalizedText(
                        zh: "\(role.zh) `\(id)`（\(person.name.value)）是预备党员，不能担任委员会职务",
                        en:
                            "\(role.en) `\(id)` is a probationary member and cannot hold a committee seat"
                    ),
                    at: seat.location, org: org.path, subject: id,
                    help: [
                        LocalizedText(
                            zh: "如已转正，在花名册中把 `status` 改为 full 并填写 `full_since`；否则调整委员会人选",
                            en:
                                "if the member has become full, set `status: full` and `full_since` in the roster; otherwise give the seat to a full member"
                        )
                    ])
            }
        }
    }
}
