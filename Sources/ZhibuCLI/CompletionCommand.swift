import ArgumentParser

/// `zhibu completion <shell>`: the shell completion script, from ArgumentParser's own
/// knowledge of every command and option, so it never falls behind them.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script: bash, zsh or fish (命令补全脚本).",
        discussion: """
            bash: zhibu completion bash > /etc/bash_completion.d/zhibu
            zsh:  zhibu completion zsh > "${fpath[1]}/_zhibu"
            fish: zhibu completion fish > ~/.config/fish/completions/zhibu.fish
            """)

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func run() throws {
        let script = Zhibu.completionScript(for: CompletionShell(rawValue: shell.rawValue) ?? .bash)
        try Terminal.write(script.hasSuffix("\n") ? script : script + "\n", to: nil)
    }
}
