#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads back, or removes, a tree zhibu published: the publisher's only walker of its own
/// output. It never follows a symbolic link: a link inside `Site/` or `.zhibu/` is an entry to
/// remove, not a way elsewhere.
enum PublishedTree {
    enum Kind {
        case file
        case folder
        /// A symbolic link or anything else that is not a regular file or folder.
        case other
    }

    /// Every entry below `root`, relative to it, parents before children.
    static func entries(root: String) -> [(path: String, kind: Kind)] {
        var entries: [(String, Kind)] = []
        walk(root, relative: "") { entries.append(($0, $1)) }
        return entries
    }

    /// Every regular file below `root`, with its bytes and identity, paths relative to `root`.
    static func files(root: String) -> [(file: RenderedFile, identity: FileIdentity?)] {
        var files: [(RenderedFile, FileIdentity?)] = []
        walk(root, relative: "") { path, kind in
            guard kind == .file, let bytes = readBytes(root + "/" + path) else { return }
            files.append(
                (RenderedFile(path: path, bytes: bytes), FileIdentity(path: root + "/" + path)))
        }
        return files
    }

    /// The whole content of a regular file, or nil if it cannot be opened or is a link.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Removes a tree zhibu owns: its files and links, then its folders deepest first; a link
    /// at `root` itself is removed, never what it points to.
    static func remove(root: String) {
        var info = stat()
        guard lstat(root, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(root)
            return
        }
        var folders: [String] = []
        walk(root, relative: "") { path, kind in
            if kind == .folder { folders.append(path) } else { unlink(root + "/" + path) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
        rmdir(root)
    }

    private static func walk(_ root: String, relative: String, visit: (String, Kind) -> Void) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return }
        var entries: [(String, Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var kind: Kind
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): kind = .folder
            case UInt8(DT_REG): kind = .file
            case UInt8(DT_UNKNOWN):
                var info = stat()
                let full = path + "/" + name
                if lstat(full, &info) != 0 {
                    kind = .other
                } else {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = .folder
                    case S_IFREG: kind = .file
                    default: kind = .other
                    }
                }
            default: kind = .other
            }
            entries.append((name, kind))
        }
        closedir(directory)
        for (name, kind) in entries.sorted(by: { $0.0 < $1.0 }) {
            let child = relative.isEmpty ? name : relative + "/" + name
            visit(child, kind)
            if kind == .folder { walk(root, relative: child, visit: visit) }
        }
    }
}
