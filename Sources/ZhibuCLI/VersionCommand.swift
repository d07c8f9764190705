import ArgumentParser
import ZhibuKit

/// `zhibu version`: the version, the git commit it was built from and the build date, so that
/// a CI log or a bug report says exactly which zhibu ran.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the version, git commit and build date (版本).")

    func run() throws {
        try Terminal.write(Self.text, to: nil)
    }

    /// `zhibu 0.1.0`, then the commit and the build date on lines of their own.
    static var text: String {
        "zhibu \(zhibuVersion)\ncommit \(BuildInfo.commit)\nbuilt \(BuildInfo.date)\n"
    }
}
