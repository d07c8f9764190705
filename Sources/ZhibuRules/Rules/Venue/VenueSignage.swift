import Foundation
import ZhibuModel

/// The venue shows the Party flag and the oath of admission.
enum VenueSignage: Rule {
    static let descriptor = RuleDescriptor(
        id: "venue.signage",
        summary: LocalizedText(
            zh: "活动场所悬挂党旗、张贴入党誓词", en: "show the Party flag and the oath at the venue"),
        explanation: LocalizedText(
            zh:
                "地方党支部标准化规范化建设标准要求党员活动场所悬挂党旗、张贴入党誓词。在 org.yml 的 venue.signage 中列出 `party-flag` 和 `oath`；没有 venue 或缺少其中一项即为问题。请布置后在 signage 中登记。",
            en:
                "Local standardization standards ask that the venue show the Party flag and the oath of admission. List `party-flag` and `oath` under venue.signage in org.yml; a branch without a venue, or whose signage lacks either, has a problem. Put them up and record them under signage."
        ),
        citation: .local,
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "党旗和入党誓词齐全", en: "flag and oath"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "没有入党誓词", en: "no oath"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                            of: "signage: [party-flag, oath]", with: "signage: [party-flag]")
                    ]),
                RuleExample(
                    LocalizedText(zh: "没有登记活动场所", en: "no venue"),
                    changes: [
                        "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                            of:
                                "venue:\n  name: 党员活动室\n  location: 办公楼3层301\n  signage: [party-flag, oath]\n",
                            with: "")
                    ]),
            ]))

    static let required: [(id: String, label: LocalizedText)] = [
        ("party-flag", LocalizedText(zh: "党旗", en: "the Party flag")),
        ("oath", LocalizedText(zh: "入党誓词", en: "the oath of admission")),
    ]

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.flatMap { org in
            let venue = org.venue
            let shown = Set(venue?.signage.map(\.value) ?? [])
            let location =
                venue?.signage.first?.location ?? venue?.location?.zh.location
                ?? venue?.name?.zh.location ?? org.kind.location
            return required.filter { !shown.contains($0.id) }.map { item in
                Finding(
                    venue == nil
                        ? LocalizedText(
                            zh: "没有登记活动场所（venue），无法确认\(item.label.zh)",
                            en: "no `venue` is recorded, so \(item.label.en) is not shown")
                        : LocalizedText(
                            zh: "活动场所的 `signage` 中没有 `\(item.id)`（\(item.label.zh)）",
                            en: "the venue's `signage` lacks `\(item.id)` (\(item.label.en))"),
                    at: location, org: org.path,
                    help: [
                        LocalizedText(
                            zh: "布置\(item.label.zh)，并在 org.yml 的 `venue.signage` 中加入 `\(item.id)`",
                            en:
                                "put up \(item.label.en) and add `\(item.id)` to `venue.signage` in org.yml"
                        )
                    ])
            }
        }
    }
}
