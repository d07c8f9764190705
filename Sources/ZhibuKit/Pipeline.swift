import Foundation
import ZhibuModel
import ZhibuRules

/// The stages of a zhibu run, named in the order they execute.
///
/// ```
/// read      FileTree.read         the only disk read: Content/ and Templates/
/// reuse     BuildCache            no input changed since the last publish: the stored report
/// load      ContentLoader         the model with located fields; a bad file is a diagnostic
///                                 (the templates compile meanwhile)
/// validate  Validator             rules, references, waivers, severity overrides
///                                 (beside render's first passes, which show no finding)
/// render    SiteRenderer          every page kind's jobs, pass by pass, on all cores
/// publish   Publisher             write aside, swap atomically, store the cache
/// ```
///
/// `check` runs read, load and validate. `build(tree:options:)` runs load, validate and render
/// on files held in memory and touches no disk: the tests, `serve` and sharded builds call it.
/// `build(_:renderToMemory:)` adds the disk at both ends: read and reuse before, publish after.
package enum Pipeline {
    package struct Options: Sendable {
        package var siteRoot: String
        /// `--as-of`; when nil, `site.yml`'s `as_of`, then `SOURCE_DATE_EPOCH`, then today.
        package var asOf: LocalDate?
        package var jobs: Int
        /// Where `SOURCE_DATE_EPOCH` is read from.
        package var environment: [String: String]
        /// The clock, read once, for "today" and for timings.
        package var now: Date
        /// `--fail-on`: findings of this severity or worse stop a build before it publishes.
        package var failOn: Severity?
        /// False for `--no-wait`: a build that finds another one running stops instead of
        /// waiting for it.
        package var waitForLock: Bool
        /// Told the process ID of the build being waited for, so the CLI can say so.
        package var onLockWait: @Sendable (Int32?) -> Void
        /// `--drafts`: publish files marked `draft: true` too (they are checked either way).
        package var drafts = false
        /// `--audience`: overrides `site.yml`'s `audience` for this build.
        package var audience: Audience?
        /// `--base-url`: overrides `site.yml`'s `base_url` (a preview deploy, a sub-path);
        /// when nil, `ZHIBU_BASE_URL` in `environment` does.
        package var baseURL: String?
        /// `--destination`: the folder to publish into instead of `Site/`.
        package var destination: String?
        /// `--relative-urls`: links relative to each page, whatever `site.yml` says.
        package var relativeURLs = false
        /// `--shard K/N`: render only this part's files, and add its manifest.
        package var shard: ShardSpec?
        /// The parts, for `merge`: their files and report, to which it adds the sitemap and
        /// `build.json`.
        package var merged: ShardMerge.Parts?
        /// `merge SHARD-DIR…`: the folders of the parts, read into `merged` once the inputs
        /// are read.
        package var shardFolders: [String]?
        /// Told when a build starts each long stage, for a progress line on a terminal.
        package var onStage: @Sendable (Stage) -> Void = { _ in }
        /// Given a build's report as soon as the rules are done, on the thread that ran them,
        /// while the pages still render: the report the outcome carries, but for its timings.
        /// The command line renders its reports there, which on a large site takes as long as
        /// the last pass of rendering. Not called when the build stops at a load error.
        package var onReport: (@Sendable (CheckReport) -> Void)?

        /// The base URL this build overrides `site.yml`'s with, if any.
        package var resolvedBaseURL: String? {
            if let baseURL { return baseURL }
            if let value = environment["ZHIBU_BASE_URL"], !value.isEmpty { return value }
            return nil
        }
        /// The previous load's parsed files, which `serve` keeps between rebuilds.
        package var parseCache: ParseCache?
        /// Whether the result holds what the build worked with (`BuildResult.held`) instead of
        /// freeing it as the build ends: set by a command that exits once the build is done,
        /// for which freeing it is work for nothing on the critical path; left false by `serve`,
        /// which would otherwise keep a second site in memory beside the one it shows.
        package var holdsWorkingState = false

        package init(
            siteRoot: String = ".", asOf: LocalDate? = nil, jobs: Int = Parallel.defaultJobs,
            environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date(),
            failOn: Severity? = nil, waitForLock: Bool = true,
            onLockWait: @escaping @Sendable (Int32?) -> Void = { _ in }
        ) {
            self.siteRoot = siteRoot
            self.asOf = asOf
            self.jobs = jobs
            self.environment = environment
            self.now = now
            self.failOn = failOn
            self.waitForLock = waitForLock
            self.onLockWait = onLockWait
        }
    }

    /// The long stages of a build, as a progress line names them.
    package enum Stage: Sendable {
        case reading, rendering, publishing

        package var words: LocalizedText {
            switch self {
            case .reading: LocalizedText(zh: "读取文件……", en: "reading files…")
            case .rendering: LocalizedText(zh: "检查并生成网页……", en: "checking and rendering…")
            case .publishing: LocalizedText(zh: "发布……", en: "publishing…")
            }
        }
    }

    // MARK: - Check

    /// Reads and checks the site at `options.siteRoot`.
    package static func check(_ options: Options) throws(LoadError) -> CheckReport {
        let start = Date()
        let tree = try read(options)
        var report = check(tree, options: options)
        report.timings.insert(("read", Date().timeIntervalSince(start)), at: 0)
        return report
    }

    /// Checks files already in memory.
    package static func check(_ tree: FileTree, options: Options) -> CheckReport {
        let loaded = load(tree, options, renderBodies: false)
        return report(loaded, validate(loaded, jobs: options.jobs))
    }

    /// The same with the options spelled out, for tests.
    package static func check(
        _ tree: FileTree, asOf: LocalDate? = nil, jobs: Int = Parallel.defaultJobs,
        environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) -> CheckReport {
        check(tree, options: Options(asOf: asOf, jobs: jobs, environment: environment, now: now))
    }

    /// The site as loaded, with its check: for commands that write content (`new`), which need
    /// the rosters and what is due.
    package static func inspect(_ options: Options) throws(LoadError) -> (
        site: Site, report: CheckReport
    ) {
        let tree = try read(options)
        let loaded = load(tree, options, renderBodies: false)
        return (loaded.result.site, report(loaded, validate(loaded, jobs: options.jobs)))
    }

    /// Applies the unambiguous fixes a check proposes, checking again after each round (a
    /// fixed syntax error lets the rest of its file be read, which may propose more), and
    /// returns the check of the fixed files with every change made.
    package static func fix(_ options: Options) throws(LoadError) -> (
        report: CheckReport, fixed: Fixer.Result
    ) {
        var fixed = Fixer.Result()
        var skipped = Set<Fixer.Skipped>()
        // Each round makes at least one change to the finite text it was given; the bound
        // only guards against a fix that would undo another.
        for _ in 0..<16 {
            let tree = try read(options)
            let report = check(tree, options: options)
            let round = Fixer.apply(report.diagnostics, tree: tree, siteRoot: options.siteRoot)
            fixed.changes += round.changes
            for skip in round.skipped where skipped.insert(skip).inserted {
                fixed.skipped.append(skip)
            }
            if round.changes.isEmpty { return (report, fixed) }
        }
        return (try check(options), fixed)
    }

    // MARK: - Build

    /// A merge's files and report, made from its parts without loading the site: the report is
    /// the check of the whole site that every part made, the files are the parts' with the
    /// sitemap and `build.json`, which list and digest them (`ShardShare` deals everything else
    /// among the parts). Only `site.yml` is read, for the addresses the sitemap gives.
    static func merge(_ parts: ShardMerge.Parts, tree: FileTree, options: Options)
        throws(RenderError) -> BuildResult
    {
        let start = Date()
        var config = SiteConfigReader.read(tree.file("Content/site.yml"), bag: DiagnosticBag())
        if let baseURL = options.resolvedBaseURL {
            config.baseURL = Located(baseURL, at: .start(of: config.file))
        }
        if let audience = options.audience { config.audience = audience }
        if options.relativeURLs { config.relativeURLs = true }
        let site = Site(config: config)
        var report = CheckReport(
            summary: parts.report.summary, diagnostics: parts.report.diagnostics, due: [],
            asOf: parts.asOf, tree: tree)
        // The command line renders the report meanwhile, as it does beside a build's pages.
        let reporting = Background { [report] in options.onReport?(report) }
        defer { reporting.wait() }
        let renderer = try SiteRenderer(
            site: site, asOf: parts.asOf,
            templates: try TemplateSet.load(tree, languages: config.languages), jobs: options.jobs)
        let files = try renderer.merged(parts.files)
        report.timings.append(("render", Date().timeIntervalSince(start)))
        return BuildResult(report: report, site: site, files: files)
    }

    /// Loads, validates and renders files held in memory; writes nothing.
    ///
    /// A `load.*` error stops before rendering (`files` is nil); findings of the
    /// standardization rules do not stop it: they are what the status pages show. The rules
    /// run beside the passes of rendering before the findings pass, which show none of them.
    ///
    /// The tree is consumed: once the rules are done, the report keeps the files its findings
    /// quote and every other byte read is let go of while the pages render.
    package static func build(tree: consuming FileTree, options: Options) throws(RenderError)
        -> BuildResult
    {
        // The templates need only the site's languages: they compile while the content loads.
        let languages = SiteConfigReader.read(
            tree.file("Content/site.yml"), bag: DiagnosticBag()
        ).languages
        let compiling = Background { [tree] () -> Result<TemplateSet, RenderError> in
            Result { () throws(RenderError) in try TemplateSet.load(tree, languages: languages) }
        }
        var loaded = load(tree, options, renderBodies: true)
        let site = loaded.result.site
        guard !CheckReport.hasLoadErrors(loaded.result.diagnostics) else {
            return BuildResult(
                report: report(loaded, validate(loaded, jobs: options.jobs)), site: site,
                files: nil)
        }
        let validating = Background { [loaded] in validate(loaded, jobs: options.jobs) }
        // The report is made on a thread of its own as soon as the rules are done, and handed
        // to the command line to print while the pages render.
        let reporting = Background { [loaded, onReport = options.onReport] () -> CheckReport in
            let checked = Self.report(loaded, validating.wait())
            onReport?(checked)
            return checked
        }
        let templating = compiling.wait().flatMap { set -> Result<TemplateSet, RenderError> in
            if languages == site.config.languages { return .success(set) }
            return Result { () throws(RenderError) in
                try TemplateSet.load(tree, languages: site.config.languages)
            }
        }
        // From here only the two threads above hold the files' bytes (a tenth of a large
        // build's peak), and they let go of them when the report is made.
        _ = consume tree
        loaded.tree = FileTree(files: [])
        var report: CheckReport?
        var showing: Background<(CheckReport, RenderContext.Shown?)>?
        // What the render worked with, which the result holds if the caller asks it to.
        var held: [any Sendable] = [loaded]
        let start = Date()
        let files: [RenderedFile]?
        do throws(RenderError) {
            let templates = try templating.get()
            var rendered = options.drafts ? site : site.withoutDrafts
            if let audience = options.audience { rendered.config.audience = audience }
            if options.relativeURLs { rendered.config.relativeURLs = true }

            var renderer = try SiteRenderer(
                site: rendered, asOf: loaded.asOf,
                templates: templates, jobs: options.jobs)
            if let shard = options.shard {
                renderer.shard(ShardSpec.deal(rendered, count: shard.count), part: shard.index)
            }
            // What the later passes show is made once the report is, beside the first passes.
            let context = renderer.context
            let made = Background { () -> (CheckReport, RenderContext.Shown?) in
                let checked = reporting.wait()
                // A broken reference is a load error too: it stops the build here.
                guard !checked.hasLoadErrors else { return (checked, nil) }
                let findings = Findings(diagnostics: checked.diagnostics, due: checked.due)
                return (checked, context.shown(findings))
            }
            showing = made
            files = try renderer.render(keeping: &held) {
                let (checked, shown) = made.wait()
                report = checked
                return shown
            }
            held.append(renderer)
        } catch {
            if report == nil {
                if let showing { _ = showing.wait() } else { _ = reporting.wait() }
            }
            throw error
        }
        var checked = report ?? reporting.wait()
        if files != nil { checked.timings.append(("render", Date().timeIntervalSince(start))) }
        return BuildResult(
            report: checked, site: site, files: files,
            held: options.holdsWorkingState ? held : [])
    }

    /// Reads, checks, renders and (unless `renderToMemory`) publishes the site at
    /// `options.siteRoot`.
    ///
    /// A `load.*` error, or a finding at or above `options.failOn`, stops before publishing and
    /// leaves `Site/` exactly as it was. When no input changed since the last published build,
    /// nothing is loaded or written at all. A publishing build holds the site's lock from
    /// start to end, so that two builds take turns.
    package static func build(_ options: Options, renderToMemory: Bool) throws(BuildError)
        -> BuildOutcome
    {
        let start = Date()
        var lock: BuildLock?
        if !renderToMemory {
            do { try FileTree.requireSite(options.siteRoot) } catch { throw .load(error) }
            do {
                lock = try BuildLock.acquire(
                    siteRoot: options.siteRoot, wait: options.waitForLock,
                    waiting: options.onLockWait)
            } catch {
                throw .publish(error)
            }
        }
        defer { withExtendedLifetime(lock) {} }
        // What was published, read and held to `Site/` on a thread of its own while the inputs
        // are surveyed: a rebuild that changed nothing then waits for the slower of the two
        // instead of both. Once the survey finds a change the check is stopped, and it is
        // made again only if the changed files turn out to hold the same bytes.
        //
        // Never for a merge: what it is asked to assemble is its parts, which must be checked
        // (a folder missing, doubled or built from other content is refused) even when the
        // inputs and `Site/` are as the last build left them. Without the record, neither
        // shortcut below is taken.
        let stop = StopFlag()
        var record =
            renderToMemory || options.shardFolders != nil
            ? nil
            : Background { [options] in
                let record = PublishedRecord(
                    siteRoot: options.siteRoot, destination: options.destination)
                return (record, record.holds(unless: stop))
            }
        // First the inputs' identities, without reading a file: when none changed since the
        // last published build, that build is reused at once.
        var surveyDigest: String?
        if let record,
            let survey = try? FileTree.survey(siteRoot: options.siteRoot, jobs: options.jobs)
        {
            let digest = BuildCache.surveyDigest(of: survey.lines, options: options)
            // A file written within the last second may yet change under the same time: such
            // a survey is compared, never stored.
            surveyDigest = survey.racy ? nil : digest
            if let cached = BuildCache.load(
                siteRoot: options.siteRoot, destination: options.destination,
                if: { $0.surveyDigest == digest })
            {
                // The stored report is made, and handed to the command line to render, while
                // `Site/` is still being checked: on a site of many findings, rendering them
                // is as long as the check. Should the check fail, the build that follows
                // hands over its own report, the same findings again.
                let reporting = Background { () -> CheckReport? in
                    let report = report(reusing: cached, tree: quotedFiles(of: cached, options))
                    if let report { options.onReport?(report) }
                    return report
                }
                let holds = stillPublished(record)
                if holds, var report = reporting.wait() {
                    report.timings = [("unchanged", Date().timeIntervalSince(start))]
                    return .unchanged(report)
                }
                _ = reporting.wait()
            }
        }
        stop.raise()
        // A merge reads its parts' manifests first and checks their files while the inputs
        // are read; they are held to the inputs once those are known.
        var options = options
        var verifying: Background<Result<FolderMoves.Checked, BuildError>>?
        if let folders = options.shardFolders {
            let publisher = Publisher(siteRoot: options.siteRoot, destination: options.destination)
            // A merge killed before its swap left the parts' folders in its spare.
            publisher.recoverMoves()
            let parts = try ShardMerge.parts(
                in: folders, siteRoot: options.siteRoot, publishingInto: publisher.site)
            options.merged = parts
            // Checked before anything is published; a bad part is reported before anything
            // the build found.
            let jobs = options.jobs
            verifying = Background {
                Result { () throws(BuildError) in try parts.verify(jobs: jobs) }
            }
        }
        let tree: FileTree
        options.onStage(.reading)
        do { tree = try read(options) } catch { throw .load(error) }
        let read = Date().timeIntervalSince(start)
        // The digests: of the inputs for publishing (a build to memory neither reuses nor
        // stores it), and the one a sharded build's parts and merge share.
        let sharded = options.shard != nil || options.shardFolders != nil
        let inputs = renderToMemory && !sharded ? nil : BuildCache.inputs(of: tree)
        let digest =
            renderToMemory ? nil : inputs.map { BuildCache.digest(inputs: $0, options: options) }
        let shardDigest =
            sharded ? inputs.map { BuildCache.shardDigest(inputs: $0, options: options) } : nil
        if let digest, let record,
            let cached = lastBuild(options, record, if: { $0.digest == digest }),
            var report = report(reusing: cached, tree: tree)
        {
            // Files were touched but hold the same bytes: remember their new identities.
            var unrecorded: String?
            if let surveyDigest, cached.surveyDigest != surveyDigest {
                var cache = cached
                cache.surveyDigest = surveyDigest
                unrecorded = cache.store(
                    siteRoot: options.siteRoot, destination: options.destination)
            }
            report.timings = [
                ("read", read), ("unchanged", Date().timeIntervalSince(start) - read),
            ]
            return .unchanged(report, unrecorded: unrecorded)
        }
        // The records' megabytes are not held through the render.
        record = nil
        var result: BuildResult
        if let parts = options.merged, let shardDigest { try parts.check(inputs: shardDigest) }
        options.onStage(.rendering)
        let built: Result<BuildResult, RenderError>
        do {
            if let parts = options.merged {
                built = .success(try merge(parts, tree: tree, options: options))
            } else {
                built = .success(try build(tree: consume tree, options: options))
            }
        } catch {
            built = .failure(error)
        }
        let checked = try verifying?.wait().get()
        do { result = try built.get() } catch { throw .render(error) }
        result.report.timings.insert(("read", read), at: 0)
        guard let files = result.files else { return .stopped(result.report) }
        if let threshold = options.failOn, fails(result.report, at: threshold) {
            return .failed(result, files: files)
        }
        guard let digest else { return .built(result, files: files, published: nil) }
        var published = files
        if let shard = options.shard, let shardDigest {
            // The report and the manifest are published with the part's files, atomically: a
            // folder without them is unfinished, and merge refuses it.
            let report = ShardManifest.report(result.report, inputs: shardDigest)
            published.append(report)
            published.append(
                ShardManifest(
                    spec: shard, inputs: shardDigest, report: report.fingerprint,
                    files: files.map { .init(path: $0.path, fingerprint: $0.fingerprint) }
                ).rendered())
        }
        let publishStart = Date()
        options.onStage(.publishing)
        do throws(PublishError) {
            if Interruption.requested { throw .interrupted(siteChanged: false) }
            let stats = try publish(
                published, digest: digest, surveyDigest: surveyDigest, report: result.report,
                moving: checked, options: options)
            result.report.timings.append(("publish", Date().timeIntervalSince(publishStart)))
            return .built(result, files: files, published: stats)
        } catch {
            throw .publish(error)
        }
    }
}

// MARK: - Stages

extension Pipeline {
    /// The loaded site and the date its periodic rules are evaluated at.
    struct Loaded: Sendable {
        var result: ContentLoader.Result
        var asOf: LocalDate
        var tree: FileTree
    }

    /// Stage read: the site's files, the only disk read.
    static func read(_ options: Options) throws(LoadError) -> FileTree {
        try FileTree.read(siteRoot: options.siteRoot, jobs: options.jobs)
    }

    /// Stage reuse: the last published build, if `matches` accepts what it saw (its content
    /// digest, or the identities of its inputs) and `Site/` still holds it.
    ///
    /// `record` carries the record's verdict on `Site/` if its check ran to the end, or nil if
    /// it was stopped: then `Site/` is held to the record now.
    package static func lastBuild(
        _ options: Options, _ record: Background<(PublishedRecord, Bool?)>,
        if matches: (BuildCache.Header) -> Bool
    ) -> BuildCache? {
        guard
            let cached = BuildCache.load(
                siteRoot: options.siteRoot, destination: options.destination, if: matches)
        else { return nil }
        return stillPublished(record) ? cached : nil
    }

    /// Whether `Site/` still holds what the record says was published: the background check's
    /// verdict, or, when it was stopped before it knew, the check made again.
    static func stillPublished(_ record: Background<(PublishedRecord, Bool?)>) -> Bool {
        let (published, verdict) = record.wait()
        return verdict ?? (published.holds() == true)
    }

    /// The stored report of a reused build, quoting source lines from `tree`.
    static func report(reusing cached: BuildCache, tree: FileTree) -> CheckReport? {
        guard let asOf = LocalDate(parsing: cached.asOf) else { return nil }
        return CheckReport(
            summary: cached.summary, diagnostics: cached.diagnostics, due: [], asOf: asOf,
            tree: tree)
    }

    /// The files a reused build's diagnostics quote, read back when no other file was read.
    static func quotedFiles(of cached: BuildCache, _ options: Options) -> FileTree {
        let quoted = Set(cached.diagnostics.map(\.location.file)).filter {
            $0.hasPrefix("Content/") || $0.hasPrefix("Templates/")
        }
        return FileTree(
            files: quoted.sorted().compactMap { path -> SourceFile? in
                guard
                    let data = FileManager.default.contents(atPath: options.siteRoot + "/" + path)
                else { return nil }
                return SourceFile(path: path, bytes: Array(data))
            })
    }

    /// Stage load: the model, and the as-of date its periodic rules are evaluated at.
    ///
    /// References between files are checked in `validate`, so that `build` renders its first
    /// pass meanwhile.
    static func load(_ tree: FileTree, _ options: Options, renderBodies: Bool) -> Loaded {
        var loaded = ContentLoader.load(
            tree, jobs: options.jobs, renderBodies: renderBodies, checkReferences: false,
            cache: options.parseCache, baseURL: options.resolvedBaseURL)
        loaded.diagnostics += TemplateSet.unusedFiles(in: tree)
        let date = AsOf.resolve(
            option: options.asOf, config: loaded.site.config, environment: options.environment,
            now: options.now)
        return Loaded(result: loaded, asOf: date, tree: tree)
    }

    /// Stage validate: the rules' findings and due items, the references between files, and
    /// how long they took.
    static func validate(_ loaded: Loaded, jobs: Int) -> (Validator.Result, Double) {
        let start = Date()
        var validation = Validator.validate(loaded.result.site, asOf: loaded.asOf, jobs: jobs)
        validation.diagnostics += ReferenceChecker.check(loaded.result.site)
        return (validation, Date().timeIntervalSince(start))
    }

    /// The report of load and validate.
    /// It keeps only the files its findings quote (`FileTree.keeping`).
    static func report(_ loaded: Loaded, _ validation: (Validator.Result, Double)) -> CheckReport {
        let diagnostics = (loaded.result.diagnostics + validation.0.diagnostics).sortedForOutput()
        return CheckReport(
            summary: SiteSummary(loaded.result.site), diagnostics: diagnostics,
            due: validation.0.due, asOf: loaded.asOf,
            tree: loaded.tree.keeping(Set(diagnostics.map(\.location.file))),
            timings: loaded.result.timings + [("validate", validation.1)])
    }

    /// Whether a report has findings of `severity` or worse (`--fail-on`).
    package static func fails(_ report: CheckReport, at severity: Severity) -> Bool {
        switch severity {
        case .error: report.errorCount > 0
        case .warning: report.errorCount + report.warningCount > 0
        case .note: !report.diagnostics.isEmpty
        }
    }

    /// Stage publish: `Site/` brought up to date atomically, then the cache that lets the
    /// next build with the same inputs skip everything.
    ///
    /// - Parameter moving: a merge's check of its parts, whose folders then move in whole.
    static func publish(
        _ files: [RenderedFile], digest: String, surveyDigest: String?, report: CheckReport,
        moving: FolderMoves.Checked? = nil, options: Options
    ) throws(PublishError) -> Publisher.Stats {
        var stats = try Publisher(siteRoot: options.siteRoot, destination: options.destination)
            .publish(files, jobs: options.jobs, moving: moving)
        var cache = BuildCache(
            digest: digest, asOf: report.asOf, summary: report.summary,
            diagnostics: report.diagnostics)
        cache.surveyDigest = surveyDigest
        if let reason = cache.store(siteRoot: options.siteRoot, destination: options.destination) {
            stats.unrecorded = stats.unrecorded ?? reason
        }
        return stats
    }
}

/// zhibu's version: part of the build cache's digest, so a new zhibu always builds afresh.
package let zhibuVersion = "0.1.0"
