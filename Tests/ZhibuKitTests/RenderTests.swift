import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The portal pages of a small site: golden pages in both languages, and the promises every page
/// keeps (language, status words, date forms, no roster field but id and name, the heat-map grid).
@Suite struct RenderTests {
    static let sentinel = "SENTINEL-987"

    /// `ExampleSite` with a private roster column, a missing committee meeting (July 2026), a
    /// waived themed day (February 2026) and an absence with a reason, so the heat-map shows every
    /// state and the participation chart a rate below 100%.
    static func files() -> [String: String] {
        var files = ExampleSite.files
        files["Content/orgs/branch/members.csv"] = ExampleSite.roster
            .replacingOccurrences(of: "group\n", with: "group,phone_note\n")
            .replacingOccurrences(of: ",\n", with: ",,\(sentinel)\n")
        files["Content/orgs/branch/org.yml"] =
            ExampleSite.orgYAML + """
                waivers:
                  - { rule: meeting.themed-day-monthly, period: 2026-02, reason: 春节假期, approved_by: 示例党委 }

                """
        files[ExampleSite.recordPath("2026-07-05", .committeeMeeting)] = nil
        files[ExampleSite.recordPath("2026-02-15", .themedDay)] = nil
        files[ExampleSite.recordPath("2026-11-15", .themedDay)] = ExampleSite.record(
            .themedDay, date: "2026-11-15",
            attendees: ["m01", "m02", "m03", "m04", "m05", "m06", "m08"],
            extra: "absent:\n  - { member: m07, reason: 出差 }\n")
        return files
    }

    static func build() throws -> [String: String] {
        let site = try Golden.write(files())
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Pipeline.build(.init(siteRoot: site.path, jobs: 2), renderToMemory: true)
        var pages: [String: String] = [:]
        for file in result.files { pages[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return pages
    }

    static let goldenPages = [
        ("index.html", "zh-home.html"), ("en/index.html", "en-home.html"),
        ("branch/index.html", "zh-branch.html"), ("en/branch/index.html", "en-branch.html"),
        (
            "branch/activities/2026/11-15-themed-day/index.html", "zh-record.html"
        ),
        ("en/branch/activities/2026/11-15-themed-day/index.html", "en-record.html"),
    ]

    /// The content pass's files, sorted on a thread of their own, and the findings pass's are
    /// merged as a stable sort of the two laid end to end would order them: by path, the
    /// first list's file before the second's at the same path.
    @Test func twoSortedListsOfFilesMergeAsOneStableSort() {
        func files(_ names: [(String, String)]) -> [RenderedFile] {
            names.map { RenderedFile(path: $0.0, text: $0.1) }
        }
        let first = files([("a/index.html", "1"), ("b/x.js", "1"), ("c/index.html", "1")])
        let second = files([
            ("0.txt", "2"), ("b/x.js", "2"), ("b/y.js", "2"), ("d/index.html", "2"),
        ])
        let merged = SiteRenderer.merged(first, second)
        let expected = (first + second).sortedMovingOnce { $0.path < $1.path }
        #expect(merged.map(\.path) == expected.map(\.path))
        #expect(merged.map(\.bytes) == expected.map(\.bytes))
        #expect(merged.map { String(decoding: $0.bytes, as: UTF8.self) }[2...3] == ["1", "2"])
        #expect(SiteRenderer.merged([], second).map(\.path) == second.map(\.path))
        #expect(SiteRenderer.merged(first, []).map(\.path) == first.map(\.path))
        #expect(SiteRenderer.merged([], []).isEmpty)
    }

    @Test func goldenPagesInBothLanguages() throws {
        let pages = try RenderTests.build()
        for (path, golden) in RenderTests.goldenPages {
            let page = try #require(pages[path], "\(path) was not rendered")
            try Golden.check(page, against: "render/Expected/" + golden)
        }
    }

    @Test func everyPageNamesItsLanguageAndOffersTheOther() throws {
        let pages = try RenderTests.build()
        let html = pages.filter { $0.key.hasSuffix(".html") }
        #expect(html.count > 100)
        for (path, page) in html {
            let english = path.hasPrefix("en/")
            #expect(page.contains("<html lang=\"\(english ? "en" : "zh-CN")\""), "\(path)")
            // A board is a screen nobody touches: it has no language switch.
            guard !path.hasSuffix("/board/index.html") else { continue }
            #expect(page.contains("<nav class=\"lang\""), "\(path)")
            #expect(page.contains("hreflang=\"\(english ? "zh" : "en")\""), "\(path)")
        }
    }

    @Test func statusWordsAndDateForms() throws {
        let pages = try RenderTests.build()
        let zh = try #require(pages["branch/index.html"])
        let en = try #require(pages["en/branch/index.html"])
        for word in ["达标", "待办", "未达标"] { #expect(zh.contains(">\(word)</span>")) }
        for word in ["met", "due", "not met"] { #expect(en.contains(">\(word)</span>")) }
        for icon in ["✓", "◐", "✕"] { #expect(zh.contains(icon)) }
        #expect(zh.contains("2026年11月24日"))
        #expect(en.contains("24 Nov 2026"))
        #expect(!en.contains("2026年11月24日"))
        for page in [try #require(pages["index.html"]), try #require(pages["en/index.html"])] {
            #expect(page.contains("class=\"status "))
        }
    }

    @Test func noRosterFieldButIdAndNameReachesAnyFile() throws {
        let pages = try RenderTests.build()
        for (path, text) in pages {
            #expect(!text.contains(RenderTests.sentinel), "\(path)")
            // Status, join dates and full-membership dates of the roster stay out as well.
            #expect(!text.contains("2008-07-01"), "\(path)")
            #expect(!text.contains("probationary,"), "\(path)")
        }
        let record = try #require(pages["branch/activities/2026/11-15-themed-day/index.html"])
        // An absence reason is a personal fact: a public page names the absent member only.
        #expect(record.contains("赵强"))
        #expect(!record.contains("出差"))
        #expect(record.contains("张伟"))
    }

    @Test func englishPagesFallBackToChineseText() throws {
        let pages = try RenderTests.build()
        let record = try #require(pages["en/branch/activities/2026/11-15-themed-day/index.html"])
        #expect(record.contains("<h1>2026-11-15主题党日</h1>"))
        #expect(record.contains("党员活动室"))
        let branch = try #require(pages["en/branch/index.html"])
        #expect(branch.contains("Example Party Branch"))
        #expect(branch.contains("示例单位"))
    }

    @Test func heatMapHasOneCellPerMonthAndRow() throws {
        let pages = try RenderTests.build()
        let window = 12
        // Committee, themed day, general meeting and lesson: the example branch has no groups.
        let rows = 4
        for path in ["branch/index.html", "en/branch/index.html"] {
            let page = try #require(pages[path])
            let cells = page.components(separatedBy: "<g class=\"cell ").count - 1
            #expect(cells == (window + 1) * rows, "\(path)")
            for state in ["held", "waived", "missing", "due"] {
                #expect(page.contains("<g class=\"cell \(state)\">"), "\(path): \(state)")
            }
            #expect(page.contains("role=\"img\" aria-label=\""))
            #expect(page.contains("<svg class=\"participation\""))
            #expect(!page.contains("<script"))
        }
        let zh = try #require(pages["branch/index.html"])
        #expect(zh.contains("<title>2026年7月 · 支委会：缺失</title>"))
        #expect(zh.contains(">91%</text>"))
    }

    @Test func heatMapCountsTheWindowWithTheCurrentMonth() {
        guard let asOf = LocalDate(parsing: "2026-11-24") else {
            Issue.record("bad date")
            return
        }
        let months = HeatMap.months(asOf: asOf, windowMonths: 12)
        #expect(months.map(\.id).first == "2025-11")
        #expect(months.map(\.id).last == "2026-11")
        #expect(months.count == 13)
    }

    @Test func participationRoundsHalfUpAndShowsADashWithoutData() {
        #expect(ParticipationChart.Tally(present: 7, absent: 1).text == "88%")
        #expect(ParticipationChart.Tally(present: 1, absent: 1).text == "50%")
        #expect(ParticipationChart.Tally().text == "—")
    }
}
