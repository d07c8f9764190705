import Foundation
import ZhibuKit
import ZhibuModel

/// Renders a check report in each format asked for and writes each where it was asked to go.
///
/// Shared by `check` and `build`, so both speak every CI format the same way; one run can
/// write several (`--report github --report sarif=zhibu.sarif`), so a CI job need not check
/// the site once per format.
struct ReportWriter {
    var options: OutputOptions
    /// `--lang`, else the site's first language.
    var language: Language?

    func write(_ report: CheckReport) throws {
        for (format, file) in options.requestedReports {
            try write(report, format: format, to: file)
        }
    }

    private func write(_ report: CheckReport, format: OutputOptions.Format, to file: String?)
        throws
    {
        let language = self.language ?? report.summary.defaultLanguage
        var report = report
        if options.quiet && format != .human {
            report.diagnostics.removeAll { $0.severity != .error }
        }
        let text: String
        switch format {
        case .human:
            let color = file == nil && Terminal.supportsColor
            text = HumanReport(language: language, color: color, quiet: options.quiet)
                .render(report)
        case .json:
            text = JSONReport(language: language).render(report)
        case .sarif:
            text = SARIFReport(language: language, version: Zhibu.configuration.version)
                .render(report)
        case .github:
            let github = GitHubReport(language: language)
            text = github.render(report)
            if let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
                !summary.isEmpty
            {
                try Terminal.append(github.summary(report), to: summary)
            }
        case .junit:
            text = JUnitReport(language: language, strict: options.strict).render(report)
        case .gitlab:
            text = GitLabReport(language: language).render(report)
        }
        try Terminal.write(text, to: file)
    }
}
