import ArgumentParser
import ZhibuKit
import ZhibuModel

/// `zhibu check`: load and validate the site, print every problem, exit 0, 1 or 2.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site's files and print every problem (检查站点内容).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OutputOptions

    func run() throws {
        let report: CheckReport
        do {
            report = try Pipeline.check(
                Pipeline.Options(
                    siteRoot: global.site, asOf: options.asOfDate,
                    jobs: options.jobs ?? Parallel.defaultJobs))
        } catch {
            throw ToolFailure(error.message)
        }
        Terminal.printTimings(report.timings)
        try ReportWriter(options: options, language: global.language).write(report)
        // Exit while the report is alive: tearing down a site object by object grows with the
        // site, and the operating system reclaims it for free.
        withExtendedLifetime(report) {
            Terminal.terminate(report.exitCode(strict: options.strict))
        }
    }
}
