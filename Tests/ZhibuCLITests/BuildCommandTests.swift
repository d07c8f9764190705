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

    /// A site of more folders than the limit on open files allows to keep open builds whole:
    /// the walk keeps fewer folders open under a lower limit (`DescriptorTable.folderBudget`),
    /// so that reading never runs out of descriptors. Before, it kept up to 256 open whatever
    /// the limit, and under macOS's default of 256 every file of a large site was unreadable.
    @Test func aSiteOfManyFoldersBuildsUnderALowLimitOnOpenFiles() throws {
        var extra: [String: String] = [:]
        for number in 0..<200 {
            extra["Content/assets/files-\(number)/note.txt"] = "\(number)\n"
        }
        let root = try site(extra)
        defer { try? FileManager.default.removeItem(at: root) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Both limits, so that the start cannot raise the soft one.
        process.arguments = [
            "-c", "ulimit -n 128 && exec \"$0\" \"$@\"", CLITests.binary.path,
            "--site", root.path, "build", "--quiet", "--lang", "en",
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(!stdout.contains("load.unreadable"), "\(stdout.prefix(2000))")
        let copied = root.appendingPathComponent("Site/assets/files-199/note.txt")
        #expect(FileManager.default.contents(atPath: copied.path) == Data("199\n".utf8))
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

    /// The check of `Site/` begun beside the survey is stopped once an input is found touched;
    /// when the touched input holds the same bytes, `Site/` is checked again before the last
    /// build is reused, so a page edited by hand meanwhile is still written again.
    @Test func aTouchedInputDoesNotHideAPageEditedByHand() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try cli.zhibu(["--site", root.path, "build", "--quiet"]).status == 0)
        let page = root.appendingPathComponent("Site/index.html")
        let published = try Data(contentsOf: page)
        try Data("<p>edited by hand</p>\n".utf8).write(to: page)
        let config = root.appendingPathComponent("Content/site.yml")
        try Data(contentsOf: config).write(to: config)
        let rebuilt = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("inputs unchanged"), "\(rebuilt.stderr)")
        #expect(try Data(contentsOf: page) == published)
    }

    /// With its inputs untouched, a rebuild renders the stored report while it checks
    /// `Site/`; when the check finds a page edited by hand, the site is built again, and the
    /// report is printed once, the same as the first build's.
    @Test func aReusedReportRenderedEarlyIsPrintedOnceWhenSiteMustBeRebuilt() throws {
        // A themed day only planned: a finding for the report to print.
        let root = try site([
            ExampleSite.recordPath("2026-03-15", .themedDay):
                "---\ntype: themed-day\ntitle: 计划\ndate: 2026-03-15\nstatus: planned\n---\n计划。\n"
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        // Inputs written within the last second are not trusted by their identities alone.
        Thread.sleep(forTimeInterval: 1.1)
        let first = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("[meeting.themed-day-monthly]"))
        let reused = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(reused.stderr.contains("inputs unchanged since the last build"), "\(reused.stderr)")
        #expect(reused.stdout == first.stdout)
        let page = root.appendingPathComponent("Site/index.html")
        let published = try Data(contentsOf: page)
        try Data("<p>edited by hand</p>\n".utf8).write(to: page)
        let rebuilt = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("inputs unchanged"), "\(rebuilt.stderr)")
        #expect(rebuilt.stdout == first.stdout)
        #expect(try Data(contentsOf: page) == published)
    }

    /// When zhibu cannot record a build in `.zhibu/` (a full disk; here its temporary file's
    /// name is taken by a folder), the site is still published and the build succeeds, but it
    /// says so: otherwise every later build renders again with no hint why.
    @Test func aBuildItCannotRecordIsPublishedAndSaysSo() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try cli.zhibu(["--site", root.path, "build", "--quiet"]).status == 0)
        let blocker = root.appendingPathComponent(".zhibu/last-build.tmp")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: blocker.appendingPathComponent("keep"))
        let record = root.appendingPathComponent(ExampleSite.recordPath("2026-03-15", .themedDay))
        try Data((try String(contentsOf: record, encoding: .utf8) + "\n补充。\n").utf8)
            .write(to: record)
        let built = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("published Site/"), "\(built.stderr)")
        #expect(
            built.stderr.contains("warning: could not record this build in .zhibu/"),
            "\(built.stderr)")
        let page = try String(
            contentsOf: root.appendingPathComponent("Site/index.html"), encoding: .utf8)
        #expect(!page.isEmpty)
        // Nothing recorded: the next build renders again, finds Site/ right, and says so again.
        let again = try cli.zhibu(["--site", root.path, "build", "--lang", "zh"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("内容没有变化"), "\(again.stderr)")
        #expect(again.stderr.contains("警告：无法在 .zhibu/ 中记下这次构建"), "\(again.stderr)")
        // Once it can be written, the build is recorded and the warning is gone.
        try FileManager.default.removeItem(at: blocker)
        let recorded = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(!recorded.stderr.contains("could not record"), "\(recorded.stderr)")
        let reused = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(reused.stderr.contains("inputs unchanged since the last build"), "\(reused.stderr)")
        // An input touched without being changed: the build is reused, but the input's new
        // identity cannot be written down either, and that is said too.
        try Data(try Data(contentsOf: record)).write(to: record)
        Thread.sleep(forTimeInterval: 1.1)
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        let touched = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(touched.status == 0, "\(touched.stderr)")
        #expect(
            touched.stderr.contains("inputs unchanged since the last build"), "\(touched.stderr)")
        #expect(
            touched.stderr.contains("warning: could not record the inputs' new state in .zhibu/"),
            "\(touched.stderr)")
        try FileManager.default.removeItem(at: blocker)
        let quiet = try cli.zhibu(["--site", root.path, "build", "--lang", "zh"])
        #expect(quiet.stderr.contains("输入没有变化"), "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("警告"), "\(quiet.stderr)")
    }

    /// A build stopped by `load.*` errors counts them and names what they can be: here every
    /// file reads fine and one record names a group the branch does not have, so the closing
    /// line must not say that a file could not be read.
    @Test func aBuildStoppedByLoadErrorsCountsThemInWordsThatFitAReference() throws {
        let root = try site([
            ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                .themedDay, date: "2026-03-15", extra: "group: g9\n")
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let english = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(english.status == 1, "\(english.stderr)")
        #expect(english.stdout.contains("[load.reference-unknown]"), "\(english.stdout)")
        #expect(
            english.stderr.contains(
                "zhibu: 1 load error (load.*: a file unreadable or malformed, a field missing, an "
                    + "ID defined twice or unknown) must be fixed before anything is published; "
                    + "Site/ is unchanged"), "\(english.stderr)")
        #expect(!english.stderr.contains("could not be read"), "\(english.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
        let chinese = try cli.zhibu(["--site", root.path, "build", "--lang", "zh"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("有 1 个载入错误"), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("编号重复或找不到"), "\(chinese.stderr)")
    }

    /// `build` and `merge` in a folder that is not a site (no `Content/site.yml`) exit 2 with
    /// the reason and leave the folder as it was: no `.zhibu/` for their lock.
    @Test func aBuildOutsideASiteWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["build"], ["merge", "part-1"], ["build", "--destination", "out"]] {
            let run = try cli.zhibu(["--site", folder.path, "--lang", "en"] + arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("is not a zhibu site"), "\(arguments): \(run.stderr)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty,
                "\(arguments)")
        }
    }

    /// `--destination Site` (or `./Site/`, or its whole path) is the default output spelled
    /// out: the same records, so the site zhibu published there is not called foreign; and a
    /// folder typed with its slash is named with one.
    @Test func theDefaultOutputSpelledOutIsTheDefault() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        // Inputs written within the last second are not trusted by their identities alone.
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try cli.zhibu(["--site", root.path, "build", "--quiet"]).status == 0)
        let site = root.appendingPathComponent("Site").path
        for destination in ["Site", "./Site/", site] {
            let run = try cli.zhibu([
                "--site", root.path, "build", "--lang", "en", "--destination",
                destination,
            ])
            #expect(run.status == 0, "\(destination): \(run.stderr)")
            #expect(run.stderr.contains("inputs unchanged"), "\(destination): \(run.stderr)")
        }
        let records = root.appendingPathComponent(".zhibu/out").path
        #expect(!FileManager.default.fileExists(atPath: records))
        let elsewhere = try cli.zhibu([
            "--site", root.path, "build", "--lang", "en", "--destination", "public/",
        ])
        #expect(elsewhere.stderr.contains("published public/:"), "\(elsewhere.stderr)")
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
