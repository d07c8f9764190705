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
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
