import Foundation
import Testing

/// The options CI and preview deploys reach for, on the built binary: several reports from
/// one run, `--base-url` and `ZHIBU_BASE_URL`, `--destination` (refusing folders it would
/// empty), `--lang` before or after the command, "did you mean" for a mistyped command,
/// `version`, `completion`, the elapsed time, and exit 2 for a broken `site.yml`.
@Suite struct AdoptionOptionsTests {
    let cli = CLITests()

    /// A copy of the example site in a fresh folder.
    func site() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-adopt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLITests.root.appendingPathComponent("Content"),
            to: folder.appendingPathComponent("Content"))
        return folder
    }

    @Test func oneCheckWritesSeveralReports() throws {
        let root = try CLITests.noncompliant.get()
        let sarif = root.appendingPathComponent("zhibu-\(UUID().uuidString).sarif").path
        let junit = root.appendingPathComponent("junit-\(UUID().uuidString).xml").path
        let run = try cli.zhibu([
            "--site", root.path, "check", "--report", "github", "--report", "sarif=" + sarif,
            "--report", "junit=" + junit,
        ])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file="))
        let sarifData = try Data(contentsOf: URL(fileURLWithPath: sarif))
        let json = try JSONSerialization.jsonObject(with: sarifData) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuites"))
        let bad = try cli.zhibu(["--site", root.path, "check", "--report", "yaml=out.yml"])
        #expect(bad.status == 2)
    }

    @Test func baseURLAndDestinationForAPreviewDeploy() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu([
            "--site", root.path, "build", "--destination", "public", "--base-url",
            "https://preview.example.org/pr-12/",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("public/"))
        let published = root.appendingPathComponent("public")
        let home = try String(
            contentsOf: published.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("href=\"/pr-12/_z/zhibu.css\""))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
        // The environment variable does the same when the option is not given.
        let env = try cli.zhibu(
            ["--site", root.path, "build", "--destination", "public"],
            environment: ["ZHIBU_BASE_URL": "https://dangjian.example.org/portal/"])
        #expect(env.status == 0, "\(env.stderr)")
        let again = try String(
            contentsOf: published.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(again.contains("href=\"/portal/_z/zhibu.css\""))
        // A second build with nothing changed touches nothing.
        let same = try cli.zhibu(
            ["--site", root.path, "build", "--destination", "public", "--lang", "en"],
            environment: ["ZHIBU_BASE_URL": "https://dangjian.example.org/portal/"])
        #expect(same.stderr.contains("public/ untouched"), "\(same.stderr)")
        let wrong = try cli.zhibu(
            ["--site", root.path, "build", "--base-url", "dangjian.example.org"])
        #expect(wrong.status == 2)
    }

    /// A copy of the site opened from files: styled, every link a file, search answering
    /// (`Tests/Site/check_file_site.py`, headless Chromium at file://).
    @Test func relativeURLsMakeACopyWorkFromAFolder() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu(["--site", root.path, "build", "--relative-urls", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let (status, output) = try CLITests.tool([
            "python3", CLITests.root.appendingPathComponent("Tests/Site/check_file_site.py").path,
            root.appendingPathComponent("Site").path, "读书分享", "读书分享会",
        ])
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(output.contains("check_file_site: 0 problems"))
        // site.yml's relative_urls does the same as the option.
        let config = root.appendingPathComponent("Content/site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try Data((text + "relative_urls: true\n").utf8).write(to: config)
        let again = try cli.zhibu(["--site", root.path, "build", "--quiet"])
        #expect(again.status == 0)
        let home = try String(
            contentsOf: root.appendingPathComponent("Site/index.html"), encoding: .utf8)
        #expect(home.contains("href=\"./_z/zhibu.css\""))
    }

    /// `--destination out/parts/1` when `out/` does not exist yet: made as `mkdir -p` would,
    /// as the artifact folders of a CI job often are; a file where a folder belongs is an error
    /// that names it.
    @Test func aDestinationsMissingFoldersAreMade() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu([
            "--site", root.path, "build", "--quiet", "--destination", "out/parts/1",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("out/parts/1/index.html").path))
        try Data("x\n".utf8).write(to: root.appendingPathComponent("plain"))
        let blocked = try cli.zhibu([
            "--site", root.path, "build", "--quiet", "--destination", "plain/public",
        ])
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("plain"), "\(blocked.stderr)")
        #expect(
            try String(contentsOf: root.appendingPathComponent("plain"), encoding: .utf8) == "x\n")
    }

    @Test func aDestinationThatWouldLoseFilesIsRefused() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in [".", "..", "Content", "Content/orgs", "Templates"] {
            let run = try cli.zhibu(["--site", root.path, "build", "--destination", folder])
            #expect(run.status == 2, "\(folder): \(run.stderr)")
        }
        let mine = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let run = try cli.zhibu(["--site", root.path, "build", "--destination", "mine"])
        #expect(run.status == 2)
        #expect(
            try String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8)
                == "keep me\n")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path))
    }

    /// A destination on another file system (here `/dev/shm`, where the machine has it) is
    /// refused before the build, with what to do; `PublishTests` holds the check to given file
    /// systems on every machine.
    @Test func aDestinationOnAnotherFileSystemIsRefusedBeforeTheBuild() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        func device(_ path: String) -> UInt64? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.systemNumber]
                .flatMap { ($0 as? NSNumber)?.uint64Value }
        }
        guard let shm = device("/dev/shm"), shm != device(root.path) else { return }
        let target = "/dev/shm/zhibu-\(UUID().uuidString)"
        let run = try cli.zhibu(["--site", root.path, "build", "--destination", target])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("another disk"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func langGoesBeforeOrAfterTheCommand() throws {
        let site = try CLITests.noncompliant.get().path
        let before = try cli.zhibu(["--lang", "en", "--site", site, "check"])
        let after = try cli.zhibu(["--site", site, "check", "--lang", "en"])
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("checked 7 organizations"))
        let rules = try cli.zhibu(["--lang", "en", "rules"])
        #expect(rules.stdout.contains("rules. Run `zhibu rules <rule>`"))
    }

    @Test func aMistypedCommandGetsADidYouMean() throws {
        let run = try cli.zhibu(["--site", CLITests.root.path, "chek"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean `zhibu check`?"))
        #expect(run.stderr.contains("是否应为 `zhibu check`？"))
    }

    @Test func versionAndCompletion() throws {
        let version = try cli.zhibu(["version"])
        #expect(version.status == 0)
        let lines = version.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("zhibu ") == true)
        #expect(lines.contains { $0.hasPrefix("commit ") })
        let built = lines.first { $0.hasPrefix("built ") }.map { String($0.dropFirst(6)) }
        #expect(built?.count == 10)
        let flag = try cli.zhibu(["--version"])
        #expect(flag.stdout.contains("commit"))
        for shell in ["bash", "zsh", "fish"] {
            let run = try cli.zhibu(["completion", shell])
            #expect(run.status == 0)
            #expect(run.stdout.contains("build"), "\(shell)")
            #expect(run.stdout.contains("destination"), "\(shell)")
        }
        #expect(try cli.zhibu(["completion", "tcsh"]).status == 2)
        let man = try cli.zhibu(["man"])
        #expect(man.status == 0)
        #expect(man.stdout.hasPrefix(".TH ZHIBU 1 "))
        for command in ["check", "build", "serve", "version", "completion"] {
            #expect(man.stdout.contains(".SS \(command)\n"), "\(command)")
        }
        #expect(man.stdout.contains("\\-\\-destination") || man.stdout.contains("--destination"))
    }

    @Test func aBrokenSiteConfigurationExitsTwoAndTheSummaryTellsTheTime() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let built = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(built.stderr.range(of: #"\(\d+\.\d+ s\)"#, options: .regularExpression) != nil)
        let config = root.appendingPathComponent("Content/site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try Data((text + "timezone: Mars/Olympus\n").utf8).write(to: config)
        #expect(try cli.zhibu(["--site", root.path, "check"]).status == 2)
        #expect(try cli.zhibu(["--site", root.path, "build"]).status == 2)
    }
}
