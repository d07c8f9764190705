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
}
