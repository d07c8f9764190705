#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file a path named when zhibu last wrote or linked it: its inode, size and
/// modification time.
///
/// A published file that still has the identity zhibu recorded holds the bytes zhibu wrote;
/// one that does not (edited by hand, replaced, touched) is written afresh instead of being
/// linked into the next tree. An editor that keeps all three the same is not caught; the file
/// is then rewritten when its page changes.
package struct FileIdentity: Sendable, Hashable {
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since the epoch.
    var modified: Int64

    /// The identity of the regular file at `path`, or nil if it is missing or not a regular
    /// file (a symbolic link, a folder).
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identity `lstat` or `fstatat` found, if it is a regular file's.
    init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Self.modified(info)
    }

    /// The modification time `stat` found, in nanoseconds since the epoch.
    static func modified(_ info: stat) -> Int64 {
        #if canImport(Glibc)
            nanoseconds(info.st_mtim)
        #elseif canImport(Darwin)
            nanoseconds(info.st_mtimespec)
        #endif
    }

    /// The change time `stat` found (of the inode: no program can set it), in nanoseconds
    /// since the epoch.
    static func changed(_ info: stat) -> Int64 {
        #if canImport(Glibc)
            nanoseconds(info.st_ctim)
        #elseif canImport(Darwin)
            nanoseconds(info.st_ctimespec)
        #endif
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    init(inode: UInt64, size: Int64, modified: Int64) {
        self.inode = inode
        self.size = size
        self.modified = modified
    }
}
