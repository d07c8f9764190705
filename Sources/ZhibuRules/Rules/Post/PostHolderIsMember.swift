import Foundation
import ZhibuModel

/// A pioneer post or responsibility zone is held by a member on the roster.
enum PostHolderIsMember: Rule {
    static let descriptor = RuleDescriptor(
        id: "post.holder-is-member",
        summary: LocalizedText(
            zh: "先锋岗、责任区由花名册上的党员担任", en: "give posts only to members on the roster"),
        explanation: LocalizedText(
            zh:
                "党员先锋岗（示范岗）和党员责任区通过设岗定责、承诺践诺，让党员在岗位上发挥先锋模范作用，因此岗位由本组织的党员担任。`holders` 中的编号必须能在花名册中找到（党总支、基层党委为其下属党支部的花名册）。请改正编号，或先把此人加入花名册；已调离的党员应从岗位中移除。",
            en:
                "Pioneer (model) posts and responsibility zones let members set an example in their work by taking a post and a public commitment, so they are held by members of the organization. Each ID under `holders` must be on the roster (for a general branch or committee, the rosters of the branches below it). Correct the ID or add the person to the roster first; remove members who have left."
        ),
        citation: .article(.emr, 22),
        defaultSeverity: .error, scope: .content,
        publicCount: LocalizedText(
            zh: "{count} 名岗位负责人不在花名册上", en: "{count} post holders are not on the roster"),
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "岗位由党员担任", en: "a post held by a member"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "岗位人员 m30 不在花名册上", en: "holder m30 not on the roster"),
                    changes: [
                        "Content/orgs/branch/posts/service.md": ExampleSite.files[
                            "Content/orgs/branch/posts/service.md", default: ""
                        ].replacingOccurrences(of: "holders: [m03]", with: "holders: [m03, m30]")
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.flatMap { org -> [Finding] in
            guard let people = context.rosterPeople(of: org) else { return [] }
            return org.posts.flatMap { post in
                post.holders.filter { !people.known.contains($0.value) }.map { holder in
                    Finding(
                        LocalizedText(
                            zh:
                                "\(post.kind.value.label.zh)“\(post.title.zh.value)”的人员 `\(holder.value)` 不在“\(org.name.zh.value)”的花名册上",
                            en:
                                "holder `\(holder.value)` of \(post.kind.value.label.en) `\(post.slug)` is not on the roster of `\(org.path)`"
                        ),
                        at: holder.location, org: org.path, subject: holder.value,
                        help: [RosterLookup.help(for: holder.value, in: people.ids)])
                }
            }
        }
    }
}
