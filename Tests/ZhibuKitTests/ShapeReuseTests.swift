import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// Every page of the example sites is the same whether pages of one shape are filled in or
/// each is rendered by swift-mustache (the engine's own tests cover generated values).
@Suite struct ShapeReuseTests {
    /// Renders a site twice, filled and page by page, and compares every file.
    func compareBothWays(_ root: URL) throws {
        let tree = try FileTree.read(siteRoot: root.path, jobs: 2)
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let site = built.site
        let findings = Findings(diagnostics: built.report.diagnostics, due: built.report.due)
        var templates = try TemplateSet.load(tree, languages: site.config.languages)
        let filled = try SiteRenderer(
            site: site, asOf: built.report.asOf, templates: templates, jobs: 2
        ).render(findings: findings)
        templates.reusesShapes = false
        let direct = try SiteRenderer(
            site: site, asOf: built.report.asOf, templates: templates, jobs: 2
        ).render(findings: findings)
        #expect(filled == built.files)
        #expect(filled.count == direct.count)
        #expect(filled.count > 20)
        for (one, other) in zip(filled, direct) {
            #expect(one.path == other.path)
            #expect(one.bytes == other.bytes, "\(one.path) differs when filled in")
        }
    }

    @Test func everyPageOfTheExampleSiteIsTheSameFilledIn() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        try compareBothWays(root)
    }

    @Test func everyPageOfTheGoldenSiteIsTheSameFilledIn() throws {
        let site = try Golden.write(RenderTests.files())
        defer { try? FileManager.default.removeItem(at: site) }
        try compareBothWays(site)
    }
}
