import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every input file of a site, read once into memory.
///
/// This is the only place that reads content from disk. It walks `Content/` (and `Templates/`)
/// with `readdir`, which reports file types without a `stat` per entry, on many threads that
/// read each listed folder's files as they go (`FolderSweep`): on CI machines disk latency, not
/// CPU, dominates listing folders and reading thousands of small files.
package struct FileTree: Sendable {
    /// The files, sorted by path (relative to the site directory).
    package var files: [SourceFile]
    /// Every folder that was walked, relative to the site directory, sorted.
    package var directories: [String]
    /// Problems met while walking: symlinks that leave the site, unreadable entries.
    package var problems: [Diagnostic]

    package init(files: [SourceFile], directories: [String] = [], problems: [Diagnostic] = []) {
        self.files = files.sortedMovingOnce { $0.path < $1.path }
        var folders = Set(directories)
        var previousFolder: Substring = ""
        for file in self.files {
            // Walk up only until a folder is already known: linear in the number of folders.
            // Sorted files come folder by folder, so most share the previous file's folder.
            let path = Substring(file.path)
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            if path[..<slash] == previousFolder { continue }
            previousFolder = path[..<slash]
            var folder = previousFolder
            while folders.insert(String(folder)).inserted,
                let up = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
            {
                folder = folder[..<up]
            }
        }
        self.directories = folders.sorted()
        self.problems = problems
    }

    /// Text files larger than this are reported and not parsed: minutes of several megabytes are
    /// almost always a pasted image or a mistaken export, and parsing them would stall a build.
    package static let textSizeLimit = 8 * 1024 * 1024

    /// Reads `Content/` and `Templates/` under `siteRoot`.
    ///
    /// - Parameter serial: walk one folder at a time, as for a tree with links to folders, even
    ///   when the tree has none: for tests that hold the two walks to each other.
    /// - Throws: `LoadError` when the site directory or `Content/site.yml` does not exist, or the
    ///   content folder cannot be opened.
    package static func read(
        siteRoot: String, jobs: Int = Parallel.defaultJobs, serial: Bool = false
    ) throws(LoadError) -> FileTree {
        let found = try gather(siteRoot, jobs: jobs, serial: serial) { entry in
            readFile(siteRoot: siteRoot, entry: entry)
        }
        var files: [SourceFile] = []
        var problems = found.problems
        for result in found.payloads {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let problem): problems.append(problem.diagnostic)
            }
        }
        return FileTree(files: files, directories: found.directories, problems: problems)
    }

    /// Every input file's path with its identity (inode, size, modification time in
    /// nanoseconds), and what the walk refused, without reading any file: one line each,
    /// sorted. What a no-change rebuild compares before it reads anything.
    ///
    /// The walk is `read`'s own, so the two see the same files. A file whose bytes changed
    /// without its size or modification time changing is not seen here. File times advance in
    /// steps of a few milliseconds, so a file written within the last second may still change
    /// without its time changing: such a survey is `racy`, and a build does not trust it later.
    ///
    /// - Parameter serial: as for `read`.
    package static func survey(
        siteRoot: String, jobs: Int = Parallel.defaultJobs, serial: Bool = false
    ) throws(LoadError) -> (lines: [String], racy: Bool) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let recent = (Int64(now.tv_sec) - 1) * 1_000_000_000 + Int64(now.tv_nsec)
        let swept = try gather(siteRoot, jobs: jobs, serial: serial) {
            entry -> (line: String, modified: Int64) in
            var info = stat()
            let found =
                entry.folder >= 0
                ? fstatat(entry.folder, entry.name, &info, 0) == 0
                : stat(entry.diskPath, &info) == 0
            guard found, let identity = FileIdentity(info) else {
                return (entry.path + "\u{0}-", .max)
            }
            return (
                entry.path + "\u{0}\(identity.inode) \(identity.size) \(identity.modified)",
                identity.modified
            )
        }
        let problems = swept.problems.map {
            "problem \($0.rule.rawValue) \($0.location.file) \($0.message.en)"
        }
        let found = swept.payloads
        return (found.map(\.line).sorted() + problems, found.contains { $0.modified >= recent })
    }

    /// Throws unless `siteRoot` is a folder holding `Content/site.yml`: checked before a build
    /// takes its lock, which makes `.zhibu/`, so that a build run in the wrong folder leaves
    /// nothing behind.
    package static func requireSite(_ siteRoot: String) throws(LoadError) {
        var info = stat()
        guard stat(siteRoot, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .siteNotFound(siteRoot)
        }
        guard access(siteRoot + "/Content/site.yml", F_OK) == 0 else {
            throw .notASite(siteRoot)
        }
    }

    /// The walk of `Content/` and `Templates/` that `read` and `survey` share, each file found
    /// handed to `handle` on one of many threads (the disk's latency, not the cores, bounds
    /// reading thousands of small files): by `FolderSweep` while it can, else by the serial
    /// `Walker` and then `Parallel.io`, which follow links to folders.
    private static func gather<Payload: Sendable>(
        _ siteRoot: String, jobs: Int, serial: Bool,
        _ handle: @escaping @Sendable (FoundFile) -> Payload
    ) throws(LoadError) -> FolderSweep<Payload>.Found {
        try requireSite(siteRoot)
        guard let realRoot = Walker.realPath(siteRoot) else {
            throw .unreadable(siteRoot, reason: String(cString: strerror(errno)))
        }
        var walker = Walker(siteRoot: siteRoot, realRoot: realRoot)
        var roots: [String] = []
        if try walker.root(relative: "Content", required: true) { roots.append("Content") }
        if try walker.root(relative: "Templates", required: false) { roots.append("Templates") }
        let threads = DescriptorTable.sweepThreads(wanted: max(jobs, 16))
        if !serial,
            var swept = FolderSweep.run(walker, roots: roots, threads: threads, handle: handle)
        {
            swept.problems = walker.problems + swept.problems
            return swept
        }
        defer { for descriptor in walker.folderDescriptors { close(descriptor) } }
        for root in roots { walker.walkDirectory(relative: root, disk: siteRoot + "/" + root) }
        return FolderSweep.Found(
            payloads: Parallel.io(walker.files, threads: max(jobs, 16), handle),
            directories: walker.directories, problems: walker.problems)
    }

    /// Only the files at `paths`, the rest let go of: a report keeps the files its findings
    /// point into, which is all it quotes, not every byte a build read.
    package func keeping(_ paths: Set<String>) -> FileTree {
        var kept = self
        kept.files = files.filter { paths.contains($0.path) }
        return kept
    }

    /// The file at a site-relative path, if it was read.
    package func file(_ path: String) -> SourceFile? {
        var low = 0
        var high = files.count
        while low < high {
            let mid = (low + high) / 2
            if files[mid].path < path { low = mid + 1 } else { high = mid }
        }
        return low < files.count && files[low].path == path ? files[low] : nil
    }
}

// MARK: - Reading

private struct ReadFailure: Error {
    var diagnostic: Diagnostic
}

private func readFile(siteRoot: String, entry: FoundFile) -> Result<SourceFile, ReadFailure> {
    let descriptor =
        entry.folder >= 0
        ? openat(entry.folder, entry.name, O_RDONLY | O_CLOEXEC)
        : open(entry.diskPath, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
        return .failure(unreadable(entry.path))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(unreadable(entry.path)) }
    let size = Int(info.st_size)
    if !entry.isAsset && size > FileTree.textSizeLimit {
        return .success(SourceFile(path: entry.path, bytes: [], skippedSize: size))
    }
    // Read straight into the array's storage: zero-filling it first would add a pass over every
    // byte of the site.
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        var total = 0
        while total < size {
            let count = read(descriptor, buffer.baseAddress.map { $0 + total }, size - total)
            if count < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            if count == 0 { break }
            total += count
        }
        initialized = total
    }
    guard !failed else { return .failure(unreadable(entry.path)) }
    return .success(SourceFile(path: entry.path, bytes: bytes))
}

private func unreadable(_ path: String) -> ReadFailure {
    let reason = String(cString: strerror(errno))
    return ReadFailure(
        diagnostic: Diagnostic(
            rule: .unreadable, severity: .error,
            message: LocalizedText(zh: "无法读取文件：\(reason)", en: "cannot read this file: \(reason)"),
            location: SourceLocation(file: path),
            help: [
                LocalizedText(
                    zh: "检查文件权限（运行 zhibu 的用户需要读权限）",
                    en:
                        "check the file's permissions: the user running zhibu must be able to "
                        + "read it"
                )
            ]))
}
