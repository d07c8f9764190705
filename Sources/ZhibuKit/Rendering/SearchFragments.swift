import ZhibuModel

/// The search index in fragments that the search page loads on demand, below each language's
/// `search/fragments/`, so that the first query downloads a few buckets of postings and the
/// documents it shows, not the whole index (`search-index.json` stays for programs).
///
/// Every fragment is a script that calls `zhibuSearchFragment(name, data)`: a page opened from a
/// file may load scripts but not fetch files, so one format serves a server and `file://`.
///
/// - `meta.js`: the number of documents `n`, of buckets `b`, of partitions `p` and their
///   subfolders `s`, documents per chunk `c`, and the first place of a text `t` (`Places`): a
///   place before it is in a title.
/// - `<partition>/<subfolder>/b<bucket>.js`: the postings of every key that hashes to the bucket. A key is
///   one UTF-16 code unit (4 hex digits) or two consecutive ones (8 hex digits) of a document's
///   lower-cased text (`Entry.units`). A posting lists the documents that have the key, each
///   marked when its title has it: enough to answer a term of one or two units exactly.
/// - `<partition>/<subfolder>/p<bucket>.js`: for each pair of the bucket, every
///   place where it starts in each document of its posting: the run of text between white
///   space, and the offset in it. A longer term matches a document exactly where its pairs
///   follow each other, as a substring test on the text would, without downloading the text;
///   the two-letter words most queries are made of never load positions.
/// - `<partition>/<subfolder>/d<chunk>.js`: the documents of `c` consecutive ids, as in `search-index.json`:
///   one, so that the fifty results a query shows cost fifty documents (about 65 KB) however
///   far apart their ids are; title matches come first and scatter them.
///
/// Places count within a run of text, not from the start of the document, because an edit
/// moves every place after it: an edit to one paragraph rewrites the position buckets of that
/// paragraph's pairs, not of all the document's.
///
/// Document ids follow `SearchIndex.ordered` (oldest first), so that results, which list title
/// matches first and then newest first, are in descending id order within each group, and a
/// new record changes only the postings of its own keys and the last chunk. Numbers are
/// written in a 64-letter alphabet, five bits a letter with the sixth saying that more follow;
/// ids are deltas from the previous one, doubled, plus one when the key is in the title;
/// places are deltas from the previous one.
/// Nothing here depends on the thread count: the same documents give the same bytes.
package enum SearchFragments {
    /// Jobs per language, and the folders of `fragments/`: bucket or chunk `n` goes to
    /// `<n % partitions>/<n / partitions % subfolders>/`. Each job reads every document's text
    /// once, so a few jobs are enough to overlap with the status pages; the subfolders keep a
    /// province's files from crowding one folder.
    package static let partitions = 4
    /// Subfolders of each partition's folder.
    static let subfolders = 16

    /// The folder below a partition's where fragment `number` goes.
    static func subfolder(_ number: Int) -> String {
        String(number / partitions % subfolders, radix: 16) + "/"
    }
    /// Documents per chunk (see the type's notes).
    static let documentsPerChunk = 1
    /// About how many bytes of postings a bucket holds: a few round trips' worth.
    static let bucketBytes = 12 * 1024
    /// The most buckets a site gets, for a province's index.
    static let maximumBuckets = 1 << 16

    /// The folder of a language's fragments, inside its search page's folder.
    package static func folder(_ language: Language, urls: SiteURLs) -> String {
        SearchIndex.folder(language, urls: urls) + "fragments/"
    }

    /// The number of buckets for documents of this much text: a power of two, so that the
    /// script's modulo of a double is exact.
    static func bucketCount(_ entries: [SearchIndex.Entry]) -> Int {
        // About three bytes of postings for each unit of text, measured on the example site.
        let estimate = entries.reduce(0) { $0 + $1.units.count } * 3
        var count = 1
        while count < maximumBuckets, count * bucketBytes < estimate { count *= 2 }
        return count
    }

    /// The meta fragment.
    package static func meta(_ entries: [SearchIndex.Entry]) -> [UInt8] {
        let buckets = bucketCount(entries)
        let numbers = [
            ("n", entries.count), ("b", buckets), ("p", partitions), ("s", subfolders),
            ("c", documentsPerChunk), ("t", Places(entries).textStart),
        ]
        let object = numbers.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return fragment("meta", Array("{\(object)}".utf8))
    }

    /// The bucket and chunk fragments of one partition, with their paths below `folder`.
    package static func files(
        partition: Int, entries: [SearchIndex.Entry], folder: String
    ) -> [RenderedFile] {
        let buckets = bucketCount(entries)
        let partitionFolder = folder + String(partition, radix: 16) + "/"
        var files: [RenderedFile] = []
        let postings = self.postings(partition: partition, buckets: buckets, entries: entries)
        // Each bucket's keys in the order of their hex spelling.
        var keys = [[UInt64]](
            repeating: [], count: (buckets - partition + partitions - 1) / partitions)
        for key in postings.keys { keys[bucket(key, buckets: buckets) / partitions].append(key) }
        for (slot, bucket) in stride(from: partition, to: buckets, by: partitions).enumerated() {
            let sorted = keys[slot].sorted { order($0) < order($1) }
            for (letter, part) in [("b", \Posting.bytes), ("p", \Posting.positions)] {
                let name = letter + String(bucket, radix: 16)
                files.append(
                    RenderedFile(
                        path: partitionFolder + subfolder(bucket) + name + ".js",
                        bytes: fragment(name, object(sorted, postings, part))))
            }
        }
        let chunks = (entries.count + documentsPerChunk - 1) / documentsPerChunk
        for chunk in stride(from: partition, to: chunks, by: partitions) {
            let name = "d" + String(chunk)
            var array: [UInt8] = [UInt8(ascii: "[")]
            let first = chunk * documentsPerChunk
            for id in first..<min(entries.count, first + documentsPerChunk) {
                if id > first { array.append(UInt8(ascii: ",")) }
                array.append(UInt8(ascii: "\n"))
                array += entries[id].json
            }
            array.append(UInt8(ascii: "]"))
            files.append(
                RenderedFile(
                    path: partitionFolder + subfolder(chunk) + name + ".js",
                    bytes: fragment(name, array)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// `zhibuSearchFragment("name", data);`
    private static func fragment(_ name: String, _ data: [UInt8]) -> [UInt8] {
        Array("zhibuSearchFragment(\"\(name)\",".utf8) + data + Array(");\n".utf8)
    }

    /// One part of a bucket's postings as a JSON object, keys in order, empty parts left out.
    private static func object(
        _ keys: [UInt64], _ postings: [UInt64: Posting], _ part: KeyPath<Posting, [UInt8]>
    ) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for key in keys where postings[key]?[keyPath: part].isEmpty == false {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\n"))
            out.append(UInt8(ascii: "\""))
            out += Array(hex(key).utf8)
            out += Array("\":\"".utf8)
            out += postings[key]?[keyPath: part] ?? []
            out.append(UInt8(ascii: "\""))
        }
        out += Array("}".utf8)
        return out
    }

    /// A unit key is `1 << 32 | unit`, a pair key `first << 16 | second`.
    private static let unitFlag: UInt64 = 1 << 32

    /// A number that sorts keys as their hex spellings do: a unit's four digits are a prefix
    /// of the pairs it starts, and come before them.
    static func order(_ key: UInt64) -> UInt64 {
        key & unitFlag != 0
            ? (key & 0xFFFF) << 17 : (key >> 16) << 17 | 1 << 16 | key & 0xFFFF
    }

    /// The key as the script spells it: 4 hex digits for a unit, 8 for a pair.
    static func hex(_ key: UInt64) -> String {
        let isUnit = key & unitFlag != 0
        let digits = String(key & 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: max(0, (isUnit ? 4 : 8) - digits.count)) + digits
    }

    /// The bucket of a key, as the script computes it in doubles: `(a × 65599 + b) mod
    /// buckets`, where b is the second unit of a pair or 65536 for a single unit.
    static func bucket(_ key: UInt64, buckets: Int) -> Int {
        let first = key & unitFlag != 0 ? key & 0xFFFF : key >> 16
        let second = key & unitFlag != 0 ? 65536 : key & 0xFFFF
        return Int((first &* 65599 &+ second) & UInt64(buckets - 1))
    }

    /// One key's posting as it is written, and the last document it lists.
    struct Posting {
        /// Each document's id delta, doubled, plus one when the key is in its title.
        var bytes: [UInt8] = []
        /// A pair's places in the same documents: their count, then each place (`Places`) as a
        /// delta from the one before. Only terms of three units or more need them.
        var positions: [UInt8] = []
        var last = 0
    }

    /// The postings of the keys of one partition's buckets.
    private static func postings(partition: Int, buckets: Int, entries: [SearchIndex.Entry])
        -> [UInt64: Posting]
    {
        var result: [UInt64: Posting] = [:]
        func mine(_ key: UInt64) -> Bool {
            bucket(key, buckets: buckets) % partitions == partition
        }
        let places = Places(entries)
        var pairs: [(key: UInt64, value: Int)] = []
        for (id, entry) in entries.enumerated() {
            pairs.removeAll(keepingCapacity: true)
            let units = entry.units
            var place = 0
            for position in units.indices {
                // The place of a unit: its run of text without white space, and its offset
                // there. A term holds no white space, so its pairs follow each other in one
                // run; an edit moves the places of its own run only.
                if position == entry.titleUnits {
                    place = places.textStart
                    continue
                }
                if isWhitespace(units[position]) {
                    place = (place >> places.bits + 1) << places.bits
                    continue
                }
                defer { place += 1 }
                if isSeparator(units[position]) { continue }
                let inTitle = position < entry.titleUnits ? 1 : 0
                let unit = unitFlag | UInt64(units[position])
                if mine(unit) { pairs.append((unit, inTitle)) }
                let next = position + 1
                guard next < units.count, !isSeparator(units[next]) else { continue }
                let pair = UInt64(units[position]) << 16 | UInt64(units[next])
                if mine(pair) { pairs.append((pair, place)) }
            }
            pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.value < $1.value }
            var start = 0
            while start < pairs.count {
                let key = pairs[start].key
                var end = start + 1
                while end < pairs.count, pairs[end].key == key { end += 1 }
                add(
                    document: id, pairs[start..<end], isPair: key & unitFlag == 0,
                    textStart: places.textStart,
                    to: &result[key, default: Posting()])
                start = end
            }
        }
        return result
    }

    /// Adds a document's occurrences of one key to its posting, in place: a frequent key's
    /// posting is long, and a copy per document would make it quadratic.
    private static func add(
        document id: Int, _ occurrences: ArraySlice<(key: UInt64, value: Int)>, isPair: Bool,
        textStart: Int, to posting: inout Posting
    ) {
        // In the title if any occurrence is: a unit's value says so, a pair's place is before
        // the text's.
        let inTitle =
            occurrences.contains { isPair ? $0.value < textStart : $0.value == 1 } ? 1 : 0
        write(2 * (id - posting.last) + inTitle, to: &posting.bytes)
        if isPair {
            write(occurrences.count, to: &posting.positions)
            var previous = 0
            for occurrence in occurrences {
                write(occurrence.value - previous, to: &posting.positions)
                previous = occurrence.value
            }
        }
        posting.last = id
    }

    private static let alphabet = Array(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// Appends a number, five bits a letter, low bits first; letters from 32 up say that more
    /// follow.
    static func write(_ number: Int, to out: inout [UInt8]) {
        var rest = number
        while rest >= 32 {
            out.append(alphabet[32 + rest & 31])
            rest >>= 5
        }
        out.append(alphabet[rest])
    }

    /// Where a pair starts in a document: its run of text (between white space) shifted left
    /// by `bits`, plus its offset in the run. The title's runs come first, the text's from
    /// `textStart`, so that a place says whether it is in the title without a bit of its own.
    struct Places {
        /// Enough bits for the longest run of the site, so that places of runs never meet.
        let bits: Int
        /// The first place of every document's text: after the most runs a title has.
        let textStart: Int

        init(_ entries: [SearchIndex.Entry]) {
            var longest = 0
            var titleRuns = 0
            for entry in entries {
                var run = 0
                var runs = 0
                for (position, unit) in entry.units.enumerated() {
                    if position == entry.titleUnits { titleRuns = max(titleRuns, runs + 1) }
                    if isWhitespace(unit) {
                        run = 0
                        runs += 1
                    } else {
                        run += 1
                        longest = max(longest, run)
                    }
                }
            }
            bits = max(1, Int.bitWidth - longest.leadingZeroBitCount)
            textStart = titleRuns << bits
        }
    }

    /// Whether a unit is white space to JavaScript's `\s`: a run of text ends there.
    static func isWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000, 0xFEFF:
            true
        default: false
        }
    }

    /// Whether a unit splits a query into terms (JavaScript's `\s`, and `,，、;；`): no term
    /// holds one, so no key needs it.
    static func isSeparator(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2C, 0x3B, 0x3001, 0xFF0C, 0xFF1B: true
        default: isWhitespace(unit)
        }
    }

    /// The UTF-16 code units of `text` lower-cased one scalar at a time, as the script does:
    /// JavaScript's `toLowerCase` of a whole string treats a final sigma by its context, which
    /// a query typed on its own would not share.
    package static func lowered(_ text: String) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(text.utf16.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt16(value >= 0x41 && value <= 0x5A ? value + 32 : value))
            } else if (0x3000...0x9FFF).contains(value) {
                // CJK punctuation, kana and ideographs have no case.
                out.append(UInt16(value))
            } else {
                out += scalar.properties.lowercaseMapping.utf16
            }
        }
        return out
    }
}
