import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// Notices on the portal: a page each, listed on their organization's page, on the home page
/// while current, kept as an archive afterwards, and linked from the feed and the search index.
@Suite struct NoticePageTests {
    static func pages() throws -> [String: String] {
        let tree = TestSite.tree(
            TestSite.files([
                "Content/orgs/first/notices/current.md":
                    "---\ntitle: 关于召开党员大会的通知\ndate: 2026-11-10\nuntil: 2026-12-10\n---\n请**按时**参加。\n",
                "Content/orgs/first/notices/old.md":
                    "---\ntitle: 关于交纳党费的提醒\ndate: 2026-09-01\nuntil: 2026-09-30\n---\n已过期的提醒。\n",
            ]))
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let files = try #require(built.files)
        return Dictionary(
            uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
        )
    }

    @Test func everyNoticeHasAPageAndTheHomePageListsTheCurrentOnes() throws {
        let pages = try Self.pages()
        let current = try #require(pages["first/notices/current/index.html"])
        #expect(current.contains("<strong>按时</strong>"))
        #expect(current.contains("有效期至 2026年12月10日"))
        #expect(!current.contains("仅作存档"))
        let old = try #require(pages["first/notices/old/index.html"])
        #expect(old.contains("本通知已过有效期，仅作存档。"))
        #expect(pages["en/first/notices/old/index.html"]?.contains("kept as an archive") == true)
        let home = try #require(pages["index.html"])
        #expect(home.contains("href=\"/first/notices/current/\""))
        #expect(!home.contains("关于交纳党费的提醒"))
        let org = try #require(pages["first/index.html"])
        #expect(org.contains("href=\"/first/notices/current/\""))
        #expect(org.contains("href=\"/first/notices/old/\""))
        #expect(org.contains("已过期"))
    }

    /// The home page lists the pinned and then the newest 20 current notices of the whole
    /// site and says how many more there are; the organization's page lists them all.
    @Test func theHomePageListsTwentyCurrentNotices() throws {
        var files: [String: String] = [:]
        for day in 1...22 {
            let date = "2026-11-\(String(format: "%02d", day))"
            files["Content/orgs/first/notices/n\(day).md"] =
                "---\ntitle: 第\(day)号通知\ndate: \(date)\npinned: \(day == 1)\n---\n正文。\n"
        }
        let built = try Pipeline.build(
            tree: TestSite.tree(TestSite.files(files)), options: .init(jobs: 2))
        let pages = Dictionary(
            uniqueKeysWithValues: try #require(built.files).map {
                ($0.path, String(decoding: $0.bytes, as: UTF8.self))
            })
        let home = try #require(pages["index.html"])
        let listed = (1...22).filter { home.contains("href=\"/first/notices/n\($0)/\"") }
        // The pinned one (the oldest), then the 19 newest.
        #expect(listed == [1] + Array(4...22))
        #expect(home.contains("另有 2 条现行通知"))
        #expect(pages["en/index.html"]?.contains("2 more current notices") == true)
        let org = try #require(pages["first/index.html"])
        #expect((1...22).allSatisfy { org.contains("href=\"/first/notices/n\($0)/\"") })
    }

    @Test func theFeedAndTheSearchIndexLinkToTheNoticePages() throws {
        let pages = try Self.pages()
        let feed = try #require(pages["feed.xml"])
        #expect(
            feed.contains(
                "<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/first/notices/current/\"/>"
            ))
        let index = try #require(pages["search-index.json"])
        #expect(index.contains("\"/first/notices/current/\""))
        #expect(pages["sitemap.xml"]?.contains("https://example.org/first/notices/old/") == true)
    }
}
