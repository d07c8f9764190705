/// One string of a page as the fill puts it in: a Swift string, or UTF-8 bytes that never were
/// one.
///
/// The minutes' HTML comes from libcmark as bytes, and a page's own rendered content goes into
/// the layout as bytes. Making a `String` of either only to copy it out again cost a validation
/// pass over every page's text (Chinese text is the slow case) and one more copy of the page.
package enum TemplateLeaf: Sendable, Equatable {
    case text(String)
    /// Valid UTF-8: from libcmark, whose input was a Swift string, or from a filled template.
    case bytes([UInt8])

    var isEmpty: Bool {
        switch self {
        case .text(let text): text.isEmpty
        case .bytes(let bytes): bytes.isEmpty
        }
    }

    /// How many bytes the leaf adds to a page, unescaped.
    var count: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .bytes(let bytes): bytes.count
        }
    }

    /// The leaf as a string, for the pages swift-mustache renders directly.
    var string: String {
        switch self {
        case .text(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Appends the leaf to a page, HTML-escaped when the template escaped it.
    func append(to out: inout [UInt8], escaped: Bool) {
        switch self {
        case .text(var text):
            text.withUTF8 { Self.append($0, to: &out, escaped: escaped) }
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { Self.append($0, to: &out, escaped: escaped) }
        }
    }

    private static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], escaped: Bool
    ) {
        guard escaped else {
            out.append(contentsOf: bytes)
            return
        }
        FastHTMLEscape.append(bytes, to: &out)
    }
}
