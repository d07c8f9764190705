import Mustache
import Testing

@testable import ZhibuTemplating

/// Pages of one shape are rendered once with placeholders and filled in. These tests hold the
/// filled pages to the same values rendered page by page, and both to swift-mustache's own
/// rendering of the values as a plain dictionary, byte for byte, on generated values and
/// through templates written to trip the filling up.
@Suite struct FillEngineTests {
    /// Templates that use every construct the filling must get right, and some it must refuse.
    static let templates: [String] = [
        """
        <h1 title="{{title}}">{{title}}</h1>{{{html}}}{{&html}}
        {{#flag}}F:{{title}}{{/flag}}{{^flag}}not{{/flag}}{{#status}}<{{.}}>{{/status}}{{^status}}none{{/status}}
        {{#items}}[{{name}}|{{title}}|{{#first()}}first{{/first()}}{{index()}}{{#flag}}!{{/flag}}{{#tags}}({{.}}){{/tags}}]{{/items}}
        {{^empty(items)}}has {{count(items)}}{{/empty(items)}}{{#empty(tags)}}no tags{{/empty(tags)}}
        {{#topics}}<li>{{.}}</li>{{/topics}} {{n}} {{plusone(n)}} {{#even(n)}}even{{/even(n)}}
        {{#box}}{{name}}/{{title}}{{/box}}{{box.name}} {{siteTitle}} {{shared.label}}
        {{^empty(list)}}<ul>{{{list}}}</ul>{{/empty(list)}}{{#n}}[n={{n}}]{{/n}}
        """,
        "{{uppercased(title)}} {{reversed(name)}} {{title}}",
        "{{topics}} {{items}} {{title}}",
        "{{#items}}{{.}}{{/items}}{{title}}",
        "{{#box}}{{.}}{{/box}}{{title}}",
        "{{=<% %>=}}<% title %>{{title}}",
        "{{%CONTENT_TYPE:TEXT}}{{title}}",
        "{{#sorted(topics)}}{{.}}{{/sorted(topics)}}",
        "{{title._guts}}{{#title}}{{count}}{{/title}}",
        // A number only printed and tested, and a fragment tested for being there.
        "{{#n}}[{{n}}]{{/n}}{{^n}}-{{/n}}{{title}}{{#items}}<{{n}}{{name}}>{{/items}}{{#list}}({{{list}}}){{/list}}",
        // Lists and numbers no tag names: left out of the values, the page is the same.
        "{{title}}|{{name}}|{{{html}}}",
    ]

    /// The templates through which values are compared: the others print a whole list or map,
    /// which swift-mustache writes in no fixed key order, so two renderings differ anyway.
    static let comparable = [0, 1, 4, 5, 6, 7, 8, 9, 10]

    /// A small deterministic generator, so that a failure names values that can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        static let texts = [
            "", "支部委员会", "<b>&amp;</b>", "it's \"quoted\"", "{{title}}", "\u{E000}0\u{E001}",
            "a\u{E002}b", "x", "Zhang San", "  ",
            // Long enough that a page filled in pieces shares it (`PlaceholderText.sharedLength`).
            String(repeating: "<p>三会一课 & 'minutes'</p>\n", count: 24),
        ]
        mutating func text() -> String { Self.texts[next(Self.texts.count)] }
    }

    /// Values of every kind the writer takes, some absent, empty or nested.
    struct Values: TemplateValues {
        var texts: [(String, String?)] = []
        var lists: [(String, [String])] = []
        var flag: Bool?
        var number: Int?
        var items: [Values]?
        var box: [Values] = []
        var list: [UInt8]?

        init(_ generator: inout Generator, depth: Int, maps: Bool) {
            for key in ["title", "name", "status", "html"] {
                texts.append((key, generator.next(3) > 0 ? generator.text() : nil))
            }
            for key in ["tags", "topics"] where generator.next(3) > 0 {
                lists.append((key, (0..<generator.next(4)).map { _ in generator.text() }))
            }
            if generator.next(3) > 0 { flag = generator.next(2) == 0 }
            if generator.next(3) > 0 { number = generator.next(5) - 1 }
            if depth < 2, generator.next(3) > 0 {
                items = (0..<generator.next(4)).map { _ in
                    Values(&generator, depth: depth + 1, maps: maps)
                }
            }
            if maps, depth < 2, generator.next(3) == 0 {
                box = [Values(&generator, depth: depth + 1, maps: maps)]
            }
            if depth == 0, generator.next(2) == 0 { list = Array(generator.text().utf8) }
        }

        func write(to writer: inout ValueWriter) {
            // The minutes' HTML and the rendered content go in as bytes; `status` is printed
            // escaped by template 0, which escapes bytes the way it escapes strings.
            for (key, value) in texts {
                if key == "html", let value, value.utf8.count % 2 == 0 {
                    // Some content arrives in pieces (a page's own content in its layout),
                    // split anywhere, even inside a character.
                    let bytes = Array(value.utf8)
                    writer.pieces(
                        key,
                        [
                            Array(bytes.prefix(bytes.count / 3)), [],
                            Array(bytes.dropFirst(bytes.count / 3)),
                        ])
                } else if key == "html" || key == "status", let value {
                    writer.bytes(key, Array(value.utf8))
                } else {
                    writer.text(key, value)
                }
            }
            for (key, values) in lists { writer.texts(key, values) }
            if let flag { writer.flag("flag", flag) }
            writer.number("n", number)
            if let items { writer.list("items", items) }
            if let box = box.first { writer.map("box", box) }
            if let list { writer.fragment("list", Fragment(bytes: list)) }
        }

        /// The same values as a plain dictionary, built by hand for swift-mustache.
        var dictionary: [String: Any] {
            var map: [String: Any] = [:]
            for (key, value) in texts { map[key] = value }
            for (key, values) in lists { map[key] = values }
            if let flag { map["flag"] = flag }
            if let number { map["n"] = number }
            if let items { map["items"] = items.map(\.dictionary) }
            if let box = box.first { map["box"] = box.dictionary }
            // An empty fragment is absent, so that `{{#list}}` shows only around items.
            if let list, !list.isEmpty { map["list"] = String(decoding: list, as: UTF8.self) }
            return map
        }
    }

    /// What every generated page is rendered over.
    struct Shared: TemplateValues {
        func write(to writer: inout ValueWriter) {
            writer.text("siteTitle", "示例党委 & <站点>")
            writer.map("shared") { $0.text("label", "共享") }
        }

        static var dictionary: [String: Any] {
            ["siteTitle": "示例党委 & <站点>", "shared": ["label": "共享"]]
        }
    }

    /// One of `templates`, as a renderer that fills shapes and one that renders page by page.
    func renderers(_ index: Int) throws -> (filled: TemplateRenderer, direct: TemplateRenderer) {
        let source = TemplateLibrary.Source(
            name: "page", file: "page.mustache", text: Self.templates[index])
        var library = try TemplateLibrary(sources: [source], strings: [:])
        let filled = library.renderer(shared: Shared())
        library.reusesShapes = false
        return (filled, library.renderer(shared: Shared()))
    }

    @Test(arguments: comparable)
    func generatedValuesAreTheSameFilledInAsRenderedByMustache(_ index: Int) throws {
        let (filled, direct) = try renderers(index)
        let oracle = try MustacheTemplate(string: Self.templates[index])
        var generator = Generator(state: UInt64(index) + 2026)
        for round in 0..<400 {
            let values = Values(&generator, depth: 0, maps: index != 4)
            let one = try filled.render(values, with: "page")
            let other = try direct.render(values, with: "page")
            let pieces = try filled.pieces(values, with: "page")
            var context = Shared.dictionary
            for (key, value) in values.dictionary { context[key] = value }
            let expected = Array(oracle.render(context).utf8)
            #expect(one == expected, "template \(index), values \(round): \(values.dictionary)")
            #expect(other == expected, "template \(index), values \(round): \(values.dictionary)")
            #expect(
                Array(pieces.joined()) == expected,
                "template \(index), values \(round) in pieces: \(values.dictionary)")
            if one != expected || other != expected || Array(pieces.joined()) != expected { return }
        }
    }

    /// Values that are one of a kind are never cut: their shape would be met once.
    @Test func oneOfAKindValuesRenderTheSame() throws {
        struct Page: TemplateValues {
            static let isOneOfAKind = true
            var title: String
            func write(to writer: inout ValueWriter) { writer.text("title", title) }
        }
        let (filled, _) = try renderers(0)
        let page = try filled.render(Page(title: "<一>"), with: "page")
        #expect(String(decoding: page, as: UTF8.self).contains("<h1 title=\"&lt;一&gt;\">"))
    }

    /// What keeps a status page's shape the same from one organization to the next: a list
    /// no template names is left out, and a number no transform reads counts only by being
    /// there. A number that a transform reads still shapes the page by its value.
    @Test func unnamedListsAndPrintedNumbersLeaveTheShapeAlone() throws {
        func signature(_ template: String, _ values: Values) -> [UInt8] {
            let scan = TemplateScan(sources: [template])
            var writer = ValueWriter(.shape, names: scan.names, transformed: scan.transformed)
            values.write(to: &writer)
            return writer.signature
        }
        var generator = Generator(state: 7)
        var one = Values(&generator, depth: 1, maps: false)
        one.texts = [("title", "一")]
        one.lists = []
        one.flag = nil
        one.list = nil
        one.box = []
        var other = one
        one.number = 3
        one.items = []
        other.number = 41
        other.items = [one, one]
        let printed = "{{title}} {{#n}}({{n}}){{/n}}"
        #expect(signature(printed, one) == signature(printed, other))
        #expect(
            signature("{{title}} {{plusone(n)}}", one)
                != signature("{{title}} {{plusone(n)}}", other))
        #expect(
            signature("{{#items}}.{{/items}}{{n}}", one)
                != signature("{{#items}}.{{/items}}{{n}}", other))
        // Changed delimiters hide the names: everything is written then.
        #expect(TemplateScan(sources: ["{{=<% %>=}}<% title %>"]).names == nil)
    }

    /// A template's names are its own and its partials', however deep: a list that only
    /// another page's template loops is not written for this one.
    @Test func eachTemplateNamesWhatItAndItsPartialsLookUp() throws {
        let library = try TemplateLibrary(
            sources: [
                .init(name: "page", file: "page.mustache", text: "{{title}}{{> part}}{{> gone}}"),
                .init(name: "part", file: "part.mustache", text: "{{#items}}{{> leaf}}{{/items}}"),
                .init(
                    name: "leaf", file: "leaf.mustache",
                    text: "{{a.b}}{{^empty(tags)}}{{/empty(tags)}}"),
                .init(name: "other", file: "other.mustache", text: "{{#posts}}{{n}}{{/posts}}"),
                .init(name: "loose", file: "loose.mustache", text: "{{>*which}}{{title}}"),
            ],
            strings: [:])
        #expect(library.names["page"] == Set(["title", "items", "a", "b", "tags"]))
        #expect(library.names["other"] == Set(["posts", "n"]))
        #expect(library.names["loose"] == .some(nil))
    }

    /// The library's scan is merged from its templates' own: it must find what one scan of all
    /// their texts finds.
    @Test func mergedScansAreOneScanOfAllTheTexts() {
        let texts = Self.templates + ["{{> part}}{{#a.b}}{{plusone(n)}}{{/a.b}}", "{{>*which}}"]
        for count in 1...texts.count {
            let some = Array(texts.prefix(count))
            #expect(
                TemplateScan(merging: some.map { TemplateScan(sources: [$0]) })
                    == TemplateScan(sources: some), "the first \(count) templates")
        }
    }

    @Test func aFragmentJoinsItsItemsRenderedOneByOne() throws {
        struct Item: TemplateValues {
            var name: String
            func write(to writer: inout ValueWriter) { writer.text("name", name) }
        }
        let library = try TemplateLibrary(
            sources: [.init(name: "item", file: "item.mustache", text: "<li>{{name}}</li>")],
            strings: [:])
        let renderer = library.renderer(shared: NoValues())
        let items = ["张伟", "<李娜>", "王芳"].map(Item.init)
        let fragment = try renderer.fragment(items, with: "item")
        #expect(
            String(decoding: fragment.bytes, as: UTF8.self)
                == "<li>张伟</li><li>&lt;李娜&gt;</li><li>王芳</li>")
        #expect(try renderer.fragment([Item](), with: "item").isEmpty)
    }

    @Test func interfaceStringsAreEscapedIntoTheTemplateText() throws {
        let library = try TemplateLibrary(
            sources: [
                .init(
                    name: "page", file: "page.mustache", text: "{{t.greet}}|{{{t.greet}}}|{{t.x}}")
            ], strings: ["greet": "你好 & <欢迎>"])
        let page = try library.renderer(shared: NoValues()).render(NoValues(), with: "page")
        // Triple braces and unknown keys are looked up in the values, which have no `t`.
        #expect(String(decoding: page, as: UTF8.self) == "你好 &amp; &lt;欢迎&gt;||")
    }

    @Test func aMissingTemplateAndABrokenOneAreErrors() throws {
        let library = try TemplateLibrary(
            sources: [.init(name: "page", file: "page.mustache", text: "{{title}}")],
            strings: [:])
        #expect(throws: TemplateError.missing("other.mustache")) {
            try library.renderer(shared: NoValues()).render(NoValues(), with: "other")
        }
        #expect(throws: TemplateError.self) {
            try TemplateLibrary(
                sources: [.init(name: "bad", file: "Templates/bad.mustache", text: "a\n{{#x}}")],
                strings: [:])
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
        #expect(scan.partials == ["partial"])
    }

    @Test func aCutRefusesStrayMarkers() throws {
        let cut = try #require(
            PlaceholderText.cut("a\u{E000}0\u{E001}b\u{E000}1\u{E002}c", leaves: 2))
        #expect(cut.segments.map(cut.text) == ["a", "b"])
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

    /// A page held until the site publishes shares its long content rather than copy it: the
    /// minutes' HTML is the value's own array in the page's pieces, a short value and an
    /// escaped one are copied, and the pieces laid end to end are the page `fill` makes.
    @Test func aPageInPiecesSharesItsLongContent() throws {
        let cut = try #require(
            PlaceholderText.cut(
                "<main>\u{E000}0\u{E001}</main>\u{E000}1\u{E001}|\u{E000}2\u{E002}|\u{E000}3\u{E001}<end>",
                leaves: 4))
        let long = Array(String(repeating: "<p>支部委员会 & 党员大会</p>", count: 40).utf8)
        #expect(long.count >= PlaceholderText.sharedLength)
        let split: [[UInt8]] = [Array(long.prefix(7)), Array(long.dropFirst(7))]
        let leaves: [UTF8Text] = [.bytes(long), .pieces(split), .bytes(long), .text("<短>")]
        let pieces = PlaceholderText.pieces(cut, with: leaves)
        #expect(Array(pieces.joined()) == PlaceholderText.fill(cut, with: leaves))
        func address(_ bytes: [UInt8]) -> UnsafeRawPointer? {
            bytes.withUnsafeBytes { $0.baseAddress }
        }
        let shared = Set([long, split[0], split[1]].compactMap(address))
        #expect(pieces.filter { address($0).map(shared.contains) ?? false }.count == 3)
        #expect(pieces.count == 6)
        let last = String(decoding: pieces.last ?? [], as: UTF8.self)
        #expect(last.hasPrefix("|&lt;p&gt;支部委员会 &amp; 党员大会") && last.hasSuffix("|<短><end>"))
        // Nothing long: one piece, made at its size.
        let short = PlaceholderText.pieces(
            cut, with: [.text("a"), .bytes([0x62]), .text("c"), .text("d")])
        #expect(short == [Array("<main>a</main>b|c|d<end>".utf8)])
    }

    @Test func escapingMatchesSwiftMustache() throws {
        let oracle = try MustacheTemplate(string: "{{v}}")
        for text in Generator.texts + ["a<b>c&d\"e'f", "<<>>&&", "中文'", ""] {
            let expected = oracle.render(["v": text])
            #expect(XML.escapeHTML(text) == expected, "\(text)")
            var out: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer {
                XML.append($0, to: &out, apostrophe: "&#39;")
            }
            #expect(out == Array(expected.utf8), "\(text)")
        }
        #expect(XML.escape("it's") == "it&apos;s")
    }
}
