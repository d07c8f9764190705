/// An edit that `zhibu fix` may make in place: at its diagnostic's line and column, the text
/// `original` becomes `replacement`.
///
/// Only a fix with one right answer carries one (a date written `2026/8/9`, a full-width colon
/// after a field name, full-width commas between list items); `original` is what the file said
/// when it was checked, so an edit made since is never overwritten.
package struct TextFix: Hashable, Sendable, Codable {
    package var original: String
    package var replacement: String

    package init(original: String, replacement: String) {
        self.original = original
        self.replacement = replacement
    }
}
