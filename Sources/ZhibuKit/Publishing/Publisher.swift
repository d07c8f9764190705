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
///
/// Every step can be interrupted, by a kill at any point included. Before it changes anything,
/// a publish forgets what it knew (the manifests of `Site/` and of the spare, the stored report),
/// and writes it again only once the swap is done; a build that finds no manifest reads
/// `Site/` back instead of trusting anything. Files are trusted only while they have the
/// identity zhibu recorded (`FileIdentity`), so a file edited by hand is written afresh, and
/// anything in `Site/` that zhibu did not put there is removed and named in `Stats.foreign`.
/// The caller holds the build lock (`BuildLock`).
package struct Publisher: Sendable {
    package var siteRoot: String
    package var writers: Int
    /// `build --destination`: the folder to publish into instead of `Site/`, relative to the
    /// site folder or absolute. Its records and spare tree live in a folder of their own under
    /// `.zhibu/out/`, so that `Site/` and `public/` never share a manifest.
    package var destination: String?

    package init(siteRoot: String, destination: String? = nil, writers: Int = 32) {
        self.siteRoot = siteRoot
        self.destination = destination
        self.writers = writers
    }

    package struct Stats: Sendable, Equatable {
        /// Files whose bytes were written.
        package var written = 0
        /// Unchanged files linked into the new tree without writing.
        package var linked = 0
        /// A merge's files moved into the new tree in their parts' folders (`FolderMoves`).
        package var moved = 0
        /// A merge's other files of its parts, linked (or, across file systems, copied) into
        /// the new tree: not written by this run, and not unchanged either.
        package var taken = 0
        /// Files of the previous site that the new one does not have.
        package var removed = 0
        /// False when nothing changed and `Site/` was left untouched.
        package var swapped = false
        /// Files found in `Site/` that zhibu did not publish (a `CNAME` put there by hand),
        /// removed with the swap.
        package var foreign: [String] = []
        /// Published files whose content or identity had changed since zhibu wrote them.
        package var repaired: [String] = []
        /// Where the link that stood in place of the published folder led (empty when it could
        /// not be read): the link was replaced by a real folder, its target left untouched.
        package var replacedLink: String?
        /// Why this build could not be recorded in `.zhibu/` (the system's words), or nil:
        /// `Site/` is right, but the next build renders and checks it again.
        package var unrecorded: String?

        package init() {}
    }

    /// zhibu's records of the published folder, and its spare tree.
    package var cache: String {
        guard let destination else { return siteRoot + "/.zhibu" }
        let name = destination.unicodeScalars.map { scalar -> String in
            let c = Character(scalar)
            return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
                ? String(c) : "_\(scalar.value)_"
        }.joined()
        return siteRoot + "/.zhibu/out/" + name
    }
    /// The folder the site is published into.
    package var site: String {
        guard let destination else { return siteRoot + "/Site" }
        return destination.hasPrefix("/") ? destination : siteRoot + "/" + destination
    }
    /// How messages name the published folder.
    var siteName: String { destination ?? "Site" }
    var spare: String { cache + "/spare" }
    var publishedPath: String { cache + "/published" }
    var spareManifestPath: String { cache + "/spare-manifest" }
    /// The identities of the published folders, recorded with the manifest (`FolderRecord`).
    var foldersPath: String { cache + "/folders" }
    /// The identities of the folders that are or were about to become the `--destination`,
    /// written before each swap: such a folder is zhibu's even while its manifest is
    /// forgotten (`forget()`), unlike a folder of the user's found at the same path.
    var ownedPath: String { cache + "/owned" }

    /// Whether the folder at `path` is one zhibu swapped in (`ownedPath`).
    func isOwned(_ path: String) -> Bool {
        guard let identity = FolderIdentity(path: path) else { return false }
        return FolderIdentity.read(from: ownedPath).contains(identity)
    }
    /// The journal of the folders a merge's publish moves into the spare (`FolderMoves`).
    var movingPath: String { cache + "/moving" }

    /// Puts back into their parts the folders that a merge killed before its swap had moved
    /// into the spare, before anything reads the parts or empties the spare.
    package func recoverMoves() {
        FolderMoves.recover(journal: movingPath, spare: spare)
    }

    /// - Parameter moving: a merge's check of its parts: their folders that hold only what
    ///   the new site has below them move into it whole (`FolderMoves`), leaving their parts.
    package func publish(
        _ files: [RenderedFile], jobs: Int, moving: FolderMoves.Checked? = nil
    ) throws(PublishError) -> Stats {
        if destination != nil {
            try ensureFolder(siteRoot + "/.zhibu")
            try ensureFolder(siteRoot + "/.zhibu/out")
        }
        try ensureFolder(cache)
        if destination != nil, Self.kind(of: site) == .absent { try makeParents(of: site) }
        // A link in place of the published folder is removed, never followed; where it led
        // is told, so that a web server pointed at its target is not left serving it unsaid.
        var replacedLink: String?
        switch Self.kind(of: site) {
        case .other: throw .notAFolder(path: siteName)
        case .link:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(site, &target, target.count - 1)
            replacedLink =
                length > 0
                ? String(
                    decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                : ""
            unlink(site)
        case .folder, .absent: break
        }
        let siteExists = Self.isFolder(site)
        // A destination folder of the user's that zhibu never published into is not emptied:
        // its files would be removed with the swap.
        if destination != nil, siteExists, Self.readManifest(publishedPath) == nil,
            !isOwned(site), !PublishedTree.isEmpty(site)
        {
            throw .notOurs(path: siteName)
        }
        let next = Manifest(files: files)
        // What Site/ holds: the recorded manifest if there is one, else read back.
        var published = Manifest()
        var survey = Survey()
        if siteExists {
            let recorded = Self.readManifest(publishedPath)
            // A stamp is taken before `Site/` is read back, as one is before a spare's folders
            // are looked at: a folder changed before it is read back as it is then, one
            // changed after it is never trusted (`FolderRecord`). It is taken on the cache
            // folder, on the same disk (the swap needs that) and so the same clock, so that a
            // rebuild that finds `Site/` right changes nothing in it, not even its times.
            let stamp = recorded == nil ? FolderRecord.stamp(cache) : nil
            published = recorded ?? hashTree(site)
            survey = self.survey(published)
            if published.sameContent(as: next), survey.foreign.isEmpty, survey.changed.isEmpty {
                // Read back and found right: recorded with its folders, so that the next
                // build need not read it, nor list every folder.
                var stats = Stats()
                if recorded == nil {
                    let text = Array(published.text.utf8)
                    do throws(PublishError) {
                        try writeRecord(text, to: publishedPath)
                        if let stamp {
                            let layout = FolderRecord.Layout(paths: published.entries.keys)
                            recordFolders(
                                layout,
                                layout.identities(
                                    in: site, before: stamp, jobs: Parallel.defaultJobs),
                                of: published, text: text)
                        }
                    } catch {
                        if case .io(_, let reason, _) = error { stats.unrecorded = reason }
                    }
                }
                return stats
            }
        }
        // The new tree's folders, worked out while its files are written (`FolderRecord`).
        let layingOut = Background { FolderRecord.Layout(paths: next.entries.keys) }
        try checkpoint("start", siteChanged: false)
        recoverMoves()
        let spareManifest = Self.readManifest(spareManifestPath)
        // From here until the swap is recorded, nothing on disk claims to know Site/.
        forget()
        let moves = moving == nil ? [] : FolderMoves.plan(files)
        // Whole folders move into an empty spare only: nothing is in their way.
        let emptied = try prepareSpare(trusting: spareManifest != nil && moves.isEmpty)
        let inSpare = spareManifest ?? Manifest()
        var planned = [Bool](repeating: false, count: files.count)
        for move in moves { for index in move.files { planned[index] = true } }
        var folders = try makeFolders(
            for: files.indices.filter { !planned[$0] }.map { files[$0].path }
                + moves.map(\.path))
        let (moved, journal): ([FileIdentity?], FolderMoves.Journal?) =
            moves.isEmpty
            ? ([], nil)
            : FolderMoves.move(
                moves, of: files, checked: moving ?? .init(), into: spare, journal: movingPath)
        // Until the swap, a publish that stops puts the moved folders back into their parts.
        var swapped = false
        defer {
            if !swapped, let journal { journal.restore(spare: spare, at: movingPath) }
        }
        let left = files.indices.filter { planned[$0] && moved[$0] == nil }
        if !left.isEmpty {
            // A folder left where it was: its files are published one by one.
            folders.formUnion(try makeFolders(for: left.map { files[$0].path }))
        }

        enum Action: Sendable { case keep, link, write, take, moved }
        let actions = files.indices.map { index -> Action in
            if !moved.isEmpty, moved[index] != nil { return .moved }
            let file = files[index]
            let hash = next.hash(file.path)
            if inSpare.hash(file.path) == hash,
                let known = inSpare.identity(file.path),
                FileIdentity(path: spare + "/" + file.path) == known
            {
                return .keep
            }
            if siteExists, published.hash(file.path) == hash, !survey.changed.contains(file.path),
                published.identity(file.path) != nil
            {
                return .link
            }
            return file.source == nil ? .write : .take
        }
        let halfway = files.count / 2
        let results = Parallel.io(Array(files.indices), threads: writers, grain: Self.grain) {
            [published] index -> Result<FileIdentity?, PublishError> in
            if index == halfway {
                do throws(PublishError) {
                    try FaultPoint.reach("writing", siteChanged: false)
                } catch {
                    return .failure(error)
                }
            }
            let file = files[index]
            let target = spare + "/" + file.path
            switch actions[index] {
            case .keep:
                return .success(inSpare.identity(file.path))
            case .moved:
                return .success(moved[index])
            case .link:
                // A link is the same inode, size and time as what it links: the identity the
                // survey found unchanged. Recorded as it was then, an edit made meanwhile shows
                // as a change next time instead of being trusted.
                if Self.replaceLink(site + "/" + file.path, target) {
                    return .success(published.identity(file.path))
                }
                fallthrough
            case .write, .take:
                if let source = file.source {
                    // A part's file of a merge: linked where the file system allows, else
                    // copied; never a link that is not a regular file's.
                    if let identity = FileIdentity(path: source),
                        Self.replaceLink(source, target)
                    {
                        return .success(identity)
                    }
                    // A merge run again after one that moved the file into the site: the
                    // site's copy, if it still has the bytes the part had.
                    let bytes =
                        PublishedTree.readBytes(source)
                        ?? PublishedTree.readBytes(site + "/" + file.path).flatMap {
                            Fingerprint.hex(bytes: $0) == file.fingerprint ? $0 : nil
                        }
                    guard let bytes else {
                        return .failure(
                            .io(path: source, reason: Self.reason(), siteChanged: false))
                    }
                    return write([bytes], to: target)
                }
                return write(file.pieces, to: target)
            }
        }
        var fresh = Manifest()
        for (index, result) in results.enumerated() {
            switch result {
            case .failure(let error): throw error
            case .success(let identity):
                fresh.set(files[index].path, hash: files[index].fingerprint, identity: identity)
            }
        }
        var stats = Stats()
        stats.replacedLink = replacedLink
        stats.written = actions.filter { if case .write = $0 { true } else { false } }.count
        stats.linked = actions.filter { if case .link = $0 { true } else { false } }.count
        stats.taken = actions.filter { if case .take = $0 { true } else { false } }.count
        stats.moved = moved.lazy.filter { $0 != nil }.count
        stats.removed = published.hashes.keys.filter { next.hash($0) == nil }.count
        stats.foreign = survey.foreign
        stats.repaired = survey.changed.sorted()
        // A spare begun empty holds only what was just written: nothing to clear.
        if !emptied { clearSpare(keeping: next, folders: folders) }

        // The new tree's folders, held to a stamp taken before they are looked at: a folder
        // changed after the look, by anyone, is then never trusted (`FolderRecord`).
        let layout = layingOut.wait()
        let folderIdentities = FolderRecord.stamp(spare).map {
            layout.identities(in: spare, before: $0, jobs: Parallel.defaultJobs)
        }

        try checkpoint("before-swap", siteChanged: false)
        // The folder that is the destination after the swap, and the one before it: either
        // is zhibu's even while the manifest is forgotten, so a build killed around the swap
        // is followed by one that reads the folder back instead of refusing it.
        if destination != nil {
            // Not written, it only makes a folder left by a killed build look like a user's.
            let folders = ([spare] + (siteExists ? [site] : [])).compactMap {
                FolderIdentity(path: $0)
            }
            FolderIdentity.write(folders, to: ownedPath)
        }
        if siteExists {
            guard zhibu_exchange_paths(site, spare) == 0 else {
                throw .io(path: siteName, reason: Self.reason(), siteChanged: false)
            }
        } else {
            guard rename(spare, site) == 0 else {
                throw .io(path: siteName, reason: Self.reason(), siteChanged: false)
            }
        }
        stats.swapped = true
        swapped = true
        if journal != nil { unlink(movingPath) }
        try FaultPoint.reach("after-swap", siteChanged: true)
        let text = Array(fresh.text.utf8)
        try writeRecord(text, to: publishedPath)
        if let folderIdentities { recordFolders(layout, folderIdentities, of: fresh, text: text) }
        if siteExists {
            // The old site is now the spare; keep only what is known to be zhibu's own.
            var old = Manifest()
            for (path, entry) in published.entries
            where entry.identity != nil && !survey.changed.contains(path) {
                old.set(path, hash: entry.hash, identity: entry.identity)
            }
            try writeRecord(Array(old.text.utf8), to: spareManifestPath)
        }
        return stats
    }
}

// MARK: - Steps

extension Publisher {
    /// What differs in `Site/` from a manifest: files whose identity is not the recorded one
    /// (or, unrecorded, whose content is not), and entries the manifest does not have.
    struct Survey {
        var changed: Set<String> = []
        var foreign: [String] = []
    }

    /// - Parameter entries: `Site/`'s survey, when already taken.
    func survey(_ manifest: Manifest, entries: [PublishedTree.Surveyed]? = nil) -> Survey {
        let entries = entries ?? PublishedTree.survey(root: site, jobs: Parallel.defaultJobs)
        // Each entry is held to the manifest on all cores, a run of entries at a time: a
        // rebuild with nothing changed is this walk and this check, and checking tens of
        // thousands of paths on the main thread, after the walk, left the other cores idle.
        let run = 2048
        let site = self.site
        let parts = Parallel.map(Array(stride(from: 0, to: entries.count, by: run))) {
            start -> (survey: Survey, seen: Int) in
            var survey = Survey()
            var seen = 0
            for (path, kind, identity) in entries[start..<min(start + run, entries.count)] {
                switch kind {
                case .folder: continue
                case .other: survey.foreign.append(path)
                case .file:
                    guard let expected = manifest.entries[path] else {
                        survey.foreign.append(path)
                        continue
                    }
                    seen += 1
                    if let known = expected.identity {
                        if identity != known { survey.changed.insert(path) }
                    } else if PublishedTree.readBytes(site + "/" + path).map(
                        Fingerprint.hex(bytes:)) != expected.hash
                    {
                        survey.changed.insert(path)
                    }
                }
            }
            return (survey, seen)
        }
        var survey = Survey()
        var seen = 0
        for part in parts {
            survey.foreign += part.survey.foreign
            survey.changed.formUnion(part.survey.changed)
            seen += part.seen
        }
        if seen != manifest.entries.count {
            // Files zhibu published that are gone: the site must be written again.
            for path in manifest.entries.keys where FileIdentity(path: site + "/" + path) == nil {
                survey.changed.insert(path)
            }
        }
        return survey
    }

    /// Forgets what zhibu knew of `Site/` and the spare, and the stored report, so that a
    /// build interrupted from here on is followed by one that reads `Site/` back.
    func forget() {
        unlink(publishedPath)
        unlink(foldersPath)
        unlink(spareManifestPath)
        unlink(cache + "/" + BuildCache.fileName)
        // The JSON form's name, left by older versions of zhibu.
        unlink(cache + "/last-build.json")
    }

    /// The spare folder, a real one: kept as it is when its manifest can be trusted, else
    /// emptied; a link in its place is removed, never followed.
    /// - Returns: whether the spare is empty now (it was not trusted, or not there).
    func prepareSpare(trusting: Bool) throws(PublishError) -> Bool {
        var emptied = false
        if !trusting || Self.kind(of: spare) != .folder {
            PublishedTree.remove(root: spare)
            emptied = true
        }
        try ensureFolder(spare)
        return emptied
    }

    /// Removes from the spare everything the new site does not have: stale files, links, and
    /// anything put there by hand; then the folders the new site does not have (`folders`, as
    /// `makeFolders` made them), deepest first, without trying the thousands it keeps.
    func clearSpare(keeping manifest: Manifest, folders kept: Set<String>) {
        var folders: [String] = []
        for (path, kind) in PublishedTree.entries(root: spare) {
            switch kind {
            case .folder: folders.append(path)
            case .file where manifest.hash(path) != nil: continue
            case .file, .other: unlink(spare + "/" + path)
            }
        }
        for folder in folders.filter({ !kept.contains($0) }).sorted(by: { $0.count > $1.count }) {
            rmdir(spare + "/" + folder)
        }
    }

    /// Creates the folders above every path in the spare, one depth at a time on many
    /// threads, parents before children.
    /// - Returns: the folders, relative to the site.
    func makeFolders(for paths: [String]) throws(PublishError) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        let byDepth = Dictionary(grouping: folders) { $0.split(separator: "/").count }
        for depth in byDepth.keys.sorted() {
            let level = (byDepth[depth] ?? []).sorted()
            let failures = Parallel.io(level, threads: writers, grain: Self.grain) {
                folder -> PublishError? in
                let path = spare + "/" + folder
                if mkdir(path, 0o755) == 0 { return nil }
                if errno == EEXIST {
                    // A file or link where a folder belongs: replaced, never followed.
                    if Self.kind(of: path) == .folder { return nil }
                    unlink(path)
                    if mkdir(path, 0o755) == 0 { return nil }
                }
                return .io(path: path, reason: Self.reason(), siteChanged: false)
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
        }
        return folders
    }

    /// A safe point: a test's fault, or a requested interruption, stops the build here.
    func checkpoint(_ name: String, siteChanged: Bool) throws(PublishError) {
        try FaultPoint.reach(name, siteChanged: siteChanged)
        if Interruption.requested { throw .interrupted(siteChanged: siteChanged) }
    }
}

// MARK: - File system

extension Publisher {
    enum Kind { case absent, folder, link, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    static func isFolder(_ path: String) -> Bool { kind(of: path) == .folder }

    static func reason() -> String { String(cString: strerror(errno)) }

    static func readManifest(_ path: String) -> Manifest? {
        PublishedTree.readBytes(path).flatMap { Manifest(bytes: $0) }
    }

    /// `path` made absolute, a relative one from the site folder, with `.` and `..` resolved
    /// by name (the folder need not exist yet).
    static func absolute(_ path: String, siteRoot: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let cwd =
            getcwd(&buffer, buffer.count) != nil
            ? String(
                decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "/"
        let base = siteRoot.hasPrefix("/") ? siteRoot : cwd + "/" + siteRoot
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether a `--destination` names the site's own `Site/` (`Site`, `./Site/`, its whole
    /// path): that is the default output, with the default records, not a second output
    /// whose records would call zhibu's own files foreign.
    package static func isDefaultOutput(_ destination: String, siteRoot: String) -> Bool {
        absolute(destination, siteRoot: siteRoot) == absolute("Site", siteRoot: siteRoot)
    }

    /// Why a `--destination` cannot be published into, or nil when it can: it must not be the
    /// site folder or hold it, nor lie inside the content, the templates or zhibu's records,
    /// since publishing removes from it whatever zhibu did not put there; and it must be on
    /// the site folder's file system, since the new site is made in `.zhibu/` and swapped in
    /// with one rename, which cannot cross file systems (it would fail only after the build).
    ///
    /// - Parameter device: the file system of a path, or nil when the path does not exist;
    ///   `stat` unless a test says otherwise.
    package static func problem(
        destination: String, siteRoot: String,
        device: (String) -> UInt64? = Publisher.device(of:)
    ) -> LocalizedText? {
        let root = absolute(".", siteRoot: siteRoot)
        let target = absolute(destination, siteRoot: siteRoot)
        let inside = { (folder: String) in
            target == root + "/" + folder || target.hasPrefix(root + "/" + folder + "/")
        }
        if target == root || root.hasPrefix(target == "/" ? "/" : target + "/") {
            return LocalizedText(
                zh:
                    "`--destination \(destination)` 是站点文件夹本身或其上级；发布时会删除其中不是 zhibu 生成的文件，请另选一个文件夹（如 `public`）",
                en:
                    "`--destination \(destination)` is the site folder or holds it; publishing removes what zhibu did not put there, so choose another folder (e.g. `public`)"
            )
        }
        for folder in ["Content", "Templates", ".zhibu", ".git"] where inside(folder) {
            return LocalizedText(
                zh: "`--destination \(destination)` 在 `\(folder)/` 里面；请另选一个文件夹（如 `public`）",
                en:
                    "`--destination \(destination)` is inside `\(folder)/`; choose another folder (e.g. `public`)"
            )
        }
        // The destination's nearest folder that exists: publishing creates the rest there.
        var existing = target
        while device(existing) == nil, existing != "/" {
            existing = String(existing[..<(existing.lastIndex(of: "/") ?? existing.startIndex)])
            if existing.isEmpty { existing = "/" }
        }
        if let site = device(root), let there = device(existing), site != there {
            return LocalizedText(
                zh:
                    "`--destination \(destination)` 与站点文件夹不在同一个磁盘（文件系统）上：zhibu 先在站点的 `.zhibu/` 里做好新网站，再一次换入，不能跨磁盘。请输出到站点所在磁盘上的文件夹（如 `public`），需要时再复制过去",
                en:
                    "`--destination \(destination)` is on another disk (file system) than the site folder: zhibu makes the new site in the site's `.zhibu/` and swaps it in at once, which cannot cross disks. Publish to a folder on the site's disk (e.g. `public`) and copy it from there if needed"
            )
        }
        return nil
    }

    /// The file system a path is on (`st_dev`), or nil when it does not exist.
    package static func device(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_dev)
    }

    /// A folder of zhibu's own: a link in its place (or a stray file) is removed and a real
    /// folder made, so that nothing is ever written through it.
    func ensureFolder(_ path: String) throws(PublishError) {
        switch Self.kind(of: path) {
        case .folder: return
        case .link, .other: unlink(path)
        case .absent: break
        }
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && Self.isFolder(path)) { return }
        throw .io(path: path, reason: Self.reason(), siteChanged: false)
    }

    /// The folders above a `--destination` that does not exist yet (`public/parts/1`), as
    /// `mkdir -p` would make them, so that the new site can be renamed into place. A folder
    /// that is there, or a link to one, is used as it is.
    func makeParents(of path: String) throws(PublishError) {
        var parent = ""
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, component) in components.enumerated() {
            parent += index == 0 ? String(component) : "/" + component
            if parent.isEmpty || component == "." || component == ".." { continue }
            if mkdir(parent, 0o755) == 0 { continue }
            var info = stat()
            if errno == EEXIST, stat(parent, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                continue
            }
            throw .io(path: parent, reason: Self.reason(), siteChanged: false)
        }
    }

    /// The manifest of a `Site/` that zhibu has no record of, from its files.
    func hashTree(_ root: String) -> Manifest {
        var manifest = Manifest()
        for (file, identity) in PublishedTree.files(root: root) {
            manifest.set(file.path, hash: file.fingerprint, identity: identity)
        }
        return manifest
    }

    /// Writes the record of the published folders (`FolderRecord`) for the manifest just
    /// written as `text`, after it. It only saves the next unchanged rebuild a listing: when
    /// it cannot be written, that rebuild lists every folder.
    func recordFolders(
        _ layout: FolderRecord.Layout, _ identities: [FolderRecord.Identity?],
        of manifest: Manifest, text: [UInt8]
    ) {
        if let record = layout.encoded(
            identities: identities, of: manifest, fingerprint: Fingerprint.hex(bytes: text))
        {
            _ = FileDescriptor.replace(own: foldersPath, with: record)
        }
    }

    /// Files (or folders) a writer takes at a time (`Parallel.io`'s grain).
    static let grain = 16

    /// Removes what is at a path of the spare tree, which is zhibu's own: a file or a link,
    /// or a folder with all it holds (a folder of the last site where this one has a file).
    static func clear(_ path: String) {
        if kind(of: path) == .folder { PublishedTree.remove(root: path) } else { unlink(path) }
    }

    /// Links `source` at `target`, replacing whatever is there (never following it).
    ///
    /// The link is tried first: in a fresh spare nothing is in the way, and an `unlink` that
    /// finds nothing still takes the folder's lock, which the writers would queue on.
    static func replaceLink(_ source: String, _ target: String) -> Bool {
        if link(source, target) == 0 { return true }
        guard errno == EEXIST else { return false }
        clear(target)
        return link(source, target) == 0
    }

    /// Writes a new file of `pieces` laid end to end and gives its identity, from the open file
    /// (no second path lookup): its modification time is that of the last write, which closing
    /// does not change.
    func write(_ pieces: [[UInt8]], to path: String) -> Result<FileIdentity?, PublishError> {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, errno == EEXIST {
            // A stale file, link or folder in the way: removed, never written through.
            Self.clear(path)
            descriptor = open(path, flags, 0o644)
        }
        guard descriptor >= 0 else {
            return .failure(.io(path: path, reason: Self.reason(), siteChanged: false))
        }
        defer { close(descriptor) }
        guard FileDescriptor.writeAll(descriptor, pieces: pieces) else {
            return .failure(.io(path: path, reason: Self.reason(), siteChanged: false))
        }
        var info = stat()
        return .success(fstat(descriptor, &info) == 0 ? FileIdentity(info) : nil)
    }

    /// Writes zhibu's record after the swap: a failure says that `Site/` did change.
    func writeRecord(_ bytes: [UInt8], to path: String) throws(PublishError) {
        guard FileDescriptor.replace(own: path, with: bytes) else {
            throw .io(path: path, reason: Self.reason(), siteChanged: true)
        }
    }
}
