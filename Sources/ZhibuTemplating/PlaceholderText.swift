/// Placeholders for the strings of a page, and the rendered text cut at them.
///
/// A placeholder is U+E000, the string's number in decimal, then U+E001. The placeholder escape
/// (`PlaceholderEscape`) turns the closing U+E001 into U+E002 when a template escapes the value,
/// so the cut text knows for each string whether to escape it. These private-use characters are
/// refused in templates and in the shared part of the context, so they cannot appear by chance.
enum PlaceholderText {
    /// The text before one string of the page (a range of the cut's bytes), the string's number
    /// and whether it is escaped.
    ///
    /// Offsets, not strings: every page of a shape reads the same cut on every core, and a
    /// string per segment would be retained and released by each page, the cores taking turns
    /// at its reference count.
    struct Segment: Sendable {
        var start: Int
        var end: Int
        var leaf: Int
        var escaped: Bool
    }

    /// The page cut into segments and the text after the last string.
    struct Cut: Sendable {
        /// The rendered text without its placeholders.
        var bytes: [UInt8]
        var segments: [Segment]
        /// Where the text after the last string starts in `bytes`.
        var tailStart: Int

        /// The text before a segment's string.
        func text(_ segment: Segment) -> String {
            String(decoding: bytes[segment.start..<segment.end], as: UTF8.self)
        }

        /// The text after the last string.
        var tail: String { String(decoding: bytes[tailStart...], as: UTF8.self) }
    }

    /// Written by the placeholder escape when a value holds a placeholder inside other text: the
    /// cut then fails and the pages of that shape are rendered one by one.
    static let poison: Unicode.Scalar = "\u{E003}"

    /// The placeholder of a page's string; `escaped` marks it as escaped by the template.
    static func marker(_ index: Int, escaped: Bool = false) -> String {
        "\u{E000}\(index)" + (escaped ? "\u{E002}" : "\u{E001}")
    }

    /// Whether a text holds any of the four characters, which would confuse the cut.
    static func containsMarker(_ text: String) -> Bool {
        // U+E000 … U+E003 are EE 80 80 … EE 80 83 in UTF-8.
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] <= 0x83 {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// If a whole value is one placeholder, its number: read by the same cut as the page.
    static func leaf(of text: String) -> Int? {
        guard let cut = cut(text, leaves: .max), cut.tailStart == cut.bytes.count,
            cut.segments.count == 1,
            let only = cut.segments.first, only.start == only.end, !only.escaped
        else { return nil }
        return only.leaf
    }

    /// Cuts a text rendered with placeholders; nil if any marker is out of place or names a
    /// string the page does not have.
    static func cut(_ rendered: String, leaves: Int) -> Cut? {
        var rendered = rendered
        return rendered.withUTF8 { bytes -> Cut? in
            var segments: [Segment] = []
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var start = 0
            var index = 0
            // U+E000 … U+E003 are EE 80 80 … EE 80 83.
            func marker(at position: Int) -> UInt8? {
                guard position + 2 < bytes.count, bytes[position] == 0xEE,
                    bytes[position + 1] == 0x80, bytes[position + 2] <= 0x83
                else { return nil }
                return bytes[position + 2]
            }
            while index < bytes.count {
                guard let kind = marker(at: index) else {
                    index += 1
                    continue
                }
                guard kind == 0x80 else { return nil }
                let textStart = kept.count
                kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                var cursor = index + 3
                var number = 0
                while cursor < bytes.count, (48...57).contains(bytes[cursor]), cursor - index < 12 {
                    number = number * 10 + Int(bytes[cursor] - 48)
                    cursor += 1
                }
                guard cursor > index + 3, number < leaves, let closing = marker(at: cursor),
                    closing == 0x81 || closing == 0x82
                else { return nil }
                segments.append(
                    Segment(
                        start: textStart, end: kept.count, leaf: number,
                        escaped: closing == 0x82))
                index = cursor + 3
                start = index
            }
            let tailStart = kept.count
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return Cut(bytes: kept, segments: segments, tailStart: tailStart)
        }
    }

    /// The page: the cut text with each string put back, escaped where the template escaped it,
    /// as the bytes the page is written with.
    static func fill(_ cut: Cut, with leaves: [UTF8Text]) -> [UInt8] {
        pieces(cut, with: leaves, sharing: false).first ?? []
    }

    /// The smallest run of bytes a page shares with the value that holds it rather than copy.
    static let sharedLength = 512

    /// The page in pieces laid end to end: with `sharing`, each long unescaped run of bytes
    /// (the minutes' HTML, a page's own content in the layout) is the value's own array, shared,
    /// so that a site holding every page until it publishes does not hold those bytes twice;
    /// without it, one piece (none for an empty page).
    static func pieces(_ cut: Cut, with leaves: [UTF8Text], sharing: Bool = true) -> [[UInt8]] {
        func shared(_ segment: Segment) -> [[UInt8]]? {
            guard sharing, !segment.escaped else { return nil }
            switch leaves[segment.leaf] {
            case .bytes(let bytes) where bytes.count >= sharedLength: return [bytes]
            case .pieces(let pieces): return pieces
            default: return nil
            }
        }
        // Read through buffers: the cut is the shape's, shared by its pages on every core.
        return cut.bytes.withUnsafeBufferPointer { text in
            cut.segments.withUnsafeBufferPointer { segments in
                // The size of each run of bytes between shared ones, so that each is made at
                // its size: a page's pieces are held to the end of the build.
                var sizes: [Int] = []
                var size = 0
                for segment in segments {
                    size += segment.end - segment.start
                    if shared(segment) != nil {
                        sizes.append(size)
                        size = 0
                    } else {
                        size += leaves[segment.leaf].count + 8
                    }
                }
                sizes.append(size + text.count - cut.tailStart)
                var pieces: [[UInt8]] = []
                var run = 0
                var out: [UInt8] = []
                out.reserveCapacity(sizes[run])
                for segment in segments {
                    out.append(
                        contentsOf: UnsafeBufferPointer(rebasing: text[segment.start..<segment.end])
                    )
                    if let shared = shared(segment) {
                        if !out.isEmpty { pieces.append(out) }
                        pieces += shared
                        run += 1
                        out = []
                        out.reserveCapacity(sizes[run])
                    } else {
                        leaves[segment.leaf].append(to: &out, escaped: segment.escaped)
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[cut.tailStart...]))
                if !out.isEmpty { pieces.append(out) }
                return pieces
            }
        }
    }
}
