#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads back a tree zhibu published, for the rare build that has no manifest of it.
enum PublishedTree {
    /// Every regular file below `root`, with its bytes, paths relative to `root`.
    static func files(root: String) -> [RenderedFile] {
        var files: [RenderedFile] = []
        walk(root, relative: "") { path, isFolder in
            guard !isFolder else { return }
            let descriptor = open(root + "/" + path, O_RDONLY)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes {
                    read(descriptor, $0.baseAddress, $0.count)
                }
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            files.append(RenderedFile(path: path, bytes: bytes))
        }
        return files
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
