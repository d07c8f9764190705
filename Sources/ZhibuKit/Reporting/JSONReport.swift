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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` as a quoted JSON string.
    ///
    /// The search index escapes the leading text of every page, megabytes of it: bytes that
    /// need nothing are skipped with one comparison each and copied as whole runs.
    package static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out) }
    }

    /// Appends valid UTF-8 text as a quoted JSON string.
    package static func append(utf8 input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < input.count {
            let byte = input[index]
            // Everything at or above the space except the quote, the backslash and the
            // lead byte of U+2028 and U+2029 is copied as it is.
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                index += 1
                continue
            }
            var consumed = 1
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0xE2:
                // U+2028 and U+2029 are valid in JSON but end a line in JavaScript.
                if index + 2 < input.count, input[index + 1] == 0x80,
                    input[index + 2] == 0xA8 || input[index + 2] == 0xA9
                {
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(input[index + 2] == 0xA8 ? 0x38 : 0x39)
                    consumed = 3
                } else {
                    out.append(byte)
                }
            default:
                // Other control characters: \u00XX in lower-case hexadecimal.
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            index += consumed
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<input.count]))
        out.append(UInt8(ascii: "\""))
    }
}
