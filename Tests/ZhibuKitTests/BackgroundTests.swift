import Testing
import ZhibuKit

/// A rebuild reads what was published on a thread of its own and may hold `Site/` to it twice
/// (once for its inputs' identities, once for their content): a second wait must return the
/// same value at once, never block for a signal that was already taken.
@Suite struct BackgroundTests {
    @Test func theResultCanBeCollectedAgainFromAnyThread() {
        let work = Background { Array(1...1000).reduce(0, +) }
        #expect(work.wait() == 500_500)
        #expect(work.wait() == 500_500)
        // Four more collectors at once, each on a thread of its own: with a lost signal, one
        // of them would never return and the suite would not finish.
        let others = (0..<4).map { _ in Background { work.wait() } }
        #expect(others.map { $0.wait() } == Array(repeating: 500_500, count: 4))
    }
}
