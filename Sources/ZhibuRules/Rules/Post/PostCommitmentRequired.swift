import Foundation
import ZhibuModel

/// A pioneer post states its public commitment.
enum PostCommitmentRequired: Rule {
    static let descriptor = RuleDescriptor(
        id: "post.commitment-required",
        summary: LocalizedText(
            zh: "党员先锋岗要写明公开承诺", en: "state the public commitment of every pioneer post"),
        explanation: LocalizedText(
            zh:
                "党员先锋岗（示范岗）实行设岗定责、承诺践诺：岗位上的党员向群众公开承诺，接受监督。在岗位文件的前置信息中用 `commitment` 写明承诺内容（英文可写 `commitment_en`）。党员责任区不检查此项。",
            en:
                "A pioneer (model) post works by setting a post and its duties and by a public commitment that the members on it keep under the public's eye. Write the pledge as `commitment` in the post's front matter (`commitment_en` for English). Responsibility zones are not checked."
        ),
        citation: .article(.emr, 22),
        defaultSeverity: .warning, scope: .content,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "先锋岗写明了承诺", en: "a pioneer post with its commitment"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "先锋岗没有承诺", en: "a pioneer post without a commitment"),
                    changes: [
                        "Content/orgs/branch/posts/service.md": ExampleSite.files[
                            "Content/orgs/branch/posts/service.md", default: ""
                        ].replacingOccurrences(of: "commitment: 热情服务，一次办好\n", with: "")
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.flatMap { org in
            org.posts.filter { $0.kind.value == .pioneerPost && $0.commitment == nil }.map { post in
                Finding(
                    LocalizedText(
                        zh: "党员先锋岗“\(post.title.zh.value)”没有写明承诺（`commitment`）",
                        en: "pioneer post `\(post.slug)` has no `commitment`"),
                    at: post.kind.location, org: org.path,
                    help: [
                        LocalizedText(
                            zh: "在前置信息中写 `commitment: <公开承诺>`",
                            en: "add `commitment: <the public pledge>` to the front matter")
                    ])
            }
        }
    }
}
