import Foundation
import ZhibuModel

/// The venue displays the core systems of branch work (制度上墙).
enum VenueRequiredSystems: Rule {
    static let descriptor = RuleDescriptor(
        id: "venue.required-systems",
        summary: LocalizedText(
            zh: "活动场所张贴核心制度", en: "post the core systems at the venue"),
        explanation: LocalizedText(
            zh:
                "地方党支部标准化规范化建设标准要求党员活动场所张贴“三会一课”、主题党日、组织生活会、民主评议党员、党费收缴使用管理和发展党员等核心制度。党支部自己或其上级组织的 systems/ 中，每一类都要有一份 `posted: true` 的制度。请在 systems/ 中补上缺少的制度并张贴。站点可在 site.yml 的 `rules.params` 中用 `venue.required-systems` 调整要求的类别。",
            en:
                "Local standardization standards ask that the venue display the core systems: three meetings and one lesson, themed Party day, organizational life meeting, democratic evaluation, Party dues, and member development. The branch's systems/, or those of an organization above it, need one `posted: true` system of each category. Add the missing systems under systems/ and post them. A site may change the categories with `venue.required-systems` under `rules.params` in site.yml."
        ),
        citation: .local,
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "六项制度均已上墙", en: "all six systems posted")),
                RuleExample(
                    LocalizedText(
                        zh: "站点只要求三会一课制度", en: "a site that requires only the meetings system"),
                    changes: [
                        "Content/site.yml": ExampleSite.siteYAML
                            + "rules:\n  params: { venue.required-systems: \"meetings\" }\n",
                        "Content/orgs/branch/systems/dues.md": nil,
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "缺少党费制度", en: "no dues system"),
                    changes: ["Content/orgs/branch/systems/dues.md": nil]),
                RuleExample(
                    LocalizedText(zh: "党费制度没有张贴", en: "the dues system is not posted"),
                    changes: [
                        "Content/orgs/branch/systems/dues.md": ExampleSite.files[
                            "Content/orgs/branch/systems/dues.md"]?.replacingOccurrences(
                                of: "posted: true", with: "posted: false")
                    ]),
            ]))

    static let categories = [
        "meetings", "themed-day", "org-life", "evaluation", "dues", "development",
    ]

    static func check(_ context: RuleContext) -> [Finding] {
        let required = context.listParam("venue.required-systems", default: categories)
        return context.branches.flatMap { org in
            // A draft is not on the wall: it counts for nothing until it is published.
            let posted = Set(
                context.lineage(of: org).flatMap(\.systems).filter { $0.posted && !$0.draft }
                    .map(\.category.value.rawValue))
            let location = org.venue?.location?.zh.location ?? org.kind.location
            return required.filter { !posted.contains($0) }.map { category in
                let label =
                    DisplayedSystem.Category(rawValue: category)?.label
                    ?? LocalizedText(zh: category, en: category)
                return Finding(
                    LocalizedText(
                        zh: "活动场所没有张贴“\(label.zh)”（`\(category)`）",
                        en: "the venue displays no `\(category)` system (\(label.en))"),
                    at: location, org: org.path,
                    help: [
                        LocalizedText(
                            zh: "在 systems/ 中加入 `category: \(category)` 的制度并张贴（`posted: true`）",
                            en:
                                "add a system with `category: \(category)` under systems/ and post it (`posted: true`)"
                        )
                    ])
            }
        }
    }
}
