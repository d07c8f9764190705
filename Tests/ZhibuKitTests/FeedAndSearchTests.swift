import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuTemplating

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The machine-readable outputs of the portal: calendars, Atom feeds and the search index.
///
/// They are read by programs (calendar apps, feed readers, the search script), so the tests hold
/// them to their formats — CRLF and folding, well-formed XML, valid JSON — and to the promise
/// that the same content and as-of date give the same bytes (docs/configuration.md,
/// SOURCE_DATE_EPOCH).
@Suite struct FeedAndSearchTests {
    /// The example site of the repository, loaded and rendered once in memory.
    static let example: BuildResult? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        guard let tree = try? FileTree.read(siteRoot: root.path, jobs: 2) else { return nil }
        return try? Pipeline.build(tree: tree, options: .init(jobs: 2))
    }()

    static func urls(_ site: Site) -> SiteURLs {
        SiteURLs(
            basePath: ContentLoader.basePath(of: site.config.baseURL?.value),
            defaultLanguage: site.config.defaultLanguage)
    }

    /// An organization's calendar as text.
    static func calendar(org: Organization, site: Site, urls: SiteURLs, asOf: LocalDate)
        -> String
    {
        String(
            decoding: CalendarFile.bytes(org: org, site: site, urls: urls, asOf: asOf),
            as: UTF8.self)
    }

    /// A language's whole search index, joined from its slices as the build joins them.
    static func searchIndex(site: Site, urls: SiteURLs, language: Language) -> String {
        let entries = SearchIndex.parts(of: site).flatMap {
            SearchIndex.entries($0, site: site, urls: urls, language: language)
        }
        return String(decoding: SearchIndex.join(entries), as: UTF8.self)
    }

    func loadExample() throws -> (site: Site, asOf: LocalDate, urls: SiteURLs) {
        let result = try #require(Self.example, "the example site must build")
        return (result.site, result.report.asOf, Self.urls(result.site))
    }

    func calendars(_ site: Site, _ asOf: LocalDate, _ urls: SiteURLs) -> [String: String] {
        var files: [String: String] = [:]
        for org in site.organizations {
            files[CalendarFile.path(org: org)] = Self.calendar(
                org: org, site: site, urls: urls, asOf: asOf)
        }
        return files
    }

    /// The logical lines of an iCalendar text: CRLF split, continuation lines joined.
    func unfolded(_ text: String) -> [String] {
        var lines: [String] = []
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.hasPrefix(" "), let last = lines.popLast() {
                lines.append(last + line.dropFirst())
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    // MARK: - Calendar

    /// The sitemap protocol allows 50,000 addresses in a file: past that, `sitemap.xml` is an
    /// index of parts at the root holding the same addresses in the same order. (The limit is
    /// lowered to 10 here; the example site has more pages.)
    @Test func aLongSitemapIsSplitIntoPartsUnderAnIndex() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let tree = try FileTree.read(siteRoot: root.path, jobs: 2)
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let templates = try TemplateSet.load(tree, languages: built.site.config.languages)
        var renderer = try SiteRenderer(
            site: built.site, asOf: built.report.asOf, templates: templates, jobs: 2)
        let findings = Findings(diagnostics: built.report.diagnostics, due: built.report.due)
        func locations(_ xml: String, _ element: String) throws -> [String] {
            let document = try XMLDocument(data: Data(xml.utf8))
            #expect(document.rootElement()?.name == element)
            return try document.nodes(forXPath: "//*[local-name()='loc']").compactMap {
                $0.stringValue
            }
        }
        let whole = Dictionary(
            uniqueKeysWithValues: try renderer.render(findings: findings).map {
                ($0.path, String(decoding: $0.bytes, as: UTF8.self))
            })
        #expect(whole.keys.filter { $0.hasPrefix("sitemap-") }.isEmpty)
        let every = try locations(try #require(whole["sitemap.xml"]), "urlset")
        #expect(every.count > 20)
        #expect(renderer.context.sitemapLimit == 50_000)
        renderer.context.sitemapLimit = 10
        let split = Dictionary(
            uniqueKeysWithValues: try renderer.render(findings: findings).map {
                ($0.path, String(decoding: $0.bytes, as: UTF8.self))
            })
        let parts = try locations(try #require(split["sitemap.xml"]), "sitemapindex")
        let count = (every.count + 9) / 10
        #expect(parts == (1...count).map { "https://dangjian.example.org/sitemap-\($0).xml" })
        var joined: [String] = []
        for part in 1...count {
            let listed = try locations(try #require(split["sitemap-\(part).xml"]), "urlset")
            #expect(listed.count == (part < count ? 10 : every.count - 10 * (count - 1)))
            joined += listed
        }
        #expect(joined == every)
        // Every other file is the same, and the parts are digested into build.json.
        for (path, text) in whole where path != "sitemap.xml" && path != "build.json" {
            #expect(split[path] == text, "\(path)")
        }
        #expect(split["build.json"] != whole["build.json"])
    }

    /// The sitemap lists every page (every `index.html`) of the site and nothing else, in
    /// path order, each at the base address plus its folder, with what XML must escape in
    /// the base address escaped.
    @Test func theSitemapListsEveryPageOnceUnderAnEscapedBase() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let tree = try FileTree.read(siteRoot: root.path, jobs: 2)
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        var site = built.site
        let base = "https://example.org/o'brien&co/"
        site.config.baseURL = Located(base, at: .start(of: site.config.file))
        let templates = try TemplateSet.load(tree, languages: site.config.languages)
        let renderer = try SiteRenderer(
            site: site, asOf: built.report.asOf, templates: templates, jobs: 2)
        let files = try renderer.render(
            findings: Findings(diagnostics: built.report.diagnostics, due: built.report.due))
        let sitemap = try #require(files.first { $0.path == "sitemap.xml" })
        let text = String(decoding: sitemap.bytes, as: UTF8.self)
        #expect(text.contains("o&apos;brien&amp;co"))
        let document = try XMLDocument(data: Data(sitemap.bytes))
        let listed = try document.nodes(forXPath: "//*[local-name()='loc']").compactMap {
            $0.stringValue
        }
        let pages = files.map(\.path).filter { $0.hasSuffix("index.html") }.sorted()
        #expect(pages.count > 20)
        #expect(listed == pages.map { base + $0.dropLast("index.html".count) })
    }

    @Test func calendarUIDsAreUniqueAndStable() throws {
        let (site, asOf, urls) = try loadExample()
        let first = calendars(site, asOf, urls)
        let later = calendars(site, asOf.addingDays(3), urls)
        var uids: [String] = []
        for path in first.keys.sorted() {
            let text = try #require(first[path])
            let ids = unfolded(text).filter { $0.hasPrefix("UID:") }
            let laterIDs = unfolded(later[path] ?? "").filter { $0.hasPrefix("UID:") }
            #expect(ids == laterIDs, "UIDs of \(path) must not depend on the as-of date")
            uids += ids
        }
        #expect(!uids.isEmpty)
        #expect(Set(uids).count == uids.count, "UIDs must be unique across the site")
        #expect(uids.allSatisfy { $0.hasSuffix("@dangjian.example.org") })
        #expect(calendars(site, asOf, urls) == first, "calendars must be deterministic")
    }

    @Test func calendarLinesAreCRLFAndFolded() throws {
        let (site, asOf, urls) = try loadExample()
        for (path, text) in calendars(site, asOf, urls) {
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"), "\(path)")
            #expect(text.hasSuffix("END:VCALENDAR\r\n"), "\(path)")
            let bytes = Array(text.utf8)
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A {
                    #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF in \(path)")
                }
                if byte == 0x0D {
                    #expect(
                        index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR in \(path)")
                }
            }
            for line in text.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 75, "\(path): line longer than 75 octets: \(line)")
            }
        }
    }

    @Test func calendarListsHeldAndPlannedButNotCancelled() throws {
        let (site, asOf, urls) = try loadExample()
        var cancelled = 0
        for org in site.organizations {
            let lines = unfolded(Self.calendar(org: org, site: site, urls: urls, asOf: asOf))
            let events = lines.filter { $0 == "BEGIN:VEVENT" }.count
            let expected = org.records.filter { $0.status.value != .cancelled }
            #expect(events == expected.count, "\(org.path)")
            for record in org.records where record.status.value == .cancelled {
                cancelled += 1
                #expect(
                    !lines.contains(
                        "UID:\(org.path)/\(record.year)/\(record.slug)@dangjian.example.org"))
            }
            let planned = lines.filter { $0 == "STATUS:TENTATIVE" }.count
            #expect(planned == org.records.filter { $0.status.value == .planned }.count)
        }
        #expect(cancelled > 0, "the example site has a cancelled record to leave out")
    }

    @Test func calendarTimesEscapingAndAllDayEvents() throws {
        let loaded = TestSite.load([
            "Content/orgs/first/activities/2026/timed.md": TestSite.record(
                """
                type: committee-meeting
                title: "十一月支委会, 研究; 发展\\\\党员工作：一个很长很长的标题用来检验折行不会切断多字节字符的编码序列是否正确"
                date: 2026-11-05
                time: "14:30-16:00"
                location: 党员活动室
                topics: [研究发展党员工作, 讨论年度计划]

                """),
            "Content/orgs/first/activities/2026/start-only.md": TestSite.record(
                "type: study\ntitle: 集中学习\ndate: 2026-11-06\ntime: \"09:00\"\nstatus: planned\n"),
            "Content/orgs/first/activities/2026/all-day.md": TestSite.record(
                "type: themed-day\ntitle: 主题党日\ndate: 2026-11-07\n"),
            "Content/orgs/first/activities/2026/cancelled.md": TestSite.record(
                "type: themed-day\ntitle: 取消的活动\ndate: 2026-11-08\nstatus: cancelled\n"),
        ])
        let org = try #require(loaded.site.organization("first"))
        let asOf = try #require(LocalDate(parsing: "2026-11-24"))
        let text = Self.calendar(
            org: org, site: loaded.site, urls: Self.urls(loaded.site), asOf: asOf)
        let lines = unfolded(text)
        #expect(lines.contains("DTSTART;TZID=Asia/Shanghai:20261105T143000"))
        #expect(lines.contains("DTEND;TZID=Asia/Shanghai:20261105T160000"))
        #expect(lines.contains("DTSTART;TZID=Asia/Shanghai:20261106T090000"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20261107"))
        #expect(lines.contains("DTEND;VALUE=DATE:20261108"))
        #expect(lines.contains("DTSTAMP:20261124T000000Z"))
        #expect(lines.contains("TZID:Asia/Shanghai"))
        #expect(lines.contains("X-WR-CALNAME:第一党支部"))
        #expect(lines.contains { $0.hasPrefix("SUMMARY:十一月支委会\\, 研究\\; 发展\\\\党员工作：") })
        #expect(lines.contains("DESCRIPTION:支部委员会会议\\n议题：研究发展党员工作；讨论年度计划"))
        #expect(
            lines.contains("URL:https://example.org/first/activities/2026/timed/"))
        #expect(lines.contains("UID:first/2026/timed@example.org"))
        #expect(!text.contains("取消的活动"))
        // Events come by date: the timed one first, the all-day one last.
        let summaries = lines.filter { $0.hasPrefix("SUMMARY:") }
        #expect(summaries.count == 3)
        #expect(summaries.last == "SUMMARY:主题党日")
        // Folding never splits a UTF-8 sequence: every physical line decodes on its own.
        for line in text.utf8.split(separator: 0x0A) {
            #expect(String(validating: Array(line), as: UTF8.self) != nil)
            #expect(line.count <= 76)  // 75 octets and the CR
        }
    }

    @Test func calendarWithoutChinaZoneUsesFloatingTimes() throws {
        var loaded = TestSite.load([
            "Content/orgs/first/activities/2026/timed.md": TestSite.record(
                "type: study\ntitle: 学习\ndate: 2026-11-05\ntime: \"14:30-16:00\"\n")
        ])
        loaded.site.config.timezone.value = "Europe/Berlin"
        loaded.site.config.baseURL = nil
        let org = try #require(loaded.site.organization("first"))
        let asOf = try #require(LocalDate(parsing: "2026-11-24"))
        let lines = unfolded(
            Self.calendar(
                org: org, site: loaded.site, urls: Self.urls(loaded.site), asOf: asOf))
        #expect(lines.contains("DTSTART:20261105T143000"))
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
        #expect(lines.contains("UID:first/2026/timed@zhibu"))
        #expect(!lines.contains { $0.hasPrefix("URL:") })
    }

    // MARK: - Atom

    @Test(arguments: [Language.zh, .en]) func atomFeedIsWellFormedAndDeterministic(
        language: Language
    ) throws {
        let (site, asOf, urls) = try loadExample()
        let text = AtomFeed.render(site: site, urls: urls, language: language, asOf: asOf)
        #expect(text == AtomFeed.render(site: site, urls: urls, language: language, asOf: asOf))
        #if canImport(FoundationXML) || os(macOS)
            let document = try XMLDocument(data: Data(text.utf8))
            let feed = try #require(document.rootElement())
            #expect(feed.name == "feed")
            let entries = feed.elements(forName: "entry")
            #expect(!entries.isEmpty && entries.count <= 50)
            let updated = entries.compactMap { $0.elements(forName: "updated").first?.stringValue }
            #expect(updated == updated.sorted(by: >), "entries newest first")
            #expect(updated.allSatisfy { $0.hasSuffix("T00:00:00+08:00") })
            #expect(updated.allSatisfy { $0 <= asOf.description + "T99" }, "nothing after as-of")
            let ids = entries.compactMap { $0.elements(forName: "id").first?.stringValue }
            #expect(Set(ids).count == entries.count)
            #expect(ids.allSatisfy { $0.hasPrefix("https://dangjian.example.org/") })
            let feedUpdated = feed.elements(forName: "updated").first?.stringValue
            #expect(feedUpdated == updated.first)
        #endif
        #expect(text.contains(language == .zh ? "xml:lang=\"zh-CN\"" : "xml:lang=\"en\""))
        #expect(
            AtomFeed.path(language, urls: urls) == (language == .zh ? "feed.xml" : "en/feed.xml"))
    }

    @Test func atomFeedLeavesOutPlannedRecordsAndEscapes() throws {
        let loaded = TestSite.load([
            "Content/orgs/first/activities/2026/held.md": TestSite.record(
                "type: themed-day\ntitle: \"A & B <主题党日>\"\ndate: 2026-11-05\n",
                body: "第一段 & <b>文字</b>。\n"),
            "Content/orgs/first/activities/2026/planned.md": TestSite.record(
                "type: themed-day\ntitle: 计划中的活动\ndate: 2026-11-30\nstatus: planned\n"),
            "Content/orgs/first/notices/hello.md":
                "---\ntitle: 通知\ndate: 2026-11-10\n---\n请按时参加。\n",
        ])
        let asOf = try #require(LocalDate(parsing: "2026-11-24"))
        let site = loaded.site
        let text = AtomFeed.render(site: site, urls: Self.urls(site), language: .zh, asOf: asOf)
        #expect(!text.contains("计划中的活动"))
        #expect(text.contains("<title type=\"text\">A &amp; B &lt;主题党日&gt;</title>"))
        #expect(text.contains("<updated>2026-11-10T00:00:00+08:00</updated>"))
        #expect(text.contains("https://example.org/first/notices/hello/"))
        #expect(text.contains("<category term=\"themed-day\" label=\"主题党日\"/>"))
        #if canImport(FoundationXML) || os(macOS)
            _ = try XMLDocument(data: Data(text.utf8))
        #endif
        let entries = text.components(separatedBy: "<entry>").count - 1
        #expect(entries == 2)
        #expect(
            text.range(of: "<title type=\"text\">通知</title>")?.lowerBound ?? text.endIndex
                < text.range(of: "A &amp; B")?.lowerBound ?? text.startIndex)
    }

    /// More records than the feed shows, the last date it reaches shared by records in two
    /// organizations: the feed is the newest fifty by date and then by link, as ranking every
    /// record would give, however few of the tied records it takes.
    @Test func atomFeedTakesTheNewestFiftyByDateThenLink() throws {
        var files = [
            "Content/orgs/second/org.yml": TestSite.branchYAML.replacingOccurrences(
                of: "第一党支部", with: "第二党支部"),
            "Content/orgs/second/members.csv": TestSite.roster,
        ]
        for day in 1...10 {
            for number in 1...6 {
                let org = number % 2 == 0 ? "first" : "second"
                files["Content/orgs/\(org)/activities/2026/11-\(day)-r\(number).md"] =
                    TestSite.record(
                        "type: themed-day\ntitle: 第\(day)日\(number)\n"
                            + "date: 2026-11-\(day < 10 ? "0" : "")\(day)\n")
            }
        }
        let site = TestSite.load(files).site
        #expect(site.organizations.reduce(0) { $0 + $1.records.count } == 60)
        let urls = Self.urls(site)
        let asOf = try #require(LocalDate(parsing: "2026-11-24"))
        // Every held record ranked by date and then link, the newest fifty kept.
        let expected = site.organizations.flatMap { org in
            org.records.map { (date: $0.date.value, link: urls.record(org.path, $0, .zh)) }
        }.sorted { ($0.date, $0.link) > ($1.date, $1.link) }.prefix(50).map(\.link)
        let text = AtomFeed.render(site: site, urls: urls, language: .zh, asOf: asOf)
        let ids = text.components(separatedBy: "<entry>").dropFirst().compactMap { entry in
            entry.components(separatedBy: "<id>").dropFirst().first?
                .components(separatedBy: "</id>").first
        }
        #expect(ids.count == 50)
        for (id, link) in zip(ids, expected) {
            #expect(id.hasSuffix(link), "\(id) should be \(link)")
        }
        // The fiftieth falls among the six records of 2 November: two of them are shown.
        #expect(ids.filter { $0.contains("11-2-") }.count == 2)
    }

    // MARK: - Search

    func documents(_ json: String) throws -> [[String: String]] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [[String: String]], "an array of string-valued objects")
    }

    @Test func searchIndexHoldsChineseTextOfRecords() throws {
        let (site, _, urls) = try loadExample()
        let json = Self.searchIndex(site: site, urls: urls, language: .zh)
        #expect(json == Self.searchIndex(site: site, urls: urls, language: .zh))
        let docs = try documents(json)
        #expect(docs.count >= site.recordCount)
        for doc in docs {
            #expect(Set(doc.keys) == ["u", "t", "o", "d", "x"])
            #expect((doc["x"] ?? "").count <= 400)
            #expect((doc["u"] ?? "").hasPrefix("/"))
        }
        // A phrase from the minutes of a record in Content/, not from its title.
        #expect(docs.contains { ($0["x"] ?? "").contains("党史专题纪录片") })
        // Every record is findable by its title, in its own page's document.
        for org in site.organizations {
            for record in org.records {
                let url = urls.link(urls.record(org.path, record, .zh))
                #expect(docs.contains { $0["u"] == url && $0["t"] == record.title.zh.value })
            }
        }
        let english = try documents(Self.searchIndex(site: site, urls: urls, language: .en))
        #expect(english.count == docs.count)
        #expect(english.allSatisfy { ($0["u"] ?? "").hasPrefix("/en/") })
    }

    @Test func searchIndexNeverCarriesRosterFields() throws {
        let loaded = TestSite.load([
            "Content/orgs/first/members.csv": """
            id,name,status,joined,full_since,group,phone
            m001,张伟,full,2008-07-01,2009-07-01,,13800000000
            m002,李娜,full,2010-07-01,2011-07-01,,13900000000
            m003,王芳,full,2012-07-01,2013-07-01,,13700000000

            """,
            "Content/orgs/first/activities/2026/meeting.md": TestSite.record(
                "type: study\ntitle: 集中学习\ndate: 2026-11-05\nhost: m001\nattendees: [m001, m002]\n"),
        ])
        let json = Self.searchIndex(
            site: loaded.site, urls: Self.urls(loaded.site), language: .zh)
        for field in ["1380000", "2008-07-01", "m001", "full"] {
            #expect(!json.contains(field), "\(field) must not reach the search index")
        }
        #expect(json.contains("集中学习"))
    }

    @Test func searchPageTemplateRenders() throws {
        var files = TestSite.files([:])
        files["Content/site.yml"] = TestSite.siteYAML.replacingOccurrences(
            of: "base_url: https://example.org/", with: "base_url: https://example.org/dangjian")
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2, environment: [:]))
        let page = try #require(built.files?.first { $0.path == "en/search/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        let urls = SiteURLs(basePath: "/dangjian/", defaultLanguage: .zh)
        #expect(html.contains("data-index=\"/dangjian/en/search-index.json\""))
        #expect(html.contains("data-fragments=\"/dangjian/en/search/fragments/meta.js\""))
        #expect(html.contains("<script src=\"/dangjian/_z/search.js\" defer></script>"))
        #expect(html.contains("<label for=\"search-q\">"))
        #expect(html.contains("aria-live=\"polite\""))
        #expect(html.contains("<noscript>"))
        let script = String(decoding: SearchIndex.defaultScript, as: UTF8.self)
        #expect(script.contains("zhibuSearchFragment") && script.contains("data-search-ms"))
        // ES5 for old Chromium on TV boxes: no arrows, block-scoped bindings, templates, modules.
        for modern in ["=>", "let ", "const ", "`", "import ", "export ", "async ", "class "] {
            #expect(!script.contains(modern), "search.js uses \(modern)")
        }
        #expect(SearchIndex.folder(.en, urls: urls) == "en/search/")
    }
}

/// The byte-level text helpers of the feeds and the search index, held to the plain
/// scalar-by-scalar and character-by-character versions they replace.
@Suite struct PlainTextTests {
    static func referenceCollapse(_ text: String, limit: Int) -> String {
        var out = ""
        var space = false
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space {
                    out += " "
                    count += 1
                }
                space = false
                out.unicodeScalars.append(scalar)
                count += 1
                if count >= limit { break }
            }
        }
        return out
    }

    /// The same texts on every run: pieces chosen by a fixed linear congruential sequence.
    static func texts(_ count: Int) -> [[String]] {
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "党", "支部", "a", " ", "\n", "\u{3000}", "\u{00A0}", "\u{2029}", "e\u{301}", "👍🏽",
            "〃", "\u{302A}", "，", "Ａ", "1", "\"", "\\", "\u{1F1E8}\u{1F1F3}", "\r\n", "\t",
            "“", "”", "—", "…", "·", "é", "\u{AD}", "\u{200D}", "\u{2028}", "㐀", "가",
        ]
        return (0..<count).map { _ in
            (0..<next(4)).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            }
        }
    }

    @Test func collapseAgreesWithTheScalarVersion() {
        for parts in Self.texts(5_000) {
            for limit in [1, 3, 7, 40, .max] {
                let expected = Self.referenceCollapse(
                    parts.filter { !$0.isEmpty }.joined(separator: " "), limit: limit)
                #expect(PlainText.collapse(parts, limit: limit) == expected, "\(parts) \(limit)")
            }
        }
    }

    @Test func charactersAgreesWithStringPrefix() {
        for parts in Self.texts(5_000) {
            let text = parts.joined()
            for length in [0, 1, 2, 5, 9, 100] {
                #expect(PlainText.characters(text, length) == String(text.prefix(length)))
            }
        }
        #expect(PlainText.characters("党支部工作条例", 3) == "党支部")
        #expect(PlainText.characters("党支e\u{301}部", 3) == "党支e\u{301}")
    }

    /// Every scalar the fast path counts as a character on its own, before and after others:
    /// the count must agree with Swift's grapheme breaking.
    @Test func standaloneScalarsAgreeWithGraphemeBreaking() {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA1...0xFF, 0x2010...0x205E, 0x3000...0x303F, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xFF01...0xFF5E,
        ]
        let partners: [String] = ["a", "甲", "“", " ", "\u{301}", "\u{200D}", "👍"]
        var failures: [UInt32] = []
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for partner in partners {
                for text in [String(scalar) + partner, partner + String(scalar)] {
                    for length in 1...2
                    where PlainText.characters(text, length) != String(text.prefix(length)) {
                        failures.append(value)
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).map { String($0, radix: 16) })")
    }

    /// The search index's shortcut (collapse only one scalar more than it keeps) against the
    /// long way, on texts that hit both its fast path and its fallback.
    @Test func leadingAgreesWithCollapseThenCharacters() {
        for parts in Self.texts(5_000) {
            for length in [0, 1, 2, 5, 9, 100] {
                let expected = PlainText.characters(
                    PlainText.collapse(parts, limit: 2 * length + 2), length)
                #expect(PlainText.leading(parts, characters: length) == expected, "\(parts)")
                // Markdown's plain text comes as bytes; mixed with strings it reads the same.
                let mixed = parts.enumerated().map { index, part in
                    index % 2 == 0 ? UTF8Text.bytes(Array(part.utf8)) : .text(part)
                }
                #expect(
                    PlainText.leadingUTF8(mixed, characters: length) == Array(expected.utf8),
                    "\(parts)")
                #expect(
                    PlainText.collapse(mixed, limit: 2 * length + 2)
                        == PlainText.collapse(parts, limit: 2 * length + 2))
            }
        }
    }
}
