import Foundation
import ZhibuModel
import ZhibuTemplating

/// The site's Atom 1.0 feed of held records and notices: `feed.xml`, and `en/feed.xml` (RFC 4287).
///
/// Feed readers poll it, so every value comes from the content and the as-of date, never the
/// clock: a rebuild with nothing new gives the same bytes and readers see no phantom updates.
/// Entry IDs are the pages' absolute URLs, which stay put as long as the files do.
package enum AtomFeed {
    /// More would make every poll download the whole history; 50 covers months of activity.
    static let limit = 50
    /// How much of the plain text goes into an entry's summary.
    static let summaryLength = 120

    /// One entry before it is written, so records and notices sort together.
    struct Entry {
        var date: LocalDate
        var key: String
        var id: String
        var title: String
        var link: String
        var summary: String
        var term: String
        var label: String
    }

    /// Where the feed of a language lives below `Site/`.
    package static func path(_ language: Language, urls: SiteURLs) -> String {
        urls.prefix(language) + "feed.xml"
    }

    package static func render(site: Site, urls: SiteURLs, language: Language, asOf: LocalDate)
        -> String
    {
        let entries = collect(site: site, urls: urls, language: language, asOf: asOf)
        let zone = site.config.timezone.value
        let home = urls.home(language)
        let feedID = SiteLinks.absolute(home, site: site) ?? "urn:zhibu:feed:" + language.rawValue
        let updated = timestamp(entries.first?.date ?? asOf, zone: zone)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\""
        xml += language.htmlTag + "\">\n"
        xml += "  <title>\(XML.escape(site.config.title.text(in: language)))</title>\n"
        xml += "  <subtitle>" + XML.escape(subtitle(language)) + "</subtitle>\n"
        xml += "  <id>\(XML.escape(feedID))</id>\n"
        xml += "  <updated>\(updated)</updated>\n"
        let selfLink =
            SiteLinks.absolute(path(language, urls: urls), site: site)
            ?? urls.link(path(language, urls: urls))
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\""
        xml += XML.escape(selfLink) + "\"/>\n"
        let homeLink = SiteLinks.absolute(home, site: site) ?? urls.link(home)
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(homeLink))\"/>\n"
        xml +=
            "  <author><name>\(XML.escape(site.config.title.text(in: language)))</name></author>\n"
        xml += "  <generator>zhibu</generator>\n"
        for entry in entries {
            xml += "  <entry>\n"
            xml += "    <id>\(XML.escape(entry.id))</id>\n"
            xml += "    <title type=\"text\">\(XML.escape(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\""
            xml += XML.escape(entry.link) + "\"/>\n"
            xml += "    <updated>\(timestamp(entry.date, zone: zone))</updated>\n"
            xml += "    <published>\(timestamp(entry.date, zone: zone))</published>\n"
            xml += "    <category term=\"\(XML.escape(entry.term))\" label=\""
            xml += XML.escape(entry.label) + "\"/>\n"
            if !entry.summary.isEmpty {
                xml += "    <summary type=\"text\">\(XML.escape(entry.summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func subtitle(_ language: Language) -> String {
        UIStrings.text("feed.subtitle", language)
    }

    /// Held records up to the as-of date and notices published by then, newest first.
    static func collect(site: Site, urls: SiteURLs, language: Language, asOf: LocalDate) -> [Entry]
    {
        // Only the newest `limit` entries are shown, ranked by date and then link: the dates
        // alone decide which records and notices can be among them (those from the `limit`-th
        // newest date on), so links are made, and titles and summaries built, for those alone
        // rather than for every record of the site.
        struct Candidate {
            var date: LocalDate
            var key = ""
            var org: Int
            var index: Int
            var isNotice: Bool
        }
        var candidates: [Candidate] = []
        for orgIndex in site.organizations.indices {
            let records = site.organizations[orgIndex].records
            for index in records.indices
            where records[index].status.value == .held && records[index].date.value <= asOf {
                candidates.append(
                    Candidate(
                        date: records[index].date.value, org: orgIndex, index: index,
                        isNotice: false))
            }
            let notices = site.organizations[orgIndex].notices
            for index in notices.indices where notices[index].date.value <= asOf {
                candidates.append(
                    Candidate(
                        date: notices[index].date.value, org: orgIndex, index: index,
                        isNotice: true))
            }
        }
        if candidates.count > limit {
            let cutoff = candidates.map(\.date).sorted(by: >)[limit - 1]
            candidates.removeAll { $0.date < cutoff }
        }
        for position in candidates.indices {
            let candidate = candidates[position]
            let org = site.organizations[candidate.org]
            candidates[position].key =
                candidate.isNotice
                ? urls.notice(org.path, org.notices[candidate.index].slug, language)
                : urls.record(org.path, org.records[candidate.index], language)
        }
        candidates.sort { ($0.date, $0.key) > ($1.date, $1.key) }
        return candidates.prefix(limit).map { candidate in
            let org = site.organizations[candidate.org]
            if candidate.isNotice {
                let notice = org.notices[candidate.index]
                let folder = candidate.key
                return Entry(
                    date: candidate.date, key: folder,
                    id: SiteLinks.absolute(folder, site: site) ?? "urn:zhibu:" + folder,
                    title: notice.title.text(in: language),
                    link: SiteLinks.absolute(folder, site: site) ?? urls.link(folder),
                    summary: PlainText.prefix(
                        PlainText.collapse(notice.body.text, limit: 2 * summaryLength + 2),
                        summaryLength),
                    term: "notice",
                    label: UIStrings.text("feed.notice", language))
            }
            let record = org.records[candidate.index]
            let folder = candidate.key
            var text = PlainText.collapse(record.body.text, limit: 2 * summaryLength + 2)
            if text.isEmpty { text = record.topics.map(\.value).joined(separator: "；") }
            return Entry(
                date: candidate.date, key: folder,
                id: SiteLinks.absolute(folder, site: site) ?? "urn:zhibu:" + folder,
                title: record.title.text(in: language),
                link: SiteLinks.absolute(folder, site: site) ?? urls.link(folder),
                summary: PlainText.prefix(text, summaryLength),
                term: record.type.value.rawValue,
                label: record.type.value.label.text(in: language))
        }
    }

    static func timestamp(_ date: LocalDate, zone: String) -> String {
        var seconds = 8 * 3600
        if !CalendarFile.chinaZones.contains(zone) {
            let instant = Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + 43_200)
            seconds = TimeZone(identifier: zone)?.secondsFromGMT(for: instant) ?? 0
        }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        func two(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
        return date.description + "T00:00:00" + sign + two(minutes / 60) + ":" + two(minutes % 60)
    }
}

/// Absolute links for feeds and calendars, which are read outside the site and need `base_url`.
enum SiteLinks {
    /// `base_url` joined with a path below `Site/`, or nil when the site has no `base_url`.
    static func absolute(_ folder: String, site: Site) -> String? {
        // `://` looked for in the bytes: Foundation's `contains` is far heavier per call, and
        // this runs for every record of a calendar.
        guard let base = site.config.baseURL?.value, base.utf8.firstRange(of: "://".utf8) != nil
        else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + folder
    }

    /// The host of `base_url` (`dangjian.example.org`), the stable domain part of calendar UIDs.
    static func host(of url: String?) -> String? {
        guard let url, let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? ""
        return host.isEmpty ? nil : host.lowercased()
    }
}
