import ZhibuModel

/// What can still be read of a record whose file failed to load: its `type`, `date` and
/// `status` lines, read as plain lines without YAML.
///
/// A record with one broken line is still a meeting that was held. Its periodic requirement
/// then says that its record could not be read, as a note at the broken file, instead of
/// telling the secretary to add a record that exists (one mistake, one message). A salvaged
/// record is never shown or checked itself: it only answers "is there a record of this type
/// in this period".
enum RecordSalvage {
    static func salvage(_ text: String, path: String, year: Int, slug: String) -> ActivityRecord? {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }[...]
        if lines.first?.hasPrefix("\u{FEFF}") == true, let first = lines.first {
            lines[lines.startIndex] = String(first.dropFirst())
        }
        guard lines.first.map(trimmed) == "---" else { return nil }
        var values: [String: (value: String, line: Int)] = [:]
        for (offset, line) in lines.dropFirst().enumerated() {
            if trimmed(line) == "---" { break }
            for key in ["type", "date", "status"] where values[key] == nil {
                guard line.hasPrefix(key) else { continue }
                var rest = line.dropFirst(key.count)
                guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
                rest = rest.dropFirst()
                values[key] = (unquoted(trimmed(String(rest))), offset + 2)
            }
        }
        guard let typeText = values["type"], let dateText = values["date"] else { return nil }
        guard
            let type = ActivityType(rawValue: typeText.value)
                ?? ActivityType.value(forAlias: typeText.value),
            let date = LocalDate(parsing: dateText.value) ?? DateCells.lenient(dateText.value)
                ?? monthOf(dateText.value)
        else { return nil }
        var status = ActivityStatus.held
        if let statusText = values["status"] {
            guard
                let parsed = ActivityStatus(rawValue: statusText.value)
                    ?? ActivityStatus.value(forAlias: statusText.value)
            else { return nil }
            status = parsed
        }
        let place = { (line: Int) in SourceLocation(file: path, line: line, column: 1) }
        return ActivityRecord(
            slug: slug, year: year, file: path, type: Located(type, at: place(typeText.line)),
            title: BilingualText(zh: Located(slug, at: place(1))),
            date: Located(date, at: place(dateText.line)),
            status: Located(status, at: place(values["status"]?.line ?? typeText.line)),
            body: MarkdownBody(source: "", html: [], text: [], links: [], firstLine: 1))
    }

    /// The first of the month of a date whose day does not exist (`2026-02-30`): its month
    /// is still plain, and the month is all a periodic requirement asks.
    private static func monthOf(_ text: String) -> LocalDate? {
        guard LocalDate.hasDateShape(text) else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]) else {
            return nil
        }
        return LocalDate(year: year, month: month, day: 1)
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingWhitespace()
    }

    private static func unquoted(_ text: String) -> String {
        // A trailing comment goes; a quoted value loses its quotes.
        var value = text
        if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
        value = value.trimmingWhitespace()
        for quote in ["\"", "'"]
        where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }
}
