#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads back, or removes, a tree zhibu published: the publisher's only walker of its own output.
enum PublishedTree {
    /// Every regular file below `root`, with its bytes, paths relative to `root`.
    static func files(root: String) -> [RenderedFile] {
        var files: [RenderedFile] = []
        walk(root, relative: "") { path, isFolder in
            guard !isFolder, let bytes = readBytes(root + "/" + path) else { return }
            files.append(RenderedFile(path: path, bytes: bytes))
        }
        return files
    }

    /// The whole content of a file zhibu wrote, or nil if it cannot be opened.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Removes a tree zhibu owns: its files, then its folders deepest first.
    static func remove(root: String) {
        var folders: [String] = []
        walk(root, relative: "") { path, isFolder in
            if isFolder { folders.append(path) } else { unlink(root + "/" + path) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
        rmdir(root)
    }

    /// Every folder below `root`, relative to it.
    static func folders(root: String) -> [String] {
        var folders: [String] = []
        walk(root, relative: "") { path, isFolder in if isFolder { folders.append(path) } }
        return folders
    }

    private static func walk(_ root: String, relative: String, visit: (String, Bool) -> Void) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return }
        var entries: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        closedir(directory)
        for (name, isFolder) in entries {
            let child = relative.isEmpty ? name : relative + "/" + name
            visit(child, isFolder)
            if isFolder { walk(root, relative: child, visit: visit) }
        }
    }
}
