import Dispatch

/// A mutex from Dispatch for the engine's shared results, so the rules module needs nothing
/// beyond the model.
final class RulesLock: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)

    func locked<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
