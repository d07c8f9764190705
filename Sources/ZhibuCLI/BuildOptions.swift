import ArgumentParser
import Foundation
import ZhibuKit
import ZhibuModel

/// What `zhibu build` and `zhibu merge` share: the report's options and how to publish.
///
/// Arguments, not a command, so that `zhibu merge` takes them without taking `build`'s
/// name (its usage line read `zhibu build merge`) or the options it has no use for.
struct BuildOptions: ParsableArguments {
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning
    }

    enum AudienceOption: String, ExpressibleByArgument, CaseIterable {
        case `public`, `internal`
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OutputOptions

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
            "The site's address, overriding site.yml's base_url (a preview deploy, a sub-path); ZHIBU_BASE_URL does the same.",
            valueName: "url"))
    var baseURL: String?

    @Flag(
        name: .customLong("relative-urls"),
        help:
            "Make every link, stylesheet and script relative to its page, so that a copy of the site works from a folder or file:// (as relative_urls: true in site.yml)."
    )
    var relativeURLs = false

    @Option(
        help: ArgumentHelp(
            "Publish into this folder instead of Site/ (GitLab Pages wants public/), with the same atomic publishing.",
            valueName: "dir"))
    var destination: String?

    @Option(
        help: ArgumentHelp(
            "Who may read the site: public (findings about members only as counts) or internal (an intranet inspection portal: findings in full, not indexed). Overrides site.yml's audience.",
            valueName: "public|internal"))
    var audience: AudienceOption?

    /// Called by argument-parser wherever these options are a group (`build`, `merge`), before
    /// the command's own `validate`.
    func validate() throws {
        for (name, url) in [("--base-url", baseURL), ("ZHIBU_BASE_URL", Self.environmentBaseURL)] {
            guard let url else { continue }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.count > 8 else {
                throw ValidationError(
                    "\(name) 应是以 https:// 开头的完整网址，而不是 `\(url)` / \(name) must be a full address starting with https://, not `\(url)`"
                )
            }
        }
        if let destination {
            if let problem = Publisher.problem(destination: destination, siteRoot: global.site) {
                throw ValidationError(problem.zh + " / " + problem.en)
            }
        }
    }

    private static var environmentBaseURL: String? {
        ProcessInfo.processInfo.environment["ZHIBU_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Builds, or with `merging`, merges the parts in those folders (`zhibu merge`).
    /// - Parameters:
    ///   - shard: `build --shard K/N`, already validated.
    ///   - renderToMemory: `build --render-to-memory`.
    func execute(merging: [String]?, shard: String? = nil, renderToMemory: Bool = false) throws {
        let started = Date()
        Interruption.install()
        let language = global.language
        let threshold: FailOn? = options.strict ? .warning : failOn
        let outcome: BuildOutcome
        let early = EarlyReports()
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
            settings.baseURL = baseURL
            settings.destination = destination.flatMap {
                Publisher.isDefaultOutput($0, siteRoot: global.site) ? nil : $0
            }
            settings.relativeURLs = relativeURLs
            settings.shard = shard.flatMap(ShardSpec.init)
            settings.shardFolders = merging
            // The process exits once the build is done: what the build worked with is left to
            // the exit rather than freed first (the outcome is held to the end below).
            settings.holdsWorkingState = true
            // The reports are rendered as soon as the rules are done, beside the rendering.
            let writer = ReportWriter(options: options, language: global.language)
            settings.onReport = { report in early.store(writer.render(report), for: report) }
            if !options.quiet {
                let progressLanguage = language ?? .zh
                settings.onStage = { stage in
                    Terminal.progress("zhibu: " + stage.words.text(in: progressLanguage))
                }
            }
            outcome = try Pipeline.build(settings, renderToMemory: renderToMemory)
        } catch .publish(.interrupted(let changed)) {
            Terminal.endProgress()
            let message = PublishError.interrupted(siteChanged: changed).message
            Terminal.error("zhibu: \(message.zh)\nzhibu: \(message.en)")
            Terminal.terminate(Interruption.received == SIGTERM ? 143 : 130)
        } catch {
            Terminal.endProgress()
            throw ToolFailure(error.message)
        }
        Terminal.endProgress()
        let report = outcome.report
        Terminal.printTimings(report.timings)
        let writer = ReportWriter(options: options, language: global.language)
        try writer.write(early.take(for: report) ?? writer.render(report))
        if !options.quiet {
            let language = language ?? report.summary.defaultLanguage
            Terminal.error(
                summary(
                    outcome, language: language,
                    elapsed: Terminal.elapsed(Date().timeIntervalSince(started), language)))
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
        if outcome.report.hasConfigErrors { return 2 }
        switch outcome {
        case .stopped, .failed: return 1
        case .built: return outcome.report.hasLoadErrors ? 1 : 0
        case .unchanged(let report, _):
            let failing = threshold.map {
                Pipeline.fails(report, at: $0 == .error ? .error : .warning)
            }
            return report.hasLoadErrors || failing == true ? 1 : 0
        }
    }

    /// The closing line, with how long the build took, then any notes.
    private func summary(_ outcome: BuildOutcome, language: Language, elapsed: String) -> String {
        let zh = language == .zh
        // `public/` as typed, said as `public/`, not `public//`.
        var named = destination ?? "Site"
        while named.count > 1, named.hasSuffix("/") { named.removeLast() }
        let folder = named + "/"
        switch outcome {
        case .stopped(let report):
            // Not only unreadable files stop a build: an ID defined twice or unknown is a
            // `load.*` error too, and the line must not send the user looking for a bad file.
            let count = report.loadErrorCount
            return
                (zh
                ? "zhibu: 有 \(count) 个载入错误（load.*：文件读不出或格式不对、缺少字段、编号重复或找不到），改正后才会发布；\(folder) 保持不变"
                : "zhibu: \(count) load error\(count == 1 ? "" : "s") (load.*: a file unreadable or malformed, a field missing, an ID defined twice or unknown) must be fixed before anything is published; \(folder) is unchanged")
                + elapsed
        case .unchanged(_, let unrecorded):
            var notes = ""
            if let reason = unrecorded {
                notes =
                    zh
                    ? "\nzhibu: 警告：无法在 .zhibu/ 中记下输入文件的新状态（\(reason)）；\(folder) 是对的，但下次构建会重新读取全部输入文件。请检查磁盘空间和 .zhibu/ 的写入权限"
                    : "\nzhibu: warning: could not record the inputs' new state in .zhibu/ (\(reason)); \(folder) is right, but the next build will read every input again. Check the disk's free space and that .zhibu/ can be written"
            }
            return
                (zh
                ? "zhibu: 输入没有变化，未重新生成；\(folder) 未改动"
                : "zhibu: inputs unchanged since the last build; nothing rendered, \(folder) untouched")
                + elapsed + notes
        case .failed:
            return
                (zh
                ? "zhibu: 发现 --fail-on 所指级别的问题，未发布；\(folder) 保持不变"
                : "zhibu: findings at or above --fail-on; nothing was published and \(folder) is unchanged")
                + elapsed
        case .built(_, let files, nil):
            return
                (zh
                ? "zhibu: 已在内存中生成 \(files.count) 个文件，未写入"
                : "zhibu: rendered \(files.count) files in memory, wrote nothing") + elapsed
        case .built(_, let files, let stats?):
            var notes = ""
            if !stats.foreign.isEmpty {
                let list = stats.foreign.prefix(5).joined(separator: ", ")
                notes +=
                    zh
                    ? "\nzhibu: 已删除不是 zhibu 发布的文件：\(list)；要放在站点根目录的文件（如 CNAME）请放进 Content/static/"
                    : "\nzhibu: removed files that zhibu did not publish: \(list); put files for the site's root (such as CNAME) in Content/static/"
            }
            if let target = stats.replacedLink {
                let named = target.isEmpty ? "" : (zh ? "（指向 `\(target)`）" : " to `\(target)`")
                notes +=
                    zh
                    ? "\nzhibu: \(folder) 原是一个链接\(named)，已换成真实的文件夹，链接所指的文件夹未改动；要发布到别处，请用 --destination"
                    : "\nzhibu: \(folder) was a link\(named); it is now a real folder, and the link's target is untouched. To publish elsewhere, use --destination"
            }
            if !stats.repaired.isEmpty {
                let list = stats.repaired.prefix(5).joined(separator: ", ")
                notes +=
                    zh
                    ? "\nzhibu: 已重写被手工改动的文件：\(list)"
                    : "\nzhibu: rewrote published files that had been changed by hand: \(list)"
            }
            if let reason = stats.unrecorded {
                notes +=
                    zh
                    ? "\nzhibu: 警告：无法在 .zhibu/ 中记下这次构建（\(reason)）；\(folder) 是对的，但下次构建会重新生成并检查它。请检查磁盘空间和 .zhibu/ 的写入权限"
                    : "\nzhibu: warning: could not record this build in .zhibu/ (\(reason)); \(folder) is right, but the next build will render and check it again. Check the disk's free space and that .zhibu/ can be written"
            }
            if !stats.swapped {
                return
                    (zh
                    ? "zhibu: 内容没有变化，\(folder) 未改动（\(files.count) 个文件）"
                    : "zhibu: nothing changed; \(folder) untouched (\(files.count) files)")
                    + elapsed + notes
            }
            // A merge moves its parts' folders in and links their other files: those files are
            // neither written nor kept.
            let unchanged = files.count - stats.written - stats.moved - stats.taken
            let moved =
                stats.moved + stats.taken == 0
                ? ""
                : zh
                    ? "，从各部分移入 \(stats.moved)、链接 \(stats.taken)"
                    : ", \(stats.moved) moved and \(stats.taken) linked from the parts"
            return
                (zh
                ? "zhibu: 已发布 \(folder)：\(files.count) 个文件，写入 \(stats.written)\(moved)，未变 \(unchanged)，删除 \(stats.removed)"
                : "zhibu: published \(folder): \(files.count) files, \(stats.written) written\(moved), \(unchanged) unchanged, \(stats.removed) removed")
                + elapsed + notes
        }
    }
}
