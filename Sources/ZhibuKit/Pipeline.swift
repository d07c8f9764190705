import Foundation
import ZhibuModel
import ZhibuRules

/// The stages of a zhibu run, named in the order they execute.
///
/// ```
/// FileTree.read        the only disk read
///   → ContentLoader    model with located fields; a bad file is a diagnostic, loading goes on
///   → Validator        standardization rules, then waivers and severity overrides
/// ```
/// Every stage after the read is pure, so tests run the pipeline on files held in memory.
package enum Pipeline {
    package struct Options: Sendable {
        package var siteRoot: String
        /// `--as-of`; when nil, `site.yml`'s `as_of`, then `SOURCE_DATE_EPOCH`, then today.
        package var asOf: LocalDate?
        package var jobs: Int

        package init(siteRoot: String, asOf: LocalDate? = nil, jobs: Int = Parallel.defaultJobs) {
            self.siteRoot = siteRoot
            self.asOf = asOf
            self.jobs = jobs
        }
    }

    /// Reads and checks the site at `options.siteRoot`.
    package static func check(_ options: Options) throws(LoadError) -> CheckReport {
        let start = Date()
        let tree = try FileTree.read(siteRoot: options.siteRoot, jobs: options.jobs)
        let read = Date().timeIntervalSince(start)
        var report = check(tree, asOf: options.asOf, jobs: options.jobs)
        report.timings.insert(("read", read), at: 0)
        return report
    }

    /// Checks files already in memory; what tests, `build` and `serve` call.
    ///
    /// - Parameter renderBodies: true for `build`, which shows the Markdown as HTML; `check`
    ///   only needs the links.
    package static func check(
        _ tree: FileTree, asOf: LocalDate? = nil, jobs: Int = Parallel.defaultJobs,
        environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date(),
        renderBodies: Bool = false
    ) -> CheckReport {
        let loaded = load(
            tree, asOf: asOf, jobs: jobs, environment: environment, now: now,
            renderBodies: renderBodies)
        return report(loaded, validate(loaded, jobs: jobs))
    }

    /// The loaded site and the date its periodic rules are evaluated at.
    struct Loaded: Sendable {
        var result: ContentLoader.Result
        var asOf: LocalDate
        var tree: FileTree
    }

    static func load(
        _ tree: FileTree, asOf: LocalDate?, jobs: Int, environment: [String: String], now: Date,
        renderBodies: Bool
    ) -> Loaded {
        let loaded = ContentLoader.load(
            tree, jobs: jobs, renderBodies: renderBodies, checkReferences: false)
        let date = AsOf.resolve(
            option: asOf, config: loaded.site.config, environment: environment, now: now)
        return Loaded(result: loaded, asOf: date, tree: tree)
    }

    /// The rules' findings, and how long they took.
    ///
    /// References between files (members, groups, assets) are checked here too, not while
    /// loading: they are `load.*` errors, but `build` can render its first pass meanwhile.
    static func validate(_ loaded: Loaded, jobs: Int) -> (Validator.Result, Double) {
        let start = Date()
        var validation = Validator.validate(loaded.result.site, asOf: loaded.asOf, jobs: jobs)
        validation.diagnostics += ReferenceChecker.check(loaded.result.site)
        return (validation, Date().timeIntervalSince(start))
    }

    static func report(_ loaded: Loaded, _ validation: (Validator.Result, Double)) -> CheckReport {
        CheckReport(
            site: loaded.result.site,
            diagnostics: (loaded.result.diagnostics + validation.0.diagnostics).sortedForOutput(),
            due: validation.0.due, asOf: loaded.asOf, tree: loaded.tree,
            timings: loaded.result.timings + [("validate", validation.1)])
    }
}

/// What `check` found, with the files kept so a printer can quote the offending lines.
package struct CheckReport: Sendable {
    package var site: Site
    /// The organizations and size of the site, which is all that reports print of it.
    package var summary: SiteSummary
    package var diagnostics: [Diagnostic]
    /// What the current period still asks of each organization.
    package var due: [DueItem]
    package var asOf: LocalDate
    package var tree: FileTree
    /// Seconds spent in each stage, for `ZHIBU_TIMINGS=1`; never part of any report.
    package var timings: [(stage: String, seconds: Double)] = []

    package init(
        site: Site, summary: SiteSummary? = nil, diagnostics: [Diagnostic], due: [DueItem],
        asOf: LocalDate, tree: FileTree, timings: [(stage: String, seconds: Double)] = []
    ) {
        self.site = site
        self.summary = summary ?? SiteSummary(site)
        self.diagnostics = diagnostics
        self.due = due
        self.asOf = asOf
        self.tree = tree
        self.timings = timings
    }

    package var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// True when a file could not be read: `build` then publishes nothing.
    package var hasLoadErrors: Bool { Self.hasLoadErrors(diagnostics) }

    package static func hasLoadErrors(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity == .error && $0.rule.rawValue.hasPrefix("load.") }
    }
    package var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    package var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }
    package var waivedCount: Int { diagnostics.filter(\.waived).count }

    /// Exit code of SPEC §2: 1 for any error, or any warning under `--strict`.
    package func exitCode(strict: Bool) -> Int32 {
        if errorCount > 0 || (strict && warningCount > 0) { return 1 }
        return 0
    }
}

/// Decides the date periodic rules are evaluated at (SPEC §3.1).
package enum AsOf {
    package static func resolve(
        option: LocalDate?, config: SiteConfig, environment: [String: String], now: Date
    ) -> LocalDate {
        if let option { return option }
        if let configured = config.asOf?.value { return configured }
        let zone = TimeZone(identifier: config.timezone.value) ?? TimeZone(identifier: "UTC")
        var instant = now
        if let epoch = environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            instant = Date(timeIntervalSince1970: seconds)
        }
        var calendar = Calendar(identifier: .gregorian)
        if let zone { calendar.timeZone = zone }
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(daysSinceEpoch: 0)
    }
}

// MARK: - Build

/// A problem that stops `build` with exit code 2: no site, bad templates, or a disk error.
package enum BuildError: Error, Sendable {
    case load(LoadError)
    case render(RenderError)
    case publish(PublishError)

    package var message: LocalizedText {
        switch self {
        case .load(let error): error.message
        case .render(let error): error.message
        case .publish(let error): error.message
        }
    }
}

/// What `build` did: the check report, the rendered files and what publishing changed.
package struct BuildResult: Sendable {
    package var report: CheckReport
    package var files: [RenderedFile]
    package var stats: Publisher.Stats?
    /// False when `load.*` errors stopped the build before anything was rendered or written.
    package var published: Bool
    /// True when the inputs had not changed since the last published build: nothing was
    /// loaded, rendered or written, and the report is the stored one.
    package var unchanged = false
}

/// zhibu's version: part of the build cache's digest, so a new zhibu always builds afresh.
package let zhibuVersion = "0.1.0"

extension Pipeline {
    /// Checks, renders and (unless `renderToMemory`) publishes the site at `options.siteRoot`.
    ///
    /// A `load.*` error stops before rendering and leaves `Site/` exactly as it was; findings of
    /// the standardization rules do not stop it: they are what the status pages show.
    package static func build(_ options: Options, renderToMemory: Bool) throws(BuildError)
        -> BuildResult
    {
        let start = Date()
        let tree: FileTree
        do { tree = try FileTree.read(siteRoot: options.siteRoot, jobs: options.jobs) } catch {
            throw .load(error)
        }
        let read = Date().timeIntervalSince(start)
        let environment = ProcessInfo.processInfo.environment
        // The digest only serves publishing: a build to memory neither reuses nor stores it.
        let digest =
            renderToMemory
            ? nil
            : BuildCache.digest(
                of: tree, asOfOption: options.asOf, environment: environment, now: start,
                version: zhibuVersion)
        if let digest, let cached = BuildCache.load(siteRoot: options.siteRoot),
            cached.digest == digest, Publisher.hasPublished(siteRoot: options.siteRoot),
            let asOf = LocalDate(parsing: cached.asOf)
        {
            var report = CheckReport(
                site: Site(
                    config: SiteConfig(
                        title: BilingualText(zh: Located("", at: .start(of: "Content/site.yml"))),
                        timezone: Located("Asia/Shanghai", at: .start(of: "Content/site.yml")))),
                summary: cached.summary, diagnostics: cached.diagnostics, due: [], asOf: asOf,
                tree: tree)
            report.timings = [
                ("read", read), ("unchanged", Date().timeIntervalSince(start) - read),
            ]
            return BuildResult(
                report: report, files: [], stats: Publisher.Stats(), published: true,
                unchanged: true)
        }
        // Templates compile while the content loads: they need only the site's languages.
        let languages = SiteConfigReader.read(
            tree.file("Content/site.yml"), bag: DiagnosticBag()
        ).languages
        let compiling = Background { () -> Result<TemplateSet, RenderError> in
            Result { () throws(RenderError) in try TemplateSet.load(tree, languages: languages) }
        }
        let loaded = load(
            tree, asOf: options.asOf, jobs: options.jobs, environment: environment, now: start,
            renderBodies: true)
        guard !CheckReport.hasLoadErrors(loaded.result.diagnostics) else {
            var report = report(loaded, validate(loaded, jobs: options.jobs))
            report.timings.insert(("read", read), at: 0)
            return BuildResult(report: report, files: [], stats: nil, published: false)
        }

        // The rules run beside the first pass of rendering, which shows no finding.
        let renderStart = Date()
        let validating = Background { validate(loaded, jobs: options.jobs) }
        var report: CheckReport
        let files: [RenderedFile]
        do throws(RenderError) {
            var templates = try compiling.wait().get()
            if languages != loaded.result.site.config.languages {
                templates = try TemplateSet.load(
                    tree, languages: loaded.result.site.config.languages)
            }
            var renderer = SiteRenderer(
                site: loaded.result.site, diagnostics: [], due: [], asOf: loaded.asOf,
                templates: templates)
            let early: [SiteRenderer.Output]
            do throws(RenderError) {
                early = try renderer.render(.withoutFindings, jobs: options.jobs)
            } catch {
                _ = validating.wait()
                throw error
            }
            report = Self.report(loaded, validating.wait())
            // A broken reference is a load error too: it stops the build here, unpublished.
            if report.hasLoadErrors {
                report.timings.insert(("read", read), at: 0)
                return BuildResult(report: report, files: [], stats: nil, published: false)
            }
            renderer.diagnostics = report.diagnostics
            renderer.due = report.due
            renderer.keepSearchEntries(early)
            let late = try renderer.render(.withFindings, jobs: options.jobs)
            files = renderer.finish(early + late, jobs: options.jobs)
        } catch {
            throw .render(error)
        }
        report.timings.insert(("read", read), at: 0)
        report.timings.append(("render", Date().timeIntervalSince(renderStart)))
        guard let digest else {
            return BuildResult(report: report, files: files, stats: nil, published: false)
        }
        let publishStart = Date()
        do {
            let stats = try Publisher(siteRoot: options.siteRoot).publish(files, jobs: options.jobs)
            report.timings.append(("publish", Date().timeIntervalSince(publishStart)))
            BuildCache(
                digest: digest, asOf: report.asOf, summary: report.summary,
                diagnostics: report.diagnostics
            ).store(siteRoot: options.siteRoot)
            return BuildResult(report: report, files: files, stats: stats, published: true)
        } catch {
            throw .publish(error)
        }
    }
}
