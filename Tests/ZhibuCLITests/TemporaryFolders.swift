import Foundation

/// Folders that tests share for the whole run (a built site, a copy of the example with
/// mistakes), removed when the test process exits.
///
/// A shared fixture lives in a `static let`, which no test owns, so no test can remove it
/// with a `defer`; without this every run of the suite left copies of the example site in the
/// temporary folder.
enum TemporaryFolders {
    /// The folders to remove, behind a lock: fixtures are made from tests on many threads.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []

        func add(_ path: String) { lock.withLock { paths.append(path) } }
        var all: [String] { lock.withLock { paths } }
    }

    private static let registry = Registry()

    /// Registers the process-exit handler once; `atexit` takes a C function, so the handler
    /// reads the folders from the static registry instead of capturing them.
    private static let handler: Void = {
        atexit {
            for path in TemporaryFolders.registry.all {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }()

    /// A new folder in the temporary folder, named `prefix` and a UUID, removed at exit.
    static func make(_ prefix: String) throws -> URL {
        _ = handler
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        registry.add(folder.path)
        return folder
    }
}
