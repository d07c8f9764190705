import CSystemShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What zhibu knew of each folder of the tree it swapped in: the folder's identity when it was
/// finished, and the files the manifest has directly in it, kept in `.zhibu/` beside the
/// manifest it was made from.
///
/// A rebuild with nothing changed must still find `Site/` as zhibu left it. Listing ten
/// thousand folders is most of that check, yet a folder gains, loses or renames an entry only
/// by changing its own change time (`st_ctime`, which no program can set back). So a folder
/// whose inode and times are the recorded ones still holds exactly the recorded names, and
/// only those files are looked at (their identities, as the manifest has them); any other
/// folder is listed as before.
///
/// The invariant that makes a recorded time trustworthy: a folder's identity is recorded only
/// when its change time is before a stamp taken, on the same file system, before the folder
/// was looked at. A change made after the look therefore carries a later time, even within
/// the file system's clock tick, and shows as a different identity. The folders are taken in
/// the spare, after zhibu finished them and before the swap; what the record trusts is what
/// zhibu wrote or found in its own `.zhibu/` while it held the build lock.
package struct FolderRecord: Sendable {
    /// A folder as `fstat` found it: the change time is the part nobody can set.
    package struct Identity: Equatable, Sendable {
        var inode: UInt64
        /// Change time, nanoseconds since the epoch.
        var changed: Int64
        /// Modification time, nanoseconds since the epoch.
        var modified: Int64

        package init(inode: UInt64, changed: Int64, modified: Int64) {
            self.inode = inode
            self.changed = changed
            self.modified = modified
        }

        init(_ info: stat) {
            inode = UInt64(info.st_ino)
            changed = FileIdentity.changed(info)
            modified = FileIdentity.modified(info)
        }
    }

    /// The folders of a tree's files, sorted by the bytes of their paths with the root (`.`)
    /// first, and the files directly in each: every folder that holds a file, and its parents.
    package struct Layout: Sendable {
        package var folders: [String]
        /// Per folder, each file's name and whole path.
        var files: [[(name: String, path: String)]]

        /// Made by every publish, from the paths alone so that it can be made while the files
        /// are written: each path is split once at its last slash, a folder's parents are
        /// registered only when it is first seen, and the folders are sorted by their bytes with
        /// `memcmp`.
        package init(paths: some Sequence<String>) {
            var index: [String: Int] = [".": 0]
            var names: [String] = ["."]
            var contents: [[(name: String, path: String)]] = [[]]
            for path in paths {
                let folder: String
                let name: String
                if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    folder = String(path[..<slash])
                    name = String(path[path.utf8.index(after: slash)...])
                } else {
                    folder = "."
                    name = path
                }
                if let at = index[folder] {
                    contents[at].append((name, path))
                    continue
                }
                // The folder, then each parent until one already known.
                var missing = [folder]
                var current = folder
                while let slash = current.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    current = String(current[..<slash])
                    if index[current] != nil { break }
                    missing.append(current)
                }
                for path in missing.reversed() {
                    index[path] = names.count
                    names.append(path)
                    contents.append([])
                }
                contents[contents.count - 1].append((name, path))
            }
            // The folders in byte order, which the reader checks and searches; the files of a
            // folder in any order, since each is looked up by name.
            let order =
                [0] + names.indices.dropFirst().sorted { Self.precedes(names[$0], names[$1]) }
            folders = order.map { names[$0] }
            files = order.map { contents[$0] }
        }

        /// Whether `first` sorts before `second` by the bytes of their UTF-8, the order the
        /// record is read in.
        static func precedes(_ first: String, _ second: String) -> Bool {
            // In place for native strings, without copying either or counting references.
            let order = first.utf8.withContiguousStorageIfAvailable { a in
                second.utf8.withContiguousStorageIfAvailable { b -> Bool in
                    let common = min(a.count, b.count)
                    if common > 0, let x = a.baseAddress, let y = b.baseAddress {
                        let order = memcmp(x, y, common)
                        if order != 0 { return order < 0 }
                    }
                    return a.count < b.count
                }
            }
            return (order ?? nil) ?? first.utf8.lexicographicallyPrecedes(second.utf8)
        }

        /// The identity of each folder below `root` whose change time is before `stamp`; nil
        /// for the others, which are listed whenever they are checked.
        package func identities(in root: String, before stamp: Int64, jobs: Int) -> [Identity?] {
            Parallel.map(folders, jobs: jobs) { folder -> Identity? in
                var info = stat()
                let path = folder == "." ? root : root + "/" + folder
                guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                    return nil
                }
                let identity = Identity(info)
                return identity.changed < stamp ? identity : nil
            }
        }

        /// The record's text: a header, the manifest's fingerprint, then per folder a line
        /// `D inode ctime mtime path` (`-` for each number of a folder not trusted) followed by
        /// a line `F inode size mtime name` per file in it.
        ///
        /// Nil when a file's identity is not in `manifest`: such a tree is checked by reading
        /// it back.
        package func encoded(
            identities: [Identity?], of manifest: Manifest, fingerprint: String
        ) -> [UInt8]? {
            var out = Array((FolderRecord.header + "\n" + fingerprint + "\n").utf8)
            out.reserveCapacity(folders.count * 64 + files.reduce(0) { $0 + $1.count } * 64)
            for (index, folder) in folders.enumerated() {
                out.append(UInt8(ascii: "D"))
                if let identity = identities[index] {
                    Self.append(identity.inode, to: &out)
                    Self.append(identity.changed, to: &out)
                    Self.append(identity.modified, to: &out)
                } else {
                    out += Array(" - - -".utf8)
                }
                out.append(0x20)
                out += folder.utf8
                out.append(0x0A)
                for file in files[index] {
                    guard let identity = manifest.identity(file.path) else { return nil }
                    out.append(UInt8(ascii: "F"))
                    Self.append(identity.inode, to: &out)
                    Self.append(identity.size, to: &out)
                    Self.append(identity.modified, to: &out)
                    out.append(0x20)
                    out += file.name.utf8
                    out.append(0x0A)
                }
            }
            return out
        }

        /// A space, then `value` in decimal: thirty thousand lines of interpolated numbers
        /// were a tenth of what recording a tree cost.
        private static func append(_ value: Int64, to out: inout [UInt8]) {
            append(value.magnitude, negative: value < 0, to: &out)
        }

        private static func append(_ value: UInt64, negative: Bool = false, to out: inout [UInt8]) {
            out.append(0x20)
            if negative { out.append(UInt8(ascii: "-")) }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var magnitude = value
                var count = 0
                repeat {
                    digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                out += UnsafeBufferPointer(rebasing: digits[(20 - count)...])
            }
        }
    }

    static let header = "zhibu-folders 1"

    /// How a folder is opened to be looked at: where the system allows, without the cost of
    /// opening it for reading, which only a changed folder needs.
    private static let lookOnly = zhibu_look_only_flag()

    /// Moves the change time of the folder at `root` to now and returns it: the stamp that
    /// folders looked at afterwards are held to. Nil when the file system would not say.
    package static func stamp(_ root: String) -> Int64? {
        guard utimensat(AT_FDCWD, root, nil, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        var info = stat()
        guard lstat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let changed = Identity(info).changed
        // A file system that keeps no change time cannot tell a changed folder.
        return changed > 0 ? changed : nil
    }

    /// One folder of a parsed record: byte ranges into its text (each ending in a NUL), its
    /// identity if trusted, and the range of its files in `files`.
    private struct Folder: Sendable {
        var path: Range<Int>
        var identity: Identity?
        var files: Range<Int>
    }

    private struct File: Sendable {
        var name: Range<Int>
        var identity: FileIdentity
    }

    private var bytes: [UInt8]
    private var folders: [Folder]
    private var files: [File]

    /// Reads a record made for the manifest with `fingerprint`; nil if it is for another
    /// manifest, or is malformed in any way (a NUL, an unsafe path or name, folders out of
    /// order).
    ///
    /// Read on every rebuild, before `Site/` can be checked: one pass over raw bytes, each
    /// line's three numbers read in place and its name checked where it lies.
    package init?(bytes text: consuming [UInt8], manifest fingerprint: String) {
        // Each line ends in a NUL instead of its newline, so that names are C strings in place.
        var bytes = text
        var folders: [Folder] = []
        var files: [File] = []
        // A line is about forty-five bytes, and most lines are files, about two for each
        // folder: room for them, grown once at most.
        files.reserveCapacity(bytes.count / 48)
        folders.reserveCapacity(bytes.count / 96)
        let parsed = bytes.withUnsafeMutableBufferPointer { all -> Bool in
            guard let base = all.baseAddress, all.count > 0,
                // A NUL would end a name early: no line may hold one.
                memchr(base, 0, all.count) == nil
            else { return false }
            let header = Array(Self.header.utf8) + [0x0A] + Array(fingerprint.utf8) + [0x0A]
            guard all.count >= header.count,
                memcmp(base, header, header.count) == 0
            else { return false }
            var start = header.count
            while start < all.count {
                guard let newline = memchr(base + start, 0x0A, all.count - start) else {
                    return false
                }
                let end =
                    UnsafeMutablePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self))
                    - base
                base[end] = 0
                guard
                    Self.entry(
                        UnsafePointer(base), start, end, folders: &folders, files: &files)
                else { return false }
                start = end + 1
            }
            return !folders.isEmpty
        }
        guard parsed else { return nil }
        self.bytes = bytes
        self.folders = folders
        self.files = files
    }

    /// The number written at `index` of `base`, up to the space after it, which `index` is
    /// left past; nil unless it is a decimal number (negative where `signed`) that fits.
    @inline(__always)
    private static func number(
        _ base: UnsafePointer<UInt8>, _ index: inout Int, end: Int, signed: Bool
    ) -> (magnitude: UInt64, negative: Bool)? {
        var at = index
        let negative = signed && at < end && base[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        let first = at
        var value: UInt64 = 0
        while at < end {
            let digit = base[at] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            // Nineteen digits always fit in 64 bits; a twentieth may not.
            if at - first >= 19 {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(digit))
                guard !overflow, !carry else { return nil }
                value = sum
            } else {
                value = value &* 10 &+ UInt64(digit)
            }
            at += 1
        }
        guard at > first, at < end, base[at] == 0x20 else { return nil }
        if signed, value > (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)) { return nil }
        index = at + 1
        return (value, negative)
    }

    /// A signed number's value from `number`.
    @inline(__always)
    private static func signed(_ number: (magnitude: UInt64, negative: Bool)) -> Int64 {
        number.negative
            ? Int64(truncatingIfNeeded: 0 &- number.magnitude)
            : Int64(truncatingIfNeeded: number.magnitude)
    }

    /// One `D` or `F` line of the record, `base[start..<end]`, appended to `folders` or
    /// `files`; false if malformed.
    private static func entry(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, folders: inout [Folder],
        files: inout [File]
    ) -> Bool {
        guard end - start > 2, base[start + 1] == 0x20 else { return false }
        // Three numbers (or three `-`), then the path or name, which may hold spaces.
        var index = start + 2
        switch base[start] {
        case UInt8(ascii: "D"):
            var identity: Identity?
            if end - index > 6, memcmp(base + index, "- - - ", 6) == 0 {
                index += 6
            } else {
                guard let inode = number(base, &index, end: end, signed: false),
                    let changed = number(base, &index, end: end, signed: true),
                    let modified = number(base, &index, end: end, signed: true)
                else { return false }
                identity = Identity(
                    inode: inode.magnitude, changed: signed(changed), modified: signed(modified))
            }
            let path = index..<end
            guard !path.isEmpty else { return false }
            let name = UnsafeBufferPointer(start: base + index, count: end - index)
            let isRoot = name.count == 1 && name[0] == UInt8(ascii: ".")
            guard isRoot == folders.isEmpty, isRoot || Manifest.isSafe(name[...]) else {
                return false
            }
            // Folders in byte order, after the root.
            if let last = folders.last, last.path.count > 1 || base[last.path.lowerBound] != 0x2E {
                let common = min(last.path.count, path.count)
                let order = memcmp(base + last.path.lowerBound, base + path.lowerBound, common)
                guard order < 0 || (order == 0 && last.path.count < path.count) else {
                    return false
                }
            }
            folders.append(Folder(path: path, identity: identity, files: files.count..<files.count))
        case UInt8(ascii: "F"):
            guard !folders.isEmpty,
                let inode = number(base, &index, end: end, signed: false),
                let size = number(base, &index, end: end, signed: true),
                let modified = number(base, &index, end: end, signed: true)
            else { return false }
            let count = end - index
            guard count > 0, memchr(base + index, Int32(UInt8(ascii: "/")), count) == nil,
                !(count <= 2 && base[index] == 0x2E && (count == 1 || base[index + 1] == 0x2E))
            else { return false }
            files.append(
                File(
                    name: index..<end,
                    identity: FileIdentity(
                        inode: inode.magnitude, size: signed(size), modified: signed(modified))))
            let last = folders.count - 1
            folders[last].files = folders[last].files.lowerBound..<files.count
        default:
            return false
        }
        return true
    }

    /// Whether the tree at `root` holds exactly the recorded files, with their recorded
    /// identities, and nothing else but empty folders: each folder is opened without following
    /// a link; one with its recorded identity has only its files looked up, any other is
    /// listed. Nil when `stop` was raised before the answer was known.
    package func holds(root: String, jobs: Int, unless stop: StopFlag? = nil) -> Bool? {
        let site = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard site >= 0 else { return false }
        defer { close(site) }
        // Runs of folders, so that taking the next one costs nothing beside its system calls,
        // cut by the look-ups they need (a folder's, and its files'), so that no thread is
        // left alone with a long last run: a folder of search fragments holds hundreds of
        // files, a record's folder one.
        let budget = max(256, (folders.count + files.count) / max(1, jobs * 16))
        var runs: [Range<Int>] = []
        var start = 0
        var cost = 0
        for index in folders.indices {
            cost += 1 + folders[index].files.count
            if cost >= budget || index == folders.count - 1 {
                runs.append(start..<index + 1)
                start = index + 1
                cost = 0
            }
        }
        let verdicts = Parallel.map(runs, jobs: jobs, grain: 1) { run -> Bool? in
            if stop?.isRaised == true { return nil }
            var open = OpenFolders()
            defer { open.closeAll() }
            // A path and a name joined for lookup, up to the longest path the system takes.
            var scratch = [CChar](repeating: 0, count: Int(PATH_MAX))
            return bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return false }
                return base.withMemoryRebound(to: CChar.self, capacity: all.count) { text in
                    run.allSatisfy {
                        check(
                            $0, all, text, site: site, open: &open, scratch: &scratch, root: root)
                    }
                }
            }
        }
        // A run that found a difference answers for the whole tree, stopped or not.
        if verdicts.contains(false) { return false }
        return verdicts.contains(nil) ? nil : true
    }

    /// The folders a run has open, each an ancestor of the next: a folder is looked up by its
    /// last name in its open parent, so that the kernel looks up one name per folder instead
    /// of every name on its path from the root.
    private struct OpenFolders {
        /// Each folder's path in the record's bytes, and its descriptor; the root's path is
        /// empty.
        var stack: [(path: Range<Int>, descriptor: Int32)] = []

        mutating func closeAll() {
            for entry in stack { close(entry.descriptor) }
            stack.removeAll()
        }
    }

    /// Where `folder` is looked up from: the nearest folder of `open` above it, by the rest of
    /// its path (usually its last name), or else `site` by its whole path. Folders of `open`
    /// that are not its ancestors are closed first.
    private func base(
        of folder: Folder, _ all: UnsafeBufferPointer<UInt8>, _ text: UnsafePointer<CChar>,
        site: Int32, open: inout OpenFolders
    ) -> (descriptor: Int32, relative: Int) {
        let path = folder.path
        while let top = open.stack.last {
            // The root is every folder's ancestor; any other is one whose path this one
            // continues with a slash.
            if top.path.isEmpty
                || (top.path.count < path.count
                    && all[path.lowerBound + top.path.count] == UInt8(ascii: "/")
                    && memcmp(text + top.path.lowerBound, text + path.lowerBound, top.path.count)
                        == 0)
            {
                let skipped = top.path.isEmpty ? 0 : top.path.count + 1
                return (top.descriptor, path.lowerBound + skipped)
            }
            close(top.descriptor)
            open.stack.removeLast()
        }
        return (site, path.lowerBound)
    }

    /// Whether no recorded folder lies below `folders[index]`: the one after it in byte order
    /// does not continue its path. (A sibling such as `a-b` sorts between `a` and `a/c`, so a
    /// folder may be taken for a leaf wrongly; its subfolders are then looked up from further
    /// up, which costs a longer lookup, not a wrong answer.)
    private func isLeaf(_ index: Int, _ all: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + 1 < folders.count else { return true }
        let path = folders[index].path
        let next = folders[index + 1].path
        return
            !(next.count > path.count
            && all[next.lowerBound + path.count] == UInt8(ascii: "/")
            && all[next.lowerBound..<next.lowerBound + path.count].elementsEqual(all[path]))
    }

    /// Whether folder `index` holds what was recorded. A trusted folder with no recorded folder
    /// below it and a few files (a page's folder, most of a site) is looked at by its name,
    /// without being opened and closed again: two system calls fewer for each of ten thousand
    /// folders. Any other folder is opened, and stays open for the folders below it: a folder
    /// of hundreds of search fragments then has each file looked up by its name alone, one
    /// name fewer for the kernel to look up per file than by the folder's path.
    private func check(
        _ index: Int, _ all: UnsafeBufferPointer<UInt8>, _ text: UnsafePointer<CChar>,
        site: Int32, open: inout OpenFolders, scratch: inout [CChar], root: String
    ) -> Bool {
        let folder = folders[index]
        // The root is the first folder of the first run, when nothing is open yet.
        let isRoot = index == 0
        let (from, relative) =
            isRoot
            ? (site, folder.path.lowerBound) : base(of: folder, all, text, site: site, open: &open)
        if !isRoot, let recorded = folder.identity, folder.files.count <= Self.fewFiles,
            isLeaf(index, all),
            let held = heldByName(folder, recorded, from, relative, all, text, &scratch)
        {
            return held
        }
        let descriptor = openat(
            from, text + relative, Self.lookOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        open.stack.append(
            (isRoot ? folder.path.lowerBound..<folder.path.lowerBound : folder.path, descriptor))
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        guard let recorded = folder.identity, Identity(info) == recorded else {
            return listed(folder, descriptor, root: root)
        }
        return files[folder.files].allSatisfy { file in
            var info = stat()
            return fstatat(descriptor, text + file.name.lowerBound, &info, AT_SYMLINK_NOFOLLOW)
                == 0 && FileIdentity(info) == file.identity
        }
    }

    /// The most files a leaf folder may have to be looked at by its path rather than opened:
    /// opening costs two system calls, and each file looked up by path one name more.
    static let fewFiles = 2

    /// A trusted leaf folder looked at by its path from `from`, and its files by that path and
    /// their names: whether it holds what was recorded, or nil when it must be opened instead
    /// (it is not the recorded folder, or its path is too long for `scratch`).
    private func heldByName(
        _ folder: Folder, _ recorded: Identity, _ from: Int32, _ relative: Int,
        _ all: UnsafeBufferPointer<UInt8>, _ text: UnsafePointer<CChar>, _ scratch: inout [CChar]
    ) -> Bool? {
        var info = stat()
        guard fstatat(from, text + relative, &info, AT_SYMLINK_NOFOLLOW) == 0,
            (info.st_mode & S_IFMT) == S_IFDIR, Identity(info) == recorded
        else { return nil }
        let length = folder.path.upperBound - relative
        return scratch.withUnsafeMutableBufferPointer { buffer -> Bool? in
            // The path, a slash and at least a name's NUL must fit before anything is copied.
            guard let start = buffer.baseAddress, length + 2 <= buffer.count else { return nil }
            memcpy(start, text + relative, length)
            start[length] = CChar(UInt8(ascii: "/"))
            for file in files[folder.files] {
                let name = file.name.count
                // Each name ends in a NUL, copied with it.
                guard length + 1 + name + 1 <= buffer.count else { return nil }
                memcpy(start + length + 1, text + file.name.lowerBound, name + 1)
                var info = stat()
                guard fstatat(from, start, &info, AT_SYMLINK_NOFOLLOW) == 0,
                    FileIdentity(info) == file.identity
                else { return false }
            }
            return true
        }
    }

    /// A folder changed since it was recorded (or never trusted): every entry must be one of its
    /// recorded files with its identity, or a folder, which is either checked on its own or,
    /// not recorded, must hold no file at any depth.
    private func listed(_ folder: Folder, _ found: Int32, root: String) -> Bool {
        // The folder opened to be looked at, opened again to be read; `found` stays open.
        let descriptor = openat(found, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        let relative =
            bytes[folder.path].elementsEqual(".".utf8)
            ? "" : String(decoding: bytes[folder.path], as: UTF8.self)
        var expected: [String: FileIdentity] = [:]
        for file in files[folder.files] {
            let name = String(decoding: bytes[file.name], as: UTF8.self)
            expected[relative.isEmpty ? name : relative + "/" + name] = file.identity
        }
        var seen = 0
        for entry in PublishedTree.entries(
            of: directory, relative: relative, identities: true, wanted: nil)
        {
            if let identity = expected[entry.path] {
                guard entry.identity == identity else { return false }
                seen += 1
                continue
            }
            guard entry.kind == .folder else { return false }
            if isRecorded(Array(entry.path.utf8)) { continue }
            if PublishedTree.entries(root: root + "/" + entry.path).contains(where: {
                $0.kind != .folder
            }) {
                return false
            }
        }
        return seen == expected.count
    }

    /// Whether `path` is a recorded folder: the folders are sorted by their bytes.
    private func isRecorded(_ path: [UInt8]) -> Bool {
        var low = 1
        var high = folders.count
        while low < high {
            let middle = (low + high) / 2
            if bytes[folders[middle].path].lexicographicallyPrecedes(path) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < folders.count && bytes[folders[low].path].elementsEqual(path)
    }
}
