import ZhibuModel
import ZhibuTemplates
import ZhibuTemplating

/// The documents of client-side search: `search-index.json`, and `en/search-index.json`.
///
/// Chinese has no spaces between words, so the search page (`search.js`) builds its own bigram
/// index in the browser from these documents; the file holds only titles and plain text that are
/// already on public pages, never a roster field beyond the names pages show. Documents are sorted
/// by URL so that the file is byte-identical from build to build.
package enum SearchIndex {
    /// How much plain text of a page is searchable: enough for the gist, small enough to download.
    static let textLength = 400

    /// One searchable page.
    struct Document {
        var url: String
        var title: String
        var org: String
        var date: String
        /// The leading plain text, as UTF-8.
        var text: [UInt8]
    }

    /// Where the index of a language lives below `Site/`.
    package static func path(_ language: Language, urls: SiteURLs) -> String {
        urls.prefix(language) + "search-index.json"
    }

    /// The folder of the search page of a language; the page is its `index.html`.
    package static func folder(_ language: Language, urls: SiteURLs) -> String {
        urls.prefix(language) + "search/"
    }

    /// Where the script goes below `Site/`, beside zhibu's stylesheet.
    package static func scriptPath(urls: SiteURLs) -> String { urls.assetFolder + "search.js" }

    /// The built-in script; a site may override it with `Templates/search.js`.
    package static var defaultScript: [UInt8] { DefaultTemplates.files["search.js"] ?? [] }

    /// A slice of the site indexed by one rendering job: the free pages, or one organization
    /// with its records. The index of a large site is far more work than any page; in slices
    /// it spreads over the cores with them.
    package enum Part: Sendable {
        case pages
        case org(Int)
    }

    /// Every slice of the site, in the order the documents had before sorting.
    package static func parts(of site: Site) -> [Part] {
        [.pages] + site.organizations.indices.map { .org($0) }
    }

    /// One document, already written as a JSON object, with what it is sorted by and the text
    /// its fragments' postings are made of (`SearchFragments`).
    ///
    /// A class, immutable: the entries of a language are gathered, ordered and handed to the
    /// fragment jobs between the passes, on one core, where copying a value of seven fields
    /// for every document of the site is a visible pause; a reference is copied with one
    /// retain.
    package final class Entry: Sendable {
        let url: String
        let title: String
        /// `YYYY-MM-DD`, or empty for an undated page: results list the newest first.
        let date: String
        let json: [UInt8]
        /// The searched text as the script sees it: the title, a line feed and the leading
        /// text, lower-cased one scalar at a time, in UTF-16 code units (JavaScript's string
        /// positions).
        let units: [UInt16]
        /// How many of `units` are the title's: a match that starts before it is in the title.
        let titleUnits: Int
        /// The longest run of `units` between white space, and how many runs start before
        /// the text (the title's, plus one): what `SearchFragments.Places` is sized by, found
        /// here, on the thread that makes the entry, so that the layout of a language's
        /// fragments does not read every document's text again on one core between passes.
        let longestRun: Int
        let titleRuns: Int

        init(
            url: String, title: String, date: String, json: [UInt8], units: [UInt16],
            titleUnits: Int
        ) {
            self.url = url
            self.title = title
            self.date = date
            self.json = json
            self.units = units
            self.titleUnits = titleUnits
            (longestRun, titleRuns) = SearchIndex.runs(of: units, titleUnits: titleUnits)
        }
    }

    /// The documents of one slice.
    package static func entries(_ part: Part, site: Site, urls: SiteURLs, language: Language)
        -> [Entry]
    {
        collect(part, site: site, urls: urls, language: language).map {
            entry(url: $0.url, title: $0.title, org: $0.org, date: $0.date, text: $0.text)
        }
    }

    /// One document as the index and its fragments hold it; `text` is its leading plain text
    /// as UTF-8.
    package static func entry(
        url: String, title: String, org: String, date: String, text: [UInt8]
    ) -> Entry {
        var json: [UInt8] = []
        json.reserveCapacity(text.count + 200)
        json.append(contentsOf: Array("{\"u\":".utf8))
        JSON.append(url, to: &json)
        json.append(contentsOf: Array(",\"t\":".utf8))
        JSON.append(title, to: &json)
        json.append(contentsOf: Array(",\"o\":".utf8))
        JSON.append(org, to: &json)
        json.append(contentsOf: Array(",\"d\":".utf8))
        JSON.append(date, to: &json)
        json.append(contentsOf: Array(",\"x\":".utf8))
        text.withUnsafeBufferPointer { JSON.append(utf8: $0, to: &json) }
        json.append(UInt8(ascii: "}"))
        // A title's first thousand units are searched: enough for any title, and it keeps
        // every place of the fragments' postings below 2³¹.
        let lowered = Array(SearchFragments.lowered(title).prefix(1000))
        var units = lowered
        units.append(0x0A)
        units += SearchFragments.lowered(utf8: text)
        return Entry(
            url: url, title: title, date: date, json: json, units: units,
            titleUnits: lowered.count)
    }

    /// The longest run of `units` between white space, and the number of runs started before
    /// position `titleUnits`, plus one (0 when the units end before it).
    static func runs(of units: [UInt16], titleUnits: Int) -> (longest: Int, titleRuns: Int) {
        var longest = 0
        var titleRuns = 0
        var run = 0
        var runs = 0
        for (position, unit) in units.enumerated() {
            if position == titleUnits { titleRuns = runs + 1 }
            if SearchFragments.isWhitespace(unit) {
                run = 0
                runs += 1
            } else {
                run += 1
                longest = max(longest, run)
            }
        }
        return (longest, titleRuns)
    }

    /// The order of the fragments' document ids: oldest first (undated pages before all), and
    /// within a day by URL and title descending, so that the script lists the results of a
    /// query by descending id within title and text matches: newest first, then by URL. A new
    /// record, the newest as a rule, takes the next id and leaves every other id as it was.
    ///
    /// Between the passes, on one core: the ids are sorted and the entries moved once, rather
    /// than the entries (seven fields each) moved at every step of the sort.
    package static func ordered(_ entries: [Entry]) -> [Entry] {
        entries.indices.sorted { left, right in
            if entries[left].date != entries[right].date {
                return entries[left].date < entries[right].date
            }
            return (entries[left].url, entries[left].title)
                > (entries[right].url, entries[right].title)
        }.map { entries[$0] }
    }

    /// The file: every document sorted by URL (then title), one per line.
    package static func join(_ entries: [Entry]) -> [UInt8] {
        Array(pieces(entries).joined())
    }

    /// The file as `RenderedFile` pieces: each document's JSON is the entry's own bytes, not a
    /// copy, since the entries are held to the end of the build anyway.
    package static func pieces(_ entries: [Entry]) -> [[UInt8]] {
        let sorted = entries.sorted { ($0.url, $0.title) < ($1.url, $1.title) }
        // One array for every separator: the pieces share it.
        let separator = Array(",\n".utf8)
        var pieces: [[UInt8]] = [Array("[".utf8)]
        pieces.reserveCapacity(2 * sorted.count + 2)
        for (index, entry) in sorted.enumerated() {
            pieces.append(index > 0 ? separator : Array("\n".utf8))
            pieces.append(entry.json)
        }
        pieces.append(Array("\n]\n".utf8))
        return pieces
    }

    static func collect(_ part: Part, site: Site, urls: SiteURLs, language: Language)
        -> [Document]
    {
        var documents: [Document] = []
        func add(
            _ folder: String, _ title: String, _ org: String, _ date: LocalDate?,
            _ parts: [UTF8Text]
        ) {
            documents.append(
                Document(
                    url: urls.link(folder), title: title, org: org, date: date?.description ?? "",
                    text: PlainText.leadingUTF8(parts, characters: textLength)))
        }
        guard case .org(let orgIndex) = part else {
            for page in site.pages {
                add(
                    urls.page(page.slug, language), page.title.text(in: language), "", nil,
                    [.bytes(page.body.text)])
            }
            return documents
        }
        let org = site.organizations[orgIndex]
        let name = org.name.text(in: language)
        let units = org.units(in: language)
        add(
            urls.org(org.path, language), name, "", nil,
            [
                .text(org.kind.value.label.text(in: language)),
                .text(org.description?.text(in: language) ?? ""),
            ]
                + units.map(UTF8Text.text))
        for record in org.records {
            var parts: [UTF8Text] = [.text(record.type.value.label.text(in: language))]
            parts += record.topics.map { .text($0.value) }
            parts.append(.bytes(record.body.text))
            parts += record.decisions.map { .text($0.value) }
            add(
                urls.record(org.path, record, language), record.title.text(in: language), name,
                record.date.value, parts)
        }
        for system in org.systems {
            add(
                urls.system(org.path, system.slug, language), system.title.text(in: language),
                name,
                system.revised?.value ?? system.adopted?.value,
                [.text(system.category.value.label.text(in: language)), .bytes(system.body.text)])
        }
        if !org.posts.isEmpty {
            var parts: [UTF8Text] = []
            for post in org.posts.sorted(by: { $0.slug < $1.slug }) {
                parts.append(.text(post.title.text(in: language)))
                parts.append(.text(post.location?.text(in: language) ?? ""))
                parts.append(.text(post.commitment?.text(in: language) ?? ""))
                parts.append(.bytes(post.body.text))
            }
            add(urls.posts(org.path, language), UIStrings.text("posts", language), name, nil, parts)
        }
        for notice in org.notices {
            documents.append(
                Document(
                    url: urls.link(urls.notice(org.path, notice.slug, language)),
                    title: notice.title.text(in: language), org: name,
                    date: notice.date.value.description,
                    text: PlainText.leadingUTF8(
                        [.bytes(notice.body.text)], characters: textLength)))
        }
        return documents
    }
}
