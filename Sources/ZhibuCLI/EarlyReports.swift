import Synchronization

/// The reports a build rendered on the thread that ran the rules (`Pipeline.Options.onReport`),
/// handed to the command when the build is done.
///
/// Empty when the build never made its report that way (reused, stopped at a load error): the
/// command then renders the report itself, as before.
final class EarlyReports: Sendable {
    private let rendered = Mutex<[ReportWriter.Rendered]?>(nil)

    func store(_ reports: [ReportWriter.Rendered]) {
        rendered.withLock { $0 = reports }
    }

    /// The reports, once.
    func take() -> [ReportWriter.Rendered]? {
        rendered.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
