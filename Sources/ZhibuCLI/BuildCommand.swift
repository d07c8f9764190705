import ArgumentParser
import Foundation
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

    enum AudienceOption: String, ExpressibleByArgument, CaseIterable {
        case `public`, `internal`
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OutputOptions

    @Flag(help: "Render every page but write nothing (for benchmarks and previews).")
    var renderToMemory = false

    @Option(
        help: ArgumentHelp(
            "Fail (exit 1) and publish nothing when rule findings of this severity or worse are found: error or warning.",
            discussion:
                "Site/ then stays as it was: with --fail-on error, a resident ID number that privacy.id-number finds never reaches the published site."
        ))
    var failOn: FailOn?

    @Flag(help: "When another build of this site is running, exit 2 instead of waiting for it.")
    var noWait = false

    @Flag(help: "Publish files marked `draft: true` too (they are checked either way).")
    var drafts = false

    @Option(
        help: ArgumentHelp(
            "Who may read the site: public (findings about members only as counts) or internal (an intranet inspection portal: findings in full, not indexed). Overrides site.yml's audience.",
            valueName: "public|internal"))
    var audience: AudienceOption?

    func run() throws {
        Interruption.install()
        let language = options.language
        let threshold: FailOn? = options.strict ? .warning : failOn
        let outcome: BuildOutcome
        do {
            var settings = Pipeline.Options(
                siteRoot: global.site, asOf: options.asOfDate,
                jobs: options.jobs ?? Parallel.defaultJobs,
                failOn: threshold.map { $0 == .error ? Severity.error : .warning },
                waitForLock: !noWait,
                onLockWait: { pid in
                    let who = pid.map { " (pid \($0))" } ?? ""
                    let whoZh = pid.map { "（进程 \($0)）" } ?? ""
                    Terminal.error(
                        "zhibu: 另一个 zhibu build 正在运行\(whoZh)，等待其结束……\n"
                            + "zhibu: another zhibu build is running\(who); waiting")
                })
            settings.drafts = drafts
            settings.audience = audience.map { Audience(rawValue: $0.rawValue) ?? .public }
            outcome = try Pipeline.build(settings, renderToMemory: renderToMemory)
        } catch .publish(.interrupted(let changed)) {
            let message = PublishError.interrupted(siteChanged: changed).message
            Terminal.error("zhibu: \(message.zh)\nzhibu: \(message.en)")
            Terminal.terminate(Interruption.received == SIGTERM ? 143 : 130)
        } catch {
            throw ToolFailure(error.message)
        }
        let report = outcome.report
        Terminal.printTimings(report.timings)
        try ReportWriter(options: options).write(report)
        if !options.quiet {
            let language = language ?? report.summary.defaultLanguage
            Terminal.error(summary(outcome, language: language))
            if !drafts, case .built(let result, _, _) = outcome, result.site.draftCount > 0 {
                let count = result.site.draftCount
                Terminal.error(
                    language == .zh
                        ? "zhibu: \(count) 个草稿（draft: true）已检查，未发布；加 --drafts 一并发布"
                        : "zhibu: \(count) draft(s) (draft: true) checked but not published; "
                            + "--drafts publishes them")
            }
        }
        withExtendedLifetime(outcome) {
            Terminal.terminate(exitCode(outcome, threshold: threshold))
        }
    }

    /// 1 when the build stopped or failed `--fail-on`; a reused build fails `--fail-on` too
    /// when its stored findings reach the threshold (the published site is then the last one).
    private func exitCode(_ outcome: BuildOutcome, threshold: FailOn?) -> Int32 {
        switch outcome {
        case .stopped, .failed: return 1
        case .built: return outcome.report.hasLoadErrors ? 1 : 0
        case .unchanged(let report):
            let failing = threshold.map {
                Pipeline.fails(report, at: $0 == .error ? .error : .warning)
            }
            return report.hasLoadErrors || failing == true ? 1 : 0
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
        case .failed:
            return zh
                ? "zhibu: 发现 --fail-on 所指级别的问题，未发布；Site/ 保持不变"
                : "zhibu: findings at or above --fail-on; nothing was published and Site/ is unchanged"
        case .built(_, let files, nil):
            return zh
                ? "zhibu: 已在内存中生成 \(files.count) 个文件，未写入"
                : "zhibu: rendered \(files.count) files in memory, wrote nothing"
        case .built(_, let files, let stats?):
            var notes = ""
            if !stats.foreign.isEmpty {
                let list = stats.foreign.prefix(5).joined(separator: ", ")
                notes +=
                    zh
                    ? "\nzhibu: 已删除不是 zhibu 发布的文件：\(list)；要放在站点根目录的文件（如 CNAME）请放进 Content/static/"
                    : "\nzhibu: removed files that zhibu did not publish: \(list); put files for the site's root (such as CNAME) in Content/static/"
            }
            if !stats.repaired.isEmpty {
                let list = stats.repaired.prefix(5).joined(separator: ", ")
                notes +=
                    zh
                    ? "\nzhibu: 已重写被手工改动的文件：\(list)"
                    : "\nzhibu: rewrote published files that had been changed by hand: \(list)"
            }
            if !stats.swapped {
                return zh
                    ? "zhibu: 内容没有变化，Site/ 未改动（\(files.count) 个文件）"
                    : "zhibu: nothing changed; Site/ untouched (\(files.count) files)"
            }
            return
                (zh
                ? "zhibu: 已发布 Site/：\(files.count) 个文件，写入 \(stats.written)，未变 \(files.count - stats.written)，删除 \(stats.removed)"
                : "zhibu: published Site/: \(files.count) files, \(stats.written) written, \(files.count - stats.written) unchanged, \(stats.removed) removed")
                + notes
        }
    }
}
