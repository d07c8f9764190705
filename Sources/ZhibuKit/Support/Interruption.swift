import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM (a cancelled CI job, Ctrl-C) turned into a request that the build stops
/// at its next safe point, instead of dying wherever it is.
///
/// Only the CLI installs the handlers. A second signal ends the process at once, as users
/// expect of a second Ctrl-C; even then publishing leaves nothing that the next build cannot
/// bring back to a clean state.
package enum Interruption {
    package static func install() {
        // A parent may have blocked them (a test runner's thread, some CI agents): a blocked
        // signal would wait until the build had published.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for number in [SIGINT, SIGTERM] {
            signal(number) { received in
                interruptionSignal.store(received, ordering: .relaxed)
                signal(received, SIG_DFL)
            }
        }
    }

    /// Whether a signal asked the build to stop.
    package static var requested: Bool { received != 0 }

    /// The signal that arrived, or 0.
    package static var received: Int32 { interruptionSignal.load(ordering: .relaxed) }
}

/// Written by the signal handler: a lock-free atomic store is safe there.
private let interruptionSignal = Atomic<Int32>(0)
