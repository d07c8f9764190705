import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only code in zhibu that touches libcmark pointers.
///
/// libcmark is the CommonMark reference implementation: fast, strict about the spec, and safe by
/// default (raw HTML in minutes is dropped, not passed through, which matters for a public
/// portal). Everything it returns is copied into Swift values before the tree is freed.
package enum Markdown {
    /// Parses Markdown once and returns its HTML, plain text and link targets.
    ///
    /// - Parameters:
    ///   - linksOnly: true when only the links are needed (`check`): skips the HTML rendering
    ///     and the plain text, and skips libcmark altogether for a text without `[` or `<`,
    ///     which cannot contain a link.
    ///   - rewriteURL: called for every link and image target before rendering; return a new URL
    ///     to change it (for example to prefix the site's base path), or nil to keep it.
    package static func parse(
        _ source: String, linksOnly: Bool = false,
        rewriteURL: ((String, Bool) -> String?)? = nil
    ) -> MarkdownDocument {
        var source = source
        if linksOnly, !mayContainLink(&source) {
            return MarkdownDocument(html: [], text: [], links: [])
        }
        let root: OpaquePointer? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return MarkdownDocument(html: [], text: [], links: []) }
        defer { cmark_node_free(root) }

        // The plain text is gathered as bytes and kept so: a `String` per text node would
        // outweigh libcmark's parse of the node, and one for the whole text would add a
        // validation pass.
        var text: [UInt8] = []
        var links: [MarkdownDocument.Link] = []
        var blockLine = 1
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            if event == CMARK_EVENT_ENTER, line > 0, isBlock(type) { blockLine = line }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if !linksOnly, event == CMARK_EVENT_ENTER, type != CMARK_NODE_HTML_INLINE {
                    append(cmark_node_get_literal(node), to: &text)
                }
            case CMARK_NODE_CODE_BLOCK:
                if !linksOnly {
                    append(cmark_node_get_literal(node), to: &text)
                    text.append(UInt8(ascii: "\n"))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if !linksOnly { text.append(UInt8(ascii: "\n")) }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                if !linksOnly, event == CMARK_EVENT_EXIT { text.append(UInt8(ascii: "\n")) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard event == CMARK_EVENT_ENTER else { break }
                let isImage = type == CMARK_NODE_IMAGE
                let url = string(cmark_node_get_url(node))
                links.append(.init(url: url, line: blockLine, isImage: isImage))
                if let rewritten = rewriteURL?(url, isImage), rewritten != url {
                    _ = cmark_node_set_url(node, rewritten)
                }
            default:
                break
            }
        }

        var html: [UInt8] = []
        if !linksOnly, let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) {
            append(rendered, to: &html)
            free(rendered)
        }
        return MarkdownDocument(html: html, text: text, links: links)
    }
}

// MARK: - Blocks

extension Markdown {
    /// The top-level blocks of `source`, each rendered alone, with every item of a list as a
    /// block of its own; link targets rewritten as `parse` rewrites them.
    package static func blocks(
        _ source: String, rewriteURL: ((String, Bool) -> String?)? = nil
    ) -> [MarkdownBlock] {
        var source = source
        let root: OpaquePointer? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        if let rewriteURL { rewriteLinks(in: root, rewriteURL) }
        var blocks: [MarkdownBlock] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                blocks.append(
                    block(node, .heading(level: Int(cmark_node_get_heading_level(node)))))
            case CMARK_NODE_PARAGRAPH:
                blocks.append(block(node, .paragraph))
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                var number = Int(cmark_node_get_list_start(node))
                var item = cmark_node_first_child(node)
                while let current = item {
                    blocks.append(block(current, .item(number: ordered ? number : nil)))
                    number += 1
                    item = cmark_node_next(current)
                }
            default:
                blocks.append(block(node, .other))
            }
            child = cmark_node_next(node)
        }
        return blocks
    }

    /// One block rendered on its own, with its words.
    private static func block(_ node: OpaquePointer, _ kind: MarkdownBlock.Kind)
        -> MarkdownBlock
    {
        var html: [UInt8] = []
        if let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) {
            append(rendered, to: &html)
            free(rendered)
        }
        var text: [UInt8] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator)
            else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                append(cmark_node_get_literal(current), to: &text)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(UInt8(ascii: " "))
            default:
                break
            }
        }
        return MarkdownBlock(kind: kind, html: html, text: String(decoding: text, as: UTF8.self))
    }

    private static func rewriteLinks(
        in root: OpaquePointer, _ rewriteURL: (String, Bool) -> String?
    ) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else {
                continue
            }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = string(cmark_node_get_url(node))
            if let rewritten = rewriteURL(url, type == CMARK_NODE_IMAGE), rewritten != url {
                _ = cmark_node_set_url(node, rewritten)
            }
        }
    }
}

// MARK: - Helpers

extension Markdown {
    /// Whether the text has a `[` or `<`, without which CommonMark has no link (memchr-fast).
    fileprivate static func mayContainLink(_ source: inout String) -> Bool {
        source.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "[")), buffer.count) != nil
                || memchr(base, Int32(UInt8(ascii: "<")), buffer.count) != nil
        }
    }

    fileprivate static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    fileprivate static func append(_ pointer: UnsafePointer<CChar>?, to bytes: inout [UInt8]) {
        guard let pointer else { return }
        let count = strlen(pointer)
        pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
    }

    fileprivate static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue
            && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }
}
