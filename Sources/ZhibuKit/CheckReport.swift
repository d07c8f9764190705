import ZhibuModel
import ZhibuRules

/// What `check` found, with the files kept so a printer can quote the offending lines.
package struct CheckReport: Sendable {
    /// The organizations and size of the site, which is all that reports print of it.
    package var summary: SiteSummary
    /// Every diagnostic, sorted for output.
    package var diagnostics: [Diagnostic]
    /// What the current period still asks of each organization.
    package var due: [DueItem]
    package var asOf: LocalDate
    package var tree: FileTree
    /// Seconds spent in each stage, for `ZHIBU_TIMINGS=1`; never part of any report.
    package var timings: [(stage: String, seconds: Double)] = []

    package init(
        summary: SiteSummary, diagnostics: [Diagnostic], due: [DueItem], asOf: LocalDate,
        tree: FileTree, timings: [(stage: String, seconds: Double)] = []
    ) {
        self.summary = summary
        self.diagnostics = diagnostics
        self.due = due
        self.asOf = asOf
        self.tree = tree
        self.timings = timings
    }

    /// Whether `other` says the same as this report, its files and timings apart: what a
    /// rendering of it shows.
    package func saysTheSame(as other: CheckReport) -> Bool {
        summary == other.summary && asOf == other.asOf && diagnostics == other.diagnostics
            && due == other.due
    }

    package var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    package var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    package var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }
    package var waivedCount: Int { diagnostics.filter(\.waived).count }

    /// True when a file could not be read: `build` then publishes nothing.
    package var hasLoadErrors: Bool { Self.hasLoadErrors(diagnostics) }

    /// How many `load.*` errors stop `build` from publishing, for the line that says so.
    package var loadErrorCount: Int { diagnostics.filter(Self.isLoadError).count }

    package static func hasLoadErrors(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains(where: isLoadError)
    }

    /// An error of a `load.*` rule: the kind that stops publishing.
    static func isLoadError(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error && diagnostic.rule.rawValue.hasPrefix("load.")
    }

    /// The exit code (README, "Commands"): 1 for any error, or any warning under `--strict`.
    /// 2 for an error in `site.yml` (a configuration error), 1 for any other error
    /// (or warning with `--strict`), 0 otherwise.
    package func exitCode(strict: Bool) -> Int32 {
        if hasConfigErrors { return 2 }
        if errorCount > 0 || (strict && warningCount > 0) { return 1 }
        return 0
    }

    /// Whether `Content/site.yml` has an error: the site's configuration is broken, which CI
    /// should tell apart from findings in the content.
    package var hasConfigErrors: Bool {
        diagnostics.contains {
            $0.severity == .error && !$0.waived && $0.location.file == "Content/site.yml"
        }
    }
}
