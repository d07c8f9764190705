import Foundation

/// Reads the process environment and core count in one place.
///
/// Kept apart so that library code has no scattered environment lookups: the job count can be
/// pinned by `ZHIBU_JOBS` for the determinism tests, which compare one thread against all cores.
package enum ProcessInfoShim {
    package static var activeProcessorCount: Int {
        if let text = ProcessInfo.processInfo.environment["ZHIBU_JOBS"], let jobs = Int(text),
            jobs > 0
        {
            return jobs
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}
