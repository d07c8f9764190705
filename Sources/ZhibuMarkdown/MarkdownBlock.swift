/// One block of a Markdown text at the top level, rendered on its own: what a display board
/// pages through, a block (or a list item) at a time.
package struct MarkdownBlock: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case heading(level: Int)
        case paragraph
        /// One item of a list; `number` is its number in an ordered list, nil in a bullet list.
        case item(number: Int?)
        /// A quote, a code block, a table of HTML, a rule: kept whole.
        case other
    }

    package var kind: Kind
    /// UTF-8 HTML as libcmark renders the block; an item's is the `<li>` element alone.
    package var html: [UInt8]
    /// The block's words without markup.
    package var text: String

    package init(kind: Kind, html: [UInt8], text: String) {
        self.kind = kind
        self.html = html
        self.text = text
    }
}
