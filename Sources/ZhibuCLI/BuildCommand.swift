import ArgumentParser
import ZhibuKit
import ZhibuModel

/// `zhibu build`: check, then render and publish `Site/` atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the site, then render and publish Site/ (生成站点).")

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OutputOptions

    @Flag(help: "Render every page but write nothing (for benchmarks and previews).")
    var renderToMemory = false

    @Option(help: "Also fail (exit 1) on rule findings of this severity: error or warning.")
    var failOn: FailOn?

    func run() throws {
        let outcome: BuildOutcome
        do {
            outcome = try Pipeline.build(
                Pipeline.Options(
                    siteRoot: global.site, asOf: options.asOfDate,
                    jobs: options.jobs ?? Parallel.defaultJobs),
                renderToMemory: renderToMemory)
        } catch {
            throw ToolFailure(error.message)
        }
        let report = outcome.report
        Terminal.printTimings(report.timings)
        try ReportWriter(options: options).write(report)
        let language = options.language ?? report.summary.defaultLanguage
        if !options.quiet {
            Terminal.error(summary(outcome, language: language))
        }
        withExtendedLifetime(outcome) {
            Terminal.terminate(exitCode(report))
        }
    }

    private func exitCode(_ report: CheckReport) -> Int32 {
        if report.hasLoadErrors { return 1 }
        let threshold: FailOn? = options.strict ? .warning : failOn
        switch threshold {
        case .error?: return report.errorCount > 0 ? 1 : 0
        case .warning?: return report.errorCount + report.warningCount > 0 ? 1 : 0
        case nil: return 0
        }
    }

    private func summary(_ outcome: BuildOutcome, language: Language) -> String {
        let zh = language == .zh
        switch outcome {
        case .stopped:
            return zh
                ? "zhibu: 有文件无法读取（load.* 错误），未发布；Site/ 保持不变"
                : "zhibu: files could not be read (load.* errors); nothing was published and Site/ is unchanged"
        case .unchanged:
            return zh
                ? "zhibu: 输入没有变化，未重新生成；Site/ 未改动"
                : "zhibu: inputs unchanged since the last build; nothing rendered, Site/ untouched"
        case .built(_, let files, nil):
            return zh
                ? "zhibu: 已在内存中生成 \(files.count) 个文件，未写入"
                : "zhibu: rendered \(files.count) files in memory, wrote nothing"
        case .built(_, let files, let stats?):
            if !stats.swapped {
                return zh
                    ? "zhibu: 内容没有变化，Site/ 未改动（\(files.count) 个文件）"
                    : "zhibu: nothing changed; Site/ untouched (\(files.count) files)"
            }
            return zh
                ? "zhibu: 已发布 Site/：\(files.count) 个文件，写入 \(stats.written)，未变 \(files.count - stats.written)，删除 \(stats.removed)"
                : "zhibu: published Site/: \(files.count) files, \(stats.written) written, \(files.count - stats.written) unchanged, \(stats.removed) removed"
        }
    }
}
