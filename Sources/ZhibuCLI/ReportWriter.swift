import Foundation
import ZhibuKit
import ZhibuModel

/// Renders a check report in the format asked for and writes it where it was asked to go.
///
/// Shared by `check` and `build`, so both speak every CI format the same way.
struct ReportWriter {
    var options: OutputOptions

    func write(_ report: CheckReport) throws {
        let language = options.language ?? report.summary.defaultLanguage
        var report = report
        if options.quiet && options.format != .human {
            report.diagnostics.removeAll { $0.severity != .error }
        }
        let text: String
        switch options.format {
        case .human:
            let color = options.output == nil && Terminal.supportsColor
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
        try Terminal.write(text, to: options.output)
    }
}
