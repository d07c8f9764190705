import Synchronization
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The reports a build rendered before it was done (`Pipeline.Options.onReport`): on the
/// thread that ran the rules, or, for a reused build, while `Site/` was being checked.
///
/// Each is kept with the findings it was rendered from, and handed back only for a report
/// with the same ones: a reused build whose check of `Site/` fails is built again, and should
/// that build stop before it renders its own report, the command renders the report it ends
/// with rather than print the reused one. Empty when the build made no report that way (it
/// stopped at a load error): the command then renders the report itself.
final class EarlyReports: Sendable {
    /// What a rendering depends on in a report: all of it but the files and timings.
    private struct Source: Equatable {
        var summary: SiteSummary
        var diagnostics: [Diagnostic]
        var due: [DueItem]
        var asOf: LocalDate

        init(_ report: CheckReport) {
            summary = report.summary
            diagnostics = report.diagnostics
            due = report.due
            asOf = report.asOf
        }
    }

    private let rendered = Mutex<(source: Source, reports: [ReportWriter.Rendered])?>(nil)

    func store(_ reports: [ReportWriter.Rendered], for report: CheckReport) {
        let source = Source(report)
        rendered.withLock { $0 = (source, reports) }
    }

    /// The reports rendered from `report`'s findings, once; nil if the last ones stored were
    /// rendered from others.
    func take(for report: CheckReport) -> [ReportWriter.Rendered]? {
        let stored = rendered.withLock { value in
            defer { value = nil }
            return value
        }
        guard let stored, stored.source == Source(report) else { return nil }
        return stored.reports
    }
}
