import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// Pages of one context shape are rendered once with placeholders and filled in (`ShapeCache`).
/// These tests hold the filled pages to swift-mustache's own rendering of each page, byte for
/// byte: on every page of the example sites, and on generated contexts through templates written
/// to trip the filling up.
@Suite struct ShapeReuseTests {
    /// Renders a loaded site twice, filled and page by page, and compares every file.
    func compareBothWays(_ result: BuildResult, tree: FileTree) throws {
        let report = result.report
        var templates = try TemplateSet.load(tree, languages: report.site.config.languages)
        let filled = try SiteRenderer(
            site: report.site, diagnostics: report.diagnostics, due: report.due,
            asOf: report.asOf, templates: templates
        ).render(jobs: 2)
        templates.reusesShapes = false
        let direct = try SiteRenderer(
            site: report.site, diagnostics: report.diagnostics, due: report.due,
            asOf: report.asOf, templates: templates
        ).render(jobs: 2)
        #expect(filled.count == direct.count)
        #expect(filled.count > 20)
        for (one, other) in zip(filled, direct) {
            #expect(one.path == other.path)
            #expect(one.bytes == other.bytes, "\(one.path) differs when filled in")
        }
    }

    @Test func everyPageOfTheExampleSiteIsTheSameFilledIn() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let result = try Pipeline.build(.init(siteRoot: root.path, jobs: 2), renderToMemory: true)
        let tree = try FileTree.read(siteRoot: root.path, jobs: 2)
        try compareBothWays(result, tree: tree)
    }

    @Test func everyPageOfTheGoldenSiteIsTheSameFilledIn() throws {
        let site = try Golden.write(RenderTests.files())
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Pipeline.build(.init(siteRoot: site.path, jobs: 2), renderToMemory: true)
        let tree = try FileTree.read(siteRoot: site.path, jobs: 2)
        try compareBothWays(result, tree: tree)
    }

    /// Templates that use every construct the filling must get right, and some it must refuse.
    /// (`{{.}}` printing the whole context is refused too, but swift-mustache prints a map's keys
    /// in no fixed order, so two renderings of it cannot be compared.)
    static let templates: [String] = [
        """
        <h1 title="{{title}}">{{title}}</h1>{{{html}}}{{&html}}
        {{#flag}}F:{{title}}{{/flag}}{{^flag}}not{{/flag}}{{#status}}<{{.}}>{{/status}}{{^status}}none{{/status}}
        {{#items}}[{{name}}|{{title}}|{{#first()}}first{{/first()}}{{index()}}{{#flag}}!{{/flag}}{{#tags}}({{.}}){{/tags}}]{{/items}}
        {{^empty(items)}}has {{count(items)}}{{/empty(items)}}{{#empty(tags)}}no tags{{/empty(tags)}}
        {{#topics}}<li>{{.}}</li>{{/topics}} {{n}} {{plusone(n)}} {{#even(n)}}even{{/even(n)}}
        {{#box}}{{name}}/{{title}}{{/box}}{{box.name}} {{siteTitle}} {{shared.label}}
        """,
        "{{uppercased(title)}} {{reversed(name)}} {{title}}",
        "{{topics}} {{items}} {{title}}",
        "{{#items}}{{.}}{{/items}}{{title}}",
        "{{#box}}{{.}}{{/box}}{{title}}",
        "{{=<% %>=}}<% title %>{{title}}",
        "{{%CONTENT_TYPE:TEXT}}{{title}}",
        "{{#sorted(topics)}}{{.}}{{/sorted(topics)}}",
        "{{title._guts}}{{#title}}{{count}}{{/title}}",
    ]

    /// A small deterministic generator, so that a failure names a context that can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        static let texts = [
            "", "支部委员会", "<b>&amp;</b>", "it's \"quoted\"", "{{title}}", "\u{E000}0\u{E001}",
            "a\u{E002}b", "x", "Zhang San", "  ",
        ]
        mutating func text() -> String { Self.texts[next(Self.texts.count)] }
        mutating func map(depth: Int) -> [String: Any] {
            var map: [String: Any] = [:]
            for key in [
                "title", "name", "status", "html", "flag", "n", "items", "tags", "topics", "box",
            ]
            where next(3) > 0 {
                switch key {
                case "flag": map[key] = next(2) == 0
                case "n": map[key] = next(5) - 1
                case "items" where depth < 2:
                    map[key] = (0..<next(4)).map { _ in self.map(depth: depth + 1) }
                case "box" where depth < 2: map[key] = self.map(depth: depth + 1)
                case "tags", "topics": map[key] = (0..<next(4)).map { _ in text() }
                case "items", "box": break
                default: map[key] = text()
                }
            }
            return map
        }
    }

    /// One of `templates`, loaded twice: filling in shapes, and rendering page by page.
    func templateSets(_ index: Int) throws -> (filled: TemplateSet, direct: TemplateSet) {
        let tree = FileTree(files: [
            SourceFile(path: "Templates/page.mustache", text: Self.templates[index])
        ])
        var filled = try TemplateSet.load(tree, languages: [.zh])
        var direct = filled
        direct.reusesShapes = false
        filled.reusesShapes = true
        return (filled, direct)
    }

    /// The shared context every generated page is rendered over.
    static var base: [String: Any] {
        [
            "siteTitle": "示例党委 & <站点>", "shared": ["label": "共享"] as [String: Any],
        ]
    }

    @Test(arguments: 0..<templates.count)
    func generatedContextsAreTheSameFilledIn(_ index: Int) throws {
        let (filled, direct) = try templateSets(index)
        let base = Self.base
        var generator = Generator(state: UInt64(index) + 1921)
        for round in 0..<400 {
            let own = generator.map(depth: 0)
            let one = try filled.render(base: base, own: own, with: "page", in: .zh)
            let other = try direct.render(base: base, own: own, with: "page", in: .zh)
            #expect(one == other, "template \(index), context \(round): \(own)")
            if one != other { return }
        }
    }

    /// Typed values as the record pages and the layout write them: strings that may be absent
    /// or empty, lists of strings, flags, and lists of such maps.
    struct TypedValues: TemplateValues {
        var texts: [(String, String?)] = []
        var lists: [(String, [String])] = []
        var flag: Bool?
        var items: [TypedValues]?

        init(_ generator: inout Generator, depth: Int) {
            for key in ["title", "name", "status", "html"] {
                texts.append((key, generator.next(3) > 0 ? generator.text() : nil))
            }
            for key in ["tags", "topics"] where generator.next(3) > 0 {
                lists.append((key, (0..<generator.next(4)).map { _ in generator.text() }))
            }
            if generator.next(3) > 0 { flag = generator.next(2) == 0 }
            if depth < 2, generator.next(3) > 0 {
                items = (0..<generator.next(4)).map { _ in TypedValues(&generator, depth: depth + 1)
                }
            }
        }

        func write(to writer: inout ValueWriter) {
            // The minutes' HTML and the rendered content go in as bytes; `status` is printed
            // escaped by template 0, which escapes bytes the way it escapes strings.
            for (key, value) in texts {
                if key == "html" || key == "status", let value {
                    writer.bytes(key, Array(value.utf8))
                } else {
                    writer.text(key, value)
                }
            }
            for (key, values) in lists { writer.texts(key, values) }
            if let flag { writer.flag("flag", flag) }
            if let items { writer.list("items", items) { $0.write(to: &$1) } }
        }

        /// The same values as a dictionary context, the way the other pages build theirs.
        var dictionary: [String: Any] {
            var map: [String: Any] = [:]
            for (key, value) in texts { map[key] = value }
            for (key, values) in lists { map[key] = values }
            if let flag { map["flag"] = flag }
            if let items { map["items"] = items.map(\.dictionary) }
            return map
        }
    }

    /// The typed path's shape walk, placeholders and plain values, against the dictionary path
    /// rendered page by page. (Not through the templates that print whole maps: two dictionaries
    /// with the same pairs print them in different orders.)
    @Test(arguments: [0, 1, 4, 5, 6, 7, 8])
    func generatedTypedValuesAreTheSameFilledIn(_ index: Int) throws {
        let (filled, direct) = try templateSets(index)
        let base = Self.base
        var generator = Generator(state: UInt64(index) + 2026)
        for round in 0..<400 {
            let values = TypedValues(&generator, depth: 0)
            let one = try filled.render(base: base, values: values, with: "page", in: .zh)
            let plain = try direct.render(base: base, values: values, with: "page", in: .zh)
            let other = try direct.render(
                base: base, own: values.dictionary, with: "page", in: .zh)
            #expect(one == other, "template \(index), values \(round): \(values.dictionary)")
            #expect(plain == other, "template \(index), values \(round): \(values.dictionary)")
            if one != other || plain != other { return }
        }
    }

    @Test func theScanRefusesWhatReadsTheText() {
        func fillable(_ text: String) -> Bool { TemplateScan(sources: [text]).fillable }
        #expect(
            fillable(
                "{{title}} {{{html}}} {{#items}}{{name}}{{/items}} {{^empty(items)}}{{/empty(items)}}"
            ))
        #expect(fillable("{{#items}}{{index()}}{{#first()}}1{{/first()}}{{/items}} {{plusone(n)}}"))
        #expect(!fillable("{{uppercased(title)}}"))
        #expect(!fillable("{{#sorted(items)}}{{/sorted(items)}}"))
        #expect(!fillable("{{=<% %>=}}"))
        #expect(!fillable("{{%CONTENT_TYPE:TEXT}}"))
        #expect(!fillable("{{>*name}}"))
        #expect(!fillable("{{.}}"))
        #expect(!fillable("{{^items}}{{.}}{{/items}}"))
        #expect(!fillable("{{title._guts}}"))
        #expect(!fillable("text with \u{E000} in it"))
        let scan = TemplateScan(sources: [
            "{{a.b}} {{{c}}} {{& d}} {{#list}}{{.}}{{/list}} {{! comment }} {{> partial}}"
        ])
        #expect(scan.fillable)
        #expect(scan.printedNames == ["b", "c", "d"])
        #expect(scan.dotSections == ["list"])
    }

    @Test func aCutRefusesStrayMarkers() throws {
        let cut = try #require(
            PlaceholderText.cut("a\u{E000}0\u{E001}b\u{E000}1\u{E002}c", leaves: 2))
        #expect(cut.segments.map(\.text) == ["a", "b"])
        #expect(cut.segments.map(\.escaped) == [false, true])
        #expect(cut.tail == "c")
        #expect(
            PlaceholderText.fill(cut, with: [.text("<x>"), .text("<y>")])
                == Array("a<x>b&lt;y&gt;c".utf8))
        #expect(
            PlaceholderText.fill(
                cut, with: [.bytes(Array("<x>".utf8)), .bytes(Array("'&\"".utf8))])
                == Array("a<x>b&#39;&amp;&quot;c".utf8))
        #expect(PlaceholderText.cut("\u{E000}2\u{E001}", leaves: 2) == nil)
        #expect(PlaceholderText.cut("\u{E000}\u{E001}", leaves: 2) == nil)
        #expect(PlaceholderText.cut("\u{E000}0", leaves: 2) == nil)
        #expect(PlaceholderText.cut("stray \u{E001}", leaves: 2) == nil)
        #expect(PlaceholderText.cut("poison \u{E003}", leaves: 2) == nil)
    }
}
