/// A value computed at most once, by the first thread that asks, shared with the others.
final class OnceCache<Value: Sendable>: @unchecked Sendable {
    private let lock = RulesLock()
    private var stored: Value?

    func value(_ make: () -> Value) -> Value {
        lock.locked {
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
