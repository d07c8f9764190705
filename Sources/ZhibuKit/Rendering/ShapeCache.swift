import ZhibuModel

/// Pages rendered once per context shape and cut at their placeholders, shared by the threads
/// of one build.
///
/// An entry is made by the first thread that meets a shape; two threads meeting it at once both
/// make the same entry, so the result does not depend on timing.
final class ShapeCache: @unchecked Sendable {
    enum Entry: Sendable {
        /// Fill this in with each page's strings.
        case cut(PlaceholderText.Cut)
        /// Render pages of this shape one by one: the templates could print a string's
        /// surroundings, not only the string.
        case direct
    }

    struct Key: Hashable, Sendable {
        var template: String
        var language: Language
        var signature: [UInt8]
    }

    /// What is known of a language's shared context: its kinds, or nil if it cannot be filled.
    struct Shared: Sendable {
        var kinds: [String: ContextShape.Kinds]?
    }

    private let lock = Lock()
    private var entries: [Key: Entry] = [:]
    private var shared: [Language: Shared] = [:]

    func entry(_ key: Key) -> Entry? {
        lock.withLock { entries[key] }
    }

    func store(_ entry: Entry, for key: Key) {
        lock.withLock { entries[key] = entry }
    }

    /// The survey of a language's shared context, made once.
    func shared(_ language: Language, make: () -> Shared) -> Shared {
        lock.withLock {
            if let known = shared[language] { return known }
            let made = make()
            shared[language] = made
            return made
        }
    }
}
