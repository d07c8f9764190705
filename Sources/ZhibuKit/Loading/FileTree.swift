import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every input file of a site, read once into memory.
///
/// This is the only place that reads content from disk. It walks `Content/` (and `Templates/`)
/// with `readdir`, which reports file types without a `stat` per entry, then reads the files on
/// many threads: on CI machines disk latency, not CPU, dominates reading thousands of small files.
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
    /// - Throws: `LoadError` when the site directory or `Content/site.yml` does not exist, or the
    ///   content folder cannot be opened.
    package static func read(siteRoot: String, jobs: Int = Parallel.defaultJobs) throws(LoadError)
        -> FileTree
    {
        let walker = try walk(siteRoot)
        defer { for descriptor in walker.folderDescriptors { close(descriptor) } }
        let found = walker.files
        // Reading waits on the disk: many reader threads, not one per core.
        let contents = Parallel.io(found, threads: max(jobs, 16)) { entry in
            readFile(siteRoot: siteRoot, entry: entry)
        }
        var files: [SourceFile] = []
        var problems = walker.problems
        for result in contents {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let problem): problems.append(problem.diagnostic)
            }
        }
        return FileTree(files: files, directories: walker.directories, problems: problems)
    }

    /// Every input file's path with its identity (inode, size, modification time in
    /// nanoseconds), and what the walk refused, without reading any file: one line each,
    /// sorted. What a no-change rebuild compares before it reads anything.
    ///
    /// The walk is `read`'s own, so the two see the same files. A file whose bytes changed
    /// without its size or modification time changing is not seen here. File times advance in
    /// steps of a few milliseconds, so a file written within the last second may still change
    /// without its time changing: such a survey is `racy`, and a build does not trust it later.
    package static func survey(siteRoot: String, jobs: Int = Parallel.defaultJobs)
        throws(LoadError) -> (lines: [String], racy: Bool)
    {
        let walker = try walk(siteRoot)
        defer { for descriptor in walker.folderDescriptors { close(descriptor) } }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let recent = (Int64(now.tv_sec) - 1) * 1_000_000_000 + Int64(now.tv_nsec)
        let found = Parallel.io(walker.files, threads: max(jobs, 16)) {
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
        let problems = walker.problems.map {
            "problem \($0.rule.rawValue) \($0.location.file) \($0.message.en)"
        }
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

    /// The walk of `Content/` and `Templates/` that `read` and `survey` share; the caller
    /// closes the walker's folder descriptors.
    private static func walk(_ siteRoot: String) throws(LoadError) -> Walker {
        try requireSite(siteRoot)
        guard let realRoot = realPath(siteRoot) else {
            throw .unreadable(siteRoot, reason: String(cString: strerror(errno)))
        }
        var walker = Walker(siteRoot: siteRoot, realRoot: realRoot)
        do throws(LoadError) {
            try walker.walk(relative: "Content", required: true)
            try walker.walk(relative: "Templates", required: false)
        } catch {
            for descriptor in walker.folderDescriptors { close(descriptor) }
            throw error
        }
        return walker
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

// MARK: - Walking

/// A file found by the walk: where it is named in the site and where its bytes really are.
private struct FoundFile: Sendable {
    var path: String
    var diskPath: String
    var isAsset: Bool
    /// An open descriptor of the file's folder, or -1: opening by name in an open folder
    /// spares the kernel a lookup of every folder on the path, which for a small file is much
    /// of the work of reading it.
    var folder: Int32 = -1
    var name: String = ""
}

private struct ReadFailure: Error {
    var diagnostic: Diagnostic
}

private struct Walker {
    let siteRoot: String
    let realRoot: String
    var files: [FoundFile] = []
    var directories: [String] = []
    var problems: [Diagnostic] = []
    var visited = Set<FolderIdentity>()
    /// Folders kept open for reading their files by name; at most `maxFolderDescriptors`.
    var folderDescriptors: [Int32] = []
    /// Well below the limit on open files, leaving room for the reader threads: 256 under the
    /// usual 1,024, fewer under a lower limit (`DescriptorTable.folderBudget`), none under 128.
    let maxFolderDescriptors = DescriptorTable.folderBudget()

    init(siteRoot: String, realRoot: String) {
        self.siteRoot = siteRoot
        self.realRoot = realRoot
    }

    mutating func walk(relative: String, required: Bool) throws(LoadError) {
        let disk = siteRoot + "/" + relative
        // `Content` or `Templates` itself may be a link, but only to a place inside the site
        // that is not zhibu's output: the same rule as for a link one level down.
        if fileType(disk, follow: false) == UInt8(DT_LNK), !followable(disk) {
            problems.append(symlinkOutside(relative))
            return
        }
        guard let directory = opendir(disk) else {
            if !required && errno == ENOENT { return }
            throw .unreadable(relative, reason: String(cString: strerror(errno)))
        }
        closedir(directory)
        walkDirectory(relative: relative, disk: disk)
    }

    mutating func walkDirectory(relative: String, disk: String) {
        let directory = opendir(disk)
        if let directory {
            // A folder reached twice (a link to a folder above it) is walked once: known by
            // its device and inode, one `fstat`, where resolving its real path would cost a
            // `readlink` for every folder above it.
            var info = stat()
            if fstat(dirfd(directory), &info) == 0,
                !visited.insert(FolderIdentity(info)).inserted
            {
                closedir(directory)
                return
            }
        }
        directories.append(relative)
        guard let directory else {
            problems.append(
                Diagnostic(
                    rule: .unreadable, severity: .error,
                    message: LocalizedText(
                        zh: "无法读取文件夹：\(String(cString: strerror(errno)))",
                        en: "cannot read this folder: \(String(cString: strerror(errno)))"),
                    location: SourceLocation(file: relative),
                    help: [
                        LocalizedText(
                            zh: "检查文件夹权限（运行 zhibu 的用户需要读权限）",
                            en:
                                "check the folder's permissions: the user running zhibu must be "
                                + "able to read it"
                        )
                    ]))
            return
        }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            entries.append((name, entry.pointee.d_type))
        }
        entries.sort { $0.name < $1.name }
        // Assets and static files are copied as they are, whatever their size: only text that
        // is parsed has a size limit.
        let isAsset =
            relative == "Content/assets" || relative.hasPrefix("Content/assets/")
            || relative == "Content/static" || relative.hasPrefix("Content/static/")
        var folder: Int32 = -1
        if folderDescriptors.count < maxFolderDescriptors,
            entries.contains(where: { $0.type != UInt8(DT_DIR) })
        {
            folder = open(disk, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 { folderDescriptors.append(folder) }
        }
        for (name, type) in entries {
            let childRelative = relative + "/" + name
            let childDisk = disk + "/" + name
            var kind = type
            if kind == UInt8(DT_UNKNOWN) { kind = fileType(childDisk, follow: false) }
            if kind == UInt8(DT_LNK) {
                guard followable(childDisk) else {
                    problems.append(symlinkOutside(childRelative))
                    continue
                }
                kind = fileType(childDisk, follow: true)
            }
            if kind == UInt8(DT_DIR) {
                walkDirectory(relative: childRelative, disk: childDisk)
            } else if kind == UInt8(DT_REG) {
                files.append(
                    FoundFile(
                        path: childRelative, diskPath: childDisk, isAsset: isAsset,
                        folder: folder, name: name))
            } else if kind != UInt8(DT_UNKNOWN) {
                // A named pipe, a socket or a device: reading a pipe would wait forever, and
                // skipping it in silence would hide a page the user meant to write.
                problems.append(notAFile(childRelative))
            }
        }
    }

    func notAFile(_ path: String) -> Diagnostic {
        pathUnsafe(
            path,
            LocalizedText(
                zh: "这不是普通文件（命名管道、套接字或设备），zhibu 只读取普通文件",
                en:
                    "this is not a regular file (a named pipe, a socket or a device); zhibu "
                    + "reads only regular files"),
            help: LocalizedText(
                zh: "删除它，或在这里放一个写有所需内容的普通文件",
                en: "remove it, or put a regular file with the content you mean here"))
    }

    /// Whether a link leads to a place inside the site that is not zhibu's output (`Site/`,
    /// `.zhibu/`): following one into the output would copy the site into itself.
    func followable(_ link: String) -> Bool {
        guard let target = realPath(link),
            target == realRoot || target.hasPrefix(realRoot + "/")
        else { return false }
        for output in ["/Site", "/.zhibu"] {
            let folder = realRoot + output
            if target == folder || target.hasPrefix(folder + "/") { return false }
        }
        return true
    }

    func symlinkOutside(_ path: String) -> Diagnostic {
        pathUnsafe(
            path,
            LocalizedText(
                zh: "符号链接指向站点之外、zhibu 的输出（Site/、.zhibu/）或已失效，zhibu 不会跟随它",
                en:
                    "this symbolic link points outside the site, into zhibu's output (Site/, "
                    + ".zhibu/) or nowhere; zhibu does not follow it"),
            help: LocalizedText(
                zh: "把所需文件复制到站点内，再删除这个链接",
                en: "copy the file into the site and remove the link"))
    }

    /// An entry of the walk that is not read: `load.path-unsafe` at its path.
    private func pathUnsafe(_ path: String, _ message: LocalizedText, help: LocalizedText)
        -> Diagnostic
    {
        Diagnostic(
            rule: .pathUnsafe, severity: .error, message: message,
            location: SourceLocation(file: path), help: [help])
    }
}

// MARK: - Reading

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

private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

private func fileType(_ path: String, follow: Bool) -> UInt8 {
    var info = stat()
    let status = follow ? stat(path, &info) : lstat(path, &info)
    guard status == 0 else { return UInt8(DT_UNKNOWN) }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return UInt8(DT_DIR)
    case S_IFREG: return UInt8(DT_REG)
    case S_IFLNK: return UInt8(DT_LNK)
    case S_IFIFO: return UInt8(DT_FIFO)
    case S_IFSOCK: return UInt8(DT_SOCK)
    case S_IFCHR: return UInt8(DT_CHR)
    case S_IFBLK: return UInt8(DT_BLK)
    default: return UInt8(DT_UNKNOWN)
    }
}
