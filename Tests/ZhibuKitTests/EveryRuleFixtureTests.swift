import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// One site in which every rule fires at least once, with a reviewed golden report.
///
/// Each rule's first failing example becomes a branch of its own, named after the rule, so the
/// golden shows every rule's real output side by side, and a change in any rule's wording or
/// location shows up in review.
@Suite struct EveryRuleFixtureTests {
    static func files() -> [String: String] {
        var files = ["Content/site.yml": ExampleSite.siteYAML]
        for descriptor in RuleRegistry.descriptors {
            // Site-wide settings would affect every branch: take an example without them.
            guard
                let example = descriptor.examples.failing.first(where: {
                    $0.changes["Content/site.yml"] == nil
                })
            else { continue }
            let slug = descriptor.id.rawValue.replacingOccurrences(of: ".", with: "-")
            for (path, text) in example.files where path != "Content/site.yml" {
                // Each rule gets a branch of its own, named after it.
                let moved = path.replacingOccurrences(
                    of: "Content/orgs/branch/", with: "Content/orgs/\(slug)/")
                files[moved] = text
            }
        }
        return files
    }

    @Test func everyRuleFiresAndTheReportMatchesTheGolden() throws {
        let report = RuleExampleTests.check(Self.files())
        let fired = Set(report.diagnostics.map(\.rule))
        for descriptor in RuleRegistry.descriptors
        where !RuleExampleTests.untextual.contains(descriptor.id.rawValue) {
            #expect(fired.contains(descriptor.id), "\(descriptor.id) did not fire")
        }
        try Golden.check(
            HumanReport(language: .en).render(report), against: "every-rule/Expected/check.txt")
        try Golden.check(
            JSONReport(language: .zh).render(report), against: "every-rule/Expected/check.zh.json")
    }
}
