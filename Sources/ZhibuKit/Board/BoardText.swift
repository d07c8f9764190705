import Foundation
import ZhibuMarkdown
import ZhibuModel

/// A text of the site (a system, a notice) as the units a board pages through.
///
/// The board's script moves whole units to the next slide when a slide is full, so a text is
/// never cut: each heading, paragraph and list item is a unit, and a paragraph too long to be
/// sure of fitting on one slide is split between sentences into units that continue it.
enum BoardText {
    /// About the most a unit holds, in the width of a Latin letter (a Chinese character is two): a few lines at the board's
    /// type size in either orientation, far below what one slide holds.
    static let unitWidth = 240

    static func units(_ body: MarkdownBody, basePath: String) -> [BoardSlideValues.TextUnit] {
        // Systems and notices always keep their source (`FileParser.markdown`).
        let blocks = Markdown.blocks(body.source ?? "") { url, _ in
            guard basePath != "/", url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
            return basePath + url.dropFirst()
        }
        var units: [BoardSlideValues.TextUnit] = []
        for block in blocks {
            let html = String(decoding: block.html, as: UTF8.self)
            switch block.kind {
            case .heading:
                units.append(.init(html: html, continued: false, heading: true))
            case .paragraph:
                let parts = split(paragraph: html)
                for (index, part) in parts.enumerated() {
                    units.append(.init(html: part, continued: index > 0, heading: false))
                }
            case .item(let number):
                let list =
                    number.map { "<ol class=\"u\" start=\"\($0)\">" } ?? "<ul class=\"u\">"
                units.append(
                    .init(
                        html: list + html + (number == nil ? "</ul>" : "</ol>"), continued: false,
                        heading: false))
            case .other:
                units.append(.init(html: html, continued: false, heading: false))
            }
        }
        return units
    }

    /// A paragraph's HTML cut between sentences into paragraphs of at most `unitWidth`, never
    /// inside a tag or an inline element; one that has no such place stays whole.
    static func split(paragraph html: String) -> [String] {
        var inner = Substring(html.trimmingCharacters(in: .newlines))
        guard inner.hasPrefix("<p>"), inner.hasSuffix("</p>") else { return [html] }
        inner = inner.dropFirst(3).dropLast(4)
        var parts: [String] = []
        var current = ""
        var width = 0
        var depth = 0
        var index = inner.startIndex
        while index < inner.endIndex {
            let character = inner[index]
            if character == "<", let close = inner[index...].firstIndex(of: ">") {
                let tag = inner[index...close]
                if tag.hasPrefix("</") {
                    depth = max(0, depth - 1)
                } else if !tag.hasSuffix("/>"), !tag.hasPrefix("<br"), !tag.hasPrefix("<img") {
                    depth += 1
                }
                current += tag
                index = inner.index(after: close)
                continue
            }
            current.append(character)
            width += character.isASCII ? 1 : 2
            index = inner.index(after: index)
            if depth == 0, width >= unitWidth, "。！？；!?;".contains(character) {
                // Closing quotes and brackets stay with their sentence.
                while index < inner.endIndex, "”’」』）)".contains(inner[index]) {
                    current.append(inner[index])
                    index = inner.index(after: index)
                }
                parts.append(current)
                current = ""
                width = 0
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty || parts.isEmpty {
            parts.append(current)
        }
        return parts.map { "<p>" + $0 + "</p>" }
    }
}
