import Foundation
import ZhibuModel

/// An organization's activities as an iCalendar file, `<org>/calendar.ics` (RFC 5545).
///
/// Members subscribe to it in their phone's calendar, so it lists what is planned as well as what
/// was held, never what was cancelled. Every value is derived from the content and the as-of date
/// (never the clock), so a rebuild with nothing changed gives the same bytes and the publisher
/// leaves the file alone; UIDs are stable so calendar apps update an event instead of doubling it.
package enum CalendarFile {
    /// Zone names that mean China Standard Time: a fixed +08:00 with no daylight saving since 1991.
    static let chinaZones: Set<String> = ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"]

    /// Where the file lives below `Site/`: one per organization, in the default language only.
    package static func path(org: Organization) -> String { org.path + "/calendar.ics" }

    /// The file's bytes: UTF-8 by construction, never decoded into a `String`.
    package static func bytes(org: Organization, site: Site, urls: SiteURLs, asOf: LocalDate)
        -> [UInt8]
    {
        let zone = site.config.timezone.value
        let china = chinaZones.contains(zone)
        let host = SiteLinks.host(of: site.config.baseURL?.value) ?? "zhibu"
        var out = ContentLines()
        out.add("BEGIN:VCALENDAR")
        out.add("VERSION:2.0")
        out.add("PRODID:-//zhibu//zhibu portal//ZH")
        out.add("CALSCALE:GREGORIAN")
        out.add("METHOD:PUBLISH")
        out.add("X-WR-CALNAME:", escaping: org.name.zh.value)
        if china {
            for line in [
                "X-WR-TIMEZONE:Asia/Shanghai", "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai",
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0800",
                "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
            ] {
                out.add(line)
            }
        }
        let stamp = "DTSTAMP:" + compact(asOf) + "T000000Z"
        // The site's address, looked up once: with it, a record's link is one concatenation.
        let linkBase = SiteLinks.absolute("", site: site)
        // Sorted as indices: moving whole records around would be more work than comparing them.
        let all = org.records
        let order = all.indices.filter { all[$0].status.value != .cancelled }
            .sorted {
                (all[$0].date.value, all[$0].slug, all[$0].year)
                    < (all[$1].date.value, all[$1].slug, all[$1].year)
            }
        for index in order {
            let record = all[index]
            out.add("BEGIN:VEVENT")
            out.add("UID:\(org.path)/\(record.year)/\(record.slug)@\(host)")
            out.add(stamp)
            for line in times(of: record, china: china) { out.add(line) }
            out.add("SUMMARY:", escaping: record.title.zh.value)
            if let location = record.location?.zh.value, !location.isEmpty {
                out.add("LOCATION:", escaping: location)
            }
            out.add("DESCRIPTION:", escaping: description(of: record))
            out.add("CATEGORIES:", escaping: record.type.value.label.zh)
            if let linkBase {
                out.add("URL:" + linkBase + urls.record(org.path, record, urls.defaultLanguage))
            }
            out.add("STATUS:" + (record.status.value == .held ? "CONFIRMED" : "TENTATIVE"))
            out.add("TRANSP:OPAQUE")
            out.add("END:VEVENT")
        }
        out.add("END:VCALENDAR")
        return out.bytes
    }

    /// The type of the activity and its topics, what a member wants to see in the event.
    static func description(of record: ActivityRecord) -> String {
        var text = record.type.value.label.zh
        if record.status.value == .planned { text += "（计划）" }
        let topics = record.topics.map(\.value).filter { !$0.isEmpty }
        if !topics.isEmpty { text += "\n议题：" + topics.joined(separator: "；") }
        return text
    }

    /// DTSTART and DTEND: timed in the site's zone when `time` reads `HH:MM[-HH:MM]`, else all day.
    static func times(of record: ActivityRecord, china: Bool) -> [String] {
        let date = record.date.value
        guard let text = record.time?.value, let span = TimeSpan(parsing: text) else {
            return [
                "DTSTART;VALUE=DATE:" + compact(date),
                "DTEND;VALUE=DATE:" + compact(date.addingDays(1)),
            ]
        }
        let parameter = china ? ";TZID=Asia/Shanghai" : ""
        var lines = ["DTSTART\(parameter):\(compact(date))T\(span.start.compact)"]
        if var end = span.end {
            var endDate = end.minutes <= span.start.minutes ? date.addingDays(1) : date
            // 24:00 is written as midnight of the next day: RFC 5545 hours stop at 23.
            if end.hour == 24 {
                endDate = date.addingDays(1)
                end.hour = 0
            }
            lines.append("DTEND\(parameter):\(compact(endDate))T\(end.compact)")
        }
        return lines
    }

    /// `20261105`: the basic format of RFC 5545 dates.
    static func compact(_ date: LocalDate) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(8)
        for (value, width) in [(date.year, 4), (date.month, 2), (date.day, 2)] {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                digits.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

/// The content lines of a calendar, written as bytes: every line of every event is escaped and
/// folded, and through `String`s that would outweigh the rest of a branch's calendar.
private struct ContentLines {
    private(set) var bytes: [UInt8] = []
    /// The line being written, reused from line to line.
    private var line: [UInt8] = []

    mutating func add(_ text: String) {
        line.append(contentsOf: text.utf8)
        finish()
    }

    /// A property whose TEXT value needs escaping (RFC 5545 §3.3.11).
    mutating func add(_ name: StaticString, escaping value: String) {
        name.withUTF8Buffer { line.append(contentsOf: $0) }
        var value = value
        value.withUTF8 { input in
            var runStart = 0
            for index in input.indices {
                let byte = input[index]
                // Everything above the controls but the backslash, the semicolon, the comma and
                // DEL is copied as it is.
                if byte >= 0x20 && byte != 0x5C && byte != 0x3B && byte != 0x2C && byte != 0x7F {
                    continue
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x5C, 0x3B, 0x2C: line.append(contentsOf: [0x5C, byte])
                case UInt8(ascii: "\n"): line.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): break
                // Other control characters are not allowed in TEXT values at all.
                default: line.append(UInt8(ascii: " "))
                }
            }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<input.count]))
        }
        finish()
    }

    /// Ends the line with CRLF, folded so that no line exceeds 75 octets (RFC 5545 §3.1).
    ///
    /// Folding happens between characters, never inside a UTF-8 sequence, so every physical
    /// line is valid UTF-8 on its own; a continuation line starts with one space, which counts.
    private mutating func finish() {
        // Most lines fit: no UTF-8 sequence to keep whole, nothing to fold.
        if line.count <= 75 {
            bytes.append(contentsOf: line)
            bytes.append(contentsOf: [0x0D, 0x0A])
            line.removeAll(keepingCapacity: true)
            return
        }
        var width = 0
        var index = 0
        var spanStart = 0
        while index < line.count {
            let size = min(UTF8Scan.sequenceLength(line[index]), line.count - index)
            if width + size > 75 {
                bytes.append(contentsOf: line[spanStart..<index])
                bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
                spanStart = index
                width = 1
            }
            width += size
            index += size
        }
        bytes.append(contentsOf: line[spanStart..<line.count])
        bytes.append(contentsOf: [0x0D, 0x0A])
        line.removeAll(keepingCapacity: true)
    }
}
