/// The Markdown body of a file after it went through libcmark once.
///
/// Loading parses every body a single time and keeps what later stages need: the HTML for
/// pages, the plain text for search, the link targets with their places so that a broken link
/// to an asset can be reported at its line, and the source where a later stage reads it.
/// `check` loads bodies without HTML and text, which it never shows.
package struct MarkdownBody: Sendable, Hashable {
    /// The Markdown source, kept only where a later stage reads it: boards split a system's or
    /// a notice's text into units, and the privacy rules locate an identity or mobile number by
    /// line and column in any body that may hold one. Nil for the other bodies (most records' minutes),
    /// which the file's bytes already hold: kept twice, they were some 2 KB a record through
    /// the whole build.
    package var source: String?
    /// Whether the body has no words at all, only whitespace.
    package let isBlank: Bool
    /// UTF-8, as libcmark wrote it: record pages copy it into the page as bytes.
    package var html: [UInt8]
    /// The words without markup, as libcmark's UTF-8 bytes: summaries and the search index
    /// read them as bytes.
    package var text: [UInt8]
    package var links: [Located<String>]
    /// The line of the file on which the body starts (after the front matter).
    package var firstLine: Int

    /// - Parameter keepsSource: whether `source` is kept (see `source`).
    package init(
        source: String, keepsSource: Bool = true, html: [UInt8], text: [UInt8],
        links: [Located<String>], firstLine: Int
    ) {
        self.source = keepsSource ? source : nil
        isBlank = source.isBlank
        self.html = html
        self.text = text
        self.links = links
        self.firstLine = firstLine
    }
}
