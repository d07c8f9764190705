import ArgumentParser
import Foundation
import ZhibuKit
import ZhibuModel

/// `zhibu init [DIR]`: a new site that checks clean and builds, with its CI files.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site in an empty folder (创建新站点).",
        discussion: """
            Writes a working site: site.yml, one committee with two branches, rosters, a record \
            of each common type dated today, the core systems, a pioneer post, a notice, \
            .gitignore and CI files for GitHub Actions and GitLab CI. Refuses a folder that \
            is not empty (a fresh .git is allowed) and then writes nothing.
            """)

    @Argument(help: "The folder to create the site in (default: the current folder).")
    var directory: String = "."

    /// `--lang`: the language of the new site's names and comments, and of the messages.
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = global.language ?? .zh
        let today = AsOf.today(
            in: "Asia/Shanghai", environment: ProcessInfo.processInfo.environment, now: Date())
        let files = SiteScaffold.files(today: today, language: language)
        let written: [String]
        do {
            written = try ScaffoldWriter.write(files, into: directory)
        } catch {
            throw ToolFailure(error.message)
        }
        let place = directory == "." ? "" : " --site \(directory)"
        let message =
            language == .zh
            ? "zhibu: 已在 \(directory) 创建新站点（\(written.count) 个文件）。下一步：zhibu\(place) check，然后 zhibu\(place) build\n"
            : "zhibu: created a new site in \(directory) (\(written.count) files). Next: zhibu\(place) check, then zhibu\(place) build\n"
        try Terminal.write(message, to: nil)
    }
}
