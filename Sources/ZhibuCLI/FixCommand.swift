import ArgumentParser
import ZhibuKit
import ZhibuModel

/// `zhibu fix`: applies in place the fixes that have one right answer, shows each, then
/// reports what is left as `check` does.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the unambiguous fixes that check proposes, in place (自动修正).",
        discussion: """
            Fixes only what has one right answer: dates written 2026/8/9, 2026.8.9, 2026年8月9日 \
            or 2026-8-9 become 2026-08-09; a full-width colon after a field name becomes `: `; \
            list items separated by full-width commas become `[m01, m02]`. Every change is \
            printed; nothing else in any file is touched, and a file changed since it was read \
            is left alone. Then prints the check of the fixed site and exits as check does.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OutputOptions

    func run() throws {
        let outcome: (report: CheckReport, fixed: Fixer.Result)
        do {
            outcome = try Pipeline.fix(
                Pipeline.Options(
                    siteRoot: global.site, asOf: options.asOfDate,
                    jobs: options.jobs ?? Parallel.defaultJobs))
        } catch {
            throw ToolFailure(error.message)
        }
        let language = global.language ?? outcome.report.summary.defaultLanguage
        var lines = ""
        for change in outcome.fixed.changes {
            let what = "`\(change.original)` → `\(change.replacement)`"
            lines += "\(change.file):\(change.line):\(change.column): "
            lines += language == .zh ? "已修改：\(what)\n" : "fixed: \(what)\n"
        }
        for skip in outcome.fixed.skipped {
            lines += "\(skip.file): " + (language == .zh ? "未修改：" : "not fixed: ")
            lines += skip.reason.text(in: language) + "\n"
        }
        let files = Set(outcome.fixed.changes.map(\.file)).count
        let count = outcome.fixed.changes.count
        lines +=
            language == .zh
            ? "zhibu fix：修改了 \(files) 个文件中的 \(count) 处\n"
            : "zhibu fix: \(count) fix\(count == 1 ? "" : "es") in \(files) file\(files == 1 ? "" : "s")\n"
        // What changed goes where people read; a machine format keeps standard output its own.
        let stdoutIsHuman = options.requestedReports.allSatisfy {
            $0.format == .human || $0.file != nil
        }
        if stdoutIsHuman && options.requestedReports.contains(where: { $0.file == nil }) {
            try Terminal.write(lines + "\n", to: nil)
        } else {
            Terminal.error(lines.hasSuffix("\n") ? String(lines.dropLast()) : lines)
        }
        try ReportWriter(options: options, language: global.language).write(outcome.report)
        withExtendedLifetime(outcome) {
            Terminal.terminate(outcome.report.exitCode(strict: options.strict))
        }
    }
}
