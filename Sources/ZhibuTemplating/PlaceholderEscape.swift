import Mustache

/// The HTML escape of `HTMLEscape` for rendering a context shape once with placeholders.
///
/// A value that is exactly one placeholder comes back marked as escaped instead of escaped, so
/// the cut text (`PlaceholderText.cut`) escapes the real string in its place. A value with a
/// placeholder inside other text cannot be filled that way: it is poisoned, the cut fails and
/// pages of that shape are rendered one by one.
struct PlaceholderEscape: MustacheContentType {
    static let name = "ZHIBU_HTML_PLACEHOLDERS"
    static let pragma = "{{% CONTENT_TYPE: ZHIBU_HTML_PLACEHOLDERS}}"

    func escapeText(_ text: String) -> String {
        if let leaf = PlaceholderText.leaf(of: text) {
            return PlaceholderText.marker(leaf, escaped: true)
        }
        if PlaceholderText.containsMarker(text) {
            return String(PlaceholderText.poison)
        }
        return HTMLEscape().escapeText(text)
    }
}
