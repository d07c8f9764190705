#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small facts about UTF-8 bytes that the byte-level text code shares: where a byte next
/// occurs, how long a sequence is, which scalar a well-formed sequence holds, and whether
/// whitespace starts at a position.
///
/// Summaries, the search index, the calendars and time spans all walk UTF-8 bytes rather than
/// `Character`s: finding each grapheme cluster is far heavier than reading a byte, and these
/// scans run over the text of every record.
package enum UTF8Scan {
    /// The offset of the first `byte` at or after `start`, found with memchr: the scans for a
    /// line's end or a link's first letter skip most of a file's bytes this way.
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Int?
    {
        guard start < bytes.count, let base = bytes.baseAddress,
            let hit = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for ASCII and stray bytes).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The scalar whose well-formed UTF-8 sequence starts at `index`, with the sequence's
    /// length; nil when the bytes there are not one (truncated, overlong, a surrogate, past
    /// U+10FFFF, a stray continuation byte).
    @inline(__always)
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> (value: UInt32, length: Int)?
    {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < bytes.count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if lead & 0xE0 == 0xC0 {
            guard lead >= 0xC2, let second = continuation(1) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | second, 2)
        }
        if lead & 0xF0 == 0xE0 {
            guard let second = continuation(1), let third = continuation(2) else { return nil }
            let value = UInt32(lead & 0x0F) << 12 | second << 6 | third
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, 3)
        }
        if lead & 0xF8 == 0xF0 {
            guard let second = continuation(1), let third = continuation(2),
                let fourth = continuation(3)
            else { return nil }
            let value = UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
            guard (0x10000...0x10FFFF).contains(value) else { return nil }
            return (value, 4)
        }
        return nil
    }

    /// The length of the White_Space character starting at `index`, or 0 if there is none.
    ///
    /// Unicode's White_Space list spelled out in UTF-8 (U+0009–000D, U+0020, U+0085, U+00A0,
    /// U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000), matching
    /// `Unicode.Scalar.isSpace`.
    @inline(__always)
    package static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int
    {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) ? 1 : 0 }
        let count = bytes.count
        switch lead {
        case 0xC2:
            guard index + 1 < count else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1:
            guard index + 2 < count else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard index + 2 < count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 {
                return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9
                    || third == 0xAF ? 3 : 0
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard index + 2 < count else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
