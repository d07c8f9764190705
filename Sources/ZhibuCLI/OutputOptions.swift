import ArgumentParser
import ZhibuKit
import ZhibuModel

/// The options shared by `check` and `build` (SPEC §2).
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

    @Flag(help: "Fail (exit 1) on warnings as well as errors.")
    var strict = false

    @Flag(help: "Print only errors, no warnings, notes or summary.")
    var quiet = false

    @Option(help: "Number of parallel jobs (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Language of messages: zh or en (default: the site's first language).")
    var lang: String?

    func validate() throws {
        if let asOf, LocalDate(parsing: asOf) == nil {
            throw ValidationError("--as-of must be a real date written YYYY-MM-DD, not `\(asOf)`")
        }
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang must be zh or en, not `\(lang)`")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be 1 or more")
        }
    }

    var asOfDate: LocalDate? { asOf.flatMap(LocalDate.init(parsing:)) }
    var language: Language? { lang.flatMap(Language.init(rawValue:)) }
}
