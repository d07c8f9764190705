import Foundation
import ZhibuKit
import ZhibuModel

/// Renders a check report in each format asked for and writes each where it was asked to go.
///
/// Shared by `check` and `build`, so both speak every CI format the same way; one run can
/// write several (`--report github --report sarif=zhibu.sarif`), so a CI job need not check
/// the site once per format.
struct ReportWriter: Sendable {
    var options: OutputOptions
    /// `--lang`, else the site's first language.
    var language: Language?

    /// One report rendered, and where it goes.
    struct Rendered: Sendable {
        var text: String
        var file: String?
        /// GitHub's job summary, appended to `$GITHUB_STEP_SUMMARY` when it is written.
        var stepSummary: String?
    }

    func write(_ report: CheckReport) throws {
        try write(render(report))
    }

    /// Every report asked for, rendered but not written: pure, so a build renders them on
    /// another thread while it still renders pages (`Pipeline.Options.onReport`).
    func render(_ report: CheckReport) -> [Rendered] {
        options.requestedReports.map { format, file in render(report, format: format, to: file) }
    }

    func write(_ rendered: [Rendered]) throws {
        for report in rendered {
            if let summary = report.stepSummary,
                let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
                !path.isEmpty
            {
                try Terminal.append(summary, to: path)
            }
            try Terminal.write(report.text, to: report.file)
        }
    }

    private func render(_ report: CheckReport, format: OutputOptions.Format, to file: String?)
        -> Rendered
    {
        let language = self.language ?? report.summary.defaultLanguage
        var report = report
        // `--quiet` quiets the terminal; a report written to a file stays whole, as CI reads
        // its warnings (code scanning, merge-request widgets) whatever the log shows.
        let quiet = options.quiet && file == nil
        if quiet && format != .human {
            report.diagnostics.removeAll { $0.severity != .error }
        }
        let text: String
        var stepSummary: String?
        switch format {
        case .human:
            let color = file == nil && Terminal.supportsColor
            text = HumanReport(language: language, color: color, quiet: quiet)
                .render(report)
        case .json:
            text = JSONReport(language: language).render(report)
        case .sarif:
            text = SARIFReport(language: language, version: Zhibu.configuration.version)
                .render(report)
        case .github:
            let github = GitHubReport(language: language)
            text = github.render(report)
            if let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
                !path.isEmpty
            {
                stepSummary = github.summary(report)
            }
        case .junit:
            text = JUnitReport(language: language, strict: options.strict).render(report)
        case .gitlab:
            text = GitLabReport(language: language).render(report)
        }
        return Rendered(text: text, file: file, stepSummary: stepSummary)
    }
}
