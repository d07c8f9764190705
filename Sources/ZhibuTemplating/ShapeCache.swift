import Synchronization

/// Pages rendered once per shape and cut at their placeholders, shared by the threads of a
/// build.
///
/// An entry is made by the first thread that meets a shape; two threads meeting it at once both
/// make the same entry, so the result does not depend on timing.
final class ShapeCache: Sendable {
    enum Entry: Sendable {
        /// Fill this in with each page's strings.
        case cut(PlaceholderText.Cut)
        /// Render pages of this shape one by one: the templates could print a string's
        /// surroundings, not only the string.
        case direct
    }

    struct Key: Hashable, Sendable {
        var template: String
        var signature: [UInt8]

        /// The signature hashed as one run of bytes: an array's own hash feeds the hasher one
        /// byte at a time, and every page looks its shape up.
        func hash(into hasher: inout Hasher) {
            hasher.combine(template)
            signature.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let entries = Mutex<[Key: Entry]>([:])

    func entry(_ key: Key) -> Entry? {
        entries.withLock { $0[key] }
    }

    func store(_ entry: Entry, for key: Key) {
        entries.withLock { $0[key] = entry }
    }
}
