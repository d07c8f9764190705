import Mustache

/// HTML escaping for templates, the same five replacements as swift-mustache's, on bytes.
///
/// swift-mustache escapes character by character (grapheme clusters and a dictionary lookup
/// each), which dominated rendering Chinese text. Every template zhibu loads declares this
/// content type, so escaping stays on and only gets faster.
struct FastHTMLEscape: MustacheContentType {
    static let name = "ZHIBU_HTML"
    /// Put in front of every template's text; on the first line, so line numbers stay true.
    static let pragma = "{{% CONTENT_TYPE: ZHIBU_HTML}}"

    func escapeText(_ text: String) -> String {
        // Most values (names, dates, Chinese titles) need no escaping: hand them back as they are.
        guard text.utf8.contains(where: FastHTMLEscape.needsEscape) else { return text }
        return UTF8Rewriter.rewrite(text) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "<"): .replace("&lt;", consumed: 1)
            case UInt8(ascii: ">"): .replace("&gt;", consumed: 1)
            case UInt8(ascii: "&"): .replace("&amp;", consumed: 1)
            case UInt8(ascii: "\""): .replace("&quot;", consumed: 1)
            case UInt8(ascii: "'"): .replace("&#39;", consumed: 1)
            default: .keep
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
