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
        version: zhibuVersion,
        subcommands: [
            CheckCommand.self, BuildCommand.self, FixCommand.self, InitCommand.self,
            NewCommand.self, RulesCommand.self, SchemaCommand.self, ServeCommand.self,
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

    /// Runs the command; usage errors exit 2 with one line (SPEC §2), never a stack trace.
    static func main() {
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
            Terminal.error("zhibu: " + oneLine(message(for: error)))
            Terminal.error("zhibu: 用法错误，运行 `zhibu --help` 查看用法 (run `zhibu --help` for usage)")
            Terminal.terminate(2)
        }
    }
}
