#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one loop that writes a whole buffer to an open file: `write(2)` may write less than
/// asked, or be interrupted by a signal, and both only mean "go on".
package enum FileDescriptor {
    /// Writes every byte of `bytes`; false (with `errno` set) if the system refused.
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                #if canImport(Glibc)
                    return Glibc.write(descriptor, $0.baseAddress, $0.count)
                #elseif canImport(Darwin)
                    return Darwin.write(descriptor, $0.baseAddress, $0.count)
                #endif
            }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Writes `pieces` laid end to end; false (with `errno` set) if the system refused. Short
    /// pieces (a search file's separators and documents) are gathered into one buffer first,
    /// so that a file of many pieces costs a few calls, not one per piece.
    package static func writeAll(_ descriptor: Int32, pieces: [[UInt8]]) -> Bool {
        if pieces.count == 1 { return writeAll(descriptor, pieces[0]) }
        let gathered = 1 << 16
        var buffer: [UInt8] = []
        for piece in pieces {
            if buffer.count + piece.count > gathered, !buffer.isEmpty {
                guard writeAll(descriptor, buffer) else { return false }
                buffer.removeAll(keepingCapacity: true)
            }
            if piece.count >= gathered {
                guard writeAll(descriptor, piece) else { return false }
            } else {
                if buffer.capacity == 0 { buffer.reserveCapacity(gathered) }
                buffer += piece
            }
        }
        return writeAll(descriptor, buffer)
    }

    /// Replaces `path` with `bytes` through `temporary`, a new file renamed over it: a reader,
    /// or a kill at any point, finds the old file or the new one, never part of either.
    /// `temporary` must not exist (it is created exclusively, never followed); on a failure it
    /// is removed again and false returned with the failing call's `errno`. `durable` also
    /// waits for the bytes to reach the disk before the rename.
    package static func replace(
        _ path: String, with bytes: [UInt8], through temporary: String, mode: mode_t = 0o644,
        durable: Bool = false
    ) -> Bool {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return false }
        var done = writeAll(descriptor, bytes)
        if done, durable, fsync(descriptor) != 0 { done = false }
        var failure = errno
        close(descriptor)
        if done {
            if rename(temporary, path) == 0 { return true }
            failure = errno
        }
        unlink(temporary)
        errno = failure
        return false
    }

    /// Replaces one of zhibu's own files through `<path>.tmp`, removing first a temporary file
    /// an interrupted run left there: it is zhibu's own, and `replace` never writes through
    /// one. False with `errno` on a failure, as `replace`.
    package static func replace(own path: String, with bytes: [UInt8]) -> Bool {
        unlink(path + ".tmp")
        return replace(path, with: bytes, through: path + ".tmp")
    }
}
