import Dispatch
import Foundation

/// Work started on a thread of its own and collected later, so that a stage that cannot use
/// every core (compiling templates, checking the rules) runs beside one that can.
///
/// Run in line, such a stage leaves cores idle; started early, its work fills the gaps of the
/// parallel stages instead.
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread before it signals `done`, read only after waiting for it.
    private var value: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            value = work()
            done.signal()
        }
        thread.stackSize = 8 * 1024 * 1024
        thread.start()
    }

    /// The work's result, waiting for it if it is still running; may be called again, from
    /// any thread.
    package func wait() -> Value {
        done.wait()
        // Passed on, so that the next caller finds the work done as well.
        done.signal()
        // The semaphore orders the thread's write before this read.
        guard let value else { preconditionFailure("Background work finished without a value") }
        return value
    }
}
