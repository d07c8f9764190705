#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes room in the process's table of open files once, at start, while it has one thread.
///
/// Linux grows the table by doubling when a new descriptor does not fit (64, 128, 256, 512 …).
/// In a process of more than one thread, each growth waits for an RCU grace period before it
/// frees the old table (`expand_fdtable`, `synchronize_rcu`): some milliseconds during which
/// the thread that opened the file, and any waiting on it, do nothing. A build keeps up to
/// 256 folders of `Content/` open while it reads them (`FileTree`), beside its readers' and
/// writers' files, so it grew the table three times from its threads. One descriptor placed
/// at `reserved - 1` while the process has a single thread grows the table at once and
/// without waiting; closing it leaves the table that large.
package enum DescriptorTable {
    /// Room for this many descriptors, or up to the soft limit on open files if lower.
    package static let reserved = 1024

    /// Grows the table; call before any thread starts. Does nothing when it cannot.
    package static func reserve() {
        var limit = rlimit()
        #if canImport(Glibc)
            let got = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
            let got = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard got == 0 else { return }
        let highest = min(UInt64(reserved), UInt64(limit.rlim_cur)) - 1
        // The first 64 fit in the table a process starts with.
        guard highest >= 64 else { return }
        let source = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return }
        let placed = fcntl(source, F_DUPFD_CLOEXEC, Int32(highest))
        if placed >= 0 { close(placed) }
        close(source)
    }
}
