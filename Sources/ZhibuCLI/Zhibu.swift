import ArgumentParser
import Foundation
import ZhibuKit
import ZhibuModel

/// The `zhibu` command: a thin shell that parses, calls ZhibuKit, prints and sets the exit code.
@main
struct Zhibu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhibu",
        abstract:
            "支部 zhibu: checks Party branch records against the regulations and publishes them.",
        version: "\(zhibuVersion) (commit \(BuildInfo.commit), built \(BuildInfo.date))",
        subcommands: [
            CheckCommand.self, BuildCommand.self, FixCommand.self, InitCommand.self,
            NewCommand.self, RulesCommand.self, SchemaCommand.self, ServeCommand.self,
            MergeCommand.self,
            VersionCommand.self, CompletionCommand.self, ManCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    /// ArgumentParser lists choices on lines of their own; a usage error stays on one line.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let first = lines.first, lines.count > 1 else { return message }
        let rest = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        return first + " " + rest.joined(separator: ", ")
    }

    /// The first word of the command line when it names no command (`zhibu chek`), skipping
    /// the options that may come before a command and their values.
    static func unknownCommand(_ arguments: [String]) -> String? {
        let valued: Set<String> = ["--site", "--lang"]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if valued.contains(argument) {
                index += 2
                continue
            }
            if argument.hasPrefix("-") {
                index += 1
                continue
            }
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            return names.contains(argument) || argument == "help" ? nil : argument
        }
        return nil
    }

    /// Runs the command; usage errors exit 2 with one line (README, "Commands"), never a stack
    /// trace.
    static func main() {
        DescriptorTable.reserve()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as ToolFailure {
            Terminal.error("zhibu: \(failure.message.zh)\nzhibu: \(failure.message.en)")
            Terminal.terminate(2)
        } catch let code as ExitCode {
            Terminal.terminate(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Terminal.terminate(0)
            }
            if let typo = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
                let names = configuration.subcommands.compactMap { $0.configuration.commandName }
                var text = LocalizedText(
                    zh: "没有 `\(typo)` 这个命令", en: "there is no command `\(typo)`")
                if let nearest = Suggestion.nearest(to: typo, in: names) {
                    text = LocalizedText(
                        zh: text.zh + "，是否应为 `zhibu \(nearest)`？",
                        en: text.en + "; did you mean `zhibu \(nearest)`?")
                }
                Terminal.error("zhibu: \(text.zh)\nzhibu: \(text.en)")
                Terminal.terminate(2)
            }
            let english = oneLine(message(for: error))
            // Two lines either way: Chinese then English when the error is one that
            // `UsageErrorText` knows, each with the pointer to the help.
            if let chinese = UsageErrorText.chinese(english) {
                let zh = chinese + (chinese.hasSuffix("？") ? "" : "。") + "运行 `zhibu --help` 查看用法"
                let en =
                    english + (english.hasSuffix("?") || english.hasSuffix(".") ? " " : ". ")
                    + "Run `zhibu --help` for usage."
                Terminal.error("zhibu: \(zh)\nzhibu: \(en)")
            } else {
                Terminal.error("zhibu: " + english)
                Terminal.error(
                    "zhibu: 用法错误，运行 `zhibu --help` 查看用法 (run `zhibu --help` for usage)")
            }
            Terminal.terminate(2)
        }
    }
}
