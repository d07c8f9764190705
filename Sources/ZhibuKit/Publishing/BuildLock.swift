#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that makes publishing builds of one site take turns: `flock` on `.zhibu/lock`.
///
/// Two builds at once would both bring the spare tree up to date and swap it with `Site/`.
/// The kernel releases the lock when its holder exits, however it exits, so a lock left by a
/// killed build never blocks the next one. The file holds the holder's process ID for the
/// message of the build that waits.
package final class BuildLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Takes the lock of the site at `siteRoot`. When another build holds it, calls `waiting`
    /// with that build's process ID (if known) and waits for it, or with `wait` false throws
    /// `PublishError.locked`.
    package static func acquire(
        siteRoot: String, wait: Bool, waiting: (Int32?) -> Void
    ) throws(PublishError) -> BuildLock {
        let publisher = Publisher(siteRoot: siteRoot)
        try publisher.ensureFolder(publisher.cache)
        let path = publisher.cache + "/lock"
        // The lock is a plain file of zhibu's own: anything else in its place (a link, a
        // folder, a pipe) is removed, never followed or opened.
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                PublishedTree.remove(root: path)
            } else {
                unlink(path)
            }
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: ".zhibu/lock", reason: Publisher.reason(), siteChanged: false)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = holder(descriptor)
            waiting(holder)
            guard wait else {
                close(descriptor)
                throw .locked(pid: holder)
            }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw .io(path: ".zhibu/lock", reason: Publisher.reason(), siteChanged: false)
                }
            }
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return BuildLock(descriptor: descriptor)
    }

    /// The process ID the holder wrote, if the file has one.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.split(separator: "\n").first ?? "")
    }
}
