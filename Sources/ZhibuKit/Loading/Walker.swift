import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file found by the walk: where it is named in the site and where its bytes really are.
struct FoundFile: Sendable {
    var path: String
    var diskPath: String
    var isAsset: Bool
    /// An open descriptor of the file's folder, or -1: opening by name in an open folder
    /// spares the kernel a lookup of every folder on the path, which for a small file is much
    /// of the work of reading it.
    var folder: Int32 = -1
    var name: String = ""
}

/// The serial walk of `Content/` and `Templates/`: depth first, names sorted, following links
/// that stay inside the site and walking each folder once however many paths reach it.
///
/// `FolderSweep` does the same walk on many threads for a tree without links to folders, and
/// falls back to this one otherwise; the two share the rules below (`followable`, the
/// diagnostics), so they find the same files and report the same problems.
struct Walker {
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

    /// Checks a root of the walk (`Content`, `Templates`): whether it is to be walked.
    ///
    /// - Returns: false when it is a link out of the site (reported) or, when not `required`,
    ///   missing.
    /// - Throws: `LoadError.unreadable` when it cannot be opened.
    mutating func root(relative: String, required: Bool) throws(LoadError) -> Bool {
        let disk = siteRoot + "/" + relative
        // `Content` or `Templates` itself may be a link, but only to a place inside the site
        // that is not zhibu's output: the same rule as for a link one level down.
        if Self.fileType(disk, follow: false) == UInt8(DT_LNK), !followable(disk) {
            problems.append(symlinkOutside(relative))
            return false
        }
        guard let directory = opendir(disk) else {
            if !required && errno == ENOENT { return false }
            throw .unreadable(relative, reason: String(cString: strerror(errno)))
        }
        closedir(directory)
        return true
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
            problems.append(Self.unreadableFolder(relative, errno: errno))
            return
        }
        defer { closedir(directory) }
        let entries = Self.entries(of: directory)
        let isAsset = Self.isAsset(folder: relative)
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
            switch entry(type, relative: childRelative, disk: childDisk) {
            case .folder: walkDirectory(relative: childRelative, disk: childDisk)
            case .file:
                files.append(
                    FoundFile(
                        path: childRelative, diskPath: childDisk, isAsset: isAsset,
                        folder: folder, name: name))
            case .problem(let problem): problems.append(problem)
            case nil: break
            }
        }
    }

    /// What an entry of a folder is to the walk.
    enum Entry {
        /// A folder, `linked` when reached through a link.
        case folder(linked: Bool)
        /// A regular file, or a link to one inside the site.
        case file
        /// Not walked and not read: a link out of the site, or a named pipe, socket or device.
        case problem(Diagnostic)
    }

    /// What the entry at `disk` is, from the type `readdir` gave (`DT_UNKNOWN` when the file
    /// system does not say), a link followed when it stays inside the site; nil for an entry
    /// that vanished meanwhile, which is passed over.
    func entry(_ type: UInt8, relative: String, disk: String) -> Entry? {
        var kind = type
        if kind == UInt8(DT_UNKNOWN) { kind = Self.fileType(disk, follow: false) }
        var linked = false
        if kind == UInt8(DT_LNK) {
            guard followable(disk) else { return .problem(symlinkOutside(relative)) }
            kind = Self.fileType(disk, follow: true)
            linked = true
        }
        if kind == UInt8(DT_DIR) { return .folder(linked: linked) }
        if kind == UInt8(DT_REG) { return .file }
        // A named pipe, a socket or a device: reading a pipe would wait forever, and skipping
        // it in silence would hide a page the user meant to write.
        if kind != UInt8(DT_UNKNOWN) { return .problem(notAFile(relative)) }
        return nil
    }

    /// A folder's entries but the hidden ones (`.git`, `.DS_Store`), sorted by name, with the
    /// type `readdir` gave each.
    static func entries(of directory: OpaquePointer) -> [(name: String, type: UInt8)] {
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            entries.append((name, entry.pointee.d_type))
        }
        entries.sort { $0.name < $1.name }
        return entries
    }

    /// Whether the files of a folder are assets or static files, which are copied as they
    /// are, whatever their size: only text that is parsed has a size limit.
    static func isAsset(folder relative: String) -> Bool {
        relative == "Content/assets" || relative.hasPrefix("Content/assets/")
            || relative == "Content/static" || relative.hasPrefix("Content/static/")
    }

    /// `load.unreadable` for a folder that cannot be opened, with the system's reason.
    static func unreadableFolder(_ relative: String, errno code: Int32) -> Diagnostic {
        let reason = String(cString: strerror(code))
        return Diagnostic(
            rule: .unreadable, severity: .error,
            message: LocalizedText(
                zh: "无法读取文件夹：\(reason)", en: "cannot read this folder: \(reason)"),
            location: SourceLocation(file: relative),
            help: [
                LocalizedText(
                    zh: "检查文件夹权限（运行 zhibu 的用户需要读权限）",
                    en:
                        "check the folder's permissions: the user running zhibu must be able to "
                        + "read it"
                )
            ])
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
        guard let target = Self.realPath(link),
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

    /// The path with every link resolved, or nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `readdir` type of what is at `path`, a final link followed or not; `DT_UNKNOWN`
    /// when there is nothing there.
    static func fileType(_ path: String, follow: Bool) -> UInt8 {
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
}
