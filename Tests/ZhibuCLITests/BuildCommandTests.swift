import Foundation
import Testing
import ZhibuRules

/// `zhibu build` end to end: exit codes, templates a site overrides, and what reaches `Site/`.
@Suite struct BuildCommandTests {
    let cli = CLITests()

    func site(_ extra: [String: String] = [:]) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-build-\(UUID().uuidString)")
        for (path, text) in ExampleSite.files.merging(extra, uniquingKeysWith: { $1 }) {
            let url = target.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return target
    }

    @Test func buildPublishesAndExitsZeroDespiteRuleFindings() throws {
        let root = try site([
            ExampleSite.recordPath("2026-03-15", .themedDay):
                "---\ntype: themed-day\ntitle: 计划\ndate: 2026-03-15\nstatus: planned\n---\n计划。\n"
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[meeting.themed-day-monthly]"))
        #expect(run.stderr.contains("published Site/"))
        #expect(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("Site/index.html").path))
        let failing = try cli.zhibu(["--site", root.path, "build", "--fail-on", "error", "--quiet"])
        #expect(failing.status == 1)
    }

    /// A rebuild whose inputs kept their identities reuses the last build without reading a
    /// file; a touched file is read and, its bytes being the same, reused too; a changed file
    /// is built. Files written within the last second are never trusted by identity alone.
    @Test func aRebuildOfUntouchedInputsReadsNothing() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        Thread.sleep(forTimeInterval: 1.1)
        let timings = ["ZHIBU_TIMINGS": "1"]
        #expect(try cli.zhibu(["--site", root.path, "build", "--quiet"]).status == 0)
        let again = try cli.zhibu(["--site", root.path, "build", "--quiet"], environment: timings)
        #expect(again.stderr.contains("timing unchanged"), "\(again.stderr)")
        #expect(!again.stderr.contains("timing read"), "\(again.stderr)")
        // Touched, same bytes: read, found unchanged, and its new identity remembered.
        let config = root.appendingPathComponent("Content/site.yml")
        let text = try Data(contentsOf: config)
        Thread.sleep(forTimeInterval: 0.05)
        try text.write(to: config)
        Thread.sleep(forTimeInterval: 1.1)
        let touched = try cli.zhibu(
            ["--site", root.path, "build", "--quiet"], environment: timings)
        #expect(touched.stderr.contains("timing read"), "\(touched.stderr)")
        #expect(touched.stderr.contains("timing unchanged"), "\(touched.stderr)")
        let trusted = try cli.zhibu(
            ["--site", root.path, "build", "--quiet"], environment: timings)
        #expect(!trusted.stderr.contains("timing read"), "\(trusted.stderr)")
        // Changed: built and published.
        let record = root.appendingPathComponent(ExampleSite.recordPath("2026-03-15", .themedDay))
        var changed = try String(contentsOf: record, encoding: .utf8)
        changed += "\n补充说明。\n"
        try Data(changed.utf8).write(to: record)
        let built = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(built.stderr.contains("published Site/"), "\(built.stderr)")
    }

    @Test func aSiteTemplateOverridesTheDefault() throws {
        let root = try site(["Templates/notfound.mustache": "<h1>找不到了 {{t.home}}</h1>\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu(["--site", root.path, "build", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(
            contentsOf: root.appendingPathComponent("Site/404.html"), encoding: .utf8)
        #expect(page.contains("<h1>找不到了 返回首页</h1>"))
    }

    @Test func aBrokenTemplateNamesItsFileAndLineAndExitsTwo() throws {
        let root = try site(["Templates/org.mustache": "<h1>{{name}}</h1>\n{{#children}}\n<p>\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu(["--site", root.path, "build", "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Templates/org.mustache:"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
    }

    @Test func renderToMemoryWritesNothing() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu([
            "--site", root.path, "build", "--render-to-memory", "--lang", "en",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("rendered"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".zhibu").path))
    }

    @Test func buildSpeaksTheCIFormatsToo() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu([
            "--site", root.path, "build", "--format", "junit", "--render-to-memory",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
    }
}
