import Dispatch
import Foundation
import Synchronization

/// Runs independent work on all cores.
///
/// Loading and rendering are embarrassingly parallel over files; `concurrentPerform` keeps the
/// threads busy without the overhead of a task per file, and results keep their input order so
/// output never depends on scheduling.
package enum Parallel {
    /// Maps `items` with `transform` on up to `jobs` threads, keeping the order of `items`.
    ///
    /// - Parameter grain: how many items a thread takes at a time. By default a 32nd of each
    ///   thread's share, which suits cheap items. Pass 1 when items are heavy and uneven (files
    ///   to parse, pages to render, a search index next to a 404 page): taking the next item
    ///   costs far less than one of them, and a thread that drew a batch of heavy ones would
    ///   otherwise finish long after the others.
    package static func map<Input: Sendable, Output: Sendable>(
        _ items: [Input], jobs: Int = Parallel.defaultJobs, grain: Int? = nil,
        _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        if items.isEmpty { return [] }
        if jobs <= 1 || items.count == 1 { return items.map(transform) }
        let results = ResultBuffer<Output>(count: items.count)
        // Many small chunks, so that no thread is left alone with a long last one.
        let chunks = min(items.count, max(jobs * 32, 1))
        let chunkSize = max(1, grain ?? (items.count + chunks - 1) / chunks)
        let workers = min(jobs, chunks)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = next.increment()
                let start = chunk * chunkSize
                if start >= items.count { break }
                for index in start..<min(start + chunkSize, items.count) {
                    results.set(index, transform(items[index]))
                }
            }
        }
        return results.values()
    }

    /// Maps `items` on `threads` dedicated threads, for work that waits on the disk.
    ///
    /// `concurrentPerform` never runs more threads than there are cores, which is right for
    /// parsing and rendering but wrong for creating thousands of files: each creation waits on
    /// disk latency, so many writers in flight finish far sooner.
    ///
    /// - Parameter grain: how many consecutive items a thread takes at a time. Files sorted by
    ///   path are grouped by folder, and creating an entry locks its folder: threads that each
    ///   take a run of neighbours mostly work in different folders, where threads taking one
    ///   item each would all queue on the same folder's lock.
    package static func io<Input: Sendable, Output: Sendable>(
        _ items: [Input], threads: Int, grain: Int = 1,
        _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        if items.isEmpty { return [] }
        let results = ResultBuffer<Output>(count: items.count)
        let next = AtomicCounter()
        let group = DispatchGroup()
        let run = max(1, grain)
        let workers = max(1, min(threads, (items.count + run - 1) / run))
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while true {
                    let start = next.increment() * run
                    if start >= items.count { break }
                    for index in start..<min(start + run, items.count) {
                        results.set(index, transform(items[index]))
                    }
                }
                group.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        group.wait()
        return results.values()
    }

    /// The number of cores, or `ZHIBU_JOBS` when set (used by tests to compare job counts).
    package static var defaultJobs: Int {
        max(1, ProcessInfoShim.activeProcessorCount)
    }
}

// MARK: - Helpers

/// A counter shared by the worker threads to take the next chunk.
///
/// A hardware atomic, not a lock: with one item per take, the threads take so often that a
/// lock would be contended and cost system calls.
private final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() -> Int {
        value.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}
