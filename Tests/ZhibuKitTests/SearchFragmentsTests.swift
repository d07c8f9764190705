import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// The search index in fragments, read back the way the search page reads it.
///
/// The browser test (`Tests/Site/check_search.py`) holds the script's answers to the old
/// search; these tests hold the fragments themselves to the documents: for every term taken
/// from the example site's text, the postings give exactly the documents whose title and text
/// contain it, and the documents whose title does.
@Suite struct SearchFragmentsTests {
    /// One language's fragments of the example site, parsed, and its documents by id.
    struct Index: Sendable {
        var meta: [String: Int]
        /// The buckets of keys (`b…`) and of places (`p…`), by name.
        var buckets: [String: [String: String]]
        /// The lengths of the large postings (`k…`), by key.
        var large: [String: Int] = [:]
        var documents: [[String: String]]

        /// The JSON inside `zhibuSearchFragment("name", …);`.
        static func parse(_ bytes: [UInt8]) throws -> (String, Any) {
            let text = String(decoding: bytes, as: UTF8.self)
            let head = try #require(text.firstMatch(of: /^zhibuSearchFragment\("([a-z0-9]+)",/))
            #expect(text.hasSuffix(");\n"))
            let json = text[head.range.upperBound...].dropLast(3)
            return (String(head.1), try JSONSerialization.jsonObject(with: Data(json.utf8)))
        }

        init(_ files: [RenderedFile], meta: [UInt8]) throws {
            let parsed = try Self.parse(meta)
            self.meta = try #require(parsed.1 as? [String: Int])
            buckets = [:]
            var chunks: [String: [[String: String]]] = [:]
            for file in files {
                let (name, data) = try Self.parse(file.bytes)
                // Where the script looks for it.
                let number = Int(name.dropFirst(), radix: name.hasPrefix("d") ? 10 : 16) ?? -1
                let partitions = self.meta["p"] ?? 0
                let folder =
                    "/\(String(number % partitions, radix: 16))/"
                    + "\(String(number / partitions % (self.meta["s"] ?? 0), radix: 16))/"
                #expect(file.path.hasSuffix(folder + name + ".js"), "\(file.path)")
                if name.hasPrefix("d") {
                    chunks[name] = try #require(data as? [[String: String]])
                } else if name.hasPrefix("k") {
                    let sizes = try #require(data as? [String: Int])
                    large.merge(sizes) { first, _ in first }
                } else {
                    buckets[name] = try #require(data as? [String: String])
                }
            }
            documents = []
            for id in 0..<(self.meta["n"] ?? 0) {
                documents += try #require(chunks["d\(id)"])
            }
        }

        /// The value of each letter of the posting alphabet, by its ASCII code.
        static let digits: [Int] = {
            var table = [Int](repeating: 0, count: 128)
            let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
            for (value, letter) in alphabet.utf8.enumerated() { table[Int(letter)] = value }
            return table
        }()

        /// The numbers of a posting, as the script reads them.
        static func numbers(_ text: String) -> [Int] {
            var out: [Int] = []
            var value = 0
            var shift = 0
            for letter in text.utf8 {
                let digit = digits[Int(letter & 0x7F)]
                if digit >= 32 {
                    value += (digit - 32) << shift
                    shift += 5
                } else {
                    out.append(value + digit << shift)
                    value = 0
                    shift = 0
                }
            }
            return out
        }

        func bucket(_ key: String) -> Int {
            let first = Int(key.prefix(4), radix: 16) ?? 0
            let second = key.count == 4 ? 65536 : Int(key.dropFirst(4), radix: 16) ?? 0
            return (first * 65599 + second) % (meta["b"] ?? 1)
        }

        func posting(_ letter: String, _ key: String) -> String? {
            buckets[letter + String(bucket(key), radix: 16)]?[key]
        }

        /// A key's documents, and whether each has it in its title: from a list of deltas, or
        /// from a bitmap (`~`, the first id, six ids a letter, `.`, the title ids' deltas).
        func documents(_ key: String) -> [(id: Int, title: Bool)] {
            let text = posting("b", key) ?? ""
            if text.hasPrefix("~") {
                let parts = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 2 else { return [] }
                // The first id ends at its first letter below 32.
                let head = parts[0].prefix { Self.digits[Int($0.asciiValue ?? 0)] >= 32 }
                let firstLength = head.count + 1
                let first = Self.numbers(String(parts[0].prefix(firstLength))).first ?? 0
                func bits(_ letters: Substring) -> [Int] {
                    letters.utf8.enumerated().flatMap { index, letter in
                        (0..<6).filter { Self.digits[Int(letter)] & 1 << $0 != 0 }.map {
                            first + index * 6 + $0
                        }
                    }
                }
                var titles = Set<Int>()
                if parts[1].hasPrefix("~") {
                    titles = Set(bits(parts[1].dropFirst()))
                    #expect(parts[1].count == parts[0].count - firstLength + 1, "\(key)")
                } else {
                    var id = 0
                    for delta in Self.numbers(String(parts[1])) {
                        id += delta
                        titles.insert(id)
                    }
                }
                return bits(parts[0].dropFirst(firstLength)).map { ($0, titles.contains($0)) }
            }
            var id = 0
            return Self.numbers(text).map { value in
                id += value / 2
                return (id, value % 2 == 1)
            }
        }

        /// A pair's places in each of its documents.
        func places(_ key: String) -> [Int: Set<Int>] {
            let ids = documents(key).map(\.id)
            let values = Self.numbers(posting("p", key) ?? "")
            var out: [Int: Set<Int>] = [:]
            var index = 0
            for id in ids {
                let count = values[index]
                var place = 0
                var set: Set<Int> = []
                for value in values[(index + 1)..<(index + 1 + count)] {
                    place += value
                    set.insert(place)
                }
                out[id] = set
                index += 1 + count
            }
            #expect(index == values.count, "\(key): places of \(ids.count) documents")
            return out
        }

        /// The documents that contain the term (lower-cased units), and those whose title does,
        /// from the postings alone.
        func search(_ term: [UInt16]) -> (all: Set<Int>, title: Set<Int>) {
            let hex = { (unit: UInt16) in String(format: "%04x", Int(unit)) }
            if term.count == 1 {
                let found = documents(hex(term[0]))
                return (Set(found.map(\.id)), Set(found.filter(\.title).map(\.id)))
            }
            let keys = (0..<(term.count - 1)).map { hex(term[$0]) + hex(term[$0 + 1]) }
            if keys.count == 1 {
                let found = documents(keys[0])
                return (Set(found.map(\.id)), Set(found.filter(\.title).map(\.id)))
            }
            let places = keys.map(self.places)
            var all: Set<Int> = []
            var title: Set<Int> = []
            for (id, starts) in places[0] {
                let matches = starts.filter { start in
                    (1..<keys.count).allSatisfy { places[$0][id]?.contains(start + $0) == true }
                }
                if !matches.isEmpty { all.insert(id) }
                if matches.contains(where: { $0 < (meta["t"] ?? 0) }) { title.insert(id) }
            }
            return (all, title)
        }
    }

    /// The example site's zh fragments, made once for the suite.
    static let shared = Result { try index() }

    /// The example site's zh documents, through the build's own steps; with `large`, the `k`
    /// fragments list the postings from that length.
    static func index(large: Int? = nil) throws -> Index {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let tree = try FileTree.read(siteRoot: root.path, jobs: 2)
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let site = built.site
        let urls = SiteURLs(
            basePath: ContentLoader.basePath(of: site.config.baseURL?.value),
            defaultLanguage: site.config.defaultLanguage)
        let entries = SearchIndex.ordered(
            SearchIndex.parts(of: site).flatMap {
                SearchIndex.entries($0, site: site, urls: urls, language: .zh)
            })
        let folder = SearchFragments.folder(.zh, urls: urls)
        let layout = SearchFragments.Layout(entries, large: large)
        let files = (0..<SearchFragments.partitions).flatMap {
            SearchFragments.files(partition: $0, entries: entries, layout: layout, folder: folder)
        }
        // The build made the same files.
        let published = Dictionary(
            uniqueKeysWithValues: (built.files ?? []).map { ($0.path, $0.bytes) })
        for file in files where large == nil {
            #expect(published[file.path] == file.bytes, "\(file.path)")
        }
        if large == nil {
            #expect(published[folder + "meta.js"] == SearchFragments.meta(entries, layout))
        }
        return try Index(files, meta: SearchFragments.meta(entries, layout))
    }

    @Test func everyTermOfTheTextIsFoundInExactlyTheDocumentsThatHaveIt() throws {
        let index = try Self.shared.get()
        #expect(index.documents.count > 100)
        let texts = index.documents.map { document in
            let title = SearchFragments.lowered(document["t"] ?? "")
            return (title, title + [0x0A] + SearchFragments.lowered(document["x"] ?? ""))
        }
        // Terms of one to seven units from every twentieth place of every tenth document, and
        // some that are in no document or cross a separator.
        var terms: Set<[UInt16]> = [
            SearchFragments.lowered("zz9zz"), SearchFragments.lowered("党员，支部"),
            SearchFragments.lowered("ΣΥΝΕΔΡΙΟ"),
        ]
        for hay in stride(from: 0, to: texts.count, by: 10).map({ texts[$0].1 }) {
            for start in stride(from: 0, to: hay.count, by: 20) {
                for length in 1...7 where start + length <= hay.count {
                    terms.insert(Array(hay[start..<(start + length)]))
                }
            }
        }
        // NSString compares UTF-16 units with .literal: the substring test of the script.
        let strings = texts.map {
            (
                String(decoding: $0.0, as: UTF16.self) as NSString,
                String(decoding: $0.1, as: UTF16.self) as NSString
            )
        }
        let separators: Set<UInt16> = [
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x2C, 0x3B, 0xA0, 0x3000, 0x3001, 0xFF0C, 0xFF1B,
        ]
        var checked = 0
        for term in terms.sorted(by: { $0.lexicographicallyPrecedes($1) })
        where !term.contains(where: separators.contains) {
            let needle = String(decoding: term, as: UTF16.self)
            let has = { (units: NSString) in
                units.range(of: needle, options: .literal).location != NSNotFound
            }
            let expected = Set(texts.indices.filter { has(strings[$0].1) })
            let inTitle = Set(texts.indices.filter { has(strings[$0].0) })
            let found = index.search(term)
            #expect(found.all == expected, "\(String(decoding: term, as: UTF16.self))")
            #expect(found.title == inTitle, "\(String(decoding: term, as: UTF16.self)) in titles")
            checked += 1
        }
        #expect(checked > 2000)
    }

    @Test func keysInManyDocumentsAreBitmapsShorterThanTheirLists() throws {
        let index = try Self.shared.get()
        let keys = index.buckets.filter { $0.key.hasPrefix("b") }.flatMap { $0.value }
        let bitmaps = keys.filter { $0.value.hasPrefix("~") }
        // The example site has words in most documents (党, 支部), and many more that are not.
        #expect(bitmaps.count > 10)
        #expect(bitmaps.count * 10 < keys.count)
        /// The letters of a number in the posting alphabet.
        func letters(_ number: Int) -> Int { number < 32 ? 1 : 1 + letters(number >> 5) }
        for (key, bitmap) in bitmaps {
            var last = 0
            var list = 0
            for (id, title) in index.documents(key) {
                list += letters(2 * (id - last) + (title ? 1 : 0))
                last = id
            }
            #expect(bitmap.utf8.count < list, "\(key)")
        }
    }

    @Test func largePostingsAreListedWithTheirLengthsForTheScriptsBudget() throws {
        // No posting of the example site is large: every query loads its terms' postings.
        #expect(try Self.shared.get().large.isEmpty)
        #expect(SearchFragments.largePosting(documents: 477) == 4096)
        // A sixty-fourth of a letter a document on a site of a million: some 16 KB.
        #expect(SearchFragments.largePosting(documents: 1_000_000) == 15_625)
        let index = try Self.index(large: 40)
        let postings = index.buckets.filter { $0.key.hasPrefix("b") }.flatMap { $0.value }
        let expected = Dictionary(
            uniqueKeysWithValues: postings.filter { $0.value.utf8.count >= 40 }.map {
                ($0.key, $0.value.utf8.count)
            })
        #expect(expected.count > 10)
        #expect(expected.count < postings.count)
        #expect(index.large == expected)
        // The script counts a key not listed as this long.
        #expect(index.meta["l"] == 40)
        #expect(try Self.shared.get().meta["l"] == 4096)
        #expect(try Self.shared.get().meta["w"] == SearchFragments.postingBudget)
    }

    /// A partition's scan makes room for a unit and a pair at every unit of the text, spread
    /// over the partitions; a text whose pairs all fall in one partition (long runs of one
    /// letter) outgrows that room, twice here, the second time with the first run's pairs
    /// kept, and the partition grows it without losing an occurrence.
    @Test func aPartitionHoldingEveryPairOfTheTextLosesNone() throws {
        let run = Array(String(repeating: "a", count: 3000).utf8)
        let entries = SearchIndex.ordered([
            SearchIndex.entry(url: "/1/", title: "t", org: "o", date: "2026-01-01", text: run),
            SearchIndex.entry(url: "/2/", title: "u", org: "o", date: "2026-01-02", text: run),
            SearchIndex.entry(
                url: "/3/", title: "ab", org: "o", date: "2026-01-03", text: Array("b aa".utf8)),
        ])
        let layout = SearchFragments.Layout(entries)
        let files = (0..<SearchFragments.partitions).flatMap {
            SearchFragments.files(partition: $0, entries: entries, layout: layout, folder: "f/")
        }
        let index = try Index(files, meta: SearchFragments.meta(entries, layout))
        // Every pair of the runs is in one partition.
        let pair = "00610061"
        #expect(index.bucket(pair) % SearchFragments.partitions == 0)
        let start = try #require(index.meta["t"])
        #expect(index.documents(pair).map(\.id) == [0, 1, 2])
        let places = index.places(pair)
        #expect(places[0] == Set((0..<2999).map { start + $0 }))
        #expect(places[1] == places[0])
        #expect(index.search(SearchFragments.lowered("aaa")).all == [0, 1])
        #expect(index.search(SearchFragments.lowered("aa")).all == [0, 1, 2])
        #expect(index.search(SearchFragments.lowered("ab")).title == [2])
    }

    @Test func documentsAreNumberedOldestFirstAndUndatedPagesFirstOfAll() throws {
        let index = try Self.shared.get()
        let dates = index.documents.map { $0["d"] ?? "" }
        #expect(dates == dates.sorted())
        #expect(dates.first == "")
        // Within a day, by address descending: the script lists descending ids.
        for id in index.documents.indices.dropFirst() where dates[id] == dates[id - 1] {
            #expect((index.documents[id]["u"] ?? "") < (index.documents[id - 1]["u"] ?? ""))
        }
    }

    /// The first place of the text (`t`) is the most runs a title has, shifted past the
    /// bits of the longest run of any document: counted per document where it is made, and
    /// combined without reading the text again.
    @Test func placesAreSizedByTheLongestRunAndTheTitleWithMostRuns() throws {
        let entries = [
            // Two spaces in the title: three runs, the text starts the fourth.
            SearchIndex.entry(
                url: "/a/", title: "A b　c", org: "", date: "",
                text: Array("abcdefgh\u{3000}x".utf8)),
            SearchIndex.entry(url: "/b/", title: "x", org: "", date: "", text: Array("y".utf8)),
            // The longest run is in a title: eleven units, four bits.
            SearchIndex.entry(
                url: "/c/", title: "abcdefghijk", org: "", date: "", text: Array("z z".utf8)),
        ]
        let meta = try #require(
            try Index.parse(SearchFragments.meta(entries, SearchFragments.Layout(entries))).1
                as? [String: Int])
        #expect(meta["t"] == 3 << 4)
        // One document alone: a title of one run, a longest run of one unit.
        let single = [entries[1]]
        let alone = try #require(
            try Index.parse(SearchFragments.meta(single, SearchFragments.Layout(single))).1
                as? [String: Int])
        #expect(alone["t"] == 1 << 1)
    }

    /// Lowering read straight from UTF-8 gives the units of lowering the decoded string, for
    /// any bytes: ASCII, CJK, other scripts, astral characters and malformed sequences
    /// (truncated, overlong, surrogates, stray continuation bytes) in every mix.
    @Test func textLoweredFromItsBytesIsTheTextLoweredAsAString() {
        let pieces: [[UInt8]] = [
            Array("AbC".utf8), Array("党员".utf8), Array("ΟΔΟΣ".utf8), Array("İ".utf8),
            Array("𠀀".utf8), Array("、。".utf8), Array("ＡＢ".utf8), Array("é".utf8), [0xE4],
            [0xE4, 0xB8], [0xB8], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F],
            [0xC0, 0xAF], [0xFF], [0x20], [0x0A], Array("，：（）".utf8), Array("·µ".utf8),
            Array("—“”…".utf8), Array("ａＺ".utf8), Array("Ж".utf8), Array("😀".utf8), [0xC2],
            [0xC1, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator) ?? []
            }
            #expect(
                SearchFragments.lowered(utf8: bytes)
                    == SearchFragments.lowered(String(decoding: bytes, as: UTF8.self)),
                "\(bytes)")
        }
        for value in 0..<256 {
            let bytes = [UInt8(value), 0xB8, 0xAD, UInt8(value)]
            #expect(
                SearchFragments.lowered(utf8: bytes)
                    == SearchFragments.lowered(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// A final sigma is folded into `σ`, as the script folds it, so that a Greek word typed
    /// with its final letter finds the word written in capitals.
    @Test func aFinalSigmaLowersAsTheOtherSigma() {
        let lowered = SearchFragments.lowered("ΟΔΟΣ")
        #expect(lowered == SearchFragments.lowered("οδος"))
        #expect(lowered == SearchFragments.lowered(utf8: Array("οδος".utf8)))
        #expect(lowered == Array("οδοσ".utf16))
    }

    /// Every scalar the shortcut answers for lowers as the Unicode table says: the shortcut
    /// only saves the look-up.
    @Test func theShortcutOfLoweringAgreesWithTheUnicodeTable() {
        var answered = 0
        for value in UInt32(0)...0x10FFFF {
            guard let unit = SearchFragments.loweredWithoutTable(value),
                let scalar = Unicode.Scalar(value)
            else { continue }
            answered += 1
            #expect(
                [unit] == Array(scalar.properties.lowercaseMapping.utf16),
                "U+\(String(value, radix: 16, uppercase: true))")
        }
        // ASCII, Latin-1's signs, general punctuation, CJK and the full-width forms.
        #expect(answered == 0x80 + 0x40 + 0x70 + 0x7000 + 0xF0)
    }

    @Test func textIsLowerCasedOneScalarAtATimeAsTheScriptDoes() {
        #expect(SearchFragments.lowered("AbC 党员") == Array("abc 党员".utf16))
        // A final sigma stays σ: a query typed alone has no context to make it ς.
        #expect(SearchFragments.lowered("ΟΔΟΣ") == Array("οδοσ".utf16))
        // İ lower-cases to two scalars, and an astral character is two units.
        #expect(SearchFragments.lowered("İ") == Array("i\u{307}".utf16))
        #expect(SearchFragments.lowered("𠀀") == Array("𠀀".utf16))
    }
}
