import ZhibuModel

/// The search index in fragments that the search page loads on demand, below each language's
/// `search/fragments/`, so that the first query downloads a few buckets of postings and the
/// documents it shows, not the whole index (`search-index.json` stays for programs).
///
/// Every fragment is a script that calls `zhibuSearchFragment(name, data)`: a page opened from a
/// file may load scripts but not fetch files, so one format serves a server and `file://`.
///
/// - `meta.js`: the number of documents `n`, of buckets `b`, of partitions `p` and their
///   subfolders `s`, documents per chunk `c`, the first place of a text `t` (`Places`): a
///   place before it is in a title, `v` (`placesLimit`), past which the script reads a long
///   term's candidate documents instead of its pairs' places, `r` (`documentsRead`), the
///   most it reads for a query, `w` (`postingBudget`), the bytes of postings a query may load,
///   and `l` (`largePosting`), the length from which a posting is listed in the `k` fragments.
/// - `<partition>/0/k<partition>.js`: the length of every posting of the partition's keys that
///   has at least `l` bytes, which the script reads with `meta.js` so that it can plan a
///   query's downloads before making them: a key not listed costs at most `l`.
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
/// ids are deltas from the previous one, doubled, plus one when the key is in the title, or,
/// for a key in more than about a sixth of the documents, a bitmap (`bitmap`); places are
/// deltas from the previous one.
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
    /// How many documents' places a long term may download, summed over the pairs that decide
    /// it, before the script reads the candidate documents (those with all its pairs) instead
    /// and counts "at least": about 300 KB of places, at some fifteen letters a document. A
    /// site of ten thousand records stays below it for its common words, so its answers and
    /// counts are exact; on a province's site a frequent phrase would cost megabytes.
    package static let placesLimit = 20_000
    /// The most candidate documents the script reads for one query, when it reads them: four
    /// pages of results, some 260 KB.
    package static let documentsRead = 200
    /// How many bytes of postings one query may download before the script tests its other
    /// terms as text on the candidates instead (a listed posting counts its length, any other
    /// `largePosting`): on a site of 10⁶ records a word in most documents costs some 170–330
    /// KB, so a query of three such words would pass 1 MB. On a site of 10⁴ records it takes
    /// some ninety pairs to reach it, so their answers stay as they were.
    package static let postingBudget = 384 * 1024

    /// The size from which a key's posting is listed in its partition's `k` fragment, so that
    /// the script can plan a query's downloads before making them: a list of every key would
    /// cost more than it saves, and the postings left out are each smaller than a sixty-fourth
    /// of a letter a document, which a query of a few terms can afford.
    package static func largePosting(documents: Int) -> Int { max(4096, documents / 64) }

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

    /// What every fragment of a language's index is laid out by, made once from all its
    /// documents.
    package struct Layout: Sendable {
        let buckets: Int
        let places: Places
        /// The length from which a posting is listed in its partition's `k` fragment.
        let large: Int

        /// - Parameter large: `largePosting` of the documents unless given (tests list more).
        package init(_ entries: [SearchIndex.Entry], large: Int? = nil) {
            buckets = bucketCount(entries)
            places = Places(entries)
            self.large = large ?? largePosting(documents: entries.count)
        }
    }

    /// The meta fragment.
    package static func meta(_ entries: [SearchIndex.Entry], _ layout: Layout) -> [UInt8] {
        let numbers = [
            ("n", entries.count), ("b", layout.buckets), ("p", partitions), ("s", subfolders),
            ("c", documentsPerChunk), ("t", layout.places.textStart), ("v", placesLimit),
            ("r", documentsRead), ("w", postingBudget), ("l", layout.large),
        ]
        let object = numbers.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return fragment("meta", Array("{\(object)}".utf8))
    }

    /// The bucket and chunk fragments of one partition, with their paths below `folder`.
    package static func files(
        partition: Int, entries: [SearchIndex.Entry], layout: Layout, folder: String
    ) -> [RenderedFile] {
        let buckets = layout.buckets
        let partitionFolder = folder + String(partition, radix: 16) + "/"
        var files: [RenderedFile] = []
        let objects = self.objects(partition: partition, layout: layout, entries: entries)
        // The sizes of the partition's large postings, named like a bucket numbered as the
        // partition, so that the script finds it where it finds buckets.
        var sizes: [UInt8] = [UInt8(ascii: "{")]
        for (key, size) in objects.large {
            appendName(key, to: &sizes)
            sizes += Array(String(size).utf8)
        }
        sizes.append(UInt8(ascii: "}"))
        let sizesName = "k" + String(partition, radix: 16)
        files.append(
            RenderedFile(
                path: partitionFolder + subfolder(partition) + sizesName + ".js",
                bytes: fragment(sizesName, sizes)))
        let closing = Array("}".utf8)
        for (slot, bucket) in stride(from: partition, to: buckets, by: partitions).enumerated() {
            for (letter, object) in [("b", objects.documents[slot]), ("p", objects.places[slot])] {
                let name = letter + String(bucket, radix: 16)
                // In pieces: the object is not copied to close it or to wrap it.
                files.append(
                    RenderedFile(
                        path: partitionFolder + subfolder(bucket) + name + ".js",
                        pieces: fragment(name, [object, closing])))
            }
        }
        let chunks = (entries.count + documentsPerChunk - 1) / documentsPerChunk
        // A chunk's documents are the entries' own JSON, shared, not copied: the entries are
        // held to the end of the build anyway (`RenderedFile.pieces`).
        let separator = Array(",\n".utf8)
        for chunk in stride(from: partition, to: chunks, by: partitions) {
            let name = "d" + String(chunk)
            var array: [[UInt8]] = [Array("[\n".utf8)]
            let first = chunk * documentsPerChunk
            for id in first..<min(entries.count, first + documentsPerChunk) {
                if id > first { array.append(separator) }
                array.append(entries[id].json)
            }
            array.append(Array("]".utf8))
            files.append(
                RenderedFile(
                    path: partitionFolder + subfolder(chunk) + name + ".js",
                    pieces: fragment(name, array)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The search page's folder, for a fragment of documents (`…search/fragments/…/d<chunk>.js`),
    /// whose addresses `--relative-urls` makes relative to that page; nil for any other file.
    static func searchFolder(ofDocuments path: String) -> String? {
        guard path.hasSuffix(".js"), let range = path.range(of: "search/fragments/"),
            path.split(separator: "/").last?.first == "d"
        else { return nil }
        return String(path[..<range.lowerBound]) + "search/"
    }

    /// `zhibuSearchFragment("name", data);`
    private static func fragment(_ name: String, _ data: [UInt8]) -> [UInt8] {
        Array(fragment(name, [data]).joined())
    }

    /// `zhibuSearchFragment("name", data);` with its data in pieces, which it keeps.
    private static func fragment(_ name: String, _ data: [[UInt8]]) -> [[UInt8]] {
        [Array("zhibuSearchFragment(\"\(name)\",".utf8)] + data + [Array(");\n".utf8)]
    }

    /// A unit key is `1 << 32 | unit`, a pair key `first << 16 | second`.
    private static let unitFlag: UInt64 = 1 << 32

    /// The key of an `order`.
    static func key(order: UInt64) -> UInt64 {
        let first = order >> 17
        let second = order & 0xFFFF
        return order & 1 << 16 != 0 ? first << 16 | second : unitFlag | first
    }

    /// A number that sorts keys as their hex spellings do: a unit's four digits are a prefix
    /// of the pairs it starts, and come before them.
    static func order(_ key: UInt64) -> UInt64 {
        key & unitFlag != 0
            ? (key & 0xFFFF) << 17 : (key >> 16) << 17 | 1 << 16 | key & 0xFFFF
    }

    /// The key as the script spells it: 4 hex digits for a unit, 8 for a pair.
    static func hex(_ key: UInt64) -> String {
        var out: [UInt8] = []
        appendHex(key, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the key's spelling (`hex`) to `out` without making a string.
    static func appendHex(_ key: UInt64, to out: inout [UInt8]) {
        let digits = key & unitFlag != 0 ? 4 : 8
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: key >> UInt64(shift) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// The bucket of a key, as the script computes it in doubles: `(a × 65599 + b) mod
    /// buckets`, where b is the second unit of a pair or 65536 for a single unit.
    static func bucket(_ key: UInt64, buckets: Int) -> Int {
        let first = key & unitFlag != 0 ? key & 0xFFFF : key >> 16
        let second = key & unitFlag != 0 ? 65536 : key & 0xFFFF
        return Int((first &* 65599 &+ second) & UInt64(buckets - 1))
    }

    /// The two fragments of each bucket of a partition, by `bucket / partitions`, as JSON
    /// objects still open: `{` and each key's `"hex":"posting"`, keys in the order of their
    /// hex spelling.
    struct Objects {
        var documents: [[UInt8]]
        var places: [[UInt8]]
        /// The keys whose posting of documents has at least `largePosting` bytes, with that
        /// length, in the order of their hex spelling.
        var large: [(key: UInt64, bytes: Int)] = []
    }

    /// The fragments of one partition's buckets.
    ///
    /// Every occurrence of a pair of the partition, and the first of a unit in each document,
    /// becomes one number, `order(key) << 31 |
    /// value` (a value is a unit's title flag or a pair's place, below 2³¹ as `SearchIndex`
    /// caps a title's length), with its document. They are made in the order of the documents
    /// and of each document's text, in which places only grow, then sorted by key with a stable
    /// radix sort, which keeps that order: one sweep then writes every posting, without a
    /// table of keys.
    private static func objects(partition: Int, layout: Layout, entries: [SearchIndex.Entry])
        -> Objects
    {
        let buckets = layout.buckets
        func mine(_ key: UInt64) -> Bool {
            bucket(key, buckets: buckets) % partitions == partition
        }
        let places = layout.places
        // At most a unit and a pair for every unit of text, spread over the partitions: sized
        // once, as growing arrays of this size costs more than filling them.
        let estimate = entries.reduce(0) { $0 + $1.units.count } * 2 / partitions + 1024
        var tokens = uninitialized(UInt64.self, count: estimate)
        var documents = uninitialized(UInt32.self, count: estimate)
        var count = 0
        // A unit's posting needs each document once, with its first occurrence (in the title
        // if any is): the last document each unit was seen in, plus one. Only the partition's
        // units are read back, so every unit may be stamped.
        var seen = [UInt32](repeating: 0, count: 1 << 16)
        // What the scan asks of every unit, found once per unit value: bit 0 white space,
        // bit 1 a separator (white space is one too), bit 2 a unit key of this partition.
        var kinds = [UInt8](repeating: 0, count: 1 << 16)
        for value in 0..<(1 << 16) {
            let unit = UInt16(value)
            var kind: UInt8 = isWhitespace(unit) ? 3 : isSeparator(unit) ? 2 : 0
            if mine(unitFlag | UInt64(value)) { kind |= 4 }
            kinds[value] = kind
        }
        kinds.withUnsafeBufferPointer { kinds in
            seen.withUnsafeMutableBufferPointer { seen in
                for id in entries.indices {
                    // Room for a unit and a pair at every unit of the document, so that the
                    // scan writes each candidate where the next kept one goes and only counts
                    // the kept: which pairs a partition keeps is a hash's choice, a branch on
                    // it would be mispredicted at every other unit of text.
                    let room = count + 2 * entries[id].units.count
                    if room > tokens.count {
                        tokens = grown(tokens, keeping: count, to: max(room, 2 * tokens.count))
                        documents = grown(
                            documents, keeping: count, to: max(room, 2 * documents.count))
                    }
                    let stamp = UInt32(id + 1)
                    let document = UInt32(id)
                    let titleUnits = entries[id].titleUnits
                    tokens.withUnsafeMutableBufferPointer { tokens in
                        documents.withUnsafeMutableBufferPointer { documents in
                            entries[id].units.withUnsafeBufferPointer { units in
                                var place = 0
                                for position in units.indices {
                                    // The place of a unit: its run of text without white
                                    // space, and its offset there. A term holds no white
                                    // space, so its pairs follow each other in one run; an
                                    // edit moves the places of its own run only.
                                    if position == titleUnits {
                                        place = places.textStart
                                        continue
                                    }
                                    let unit = units[position]
                                    let kind = kinds[Int(unit)]
                                    if kind & 1 != 0 {
                                        place = (place >> places.bits + 1) << places.bits
                                        continue
                                    }
                                    defer { place += 1 }
                                    if kind & 2 != 0 { continue }
                                    let fresh = seen[Int(unit)] != stamp
                                    seen[Int(unit)] = stamp
                                    let inTitle: UInt64 = position < titleUnits ? 1 : 0
                                    tokens[count] = order(unitFlag | UInt64(unit)) << 31 | inTitle
                                    documents[count] = document
                                    count &+= Int(kind >> 2 & 1) & (fresh ? 1 : 0)
                                    let next = position + 1
                                    guard next < units.count else { continue }
                                    let following = units[next]
                                    let pair = UInt64(unit) << 16 | UInt64(following)
                                    tokens[count] = order(pair) << 31 | UInt64(place)
                                    documents[count] = document
                                    let kept = mine(pair) ? 1 : 0
                                    count &+= kept & Int(~kinds[Int(following)] >> 1 & 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        tokens.removeLast(tokens.count - count)
        documents.removeLast(documents.count - count)
        sortByKey(&tokens, &documents)
        let slots = (buckets - partition + partitions - 1) / partitions
        var objects = Objects(
            documents: Array(repeating: [UInt8(ascii: "{")], count: slots),
            places: Array(repeating: [UInt8(ascii: "{")], count: slots))
        let valueMask: UInt64 = 1 << 31 - 1
        let large = layout.large
        var bytes: [UInt8] = []
        var positions: [UInt8] = []
        // A posting's documents and those with the key in their title, for `bitmap`.
        var ids: [Int] = []
        var titled: [Int] = []
        // Read through buffers: the sweep visits every occurrence once more.
        tokens.withUnsafeBufferPointer { tokens in
            documents.withUnsafeBufferPointer { documents in
                var start = 0
                while start < tokens.count {
                    let order = tokens[start] >> 31
                    let key = self.key(order: order)
                    let isPair = key & unitFlag == 0
                    bytes.removeAll(keepingCapacity: true)
                    positions.removeAll(keepingCapacity: true)
                    ids.removeAll(keepingCapacity: true)
                    titled.removeAll(keepingCapacity: true)
                    var last = 0
                    var index = start
                    while index < tokens.count, tokens[index] >> 31 == order {
                        let id = Int(documents[index])
                        var end = index + 1
                        while end < tokens.count, tokens[end] >> 31 == order,
                            documents[end] == documents[index]
                        {
                            end += 1
                        }
                        // In the title if any occurrence is: the first one is then, since a document's
                        // occurrences keep the order of its text, whose title comes first.
                        let first = Int(tokens[index] & valueMask)
                        let inTitle = isPair ? (first < places.textStart ? 1 : 0) : first
                        write(2 * (id - last) + inTitle, to: &bytes)
                        ids.append(id)
                        if inTitle == 1 { titled.append(id) }
                        if isPair {
                            write(end - index, to: &positions)
                            var previous = 0
                            for occurrence in tokens[index..<end] {
                                let value = Int(occurrence & valueMask)
                                write(value - previous, to: &positions)
                                previous = value
                            }
                        }
                        last = id
                        index = end
                    }
                    let slot = bucket(key, buckets: buckets) / partitions
                    if let bitmap = bitmap(ids: ids, titled: titled, list: bytes.count) {
                        bytes = bitmap
                    }
                    if bytes.count >= large { objects.large.append((key, bytes.count)) }
                    append(key, bytes, to: &objects.documents[slot])
                    if isPair { append(key, positions, to: &objects.places[slot]) }
                    start = index
                }
            }
        }
        return objects
    }

    /// An array of `count` elements not yet written: the scan writes each before it reads it.
    private static func uninitialized<Element: BitwiseCopyable>(
        _ type: Element.Type, count: Int
    ) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// `array` at a new size, its first `keeping` elements kept and the rest not yet written.
    private static func grown<Element: BitwiseCopyable>(
        _ array: [Element], keeping: Int, to size: Int
    ) -> [Element] {
        [Element](unsafeUninitializedCapacity: size) { buffer, initialized in
            array.withUnsafeBufferPointer { old in
                guard let from = old.baseAddress, let to = buffer.baseAddress else { return }
                to.initialize(from: from, count: keeping)
            }
            initialized = size
        }
    }

    /// A posting's documents as a bitmap, when that is shorter than their list of deltas
    /// (`list` bytes): `~`, the first id, one letter for every six ids from it (bit k of the
    /// letter's value is the id six times the letter's index plus k after the first), `.`,
    /// and the ids that have the key in their title: as deltas from the one before (from 0),
    /// or, when shorter, `~` and a bitmap like the first.
    ///
    /// A list costs at least a letter a document, a bitmap a letter for six ids, so a word in
    /// most documents (党员, 支部) costs at most a sixth of a letter a document, and as much
    /// again for titles: what keeps a query for a frequent word small on a province's site.
    /// - Parameters:
    ///   - ids: the posting's documents, ascending.
    ///   - titled: those of them with the key in their title, ascending.
    static func bitmap(ids: [Int], titled: [Int], list: Int) -> [UInt8]? {
        guard let first = ids.first, let last = ids.last else { return nil }
        let letters = (last - first) / 6 + 1
        // Two marks and the first id: a bitmap cannot win unless the list is longer.
        guard letters + 3 < list else { return nil }
        var out: [UInt8] = [UInt8(ascii: "~")]
        write(first, to: &out)
        appendBits(ids, from: first, letters: letters, to: &out)
        out.append(UInt8(ascii: "."))
        var deltas: [UInt8] = []
        var previous = 0
        for id in titled {
            write(id - previous, to: &deltas)
            previous = id
            if deltas.count > letters { break }
        }
        if deltas.count > letters {
            out.append(UInt8(ascii: "~"))
            appendBits(titled, from: first, letters: letters, to: &out)
        } else {
            out += deltas
        }
        return out.count < list ? out : nil
    }

    /// Appends `letters` letters whose bits say which ids from `first` on are in `ids`.
    private static func appendBits(
        _ ids: [Int], from first: Int, letters: Int, to out: inout [UInt8]
    ) {
        let start = out.count
        out += [UInt8](repeating: 0, count: letters)
        for id in ids {
            let offset = id - first
            out[start + offset / 6] |= 1 << UInt8(offset % 6)
        }
        for index in start..<out.count { out[index] = letter(Int(out[index])) }
    }

    /// Appends `"key":"posting"` to an open JSON object.
    private static func append(_ key: UInt64, _ posting: [UInt8], to object: inout [UInt8]) {
        appendName(key, to: &object)
        object.append(UInt8(ascii: "\""))
        object += posting
        object.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":`, after a comma unless it is the first of an open JSON object, on a
    /// line of its own.
    private static func appendName(_ key: UInt64, to object: inout [UInt8]) {
        if object.count > 1 { object.append(UInt8(ascii: ",")) }
        object.append(UInt8(ascii: "\n"))
        object.append(UInt8(ascii: "\""))
        appendHex(key, to: &object)
        object.append(UInt8(ascii: "\""))
        object.append(UInt8(ascii: ":"))
    }

    /// Sorts occurrences by their key (the top 33 bits), stably, with their documents: three
    /// passes of a radix sort, 11 bits each.
    static func sortByKey(_ tokens: inout [UInt64], _ documents: inout [UInt32]) {
        // Every element is written before it is read: no need to fill them first.
        var tokenSpare = [UInt64](unsafeUninitializedCapacity: tokens.count) {
            _, count in count = tokens.count
        }
        var documentSpare = [UInt32](unsafeUninitializedCapacity: documents.count) {
            _, count in count = documents.count
        }
        // The three digits' counts in one read of the tokens.
        var counts = [Int](repeating: 0, count: 3 * 2048)
        for token in tokens {
            counts[Int(token >> 31 & 2047)] += 1
            counts[2048 + Int(token >> 42 & 2047)] += 1
            counts[4096 + Int(token >> 53 & 2047)] += 1
        }
        for (pass, shift) in [31, 42, 53].enumerated() {
            let base = pass * 2048
            var total = 0
            for digit in base..<base + 2048 {
                let count = counts[digit]
                counts[digit] = total
                total += count
            }
            tokens.withUnsafeBufferPointer { tokens in
                documents.withUnsafeBufferPointer { documents in
                    tokenSpare.withUnsafeMutableBufferPointer { tokenSpare in
                        documentSpare.withUnsafeMutableBufferPointer { documentSpare in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for index in tokens.indices {
                                    let token = tokens[index]
                                    let digit = base + Int(token >> UInt64(shift) & 2047)
                                    let place = counts[digit]
                                    tokenSpare[place] = token
                                    documentSpare[place] = documents[index]
                                    counts[digit] = place + 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&tokens, &tokenSpare)
            swap(&documents, &documentSpare)
        }
    }

    /// The letter of a value below 64 in the alphabet `0-9`, `A-Z`, `a-z`, `-`, `_`, worked
    /// out rather than looked up, as `write` runs for every document of every posting.
    @inline(__always)
    static func letter(_ value: Int) -> UInt8 {
        if value < 10 { return UInt8(truncatingIfNeeded: 48 + value) }  // 0-9
        if value < 36 { return UInt8(truncatingIfNeeded: 55 + value) }  // A-Z
        if value < 62 { return UInt8(truncatingIfNeeded: 61 + value) }  // a-z
        return value == 62 ? UInt8(ascii: "-") : UInt8(ascii: "_")
    }

    /// Appends a number, five bits a letter, low bits first; letters from 32 up say that more
    /// follow.
    static func write(_ number: Int, to out: inout [UInt8]) {
        var rest = number
        while rest >= 32 {
            out.append(letter(32 + rest & 31))
            rest >>= 5
        }
        out.append(letter(rest))
    }

    /// Where a pair starts in a document: its run of text (between white space) shifted left
    /// by `bits`, plus its offset in the run. The title's runs come first, the text's from
    /// `textStart`, so that a place says whether it is in the title without a bit of its own.
    struct Places: Sendable {
        /// Enough bits for the longest run of the site, so that places of runs never meet.
        let bits: Int
        /// The first place of every document's text: after the most runs a title has.
        let textStart: Int

        init(_ entries: [SearchIndex.Entry]) {
            // Each entry has its own runs counted (`SearchIndex.runs`): this reads no text.
            let longest = entries.reduce(0) { max($0, $1.longestRun) }
            let titleRuns = entries.reduce(0) { max($0, $1.titleRuns) }
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

    /// `lowered(String(decoding: bytes, as: UTF8.self))`, read from the bytes: every search
    /// document's text goes through it, and most of it is ASCII or CJK, which need no string.
    ///
    /// A well-formed sequence is one scalar, lowered as `lowered` lowers it, whatever its
    /// length. Only an ill-formed one, up to the next ASCII byte, goes through the standard
    /// decoder, which repairs it: an ASCII byte is never inside a sequence, and decoding
    /// starts afresh after a whole scalar, so those bytes decode alone as they do in the whole.
    /// A scalar outside the table must not send more than itself down the long way: in Chinese
    /// text the next ASCII byte is often the end of the paragraph.
    package static func lowered(utf8 bytes: [UInt8]) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                if let (value, length) = UTF8Scan.scalar(at: index, in: bytes) {
                    appendLowered(value, to: &out)
                    index += length
                    continue
                }
                var end = index + 1
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                let run = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                out += lowered(run)
                index = end
            }
        }
        return out
    }

    /// The UTF-16 code units of `text` lower-cased one scalar at a time, as the script does:
    /// JavaScript's `toLowerCase` of a whole string treats a final sigma by its context, which
    /// a query typed on its own would not share. The final sigma `ς` is folded into `σ`, as
    /// the script folds it: a reader types `ς` at the end of a Greek word, and a capital `Σ`
    /// lowers to `σ` wherever it stands.
    package static func lowered(_ text: String) -> [UInt16] {
        var out: [UInt16] = []
        // The UTF-8 length bounds the UTF-16 one, and unlike it needs no index of the text.
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { appendLowered(scalar.value, to: &out) }
        return out
    }

    /// Appends the units scalar `value` lowers to, for both `lowered`s: the one of
    /// `loweredWithoutTable` when it has one, `σ` for a final sigma, else Unicode's lowercase
    /// mapping.
    @inline(__always)
    private static func appendLowered(_ value: UInt32, to out: inout [UInt16]) {
        if let unit = loweredWithoutTable(value) {
            out.append(unit)
        } else if value == 0x3C2 {
            out.append(0x3C3)
        } else if let scalar = Unicode.Scalar(value) {
            out += scalar.properties.lowercaseMapping.utf16
        }
    }

    /// The one unit a scalar lowers to when that needs no Unicode table, for both `lowered`s:
    /// ASCII (`A`–`Z` become `a`–`z`); CJK punctuation, kana and ideographs, Latin-1's signs
    /// (`·`), general punctuation (`—`, `“”`, `…`), which have no case; the full-width forms
    /// (`，`, `：`, `（）`), of which only `Ａ`–`Ｚ` have a lower case, `ａ`–`ｚ`. Nil for any
    /// other scalar. A test holds every scalar it answers for to the Unicode table.
    @inline(__always)
    package static func loweredWithoutTable(_ value: UInt32) -> UInt16? {
        if value < 0x80 { return UInt16(value >= 0x41 && value <= 0x5A ? value + 32 : value) }
        if (0x3000...0x9FFF).contains(value) || (0x80...0xBF).contains(value)
            || (0x2000...0x206F).contains(value)
        {
            return UInt16(value)
        }
        if (0xFF00...0xFFEF).contains(value) {
            return UInt16(value >= 0xFF21 && value <= 0xFF3A ? value + 0x20 : value)
        }
        return nil
    }
}
