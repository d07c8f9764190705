/// Escaping of the five markup characters, for XML files and, through `HTMLEscape`, for pages.
///
/// Pages spell the apostrophe `&#39;` (as swift-mustache does), XML files `&apos;`; the other
/// four are the same. Runs without any of the five (nearly all of a Chinese page) are copied
/// whole.
package enum XML {
    /// Text or an attribute value for an XML file.
    package static func escape(_ text: String) -> String {
        escape(text, apostrophe: "&apos;")
    }

    /// Text for an HTML page: the same bytes as the templates' escape.
    package static func escapeHTML(_ text: String) -> String {
        escape(text, apostrophe: "&#39;")
    }

    static func escape(_ text: String, apostrophe: StaticString) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            // Text without any of the five comes back as it is, without a copy.
            guard bytes.contains(where: { replacement(for: $0, apostrophe: apostrophe) != nil })
            else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            append(bytes, to: &out, apostrophe: apostrophe)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The same onto bytes, for files written as bytes.
    package static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], apostrophe: StaticString
    ) {
        var start = 0
        for index in bytes.indices {
            guard let replacement = replacement(for: bytes[index], apostrophe: apostrophe) else {
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// What a byte is written as, if it is one of the five.
    @inline(__always)
    static func replacement(for byte: UInt8, apostrophe: StaticString) -> StaticString? {
        // All five are below `?`; the bytes of Chinese text are far above it.
        guard byte < UInt8(ascii: "?") else { return nil }
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return apostrophe
        default: return nil
        }
    }
}
