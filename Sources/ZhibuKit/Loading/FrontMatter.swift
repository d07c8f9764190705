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
        let bytes = text.utf8
        let dash = UInt8(ascii: "-")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        var index = bytes.startIndex
        // The opening line: exactly `---`, then optional spaces, then the end of the line.
        for _ in 0..<3 {
            guard index != bytes.endIndex, bytes[index] == dash else { return .failure(.missing) }
            index = bytes.index(after: index)
        }
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: " ") {
            index = bytes.index(after: index)
        }
        if index != bytes.endIndex, bytes[index] == carriage { index = bytes.index(after: index) }
        guard index != bytes.endIndex, bytes[index] == newline else {
            return .failure(index == bytes.endIndex ? .unclosed : .missing)
        }
        index = bytes.index(after: index)
        let yamlStart = index
        var line = 2
        // Look at the start of each following line for a closing `---` (or `...`).
        while index != bytes.endIndex {
            let lineStart = index
            var end = index
            while end != bytes.endIndex, bytes[end] != newline { end = bytes.index(after: end) }
            if isFence(bytes[lineStart..<end]) {
                let yaml = String(text[yamlStart..<lineStart])
                let bodyStart = end == bytes.endIndex ? end : bytes.index(after: end)
                return .success(
                    FrontMatter(
                        yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]),
                        bodyFirstLine: line + 1))
            }
            index = end == bytes.endIndex ? end : bytes.index(after: end)
            line += 1
        }
        return .failure(.unclosed)
    }

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        // Most lines are fields: decide on the first byte before looking further.
        guard let first = line.first, first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        else { return false }
        var content = line
        while let last = content.last,
            last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
        {
            content = content.dropLast()
        }
        return content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8)
    }
}
