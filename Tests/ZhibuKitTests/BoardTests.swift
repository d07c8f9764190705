import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuQR
import ZhibuRules

/// The display boards as files: which slides each organization gets, what they may show, the
/// settings that choose them. (How they look and live on a screen: `SiteValidationTests`.)
@Suite struct BoardTests {
    /// The example branch under a committee, with a post, a notice, a long system and a
    /// planned meeting, so that every slide of both kinds of board has something to show.
    static func files(_ changes: [String: String?] = [:]) -> [String: String] {
        var files = ExampleSite.underCommittee()
        files["Content/orgs/committee/branch/posts/window.md"] = """
            ---
            kind: pioneer-post
            title: 服务窗口先锋岗
            holders: [m02, m03]
            commitment: 微笑服务，一次办好。
            ---
            """
        files["Content/orgs/committee/branch/notices/day.md"] = """
            ---
            title: 十二月主题党日安排
            date: 2026-11-20
            pinned: true
            ---
            请全体党员准时参加。
            """
        files["Content/orgs/committee/branch/systems/meetings.md"] = """
            ---
            title: 三会一课制度
            category: meetings
            ---
            \(String(repeating: "支部委员会每月召开一次会议，研究部署支部工作。", count: 30))

            - 第一项要求
            - 第二项要求
            """
        files["Content/orgs/committee/branch/activities/2026/12-04-committee-meeting.md"] = """
            ---
            type: committee-meeting
            title: 十二月支委会
            date: 2026-12-04
            status: planned
            ---
            """
        for (path, text) in changes { files[path] = text }
        return files
    }

    static func build(_ files: [String: String]) throws -> (BuildResult, [String: String]) {
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let result = try Pipeline.build(tree: tree, options: .init(jobs: 2, environment: [:]))
        var pages: [String: String] = [:]
        for file in result.files ?? [] {
            pages[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        return (result, pages)
    }

    static func slides(_ page: String) -> [String] {
        page.matches(of: /<section class="slide slide-([a-z]+)"/).map { String($0.1) }
    }

    @Test func everyOrganizationHasABoardInEveryLanguage() throws {
        let (result, pages) = try Self.build(Self.files())
        for org in result.site.organizations {
            for prefix in ["", "en/"] {
                let page = try #require(pages[prefix + org.path + "/board/index.html"])
                #expect(page.contains("data-zhibu-board=\"1\""))
                #expect(page.contains("<html lang=\"\(prefix.isEmpty ? "zh-CN" : "en")\""))
                #expect(page.contains("<svg class=\"qr\""), "\(org.path): no QR code")
                #expect(
                    page.contains("数据截至 2026年11月24日") || page.contains("Data as of 24 Nov 2026"))
            }
        }
    }

    @Test func aBranchAndACommitteeShowTheirOwnSlides() throws {
        let (_, pages) = try Self.build(Self.files())
        let branch = Self.slides(try #require(pages["committee/branch/board/index.html"]))
        #expect(
            Array(branch.prefix(6)) == [
                "org", "notices", "activities", "recent", "posts", "scorecard",
            ])
        #expect(branch.dropFirst(6).allSatisfy { $0 == "systems" } && branch.count > 6)
        let committee = Self.slides(try #require(pages["committee/board/index.html"]))
        // Nothing needs attention when the branch meets everything; the committee has no
        // notices or posts of its own, and its branch's system is not its own.
        #expect(committee.prefix(1) == ["overview"])
        #expect(committee.contains("branches") && committee.contains("org"))
        #expect(!committee.contains("scorecard") && !committee.contains("posts"))
    }

    @Test func slidesWithNothingToShowAreLeftOut() throws {
        var changes: [String: String?] = [:]
        for path in Self.files().keys
        where path.contains("/posts/") || path.contains("/notices/") || path.contains("/systems/")
            || path.hasSuffix("12-04-committee-meeting.md")
        {
            changes[path] = .some(nil)
        }
        let (_, pages) = try Self.build(Self.files(changes))
        let branch = Self.slides(try #require(pages["committee/branch/board/index.html"]))
        #expect(
            !branch.contains("posts") && !branch.contains("notices") && !branch.contains("systems"))
        #expect(branch.contains("org") && branch.contains("scorecard"))
    }

    @Test func boardSlidesChooseAndOrderTheSlides() throws {
        var files = Self.files()
        files["Content/site.yml"] =
            ExampleSite.siteYAML + "board:\n  slides: [scorecard, org]\n  night: \"22:00-07:00\"\n"
        files["Content/orgs/committee/branch/org.yml"] =
            ExampleSite.orgYAML + "board:\n  slides: [posts, notices]\n"
        let (result, pages) = try Self.build(files)
        #expect(result.report.diagnostics.filter { $0.rule.rawValue.hasPrefix("load.") }.isEmpty)
        #expect(
            Self.slides(try #require(pages["committee/branch/board/index.html"])) == [
                "posts", "notices",
            ])
        // The committee takes the site's choice; the scorecard is a branch's, so only `org` is left.
        let committee = try #require(pages["committee/board/index.html"])
        #expect(Self.slides(committee) == ["org"])
        #expect(committee.contains("data-night=\"22:00-07:00\""))
    }

    @Test func aBoardSettingThatIsWrongIsReportedWhereItIs() throws {
        var files = Self.files()
        files["Content/site.yml"] =
            ExampleSite.siteYAML + "board:\n  slides: [scorecrad]\n  night: \"22:00\"\n"
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let report = Pipeline.check(tree, jobs: 2, environment: [:])
        let problems = report.diagnostics.filter { $0.location.file == "Content/site.yml" }
        #expect(problems.map(\.rule.rawValue) == ["load.field-type", "load.field-type"])
        #expect(problems.contains { $0.help.contains { $0.en.contains("`scorecard`") } })
        #expect(problems.contains { $0.message.en.contains("`night`") })
        #expect(problems.allSatisfy { $0.location.line != nil })
    }

    /// A long system is split between sentences into units that the board pages through:
    /// every word is there, in order, and no unit is long.
    @Test func aLongSystemIsSplitNeverCut() throws {
        let (_, pages) = try Self.build(Self.files())
        let page = try #require(pages["committee/branch/board/index.html"])
        let units = page.matches(
            of: /<div class="unit(?: cont| head)*">(.*?)<\/div>/.dotMatchesNewlines()
        )
        .map { String($0.1) }
        let text = units.map { $0.replacing(/<[^>]+>/, with: "") }.joined()
        #expect(text.contains(String(repeating: "支部委员会每月召开一次会议，研究部署支部工作。", count: 30)))
        #expect(units.count > 4)
        #expect(units.allSatisfy { $0.count < 400 })
        #expect(page.contains("<ul class=\"u\"><li>第一项要求</li>"))
    }

    /// Like the public portal, a board names members only as committee, group and post
    /// holders, and shows no finding's message: a member's dues never reach it.
    @Test func aBoardShowsNoFindingAboutAMember() throws {
        var files = Self.files()
        files["Content/orgs/committee/branch/dues/2026.csv"] =
            "member,01,02,03,04,05,06,07,08,09,10\n"
            + ExampleSite.members(on: "2026-01-01").map {
                $0
                    + ($0 == "m07"
                        ? ",,,,,,,,,," : ",paid,paid,paid,paid,paid,paid,paid,paid,paid,paid")
            }.joined(separator: "\n") + "\n"
        let (result, pages) = try Self.build(files)
        let dues = result.report.diagnostics.filter { $0.rule.rawValue.hasPrefix("dues.") }
        #expect(!dues.isEmpty, "the test needs a dues finding")
        for (path, page) in pages where path.hasSuffix("/board/index.html") {
            for finding in dues {
                #expect(
                    !page.contains(finding.message.zh) && !page.contains(finding.message.en),
                    "\(path)")
            }
            #expect(!page.contains("赵强"), "\(path): the member with arrears is named")
        }
    }

    @Test func aQRCodeHasItsFinderPatternsAndScalesToItsQuietZone() throws {
        let code = try #require(QRCode("https://dangjian.example.org/committee/branch/"))
        #expect(code.size >= 21 && (code.size - 17) % 4 == 0)
        // The three finder patterns: a dark 7×7 ring with a dark 3×3 centre.
        for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            for offset in 0..<7 {
                #expect(code.isDark(row: row, column: column + offset))
                #expect(code.isDark(row: row + 6, column: column + offset))
                #expect(code.isDark(row: row + offset, column: column))
            }
            #expect(!code.isDark(row: row + 1, column: column + 1))
            #expect(code.isDark(row: row + 3, column: column + 3))
        }
        let svg = code.svg(label: "二维码") { $0 }
        #expect(svg.contains("viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\""))
        #expect(QRCode(String(repeating: "x", count: 5000)) == nil)
    }

    /// A board shows only what it says, so a change that no board shows rewrites no board.
    @Test func editingARecordRewritesOnlyTheBoardsThatShowIt() throws {
        let (_, before) = try Self.build(Self.files())
        let path = "Content/orgs/committee/branch/activities/2026/11-15-themed-day.md"
        var files = Self.files()
        files[path] = try #require(files[path]).replacingOccurrences(
            of: "title: 2026-11-15主题党日", with: "title: 十一月主题党日")
        let (_, renamed) = try Self.build(files)
        var minutes = Self.files()
        minutes[path] = try #require(minutes[path]) + "\n会后补记。\n"
        let (_, reworded) = try Self.build(minutes)
        let boards = before.keys.filter { $0.hasSuffix("/board/index.html") }.sorted()
        #expect(
            boards.filter { before[$0] != renamed[$0] } == [
                "committee/branch/board/index.html", "en/committee/branch/board/index.html",
            ])
        #expect(boards.filter { before[$0] != reworded[$0] }.isEmpty)
    }
}
