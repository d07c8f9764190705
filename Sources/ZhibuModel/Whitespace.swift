/// Whitespace as Unicode defines it (the White_Space property), spelled out.
///
/// Loading trims every value of every file and checks every file for emptiness; asking
/// `properties.isWhitespace` is a table search per scalar, and this list is a few comparisons.
/// A test holds it to the property on every scalar.
extension String {
    /// Whether the string is empty or only whitespace, without copying it.
    package var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isSpace)
    }

    /// The string without leading and trailing whitespace, as cells and scalars are compared.
    package func trimmingWhitespace() -> String {
        // Fastest path, on bytes: a scalar can only be whitespace if it is ASCII space or
        // control, or if it starts with one of the lead bytes C2, E1, E2, E3.
        let plain = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, var lead = bytes.last else { return true }
            var index = bytes.count - 1
            while lead & 0xC0 == 0x80, index > 0 {
                index -= 1
                lead = bytes[index]
            }
            return !Self.mayStartSpace(first) && !Self.mayStartSpace(lead)
        }
        if plain == true { return self }
        let scalars = unicodeScalars
        // Fast path: most values start and end with a visible character.
        guard let head = scalars.first, let tail = scalars.last else { return self }
        if !head.isSpace && !tail.isSpace { return self }
        guard let first = scalars.firstIndex(where: { !$0.isSpace }),
            let last = scalars.lastIndex(where: { !$0.isSpace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Whether a scalar starting with this byte may be whitespace.
    private static func mayStartSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F || byte == 0xC2 || (0xE1...0xE3).contains(byte)
            || (0x80...0xBF).contains(byte)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, spelled out: the property lookup is a table search,
    /// and this runs for every value of every file.
    package var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000:
            true
        default: false
        }
    }
}
