import ArgumentParser
import ZhibuKit
import ZhibuModel

/// The options shared by `check` and `build` (docs/configuration.md, command-line options).
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, json, sarif, github, junit, gitlab
    }

    @Option(help: "Evaluate periodic rules as of this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "Output format: human, json, sarif, github, junit or gitlab.")
    var format: Format = .human

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Write a report in this format, to FILE or else standard output; repeat it for several reports from one run (e.g. --report github --report sarif=zhibu.sarif --report junit=junit.xml).",
            valueName: "format[=file]"))
    var reports: [String] = []

    @Flag(help: "Fail (exit 1) on warnings as well as errors.")
    var strict = false

    @Flag(help: "Print only errors, no warnings, notes or summary; report files stay whole.")
    var quiet = false

    @Option(help: "Number of parallel jobs (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let asOf, LocalDate(parsing: asOf) == nil { throw Self.invalidAsOf(asOf) }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs 至少为 1 / --jobs must be 1 or more")
        }
        for report in reports where Self.report(report) == nil {
            let names = Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                "--report 应写作格式名（\(names)），可加 =文件，而不是 `\(report)` / --report takes a format (\(names)) and optionally =FILE, not `\(report)`"
            )
        }
    }

    /// The error for an `--as-of` that is no date, shared with `serve`'s own `--as-of`.
    static func invalidAsOf(_ asOf: String) -> ValidationError {
        ValidationError(
            "--as-of 应是真实的日期，写作 YYYY-MM-DD，而不是 `\(asOf)` / --as-of must be a real date written YYYY-MM-DD, not `\(asOf)`"
        )
    }

    /// One `--report`: its format and the file it goes to (nil: standard output).
    static func report(_ text: String) -> (format: Format, file: String?)? {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let format = parts.first.flatMap({ Format(rawValue: String($0)) }) else { return nil }
        guard parts.count == 2 else { return (format, nil) }
        let file = String(parts[1])
        return file.isEmpty ? nil : (format, file)
    }

    /// Every report asked for: the `--report`s, or else the one of `--format` and `--output`.
    var requestedReports: [(format: Format, file: String?)] {
        let listed = reports.compactMap(Self.report)
        return listed.isEmpty ? [(format, output)] : listed
    }

    var asOfDate: LocalDate? { asOf.flatMap(LocalDate.init(parsing:)) }
}
