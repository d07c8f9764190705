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
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { FastHTMLEscape.needsEscape($0) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "\""): out += Array("&quot;".utf8)
                case UInt8(ascii: "'"): out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
