import ZhibuTemplating

/// Plain text for summaries and the search index: one line, cut on a character boundary.
///
/// Both run over the text of every record, so they work on UTF-8 bytes and stop as soon as they
/// have what the caller keeps.
package enum PlainText {
    /// Runs of whitespace (line breaks included) become one space; stops after `limit`
    /// scalars, since feeds and the search index keep only the start of a text. For the plain
    /// text of Markdown, which stays libcmark's bytes.
    package static func collapse(_ bytes: [UInt8], limit: Int = .max) -> String {
        collapse([.bytes(bytes)], limit: limit)
    }

    package static func collapse(_ parts: [String], limit: Int = .max) -> String {
        collapse(parts.map(UTF8Text.text), limit: limit)
    }

    /// The non-empty `parts` joined by a space and collapsed, without building the joined text:
    /// a record's whole minutes are seldom needed when only the first few hundred characters
    /// are kept.
    package static func collapse(_ parts: [UTF8Text], limit: Int = .max) -> String {
        var out: [UInt8] = []
        var space = false
        var count = 0
        parts: for part in parts where !part.isEmpty {
            // The space that joins parts is whitespace like any other.
            space = !out.isEmpty
            let full = part.withBytes { bytes -> Bool in
                var index = 0
                while index < bytes.count {
                    let whitespace = UTF8Scan.whitespaceLength(bytes, at: index)
                    if whitespace > 0 {
                        space = !out.isEmpty
                        index += whitespace
                        continue
                    }
                    if space {
                        out.append(UInt8(ascii: " "))
                        count += 1
                    }
                    space = false
                    // Copy the run of non-space text whole, counting scalars by lead bytes.
                    let runStart = index
                    var atLimit = false
                    while index < bytes.count, UTF8Scan.whitespaceLength(bytes, at: index) == 0 {
                        index += min(UTF8Scan.sequenceLength(bytes[index]), bytes.count - index)
                        count += 1
                        if count >= limit {
                            atLimit = true
                            break
                        }
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    if atLimit { return true }
                }
                return false
            }
            if full { break parts }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// At most `length` characters, with an ellipsis when text was cut.
    static func prefix(_ text: String, _ length: Int) -> String {
        guard text.count > length else { return text }
        return String(text.prefix(length - 1)) + "…"
    }

    /// The first `length` characters (grapheme clusters), as `String.prefix` gives them.
    ///
    /// Counting characters runs Unicode's segmentation rules for every Chinese character. A
    /// character boundary always falls between two scalars that neither combine nor join, so
    /// while the text is made of such scalars (ASCII and Latin-1, Chinese quotes and dashes,
    /// CJK ideographs and punctuation, full-width forms), a scalar is a character and counting
    /// scalars suffices.
    package static func characters(_ text: String, _ length: Int) -> String {
        standaloneCharacters(text, length) ?? String(text.prefix(length))
    }

    /// The first `length` characters of the collapsed `parts`, as
    /// `characters(collapse(parts, limit: 2 * length + 2), length)` gives them.
    package static func leading(_ parts: [String], characters length: Int) -> String {
        String(decoding: leadingUTF8(parts.map(UTF8Text.text), characters: length), as: UTF8.self)
    }

    /// `leading` as UTF-8 bytes, for the search index, which writes them out as JSON.
    ///
    /// The index needs this for every page, so it collapses and counts in one pass over the
    /// bytes, copying runs of text whole and stopping at the scalar after the cut; only when a
    /// scalar up to there might combine with its neighbours does it take the long way.
    package static func leadingUTF8(_ parts: [UTF8Text], characters length: Int) -> [UInt8] {
        if let cut = standaloneLeading(parts, length) { return cut }
        return Array(characters(collapse(parts, limit: 2 * length + 2), length).utf8)
    }

    /// How a part ended in `standaloneLeading`.
    private enum PartEnd {
        /// The part is used up; the next one goes on.
        case more
        /// The cut is found.
        case done
        /// A scalar that may combine: take the long way.
        case fallback
    }

    /// `leading` when the first `length + 1` collapsed scalars all stand alone; nil otherwise.
    private static func standaloneLeading(_ parts: [UTF8Text], _ length: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(3 * length + 4)
        var count = 0
        for part in parts where !part.isEmpty {
            // The space that joins parts is whitespace like any other.
            var space = !out.isEmpty
            let end = part.withBytes { bytes -> PartEnd in
                // `bytes[runStart..<index]` is counted text not copied yet.
                var runStart = 0
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    var size = 1
                    var whitespace = 0
                    if lead < 0x80 {
                        if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                            whitespace = 1
                        } else if lead < 0x21 || lead > 0x7E {
                            return .fallback
                        }
                    } else if lead >= 0xE5 && lead <= 0xE9 && index + 2 < bytes.count {
                        // U+5000 … U+9FFF, the common CJK ideographs: standalone, three bytes.
                        size = 3
                    } else {
                        if lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3) {
                            whitespace = UTF8Scan.whitespaceLength(bytes, at: index)
                        }
                        if whitespace == 0 {
                            size = min(UTF8Scan.sequenceLength(lead), bytes.count - index)
                            guard isStandalone(scalarValue(bytes, at: index, size: size)) else {
                                return .fallback
                            }
                        }
                    }
                    if whitespace > 0 {
                        out.append(
                            contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                        space = !out.isEmpty
                        index += whitespace
                        runStart = index
                        continue
                    }
                    // A space is a scalar of its own, standalone like the next one.
                    if space {
                        if count == length { return .done }
                        out.append(UInt8(ascii: " "))
                        count += 1
                        space = false
                    }
                    // The scalar after the cut stands alone too: the cut is a boundary.
                    if count == length {
                        out.append(
                            contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                        return .done
                    }
                    count += 1
                    index += size
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                return .more
            }
            switch end {
            case .more: continue
            case .done: return out
            case .fallback: return nil
            }
        }
        return out
    }

    /// `characters` when every scalar up to the cut stands alone; nil otherwise.
    private static func standaloneCharacters(_ text: String, _ length: Int) -> String? {
        var copy = text
        let cut: Int? = copy.withUTF8 { bytes in
            var scalars = 0
            var index = 0
            while index < bytes.count {
                let size = min(UTF8Scan.sequenceLength(bytes[index]), bytes.count - index)
                guard isStandalone(scalarValue(bytes, at: index, size: size)) else { return nil }
                // The scalar after the cut is standalone too: the cut is a boundary.
                if scalars == length { return index }
                scalars += 1
                index += size
            }
            return bytes.count
        }
        guard let cut else { return nil }
        if cut == text.utf8.count { return text }
        return String(text.utf8.prefix(cut))
    }

    /// The value of the scalar whose `size` bytes start at `index` (valid UTF-8).
    private static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, size: Int)
        -> UInt32
    {
        let lead = UInt32(bytes[index])
        switch size {
        case 1: return lead
        case 2: return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
    }

    /// Scalars that form a character on their own whatever surrounds them.
    private static func isStandalone(_ value: UInt32) -> Bool {
        switch value {
        // ASCII and Latin-1 signs and letters (not the soft hyphen), general punctuation such
        // as “ ” — … (not the zero-width and joining controls before U+2010), CJK ideographs
        // and punctuation, full-width forms.
        case 0x20...0x7E, 0xA1...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF5E:
            true
        default:
            false
        }
    }
}
