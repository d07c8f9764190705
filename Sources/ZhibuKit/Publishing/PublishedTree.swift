#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads back, or removes, a tree zhibu published: the publisher's only walker of its own
/// output, and `serve`'s of the inputs it watches. It never follows a symbolic link: a link
/// inside `Site/` or `.zhibu/` is an entry to remove, not a way elsewhere.
package enum PublishedTree {
    package enum Kind {
        case file
        case folder
        /// A symbolic link or anything else that is not a regular file or folder.
        case other
    }

    /// Every entry below `root`, relative to it, parents before children.
    package static func entries(root: String) -> [(path: String, kind: Kind)] {
        var entries: [(String, Kind)] = []
        walk(root, relative: "") { entries.append(($0, $1)) }
        return entries
    }

    /// Whether the folder at `root` has no entries; only its own listing is read. A folder
    /// that cannot be read is not known to be empty.
    package static func isEmpty(_ root: String) -> Bool {
        guard let directory = opendir(root) else { return false }
        closedir(directory)
        return listing(root, "", identities: false, wanted: nil).isEmpty
    }

    /// An entry of a survey: a path relative to the root, its kind, and for a regular file
    /// the identity `fstatat` found.
    package typealias Surveyed = (path: String, kind: Kind, identity: FileIdentity?)

    /// Every entry below `root` with the identity of each regular file, parents before
    /// children, in the order `entries` gives.
    ///
    /// A rebuild with nothing changed is mostly this walk, and the kernel's time for listing
    /// ten thousand folders dominates it; so the subtrees two levels down are walked on
    /// `jobs` threads, and each file is looked up in its open folder, not by its whole path.
    package static func survey(root: String, jobs: Int) -> [Surveyed] {
        fingerprinted(root: root, jobs: jobs, wanted: nil).map { ($0.path, $0.kind, $0.identity) }
    }

    /// An entry of `fingerprinted(root:jobs:wanted:)`: a survey's entry, and the fingerprint of a
    /// regular file that was wanted, read as it was when its identity was taken.
    package typealias Read = (
        path: String, kind: Kind, identity: FileIdentity?, fingerprint: String?
    )

    /// The survey of `root` with the fingerprint of every regular file whose path `wanted`
    /// accepts: each is opened in its open folder (never through a link), its identity taken
    /// from the open file and its bytes hashed there, so that a tree is checked in one walk
    /// with no file looked up by its whole path (a merge's parts: `ShardMerge`).
    package static func fingerprinted(
        root: String, jobs: Int, wanted: (@Sendable (String) -> Bool)?
    )
        -> [Read]
    {
        enum Piece {
            case entry(Read)
            case subtree(Int)
        }
        var pieces: [Piece] = []
        var subtrees: [String] = []
        func plan(_ relative: String, depth: Int) {
            for entry in listing(root, relative, identities: true, wanted: wanted) {
                pieces.append(.entry(entry))
                guard entry.kind == .folder else { continue }
                if depth == 0 {
                    plan(entry.path, depth: 1)
                } else {
                    pieces.append(.subtree(subtrees.count))
                    subtrees.append(entry.path)
                }
            }
        }
        plan("", depth: 0)
        let walked = Parallel.io(subtrees, threads: max(1, jobs)) { subtree in
            var found: [Read] = []
            walk(root, relative: subtree, identities: true, wanted: wanted) { found.append($0) }
            return found
        }
        var entries: [Read] = []
        entries.reserveCapacity(pieces.count + walked.reduce(0) { $0 + $1.count })
        for piece in pieces {
            switch piece {
            case .entry(let entry): entries.append(entry)
            case .subtree(let index): entries += walked[index]
            }
        }
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

    /// Whether the path names a regular file itself, not a link to one.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The whole content of a regular file, or nil if it cannot be opened or is a link.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        return readAll(descriptor, size: fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0)
    }

    /// Everything left to read from an open file. `size`, when known, is read in one go, into
    /// an array one byte longer, so that the read that finds the end needs no larger array:
    /// growing it would copy the whole file (records of megabytes are read on every rebuild).
    /// The array is read into before it is initialized: zeroing megabytes first cost as much
    /// as reading them.
    private static func readAll(_ descriptor: Int32, size: Int = 0) -> [UInt8] {
        var ended = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(0, size) + 1) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let count = read(
                    descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    ended = true
                    return
                }
                filled += count
            }
        }
        guard !ended else { return bytes }
        // The file grew since it was measured: the rest in pieces.
        var piece = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes += piece[..<count]
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
        walk(root, relative: relative, identities: false, wanted: nil) { visit($0.path, $0.kind) }
    }

    /// The entries below `relative`, parents before children, each folder's sorted by name.
    private static func walk(
        _ root: String, relative: String, identities: Bool,
        wanted: (@Sendable (String) -> Bool)?, visit: (Read) -> Void
    ) {
        for entry in listing(root, relative, identities: identities, wanted: wanted) {
            visit(entry)
            if entry.kind == .folder {
                walk(
                    root, relative: entry.path, identities: identities, wanted: wanted, visit: visit
                )
            }
        }
    }

    /// One folder's entries sorted by name, with paths relative to `root`, each regular file's
    /// identity when asked, and the fingerprint of each file `wanted` accepts; the folder is
    /// closed before its children are listed, so depth costs no open descriptors.
    private static func listing(
        _ root: String, _ relative: String, identities: Bool,
        wanted: (@Sendable (String) -> Bool)?
    ) -> [Read] {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        return entries(of: directory, relative: relative, identities: identities, wanted: wanted)
            .sorted { $0.path < $1.path }
    }

    /// The entries of an open folder at `relative`, in the order the system gives, each path
    /// relative to the root: what `listing` reads, for a caller that opened the folder
    /// itself (`FolderRecord`, which opens it without following a link).
    static func entries(
        of directory: OpaquePointer, relative: String, identities: Bool,
        wanted: (@Sendable (String) -> Bool)?
    ) -> [Read] {
        let descriptor = dirfd(directory)
        var entries: [Read] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            // nil: the file system did not say (DT_UNKNOWN), so `fstatat` must.
            var kind: Kind?
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): kind = .folder
            case UInt8(DT_REG): kind = .file
            case UInt8(DT_UNKNOWN): kind = nil
            default: kind = .other
            }
            if kind != .folder && kind != .other, let wanted, wanted(child) {
                entries.append(fingerprint(child, name, in: descriptor))
                continue
            }
            var identity: FileIdentity?
            if kind == nil || (kind == .file && identities) {
                var info = stat()
                if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) != 0 {
                    kind = .other
                } else {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = .folder
                    case S_IFREG: kind = .file
                    default: kind = .other
                    }
                    if identities { identity = FileIdentity(info) }
                }
            }
            entries.append((child, kind ?? .other, identity, nil))
        }
        return entries
    }

    /// A wanted entry of an open folder: a regular file with its identity and fingerprint, or
    /// what else it turned out to be (a link is not opened through).
    private static func fingerprint(_ path: String, _ name: String, in folder: Int32) -> Read {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            var info = stat()
            let isFolder =
                fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0
                && (info.st_mode & S_IFMT) == S_IFDIR
            return (path, isFolder ? .folder : .other, nil, nil)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return (path, .other, nil, nil) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return (path, .folder, nil, nil)
        default: return (path, .other, nil, nil)
        }
        let bytes = readAll(descriptor, size: Int(info.st_size))
        return (path, .file, FileIdentity(info), Fingerprint.hex(bytes: bytes))
    }
}
