import Synchronization
import ZhibuKit

/// The reports a build rendered before it was done (`Pipeline.Options.onReport`): on the
/// thread that ran the rules, or, for a reused build, while `Site/` was being checked.
///
/// Each is kept with the report it was rendered from, and handed back only for a report that
/// says the same: a reused build whose check of `Site/` fails is built again, and should that
/// build stop before it renders its own report, the command renders the report it ends with
/// rather than print the reused one. Empty when the build made no report that way (it stopped
/// at a load error): the command then renders the report itself.
final class EarlyReports: Sendable {
    private let rendered = Mutex<(source: CheckReport, reports: [ReportWriter.Rendered])?>(nil)

    func store(_ reports: [ReportWriter.Rendered], for report: CheckReport) {
        rendered.withLock { $0 = (report, reports) }
    }

    /// The reports rendered from a report that says what `report` says, once; nil if the last
    /// ones stored were rendered from another.
    func take(for report: CheckReport) -> [ReportWriter.Rendered]? {
        let stored = rendered.withLock { value in
            defer { value = nil }
            return value
        }
        guard let stored, stored.source.saysTheSame(as: report) else { return nil }
        return stored.reports
    }
}
