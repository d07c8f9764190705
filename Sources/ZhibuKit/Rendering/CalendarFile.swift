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

    package static func render(org: Organization, site: Site, urls: SiteURLs, asOf: LocalDate)
        -> String
    {
        let zone = site.config.timezone.value
        let china = chinaZones.contains(zone)
        let host = SiteLinks.host(of: site.config.baseURL?.value) ?? "zhibu"
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//zhibu//zhibu portal//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(org.name.zh.value),
        ]
        if china {
            lines += [
                "X-WR-TIMEZONE:Asia/Shanghai",
                "BEGIN:VTIMEZONE",
                "TZID:Asia/Shanghai",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0800",
                "TZOFFSETTO:+0800",
                "TZNAME:CST",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
        }
        let stamp = compact(asOf) + "T000000Z"
        let records = org.records.filter { $0.status.value != .cancelled }
            .sorted { ($0.date.value, $0.slug, $0.year) < ($1.date.value, $1.slug, $1.year) }
        for record in records {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(org.path)/\(record.year)/\(record.slug)@\(host)")
            lines.append("DTSTAMP:" + stamp)
            lines += times(of: record, china: china)
            lines.append("SUMMARY:" + escape(record.title.zh.value))
            if let location = record.location?.zh.value, !location.isEmpty {
                lines.append("LOCATION:" + escape(location))
            }
            lines.append("DESCRIPTION:" + escape(description(of: record)))
            lines.append("CATEGORIES:" + escape(record.type.value.label.zh))
            if let link = SiteLinks.absolute(
                urls.record(org.path, record, urls.defaultLanguage), site: site)
            {
                lines.append("URL:" + link)
            }
            lines.append("STATUS:" + (record.status.value == .held ? "CONFIRMED" : "TENTATIVE"))
            lines.append("TRANSP:OPAQUE")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        var out = ""
        for line in lines { out += fold(line) }
        return out
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
        if let end = span.end {
            let endDate = end.minutes <= span.start.minutes ? date.addingDays(1) : date
            lines.append("DTEND\(parameter):\(compact(endDate))T\(end.compact)")
        }
        return lines
    }

    /// `20261105`: the basic format of RFC 5545 dates.
    static func compact(_ date: LocalDate) -> String {
        String(decoding: date.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    /// TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        UTF8Rewriter.rewrite(text) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "\\"): .replace("\\\\", consumed: 1)
            case UInt8(ascii: ";"): .replace("\\;", consumed: 1)
            case UInt8(ascii: ","): .replace("\\,", consumed: 1)
            case UInt8(ascii: "\n"): .replace("\\n", consumed: 1)
            case UInt8(ascii: "\r"): .drop(consumed: 1)
            // Other control characters are not allowed in TEXT values at all.
            case 0x00..<0x20, 0x7F: .replace(" ", consumed: 1)
            default: .keep
            }
        }
    }

    /// One content line with CRLF, folded so that no line exceeds 75 octets (RFC 5545 §3.1).
    ///
    /// Folding happens between characters, never inside a UTF-8 sequence, so every physical line
    /// is valid UTF-8 on its own; a continuation line starts with one space, which counts.
    static func fold(_ line: String) -> String {
        var line = line
        return line.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 36 + 2)
            var width = 0
            var index = 0
            var spanStart = 0
            while index < bytes.count {
                let size = min(UTF8Rewriter.sequenceLength(bytes[index]), bytes.count - index)
                if width + size > 75 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spanStart..<index]))
                    out.append(contentsOf: [0x0D, 0x0A, 0x20])
                    spanStart = index
                    width = 1
                }
                width += size
                index += size
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spanStart..<bytes.count]))
            out.append(contentsOf: [0x0D, 0x0A])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// A meeting's `time` field: `14:30-16:00` or just `14:30`.
struct TimeSpan: Equatable {
    struct Clock: Equatable {
        var hour: Int
        var minute: Int

        var minutes: Int { hour * 60 + minute }
        /// `143000`: the time part of an RFC 5545 local date-time.
        var compact: String {
            (hour < 10 ? "0" : "") + "\(hour)" + (minute < 10 ? "0" : "") + "\(minute)" + "00"
        }

        init?(_ text: Substring) {
            // `H:MM` or `HH:MM` with spaces around, read on bytes.
            let trimmed = String(text).trimmingWhitespace()
            let parts = trimmed.utf8.split(
                separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            func number(_ digits: String.UTF8View.SubSequence) -> Int? {
                guard !digits.isEmpty, digits.count <= 2 else { return nil }
                var value = 0
                for digit in digits {
                    guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(digit - UInt8(ascii: "0"))
                }
                return value
            }
            guard parts.count == 2, let hour = number(parts[0]), let minute = number(parts[1]),
                (0...23).contains(hour), (0...59).contains(minute), parts[1].count == 2
            else { return nil }
            self.hour = hour
            self.minute = minute
        }
    }

    var start: Clock
    var end: Clock?

    /// The ASCII hyphen and the dashes and tildes people type in Chinese text.
    private static let separators: Set<Character> = ["-", "–", "—", "~", "～", "至"]

    /// Accepts any of `separators` between the two times.
    init?(parsing text: String) {
        let pieces = text.split(omittingEmptySubsequences: false) {
            TimeSpan.separators.contains($0)
        }
        guard (1...2).contains(pieces.count), let start = Clock(pieces[0]) else { return nil }
        self.start = start
        if pieces.count == 2 {
            guard let end = Clock(pieces[1]) else { return nil }
            self.end = end
        } else {
            self.end = nil
        }
    }
}
