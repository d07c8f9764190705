#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open files: the limit on how many, raised once at start, and the table that
/// holds them, grown once at start while the process has one thread.
///
/// Reading `Content/` keeps folders open beside its readers' and writers' files: about two
/// descriptors for each thread of the sweep (`FolderSweep`), up to 256 folders in the serial
/// walk that stands in for it (`Walker`). The soft limit is 1,024 on most Linux systems but 256
/// on macOS and in some containers, so it is raised to the hard limit (at most `wanted`), as
/// Go's runtime does; where it cannot be, the walks use fewer (`sweepThreads`,
/// `folderBudget`).
///
/// Linux grows the table by doubling when a new descriptor does not fit (64, 128, 256, 512 …).
/// In a process of more than one thread, each growth waits for an RCU grace period before it
/// frees the old table (`expand_fdtable`, `synchronize_rcu`): some milliseconds during which
/// the thread that opened the file, and any waiting on it, do nothing. A build grew it three
/// times from its threads. One descriptor placed at `reserved - 1` while the process has a
/// single thread grows the table at once and without waiting; closing it leaves the table
/// that large.
package enum DescriptorTable {
    /// Room for this many descriptors, or up to the soft limit on open files if lower.
    package static let reserved = 1024
    /// The soft limit the start raises to, when the hard limit allows.
    package static let wanted = 4096

    /// Raises the soft limit and grows the table; call before any thread starts. Does what
    /// the system allows and nothing more.
    package static func reserve() {
        var limit = rlimit()
        guard getLimit(&limit) else { return }
        let target = min(UInt64(wanted), UInt64(limit.rlim_max))
        if UInt64(limit.rlim_cur) < target {
            var raised = limit
            raised.rlim_cur = rlim_t(target)
            if setLimit(raised) { limit = raised }
        }
        let highest = min(UInt64(reserved), UInt64(limit.rlim_cur)) - 1
        // The first 64 fit in the table a process starts with.
        guard highest >= 64 else { return }
        let source = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return }
        let placed = fcntl(source, F_DUPFD_CLOEXEC, Int32(highest))
        if placed >= 0 { close(placed) }
        close(source)
    }

    /// The soft limit on open files, or 1,024 when the system does not say.
    package static func softLimit() -> Int {
        var limit = rlimit()
        guard getLimit(&limit) else { return 1024 }
        return Int(min(UInt64(limit.rlim_cur), UInt64(Int32.max)))
    }

    /// How many threads the sweep of `Content/` may run, at most `wanted`, out of `softLimit`:
    /// each holds a folder and a file open and about as many folders wait to be read, beside
    /// 32 for the build's own files and the standard streams.
    package static func sweepThreads(wanted: Int, softLimit: Int = softLimit()) -> Int {
        max(1, min(wanted, (softLimit - 32) / 4))
    }

    /// How many folders the serial walk may keep open, out of `softLimit`: at most 256, and at most
    /// half of what is left after 128 for the reader threads' files, the build's own and the
    /// standard streams, so that reading never runs out of descriptors.
    package static func folderBudget(softLimit: Int = softLimit()) -> Int {
        min(256, max(0, (softLimit - 128) / 2))
    }

    private static func getLimit(_ limit: inout rlimit) -> Bool {
        #if canImport(Glibc)
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
        #else
            getrlimit(RLIMIT_NOFILE, &limit) == 0
        #endif
    }

    private static func setLimit(_ limit: rlimit) -> Bool {
        var limit = limit
        #if canImport(Glibc)
            return setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
        #else
            return setrlimit(RLIMIT_NOFILE, &limit) == 0
        #endif
    }
}
