import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Named points of publishing where a test can make the build fail as the world would: be
/// killed, find the disk full, or hold the lock while another build starts; and `watch`, where
/// `serve` meets the system's limit on watched folders (`fails`).
///
/// Set `ZHIBU_TEST_FAULT=<point>` to be killed there (SIGKILL), `<point>=enospc` to meet a
/// full disk, or `<point>=hold:<file>` to wait there (after creating `<file>.waiting`) until `<file>`
/// exists. Without the
/// variable every point is a no-op. Tests use it instead of sleeping and hoping to land in a
/// window.
package enum FaultPoint {
    private static let setting: (point: String, action: String)? = {
        guard let value = ProcessInfo.processInfo.environment["ZHIBU_TEST_FAULT"] else {
            return nil
        }
        let parts = value.split(separator: "=", maxSplits: 1)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "kill")
    }()

    /// Whether a test asked the point `name` to fail as if the system ran out of room
    /// (`<point>=enospc`), for points that report failure rather than throw.
    package static func fails(_ name: String) -> Bool {
        guard let setting else { return false }
        return setting.point == name && setting.action == "enospc"
    }

    /// Reaches the point `name`; `siteChanged` says what a full disk there would mean.
    static func reach(_ name: String, siteChanged: Bool) throws(PublishError) {
        guard let setting, setting.point == name else { return }
        if setting.action == "kill" {
            kill(getpid(), SIGKILL)
        } else if setting.action == "enospc" {
            throw .io(
                path: name, reason: String(cString: strerror(ENOSPC)), siteChanged: siteChanged)
        } else if setting.action.hasPrefix("hold:") {
            // `<file>.waiting` tells the test that the build is here.
            let file = String(setting.action.dropFirst(5))
            close(open(file + ".waiting", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644))
            while access(file, F_OK) != 0 { usleep(10_000) }
        }
    }
}
