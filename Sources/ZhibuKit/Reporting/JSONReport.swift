import ZhibuModel

/// The JSON report (README, "Messages and report formats"): one object, keys in the documented
/// order, diagnostics sorted.
///
/// Written by hand rather than through `JSONEncoder` so the key order is the documented one and
/// the bytes are the same on every platform and Foundation version.
package struct JSONReport {
    package var language: Language

    package init(language: Language) { self.language = language }

    package func render(_ report: CheckReport) -> String {
        var out: [UInt8] = []
        out.append(contentsOf: "{\"version\": 1, \"as_of\": ".utf8)
        JSON.append(report.asOf.description, to: &out)
        out.append(contentsOf: ",\n \"summary\": {\"errors\": \(report.errorCount), ".utf8)
        out.append(
            contentsOf: "\"warnings\": \(report.warningCount), \"notes\": \(report.noteCount), "
                .utf8)
        out.append(contentsOf: "\"waived\": \(report.waivedCount)},\n".utf8)
        out.append(contentsOf: " \"diagnostics\": [".utf8)
        for (index, diagnostic) in report.diagnostics.enumerated() {
            out.append(contentsOf: (index == 0 ? "\n  " : ",\n  ").utf8)
            append(diagnostic, to: &out)
        }
        out.append(contentsOf: (report.diagnostics.isEmpty ? "]}\n" : "\n ]}\n").utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a diagnostic's JSON object to `out`.
    ///
    /// Into bytes, with its keys written as they are: `status.json` holds an object for every
    /// finding of every organization, and a province's site has hundreds of thousands.
    package func append(_ diagnostic: Diagnostic, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"rule\": ".utf8)
        JSON.append(diagnostic.rule.rawValue, to: &out)
        out.append(contentsOf: ", \"severity\": ".utf8)
        JSON.append(diagnostic.severity.rawValue, to: &out)
        out.append(contentsOf: ", \"message\": ".utf8)
        JSON.append(diagnostic.message.text(in: language), to: &out)
        let location = diagnostic.location
        out.append(contentsOf: ", \"file\": ".utf8)
        JSON.append(location.file, to: &out)
        out.append(contentsOf: ", \"line\": ".utf8)
        JSON.append(number: location.line, to: &out)
        out.append(contentsOf: ", \"column\": ".utf8)
        JSON.append(number: location.column, to: &out)
        out.append(contentsOf: ", \"org\": ".utf8)
        JSON.append(optional: diagnostic.org, to: &out)
        out.append(contentsOf: ", \"period\": ".utf8)
        JSON.append(optional: diagnostic.period, to: &out)
        out.append(contentsOf: ", \"citation\": ".utf8)
        JSON.append(optional: diagnostic.citation?.text(in: language), to: &out)
        out.append(
            contentsOf: (diagnostic.waived ? ", \"waived\": true}" : ", \"waived\": false}").utf8)
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

    /// Appends a quoted JSON string, or `null`.
    package static func append(optional text: String?, to out: inout [UInt8]) {
        guard let text else { return out.append(contentsOf: "null".utf8) }
        append(text, to: &out)
    }

    /// Appends a number, or `null`.
    package static func append(number: Int?, to out: inout [UInt8]) {
        guard let number else { return out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: String(number).utf8)
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
