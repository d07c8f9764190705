import Foundation
import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The walk of a site's folders on many threads: a thread lists a folder and queues its
/// subfolders, and the files of a listed folder go to `handle` (which reads them, or takes their
/// identity) a run at a time, on whichever thread is free, while others list other folders.
///
/// Why: the serial `Walker` waits for each folder's blocks in turn before any file is read, on
/// one core while the others wait. On a machine whose page cache has let them go (a runner's
/// first build, a host that reclaims cold memory) that wait is most of the walk. Here listing,
/// waiting on the disk and reading overlap, and no folder is kept open longer than its files
/// take.
///
/// What it finds is what `Walker` finds: the same files, folders and problems, in the same
/// order (depth first, names sorted). It takes only trees in which each folder is reached by
/// one path: a link to a folder, or a folder met twice (a bind mount), ends the sweep with nil,
/// and the caller walks serially, which follows links inside the site and walks each folder
/// once. Nothing it opens outlives it.
struct FolderSweep<Payload: Sendable> {
    /// What the sweep found: each file's payload, every folder walked and the problems, in the
    /// serial walk's order.
    struct Found {
        var payloads: [Payload] = []
        var directories: [String] = []
        var problems: [Diagnostic] = []
    }

    /// Files a thread takes at a time: a large folder is read by many threads, a small one by
    /// the thread that listed it.
    static var chunk: Int { 32 }

    /// Sweeps `roots` (site-relative folders already checked by `Walker.root`), in order.
    ///
    /// - Parameters:
    ///   - walker: the rules of the walk (links, diagnostics); its own lists are not touched.
    ///   - threads: how many threads list and handle, the calling one included.
    /// - Returns: nil when the tree has a link to a folder or a folder reached twice.
    static func run(
        _ walker: Walker, roots: [String], threads: Int,
        handle: @escaping @Sendable (FoundFile) -> Payload
    ) -> Found? {
        let state = SweepState<Payload>(walker: walker, handle: handle)
        for root in roots.reversed() {
            state.folders.append((root, walker.siteRoot + "/" + root))
        }
        let group = DispatchGroup()
        for _ in 1..<max(1, threads) {
            group.enter()
            let thread = Thread {
                state.work()
                group.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        state.work()
        group.wait()
        guard !state.aborted else { return nil }
        var found = Found()
        for root in roots { state.assemble(root, into: &found) }
        return found
    }
}

/// The shared queue of a sweep and what its threads found, behind one lock.
///
/// Threads take files before folders, so that the folders listed and not yet read, each
/// holding a descriptor, stay about as many as the threads.
private final class SweepState<Payload: Sendable>: @unchecked Sendable {
    let walker: Walker
    let handle: @Sendable (FoundFile) -> Payload
    let condition = NSCondition()
    /// Folders to list, site-relative and on disk; taken from the end.
    var folders: [(relative: String, disk: String)] = []
    /// Runs of files to handle, taken before any folder.
    var chunks: [Chunk<Payload>] = []
    /// Threads running a task.
    var active = 0
    /// Set when the tree needs the serial walk: the tasks left are dropped.
    var aborted = false
    var identities = Set<FolderIdentity>()
    var listings: [String: Listing<Payload>] = [:]

    init(walker: Walker, handle: @escaping @Sendable (FoundFile) -> Payload) {
        self.walker = walker
        self.handle = handle
    }

    /// One thread's loop: take a task, run it outside the lock, record what it found; return
    /// when nothing is queued and no thread is running a task that could queue more.
    func work() {
        condition.lock()
        while true {
            if let chunk = chunks.popLast() {
                active += 1
                let drop = aborted
                condition.unlock()
                if !drop { chunk.run(handle) }
                condition.lock()
                active -= 1
                if active == 0 { condition.broadcast() }
            } else if let folder = folders.popLast() {
                active += 1
                let drop = aborted
                condition.unlock()
                let listed = drop ? nil : list(relative: folder.relative, disk: folder.disk)
                condition.lock()
                active -= 1
                if let listed { record(listed, at: folder.relative) }
                condition.broadcast()
            } else if active == 0 {
                condition.broadcast()
                condition.unlock()
                return
            } else {
                condition.wait()
            }
        }
    }

    /// Records a listed folder and queues its files and subfolders; under the lock.
    private func record(_ listed: Listed<Payload>, at relative: String) {
        switch listed {
        case .needsSerialWalk:
            aborted = true
        case .folder(let listing, let identity, let subfolders, let open):
            if let identity, !identities.insert(identity).inserted {
                aborted = true
                return
            }
            listings[relative] = listing
            // Reversed, as folders are taken from the end: the first is listed first.
            folders += subfolders.reversed()
            guard let open else { return }
            let size = FolderSweep<Payload>.chunk
            let count = listing.found.count
            for start in stride(from: 0, to: count, by: size) {
                chunks.append(
                    Chunk(listing: listing, folder: open, range: start..<min(start + size, count)))
            }
        }
    }

    /// Lists one folder; outside the lock.
    private func list(relative: String, disk: String) -> Listed<Payload> {
        let listing = Listing<Payload>()
        let descriptor = open(disk, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            listing.failure = errno
            return .folder(listing, identity: nil, subfolders: [], open: nil)
        }
        let folder = OpenFolder(descriptor)
        var info = stat()
        let identity = fstat(descriptor, &info) == 0 ? FolderIdentity(info) : nil
        // `fdopendir` takes the descriptor it is given, so it reads a copy of the kept one.
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else {
            listing.failure = errno
            if copy >= 0 { close(copy) }
            return .folder(listing, identity: identity, subfolders: [], open: nil)
        }
        let entries = Walker.entries(of: directory)
        closedir(directory)
        let isAsset = Walker.isAsset(folder: relative)
        var subfolders: [(relative: String, disk: String)] = []
        for (name, type) in entries {
            let childRelative = relative + "/" + name
            let childDisk = disk + "/" + name
            switch walker.entry(type, relative: childRelative, disk: childDisk) {
            case .folder(let linked):
                if linked { return .needsSerialWalk }
                listing.entries.append(.folder(childRelative))
                subfolders.append((childRelative, childDisk))
            case .file:
                listing.entries.append(.file(listing.found.count))
                listing.found.append(
                    FoundFile(
                        path: childRelative, diskPath: childDisk, isAsset: isAsset,
                        folder: -1, name: name))
            case .problem(let problem): listing.entries.append(.problem(problem))
            case nil: break
            }
        }
        listing.prepare()
        return .folder(
            listing, identity: identity, subfolders: subfolders,
            open: listing.found.isEmpty ? nil : folder)
    }

    /// Appends a listed folder and, depth first, its subfolders, as the serial walk would;
    /// after every thread is done.
    func assemble(_ relative: String, into found: inout FolderSweep<Payload>.Found) {
        guard let listing = listings[relative] else { return }
        found.directories.append(relative)
        if let failure = listing.failure {
            found.problems.append(Walker.unreadableFolder(relative, errno: failure))
            return
        }
        // Every file was handled (the sweep was not given up), so none is missing here.
        let payloads = listing.payloads.values()
        for entry in listing.entries {
            switch entry {
            case .folder(let child): assemble(child, into: &found)
            case .file(let index):
                if index < payloads.count { found.payloads.append(payloads[index]) }
            case .problem(let problem): found.problems.append(problem)
            }
        }
    }
}

/// What listing a folder gave.
private enum Listed<Payload: Sendable> {
    /// Listed: its descriptor is kept open (`open`) while its files wait to be handled.
    case folder(
        Listing<Payload>, identity: FolderIdentity?,
        subfolders: [(relative: String, disk: String)], open: OpenFolder?)
    /// A link to a folder: the serial walk follows it.
    case needsSerialWalk
}

/// A folder's entries in the order of its names, and its files' payloads as they are handled:
/// each written once, by the thread that handles its file, and read after every thread is done.
private final class Listing<Payload: Sendable>: @unchecked Sendable {
    enum Entry {
        case folder(String)
        /// The file at this index of `found`.
        case file(Int)
        case problem(Diagnostic)
    }
    var entries: [Entry] = []
    var found: [FoundFile] = []
    /// `errno` when the folder could not be opened.
    var failure: Int32?
    /// The payloads of `found`, by index; sized by `prepare` once the files are known.
    private(set) var payloads = ResultBuffer<Payload>(count: 0)

    func prepare() {
        payloads = ResultBuffer(count: found.count)
    }
}

/// A folder's descriptor, closed when the last run of its files is handled.
private final class OpenFolder: @unchecked Sendable {
    let descriptor: Int32
    init(_ descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }
}

/// A run of a folder's files, handled by one thread.
private struct Chunk<Payload: Sendable>: @unchecked Sendable {
    let listing: Listing<Payload>
    let folder: OpenFolder
    let range: Range<Int>

    func run(_ handle: (FoundFile) -> Payload) {
        for index in range {
            var file = listing.found[index]
            file.folder = folder.descriptor
            listing.payloads.set(index, handle(file))
        }
    }
}
