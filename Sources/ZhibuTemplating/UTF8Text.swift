/// A piece of text as a Swift string, or as UTF-8 bytes that never were one.
///
/// The minutes' HTML and plain text come from libcmark as bytes, and a page's own rendered
/// content goes into the layout as bytes. Making a `String` of either only to copy its bytes out
/// again (into a page, into the search index) would add a validation pass over every page's
/// text (heaviest on Chinese text) and one more copy. Template leaves and the parts of
/// plain-text summaries are this type, so strings and bytes mix freely.
package enum UTF8Text: Sendable {
    case text(String)
    /// Valid UTF-8: from libcmark, whose input was a Swift string, or from a filled template.
    case bytes([UInt8])
    /// Valid UTF-8 in pieces laid end to end: a page's own content filled in pieces
    /// (`TemplateRenderer.pieces`), which the layout shares instead of copying.
    case pieces([[UInt8]])

    package var isEmpty: Bool {
        switch self {
        case .text(let text): text.isEmpty
        case .bytes(let bytes): bytes.isEmpty
        case .pieces(let pieces): pieces.allSatisfy(\.isEmpty)
        }
    }

    /// How many bytes the text adds to a page, unescaped.
    package var count: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .bytes(let bytes): bytes.count
        case .pieces(let pieces): pieces.reduce(0) { $0 + $1.count }
        }
    }

    /// Calls `body` with the UTF-8 bytes, in place.
    package func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch self {
        case .text(var text): text.withUTF8(body)
        case .bytes(let bytes): bytes.withUnsafeBufferPointer(body)
        case .pieces(let pieces): Array(pieces.joined()).withUnsafeBufferPointer(body)
        }
    }

    /// Appends the text to a page, HTML-escaped when the template escaped it.
    package func append(to out: inout [UInt8], escaped: Bool) {
        if case .pieces(let pieces) = self {
            for piece in pieces { UTF8Text.bytes(piece).append(to: &out, escaped: escaped) }
            return
        }
        withBytes { bytes in
            if escaped {
                HTMLEscape.append(bytes, to: &out)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
