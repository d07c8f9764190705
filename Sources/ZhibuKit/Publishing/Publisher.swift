import CSystemShims
import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Publishes rendered files to `Site/` atomically, writing only what changed.
///
/// zhibu keeps the previous tree as a spare in `.zhibu/spare/`, brings it up to date — files
/// that did not change are hard links to the published ones, so they keep their inode and
/// modification time and cost no write — and exchanges it with `Site/` in one
/// `renameat2(RENAME_EXCHANGE)`. A reader sees the old site or the new one, never a mix; a
/// rebuild that changes nothing touches nothing. Writes run on many threads, because on CI disks
/// each file creation waits on latency, not on the CPU.
package struct Publisher: Sendable {
    package var siteRoot: String
    package var writers: Int

    package init(siteRoot: String, writers: Int = 32) {
        self.siteRoot = siteRoot
        self.writers = writers
    }

    package struct Stats: Sendable, Equatable {
        /// Files whose bytes were written.
        package var written = 0
        /// Unchanged files linked into the new tree without writing.
        package var linked = 0
        package var removed = 0
        /// False when nothing changed and `Site/` was left untouched.
        package var swapped = false

        package init() {}
    }

    /// True when `Site/` and the manifest of what zhibu published there both exist.
    package static func hasPublished(siteRoot: String) -> Bool {
        var info = stat()
        return lstat(siteRoot + "/Site", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            && access(siteRoot + "/.zhibu/published", F_OK) == 0
    }

    package func publish(_ files: [RenderedFile], jobs: Int) throws(PublishError) -> Stats {
        let cache = siteRoot + "/.zhibu"
        let site = siteRoot + "/Site"
        let spare = cache + "/spare"
        try makeDirectory(cache)
        let next = Manifest(files: files)
        let siteExists = isDirectory(site)
        var published = siteExists ? readManifest(cache + "/published") : Manifest()
        if siteExists && published == nil { published = hashTree(site) }
        if siteExists, let published, published == next { return Stats() }

        // The spare tree is trusted only with its manifest; otherwise it starts empty.
        var spareManifest = readManifest(cache + "/spare-manifest")
        if spareManifest == nil || !isDirectory(spare) {
            removeTree(spare)
            try makeDirectory(spare)
            spareManifest = Manifest()
        }
        removeFile(cache + "/spare-manifest")
        let previous = published ?? Manifest()
        let inSpare = spareManifest ?? Manifest()

        var stats = Stats()
        var folders = Set<String>()
        for file in files {
            var parts = file.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        // Folders of one depth are created together on many threads, parents before children.
        let byDepth = Dictionary(grouping: folders) { $0.split(separator: "/").count }
        for depth in byDepth.keys.sorted() {
            let level = (byDepth[depth] ?? []).sorted()
            let failures = Parallel.io(level, threads: writers) { folder -> PublishError? in
                let path = spare + "/" + folder
                if mkdir(path, 0o755) == 0 || errno == EEXIST { return nil }
                return .io(path: path, reason: String(cString: strerror(errno)))
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
        }

        enum Action: Sendable { case keep, link, write }
        let actions = files.map { file -> Action in
            let hash = next.hashes[file.path]
            if siteExists, previous.hashes[file.path] == hash {
                return inSpare.hashes[file.path] == hash ? .keep : .link
            }
            return inSpare.hashes[file.path] == hash ? .keep : .write
        }
        let indices = Array(files.indices)
        let failures = Parallel.io(indices, threads: writers) { index -> PublishError? in
            let file = files[index]
            let target = spare + "/" + file.path
            switch actions[index] {
            case .keep: return nil
            case .link:
                unlink(target)
                if link(site + "/" + file.path, target) == 0 { return nil }
                return write(file.bytes, to: target)
            case .write:
                return write(file.bytes, to: target)
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        stats.written = actions.filter { if case .write = $0 { true } else { false } }.count
        stats.linked = actions.filter { if case .link = $0 { true } else { false } }.count

        let stale = inSpare.hashes.keys.filter { next.hashes[$0] == nil }.sorted()
        for path in stale { removeFile(spare + "/" + path) }
        stats.removed = stale.count
        removeEmptyFolders(spare, keeping: folders)

        if siteExists {
            guard zhibu_exchange_paths(site, spare) == 0 else {
                throw .io(path: "Site", reason: String(cString: strerror(errno)))
            }
        } else {
            guard rename(spare, site) == 0 else {
                throw .io(path: "Site", reason: String(cString: strerror(errno)))
            }
        }
        stats.swapped = true
        try writeText(next.text, to: cache + "/published")
        if siteExists { try writeText(previous.text, to: cache + "/spare-manifest") }
        return stats
    }
}

// MARK: - File system

extension Publisher {
    fileprivate func write(_ bytes: [UInt8], to path: String) -> PublishError? {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            return .io(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            // By module: `write` alone would be this type's own method.
            let count = bytes[offset...].withUnsafeBytes {
                #if canImport(Glibc)
                    return Glibc.write(descriptor, $0.baseAddress, $0.count)
                #elseif canImport(Darwin)
                    return Darwin.write(descriptor, $0.baseAddress, $0.count)
                #endif
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .io(path: path, reason: String(cString: strerror(errno)))
            }
            offset += count
        }
        return nil
    }

    fileprivate func writeText(_ text: String, to path: String) throws(PublishError) {
        let temporary = path + ".tmp"
        if let failure = write(Array(text.utf8), to: temporary) { throw failure }
        guard rename(temporary, path) == 0 else {
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
    }

    fileprivate func readManifest(_ path: String) -> Manifest? {
        PublishedTree.readBytes(path).flatMap {
            Manifest(text: String(decoding: $0, as: UTF8.self))
        }
    }

    /// The manifest of a `Site/` that zhibu has no record of, from its files.
    fileprivate func hashTree(_ root: String) -> Manifest? {
        Manifest(files: PublishedTree.files(root: root))
    }

    fileprivate func makeDirectory(_ path: String) throws(PublishError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        throw .io(path: path, reason: String(cString: strerror(errno)))
    }

    fileprivate func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    fileprivate func removeFile(_ path: String) { unlink(path) }

    fileprivate func removeTree(_ path: String) {
        guard isDirectory(path) else { return }
        PublishedTree.remove(root: path)
    }

    /// Removes folders of the spare tree that the new site no longer has (deepest first).
    fileprivate func removeEmptyFolders(_ root: String, keeping folders: Set<String>) {
        for folder in PublishedTree.folders(root: root).sorted(by: { $0.count > $1.count })
        where !folders.contains(folder) {
            rmdir(root + "/" + folder)
        }
    }
}
