import ArgumentParser
import ZhibuKit
import ZhibuModel

/// `zhibu rules [ID]`: the rule catalogue, or one rule explained with its examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or explain one with its examples (规则说明).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A rule ID to explain, e.g. meeting.themed-day-monthly.")
    var id: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text (default), or markdown: the whole rules reference for the docs.")
    var format: Format = .text

    func run() throws {
        let language = global.language ?? .zh
        if format == .markdown {
            try Terminal.write(RuleReference(language: language).markdown(), to: nil)
            return
        }
        guard let id else {
            try Terminal.write(RuleCatalogue(language: language).table(), to: nil)
            return
        }
        let catalogue = RuleCatalogue(language: language)
        guard let explanation = catalogue.explain(RuleID(id)) else {
            let known = RuleCatalogue.ids.map(\.rawValue)
            var message = LocalizedText(
                zh: "没有规则 `\(id)`；运行 `zhibu rules` 查看全部规则",
                en: "there is no rule `\(id)`; run `zhibu rules` to list every rule")
            if let suggestion = Suggestion.nearest(to: id, in: known) {
                message = LocalizedText(
                    zh: "没有规则 `\(id)`，是否应为 `\(suggestion)`？",
                    en: "there is no rule `\(id)`; did you mean `\(suggestion)`?")
            }
            throw ToolFailure(message)
        }
        try Terminal.write(explanation, to: nil)
    }
}
