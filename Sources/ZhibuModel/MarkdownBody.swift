/// The Markdown body of a file after it went through libcmark once.
///
/// Loading parses every body a single time and keeps what later stages need: the source for
/// scanning (privacy rules locate a match by line and column in it), the HTML for pages, the plain
/// text for search, and the link targets with their places so that a broken link to an asset can
/// be reported at its line. `check` loads bodies without HTML and text, which it never shows.
package struct MarkdownBody: Sendable, Hashable {
    package var source: String
    /// UTF-8, as libcmark wrote it: record pages copy it into the page as bytes.
    package var html: [UInt8]
    /// The words without markup, as libcmark's UTF-8 bytes: summaries and the search index
    /// read them as bytes.
    package var text: [UInt8]
    package var links: [Located<String>]
    /// The line of the file on which the body starts (after the front matter).
    package var firstLine: Int

    package init(
        source: String, html: [UInt8], text: [UInt8], links: [Located<String>], firstLine: Int
    ) {
        self.source = source
        self.html = html
        self.text = text
        self.links = links
        self.firstLine = firstLine
    }

    /// True when the body has no words at all, only whitespace.
    package var isBlank: Bool {
        source.isBlank
    }
}
