import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// A branch with more records than its status page lists (`OrgStatusPage.recordLimit`, 200,
/// lowered here) gets a page per year of its records: the status page stays bounded, and every
/// record is still linked from a page of the site.
struct RecordYearPageTests {
    /// A branch with `perMonth` study sessions on the first days of each month from March 2024
    /// to November 2026.
    static func files(perMonth: Int) -> [String: String] {
        var files: [String: String] = [:]
        for year in 2024...2026 {
            for month in (year == 2024 ? 3 : 1)...(year == 2026 ? 11 : 12) {
                for day in 1...perMonth {
                    let date = String(format: "%04d-%02d-%02d", year, month, day)
                    let slug = String(format: "%02d-%02d-study", month, day)
                    files["Content/orgs/first/activities/\(year)/\(slug).md"] = TestSite.record(
                        "type: study\ntitle: \(date) 集中学习\ndate: \(date)\n")
                }
            }
        }
        return TestSite.files(files)
    }

    /// Every file of the site built from `files` with the record limit set to `limit`.
    static func pages(_ files: [String: String], limit: Int) throws -> [String: String] {
        var (renderer, context) = try OverviewTests.rendering(files)
        context.recordLimit = limit
        renderer.context = context
        var pages: [String: String] = [:]
        for pass in RenderPass.allCases {
            for job in renderer.jobs(in: pass) {
                guard job.path.hasSuffix("index.html"),
                    case .file(let file) = try job.kind.render(job, context)
                else { continue }
                pages[file.path] = String(decoding: file.bytes, as: UTF8.self)
            }
        }
        return pages
    }

    /// The addresses of the record pages a page links to.
    static func recordLinks(_ html: String) -> Set<String> {
        let pattern = /href="(\/(?:en\/)?first\/activities\/\d{4}\/[^"\/]+\/)"/
        return Set(html.matches(of: pattern).map { String($0.output.1) })
    }

    @Test func aLongListOfRecordsGoesToAPagePerYear() throws {
        let files = Self.files(perMonth: 3)
        let pages = try Self.pages(files, limit: 10)
        let status = try #require(pages["first/index.html"])
        // Whole months from the newest while they fit: November, October and September 2026.
        let listed = Self.recordLinks(status)
        #expect(listed.count == 9, "\(listed.sorted())")
        #expect(listed.allSatisfy { $0.hasPrefix("/first/activities/2026/") })
        #expect(listed.contains("/first/activities/2026/09-01-study/"))
        #expect(!listed.contains("/first/activities/2026/08-03-study/"))
        // It says there are more, and links to every year with its count.
        #expect(status.contains("这里只列出最近的记录"))
        for (year, count) in [(2026, 33), (2025, 36), (2024, 30)] {
            #expect(
                status.contains(
                    "<a href=\"/first/activities/\(year)/\">\(year)年活动记录</a> "
                        + "<span class=\"muted\">\(count)</span>"), "\(year)")
            let page = try #require(pages["first/activities/\(year)/index.html"])
            let links = Self.recordLinks(page)
            #expect(links.count == count)
            #expect(links.allSatisfy { $0.hasPrefix("/first/activities/\(year)/") })
            #expect(page.contains("活动记录 <span class=\"muted\">\(count)</span></h2>"))
            // The year shown is marked, the others linked.
            #expect(page.contains("<strong aria-current=\"page\">\(year)年活动记录</strong>"))
        }
        let english = try #require(pages["en/first/activities/2025/index.html"])
        #expect(english.contains("Records of 2025"))
        #expect(english.contains("Activity records <span class=\"muted\">36</span></h2>"))
        // Every record's page is linked from the status page or a page of its year.
        let linked = pages.filter { $0.key.hasPrefix("first/") }.values.reduce(
            into: Set<String>()
        ) { $0.formUnion(Self.recordLinks($1)) }
        let records = pages.keys.filter {
            $0.hasPrefix("first/activities/") && $0.split(separator: "/").count == 5
        }.map { "/" + $0.dropLast("index.html".count) }
        #expect(records.count == 99)
        #expect(Set(records).isSubset(of: linked))
    }

    @Test func aShortListOfRecordsStaysWholeOnTheStatusPage() throws {
        let files = Self.files(perMonth: 1)
        let pages = try Self.pages(files, limit: 33)
        let status = try #require(pages["first/index.html"])
        #expect(Self.recordLinks(status).count == 33)
        #expect(!status.contains("这里只列出最近的记录"))
        #expect(!pages.keys.contains { $0.hasSuffix("activities/2025/index.html") })
        #expect(try OverviewTests.rendering(files).1.recordLimit == 200)
    }

    /// A month with more records than the limit is still listed whole: the newest month always
    /// is, so that the page never shows none.
    @Test func theNewestMonthIsListedWholeEvenAboveTheLimit() throws {
        let pages = try Self.pages(Self.files(perMonth: 5), limit: 3)
        let status = try #require(pages["first/index.html"])
        let listed = Self.recordLinks(status)
        #expect(listed.count == 5)
        #expect(listed.allSatisfy { $0.hasPrefix("/first/activities/2026/11-") })
    }
}
