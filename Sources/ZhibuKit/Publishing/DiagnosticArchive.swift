import ZhibuModel

/// A build's diagnostics in the compact binary form `BuildCache` stores them in.
///
/// Every build writes it and an unchanged rebuild reprints its report from it: a province's
/// site has tens of thousands of findings, too many for a general-purpose JSON coder in the
/// time a rebuild should take. Every distinct string is stored once, in a table, and each
/// diagnostic is a list of small numbers into it: the rules' help and citations, the files and
/// the organizations repeat from finding to finding.
///
/// Numbers are unsigned LEB128 (zigzag for a line or column); an optional string is 0 for nil,
/// else its index plus one; other optionals are a flag byte and the value. Decoding
/// checks every length against the bytes left and gives nil for anything malformed, so that a
/// damaged cache only costs a full build.
package enum DiagnosticArchive {
    /// The diagnostics, in order.
    package static func encode(_ diagnostics: [Diagnostic]) -> [UInt8] {
        var table: [String: Int] = [:]
        var strings: [String] = []
        var body: [UInt8] = []
        body.reserveCapacity(diagnostics.count * 32)
        func put(_ value: Int, _ out: inout [UInt8]) {
            var value = UInt(bitPattern: value)
            while value >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            out.append(UInt8(value))
        }
        func index(_ text: String) -> Int {
            if let known = table[text] { return known }
            table[text] = strings.count
            strings.append(text)
            return strings.count - 1
        }
        func string(_ text: String) { put(index(text), &body) }
        func optional(_ text: String?) { put(text.map { index($0) + 1 } ?? 0, &body) }
        func localized(_ text: LocalizedText) {
            string(text.zh)
            string(text.en)
        }
        func number(_ value: Int?) {
            guard let value else { return body.append(0) }
            body.append(1)
            // Zigzag, so that a negative number stays short.
            put(
                Int(
                    bitPattern: UInt(bitPattern: value << 1)
                        ^ UInt(bitPattern: value >> (Int.bitWidth - 1))), &body)
        }
        put(diagnostics.count, &body)
        for diagnostic in diagnostics {
            string(diagnostic.rule.rawValue)
            string(diagnostic.severity.rawValue)
            localized(diagnostic.message)
            string(diagnostic.location.file)
            number(diagnostic.location.line)
            number(diagnostic.location.column)
            number(diagnostic.location.length)
            optional(diagnostic.org)
            optional(diagnostic.period)
            optional(diagnostic.subject)
            if let citation = diagnostic.citation {
                body.append(1)
                localized(citation)
            } else {
                body.append(0)
            }
            body.append(diagnostic.waived ? 1 : 0)
            put(diagnostic.notes.count, &body)
            diagnostic.notes.forEach(localized)
            put(diagnostic.help.count, &body)
            diagnostic.help.forEach(localized)
            if let fix = diagnostic.fix {
                body.append(1)
                string(fix.original)
                string(fix.replacement)
            } else {
                body.append(0)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + strings.reduce(16) { $0 + $1.utf8.count + 2 })
        put(strings.count, &out)
        for text in strings {
            put(text.utf8.count, &out)
            out.append(contentsOf: text.utf8)
        }
        out += body
        return out
    }

    /// The diagnostics `encode` wrote, or nil when the bytes are not exactly such an archive.
    package static func decode(_ bytes: ArraySlice<UInt8>) -> [Diagnostic]? {
        var reader = Reader(bytes: bytes)
        return reader.diagnostics()
    }

    /// Reads an archive front to back; every read fails (nil) past the end.
    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var at: Int
        var strings: [String] = []

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            at = bytes.startIndex
        }

        mutating func number() -> Int? {
            var value: UInt = 0
            var shift: UInt = 0
            while at < bytes.endIndex, shift < UInt(UInt.bitWidth) {
                let byte = bytes[at]
                at += 1
                value |= UInt(byte & 0x7F) << shift
                if byte < 0x80 { return Int(bitPattern: value) }
                shift += 7
            }
            return nil
        }

        /// A count or an index: never negative, and never more than the bytes left could hold.
        mutating func count() -> Int? {
            guard let value = number(), value >= 0, value <= bytes.endIndex - at else {
                return nil
            }
            return value
        }

        mutating func string() -> String? {
            guard let index = number(), strings.indices.contains(index) else { return nil }
            return strings[index]
        }

        mutating func optional() -> String?? {
            guard let value = number() else { return nil }
            if value == 0 { return .some(nil) }
            guard strings.indices.contains(value - 1) else { return nil }
            return .some(strings[value - 1])
        }

        mutating func localized() -> LocalizedText? {
            guard let zh = string(), let en = string() else { return nil }
            return LocalizedText(zh: zh, en: en)
        }

        mutating func optionalNumber() -> Int?? {
            guard let present = flag() else { return nil }
            if !present { return .some(nil) }
            guard let value = number() else { return nil }
            let zigzag = UInt(bitPattern: value)
            return .some(Int(bitPattern: zigzag >> 1) ^ -Int(bitPattern: zigzag & 1))
        }

        mutating func flag() -> Bool? {
            guard at < bytes.endIndex, bytes[at] <= 1 else { return nil }
            at += 1
            return bytes[at - 1] == 1
        }

        mutating func texts() -> [LocalizedText]? {
            guard let count = count() else { return nil }
            var texts: [LocalizedText] = []
            texts.reserveCapacity(count)
            for _ in 0..<count {
                guard let text = localized() else { return nil }
                texts.append(text)
            }
            return texts
        }

        mutating func diagnostics() -> [Diagnostic]? {
            guard let stringCount = count() else { return nil }
            strings.reserveCapacity(stringCount)
            for _ in 0..<stringCount {
                guard let length = count() else { return nil }
                strings.append(String(decoding: bytes[at..<at + length], as: UTF8.self))
                at += length
            }
            guard let count = count() else { return nil }
            var diagnostics: [Diagnostic] = []
            diagnostics.reserveCapacity(count)
            for _ in 0..<count {
                guard let diagnostic = diagnostic() else { return nil }
                diagnostics.append(diagnostic)
            }
            return at == bytes.endIndex ? diagnostics : nil
        }

        mutating func diagnostic() -> Diagnostic? {
            guard let rule = string(), let severity = string().flatMap(Severity.init(rawValue:)),
                let message = localized(), let file = string(), let line = optionalNumber(),
                let column = optionalNumber(), let length = optionalNumber() ?? nil,
                let org = optional(), let period = optional(), let subject = optional(),
                let hasCitation = flag()
            else { return nil }
            var citation: LocalizedText?
            if hasCitation {
                guard let text = localized() else { return nil }
                citation = text
            }
            guard let waived = flag(), let notes = texts(), let help = texts(),
                let hasFix = flag()
            else { return nil }
            var fix: TextFix?
            if hasFix {
                guard let original = string(), let replacement = string() else { return nil }
                fix = TextFix(original: original, replacement: replacement)
            }
            return Diagnostic(
                rule: RuleID(rule), severity: severity, message: message,
                location: SourceLocation(file: file, line: line, column: column, length: length),
                org: org, period: period, subject: subject, citation: citation, waived: waived,
                notes: notes, help: help, fix: fix)
        }
    }
}
