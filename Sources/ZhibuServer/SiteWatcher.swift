import Foundation
import ZhibuKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells when anything below the site's `Content/` and `Templates/` (or `site.yml`) changes.
///
/// On Linux it asks the kernel (inotify) instead of walking the tree: waiting costs nothing,
/// however large the site. An editor's save is several events at once (a temporary file
/// written, renamed over the old one); events that arrive within 30 ms of each other are one
/// change, and what arrives while the site rebuilds is the next one. Elsewhere it compares
/// the tree's modification times twice a second.
///
/// The kernel watches a limited number of folders for each user (`fs.inotify.max_user_watches`,
/// 8,192 on older systems, shared with every editor that watches files). When a folder cannot
/// be watched, a save in it would go unseen, so the watcher says so (`notice`) and compares
/// times instead, for every folder: slower to notice, but it misses nothing.
final class SiteWatcher: Sendable {
    let root: String
    /// Told, in both languages, when the watcher falls back to comparing times.
    let notice: @Sendable (String) -> Void

    init(root: String, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.root = root
        self.notice = notice
    }

    /// What `notice` is told when the kernel would not watch every folder: most often the
    /// limit on watches, but also the limit on inotify instances or a read that failed, so
    /// the words name the limits without claiming which one was met.
    static let pollingNotice =
        "zhibu serve: 系统不允许监视全部文件夹（inotify 的限额，如 fs.inotify.max_user_watches），改为每半秒比较一次文件的修改时间 / "
        + "the system will not watch every folder (its inotify limits, such as "
        + "fs.inotify.max_user_watches); comparing the files' modification times twice a "
        + "second instead"

    /// Calls `changed` after each change, on a thread of its own, forever. The watches are
    /// in place when it returns: a save right after is seen.
    func start(_ changed: @escaping @Sendable () -> Void) {
        let root = self.root
        let notice = self.notice
        #if os(Linux)
            let descriptor = Self.startInotify(root: root)
            if descriptor == nil { notice(Self.pollingNotice) }
        #endif
        let thread = Thread {
            #if os(Linux)
                if let descriptor {
                    Self.watchWithInotify(descriptor, root: root, changed: changed)
                    // Only when a folder could not be watched or the kernel stopped answering.
                    close(descriptor)
                    notice(Self.pollingNotice)
                }
                Self.watchByPolling(root: root, changed: changed)
            #else
                Self.watchByPolling(root: root, changed: changed)
            #endif
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The inputs a change in which means a rebuild (`site.yml` is in `Content/`).
    static let inputs = ["Content", "Templates"]

    /// The folders to watch: the site folder itself and every folder of its inputs.
    static func folders(root: String) -> [String] {
        var found = [root]
        for input in inputs {
            let top = root + "/" + input
            var info = stat()
            guard lstat(top, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            found.append(top)
            found += PublishedTree.entries(root: top).filter { $0.kind == .folder }.map {
                top + "/" + $0.path
            }
        }
        return found
    }

    #if os(Linux)
        private static let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                | IN_ATTRIB | IN_DELETE_SELF)

        /// An inotify descriptor watching every folder, or nil if the kernel refused any.
        private static func startInotify(root: String) -> Int32? {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            guard watchFolders(descriptor, root: root) else {
                close(descriptor)
                return nil
            }
            return descriptor
        }

        /// Watches every folder of the inputs; a folder watched already keeps its watch.
        /// - Returns: false when the kernel refused a folder (the limit on watches, ENOSPC):
        ///   a change in it would not be seen.
        private static func watchFolders(_ descriptor: Int32, root: String) -> Bool {
            if FaultPoint.fails("watch") { return false }
            var all = true
            for folder in folders(root: root) where inotify_add_watch(descriptor, folder, mask) < 0
            {
                // A folder removed since it was listed needs no watch.
                if errno != ENOENT { all = false }
            }
            return all
        }

        /// Whether a batch of inotify events touches an input. The site folder itself is
        /// watched only to see `Content/` or `Templates/` appear or go: a log file, `Site/` or
        /// an editor's backup written beside them is not a change of the site, and rebuilding
        /// for it would loop when serve's own output is redirected into the site folder.
        static func touchesInputs(_ events: UnsafeRawBufferPointer, rootWatch: Int32) -> Bool {
            let header = MemoryLayout<inotify_event>.size
            var offset = 0
            while offset + header <= events.count {
                let watch = events.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let flags = events.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(events.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let start = offset + header
                offset = start + length
                if flags & UInt32(IN_Q_OVERFLOW) != 0 || watch != rootWatch { return true }
                guard offset <= events.count else { return true }
                let name = events[start..<offset].prefix { $0 != 0 }
                if let text = String(validating: name, as: UTF8.self), inputs.contains(text) {
                    return true
                }
            }
            return false
        }

        private static func watchWithInotify(
            _ descriptor: Int32, root: String, changed: @Sendable () -> Void
        ) {
            // Adding a watch twice returns the same number: this is the site folder's.
            let rootWatch = inotify_add_watch(descriptor, root, mask)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var relevant = false
            /// Reads what is waiting and notes whether it touched an input; the byte count,
            /// or -1 with `errno` set.
            func readEvents() -> Int {
                buffer.withUnsafeMutableBytes { bytes in
                    let count = read(descriptor, bytes.baseAddress, bytes.count)
                    if count > 0 {
                        relevant =
                            touchesInputs(
                                UnsafeRawBufferPointer(rebasing: bytes[..<count]),
                                rootWatch: rootWatch) || relevant
                    }
                    return count
                }
            }
            while true {
                relevant = false
                let count = readEvents()
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                // Drain what follows within 30 ms: one save, one rebuild.
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                while poll(&waiting, 1, 30) > 0 { _ = readEvents() }
                guard relevant else { continue }
                // New folders (a new organization, a new year) are watched from now on; when
                // one cannot be, the caller compares times from here on.
                let watched = watchFolders(descriptor, root: root)
                changed()
                guard watched else { return }
            }
        }
    #endif

    private static func watchByPolling(root: String, changed: @Sendable () -> Void) {
        func snapshot() -> [String: FileIdentity?] {
            var files: [String: FileIdentity?] = [:]
            for input in inputs {
                for entry in PublishedTree.survey(root: root + "/" + input, jobs: 1) {
                    files[input + "/" + entry.path] = entry.identity
                }
            }
            return files
        }
        var last = snapshot()
        while true {
            usleep(500_000)
            let now = snapshot()
            if now != last {
                last = now
                changed()
            }
        }
    }
}
