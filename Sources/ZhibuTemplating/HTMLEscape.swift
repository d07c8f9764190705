import Mustache

/// HTML escaping for templates, the same five replacements as swift-mustache's, on bytes.
///
/// swift-mustache escapes character by character (grapheme clusters and a dictionary lookup
/// each), which is slow on Chinese text. Every template the engine loads declares this content
/// type, so escaping stays on and stays fast; the bytes are exactly swift-mustache's.
struct HTMLEscape: MustacheContentType {
    static let name = "ZHIBU_HTML"
    /// Put in front of every template's text; on the first line, so line numbers stay true.
    static let pragma = "{{% CONTENT_TYPE: ZHIBU_HTML}}"

    func escapeText(_ text: String) -> String {
        XML.escape(text, apostrophe: "&#39;")
    }

    /// Appends `bytes` escaped the same way, for pages filled in as bytes.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        XML.append(bytes, to: &out, apostrophe: "&#39;")
    }
}
