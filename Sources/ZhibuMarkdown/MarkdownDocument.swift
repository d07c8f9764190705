/// What zhibu needs from one Markdown text, taken from a single libcmark parse.
///
/// A plain value: the cmark tree is freed before this is returned, so documents can be kept for
/// thousands of records and passed between threads.
package struct MarkdownDocument: Sendable, Hashable {
    /// A link or image target and the line of the block it sits in (1-based, in the Markdown text).
    package struct Link: Sendable, Hashable {
        package var url: String
        package var line: Int
        package var isImage: Bool

        package init(url: String, line: Int, isImage: Bool) {
            self.url = url
            self.line = line
            self.isImage = isImage
        }
    }

    /// UTF-8 bytes as libcmark rendered them; a `String` would be validated once more.
    package var html: [UInt8]
    /// The words of the document without markup, blocks separated by newlines.
    package var text: [UInt8]
    package var links: [Link]

    package init(html: [UInt8], text: [UInt8], links: [Link]) {
        self.html = html
        self.text = text
        self.links = links
    }
}
