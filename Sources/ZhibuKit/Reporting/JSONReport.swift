import ZhibuModel

/// The JSON of SPEC §2.1: one object, keys in the documented order, diagnostics sorted.
///
/// Written by hand rather than through `JSONEncoder` so the key order is the documented one and
/// the bytes are the same on every platform and Foundation version.
package struct JSONReport {
    package var language: Language

    package init(language: Language) { self.language = language }

    package func render(_ report: CheckReport) -> String {
        var output = "{\"version\": 1, \"as_of\": \(JSON.string(report.asOf.description)),\n"
        output += " \"summary\": {\"errors\": \(report.errorCount), "
        output += "\"warnings\": \(report.warningCount), \"notes\": \(report.noteCount), "
        output += "\"waived\": \(report.waivedCount)},\n"
        output += " \"diagnostics\": ["
        for (index, diagnostic) in report.diagnostics.enumerated() {
            output += index == 0 ? "\n  " : ",\n  "
            output += object(diagnostic)
        }
        output += report.diagnostics.isEmpty ? "]}\n" : "\n ]}\n"
        return output
    }

    package func object(_ diagnostic: Diagnostic) -> String {
        let fields: [(String, String)] = [
            ("rule", JSON.string(diagnostic.rule.rawValue)),
            ("severity", JSON.string(diagnostic.severity.rawValue)),
            ("message", JSON.string(diagnostic.message.text(in: language))),
            ("file", JSON.string(diagnostic.location.file)),
            ("line", diagnostic.location.line.map(String.init) ?? "null"),
            ("column", diagnostic.location.column.map(String.init) ?? "null"),
            ("org", diagnostic.org.map(JSON.string) ?? "null"),
            ("period", diagnostic.period.map(JSON.string) ?? "null"),
            ("citation", diagnostic.citation.map { JSON.string($0.text(in: language)) } ?? "null"),
            ("waived", diagnostic.waived ? "true" : "false"),
        ]
        return "{" + fields.map { "\(JSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}

/// JSON string escaping, shared by every JSON zhibu writes.
package enum JSON {
    package static func string(_ text: String) -> String {
        UTF8Rewriter.rewrite(text, prefix: "\"", suffix: "\"") { bytes, index in
            switch bytes[index] {
            case 0x22: .replace("\\\"", consumed: 1)
            case 0x5C: .replace("\\\\", consumed: 1)
            case 0x0A: .replace("\\n", consumed: 1)
            case 0x0D: .replace("\\r", consumed: 1)
            case 0x09: .replace("\\t", consumed: 1)
            case 0x00: .replace("\\u0000", consumed: 1)
            case 0x01: .replace("\\u0001", consumed: 1)
            case 0x02: .replace("\\u0002", consumed: 1)
            case 0x03: .replace("\\u0003", consumed: 1)
            case 0x04: .replace("\\u0004", consumed: 1)
            case 0x05: .replace("\\u0005", consumed: 1)
            case 0x06: .replace("\\u0006", consumed: 1)
            case 0x07: .replace("\\u0007", consumed: 1)
            case 0x08: .replace("\\u0008", consumed: 1)
            case 0x0B: .replace("\\u000b", consumed: 1)
            case 0x0C: .replace("\\u000c", consumed: 1)
            case 0x0E: .replace("\\u000e", consumed: 1)
            case 0x0F: .replace("\\u000f", consumed: 1)
            case 0x10: .replace("\\u0010", consumed: 1)
            case 0x11: .replace("\\u0011", consumed: 1)
            case 0x12: .replace("\\u0012", consumed: 1)
            case 0x13: .replace("\\u0013", consumed: 1)
            case 0x14: .replace("\\u0014", consumed: 1)
            case 0x15: .replace("\\u0015", consumed: 1)
            case 0x16: .replace("\\u0016", consumed: 1)
            case 0x17: .replace("\\u0017", consumed: 1)
            case 0x18: .replace("\\u0018", consumed: 1)
            case 0x19: .replace("\\u0019", consumed: 1)
            case 0x1A: .replace("\\u001a", consumed: 1)
            case 0x1B: .replace("\\u001b", consumed: 1)
            case 0x1C: .replace("\\u001c", consumed: 1)
            case 0x1D: .replace("\\u001d", consumed: 1)
            case 0x1E: .replace("\\u001e", consumed: 1)
            case 0x1F: .replace("\\u001f", consumed: 1)
            // U+2028 and U+2029 are valid in JSON but end a line in JavaScript.
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && bytes[index + 2] == 0xA8:
                .replace("\\u2028", consumed: 3)
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && bytes[index + 2] == 0xA9:
                .replace("\\u2029", consumed: 3)
            default: .keep
            }
        }
    }
}
