import ArgumentParser
import ZhibuKit

/// `zhibu man`: the manual page, in troff (man(7)), made from ArgumentParser's own help of
/// every command, so that it never says another thing than `--help`.
///
///     zhibu man > /usr/local/share/man/man1/zhibu.1 && man zhibu
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man", abstract: "Print the manual page, for man(1) (使用手册).")

    func run() throws {
        try Terminal.write(Self.page(), to: nil)
    }

    static func page() -> String {
        var out = ".TH ZHIBU 1 \"\(BuildInfo.date)\" \"zhibu \(zhibuVersion)\" \"User Commands\"\n"
        out += ".SH NAME\nzhibu \\- " + escape(Zhibu.configuration.abstract) + "\n"
        out += ".SH SYNOPSIS\n.B zhibu\n[\\-\\-site \\fIDIR\\fR] [\\-\\-lang zh|en] "
        out += "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n"
        out += ".SH DESCRIPTION\nzhibu checks the records of a Party branch or committee, kept "
        out += "as files in git, against the standardization rules, and publishes them as a "
        out += "static portal and display boards.\n"
        out += ".SH COMMANDS\n"
        for command in Zhibu.configuration.subcommands {
            guard let name = command.configuration.commandName else { continue }
            out += ".SS \(escape(name))\n"
            out += ".nf\n" + escape(Zhibu.helpMessage(for: command, columns: 78)) + "\n.fi\n"
        }
        out += ".SH EXIT STATUS\n0 clean (notes and warnings allowed); 1 an error (or a warning "
        out += "with \\-\\-strict); 2 a usage or configuration error.\n"
        out += ".SH SEE ALSO\nzhibu rules, zhibu completion; docs/ in the zhibu repository.\n"
        return out
    }

    /// Text as troff prints it: backslashes doubled, and a line that would start with a dot or
    /// a quote (a request to troff) kept as text.
    static func escape(_ text: String) -> String {
        text.replacing("\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
            }.joined(separator: "\n")
    }
}
