/// A fixed-size buffer that each index is written to exactly once, from any thread.
///
/// Raw memory allocated once: writing through an `Array` from several threads would be a
/// mutation of the array value itself, which is a data race even for distinct indices. Used by
/// `Parallel` for its results and by `FolderSweep` for each folder's files.
final class ResultBuffer<Element>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Element?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<Element?>.allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Element) {
        storage[index] = value
    }

    /// The results, moved out: called once, after the workers are done. A copy would retain
    /// every value once more and the buffer's release them again, one by one on the calling
    /// thread while the other cores wait (for parsed files, a visible pause between stages).
    func values() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for index in 0..<count {
            if let value = (storage + index).move() { out.append(value) }
            (storage + index).initialize(to: nil)
        }
        return out
    }
}
