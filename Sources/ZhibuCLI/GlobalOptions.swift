import ArgumentParser
import ZhibuModel

/// Options every command takes, before or after its name: where the site is, and the language
/// of messages (`zhibu --lang en check` and `zhibu check --lang en` are the same).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The site directory, holding Content/ (default: current directory).")
    var site: String = "."

    @Option(help: "Language of messages: zh or en (default: the site's first language).")
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError(
                "--lang 只能是 zh 或 en，而不是 `\(lang)` / --lang must be zh or en, not `\(lang)`")
        }
    }

    var language: Language? { lang.flatMap(Language.init(rawValue:)) }
}
