import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder as the file system knows it, whatever path reached it or later names it: its
/// device and inode. A rename keeps it, so zhibu can tell the folder it swapped into place
/// (or left in its spare) from another one made at the same path.
struct FolderIdentity: Hashable, Codable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// What `stat`, `lstat` or `fstat` found.
    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The folder at `path` itself, or nil when there is none (a link is not followed).
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        self.init(info)
    }

    /// The folders written down at `path` (`write(_:to:)`); none when it is missing or
    /// unreadable.
    static func read(from path: String) -> [FolderIdentity] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode([FolderIdentity].self, from: data)) ?? []
    }

    /// Writes the folders down at `path`, replacing it whole; false when it could not.
    @discardableResult
    static func write(_ folders: [FolderIdentity], to path: String) -> Bool {
        guard let data = try? JSONEncoder().encode(folders) else { return false }
        return FileDescriptor.replace(own: path, with: Array(data))
    }
}
