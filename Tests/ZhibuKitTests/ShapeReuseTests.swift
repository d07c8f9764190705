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

    /// Site templates written for the lists (the status page, the home page and the matrix as
    /// the built-in ones were before they inserted items rendered one by one) still render the
    /// same pages: a list is written whenever a template names it. The old status page printed
    /// one line of two spaces before the folded older records, which is all that differs.
    @Test func templatesThatLoopTheListsRenderTheSamePages() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let site = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("Content"), to: site.appendingPathComponent("Content"))
        try FileManager.default.copyItem(
            at: Golden.fixtures.appendingPathComponent("render/list-templates"),
            to: site.appendingPathComponent("Templates"))
        let looped = try Pipeline.build(.init(siteRoot: site.path, jobs: 2), renderToMemory: true)
            .files.filter { $0.path.hasSuffix(".html") }
        let inserted = try Pipeline.build(.init(siteRoot: root.path, jobs: 2), renderToMemory: true)
            .files.filter { $0.path.hasSuffix(".html") }
        #expect(looped.count == inserted.count)
        #expect(looped.count > 100)
        func normalized(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self).replacingOccurrences(
                of: "\n  \n  <details class=\"older", with: "\n  <details class=\"older")
        }
        var folded = 0
        for (one, other) in zip(looped, inserted) {
            #expect(one.path == other.path)
            #expect(normalized(one.bytes) == normalized(other.bytes), "\(one.path) differs")
            if String(decoding: one.bytes, as: UTF8.self).contains("\n  \n  <details class=\"older")
            {
                folded += 1
            }
        }
        // The old template did loop the older months: the pages that fold them are compared.
        #expect(folded > 0)
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
