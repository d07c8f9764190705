import ZhibuModel

/// A Markdown file split into its YAML front matter and its body.
///
/// The split works on UTF-8 bytes, without building lines as strings, because it runs for every
/// record of the site. Line numbers of both parts are kept so diagnostics point into the file on
/// disk, not into the extracted YAML.
package struct FrontMatter: Sendable, Equatable {
    package var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    package var yamlFirstLine: Int
    package var body: String
    package var bodyFirstLine: Int

    package enum SplitError: Error, Equatable {
        /// The file does not start with `---`.
        case missing
        /// The opening `---` has no closing `---`.
        case unclosed
    }

    /// Splits `text`; the front matter must start on the first line and end with a line `---`.
    package static func split(_ text: String) -> Result<FrontMatter, SplitError> {
        var copy = text
        // Byte offsets of the YAML and the closing fence, found on the raw bytes with memchr.
        let found = copy.withUTF8 {
            bytes -> Result<(yamlStart: Int, fence: Int, body: Int, line: Int), SplitError> in
            let count = bytes.count
            var index = 0
            // The opening line: exactly `---`, then optional spaces, then the end of the line.
            for _ in 0..<3 {
                guard index < count, bytes[index] == UInt8(ascii: "-") else {
                    return .failure(.missing)
                }
                index += 1
            }
            while index < count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if index < count, bytes[index] == UInt8(ascii: "\r") { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "\n") else {
                return .failure(index == count ? .unclosed : .missing)
            }
            index += 1
            let yamlStart = index
            var line = 2
            // Look at the start of each following line for a closing `---` (or `...`).
            while index < count {
                let lineStart = index
                let end = UTF8Scan.index(of: UInt8(ascii: "\n"), in: bytes, from: index) ?? count
                if isFence(UnsafeBufferPointer(rebasing: bytes[lineStart..<end])) {
                    return .success((yamlStart, lineStart, end == count ? end : end + 1, line))
                }
                index = end == count ? end : end + 1
                line += 1
            }
            return .failure(.unclosed)
        }
        switch found {
        case .failure(let error): return .failure(error)
        case .success(let cut):
            let utf8 = text.utf8
            let yamlStart = utf8.index(utf8.startIndex, offsetBy: cut.yamlStart)
            let fence = utf8.index(utf8.startIndex, offsetBy: cut.fence)
            let body = utf8.index(utf8.startIndex, offsetBy: cut.body)
            return .success(
                FrontMatter(
                    yaml: String(text[yamlStart..<fence]), yamlFirstLine: 2,
                    body: String(text[body...]), bodyFirstLine: cut.line + 1))
        }
    }

    private static func isFence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most lines are fields: decide on the first byte before looking further.
        guard let first = line.first, first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        else { return false }
        var end = line.count
        while end > 0,
            line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: " ")
                || line[end - 1] == UInt8(ascii: "\t")
        {
            end -= 1
        }
        guard end == 3 else { return false }
        return (line[1] == first && line[2] == first)
    }
}
