import ArgumentParser
import Foundation
import ZhibuKit
import ZhibuModel

/// `zhibu schema [DIR]`: the JSON Schemas of every file kind, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schemas of every file kind for editors (编辑器校验).",
        discussion: """
            Writes site, org, members, development, record, system, post, notice and page \
            schemas (JSON Schema draft-07) into DIR, by default .zhibu/schemas. A file there \
            that zhibu did not write is never replaced. For VS Code with the YAML extension, \
            `zhibu init` wires them in .vscode/settings.json.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The folder to write the schemas into (default: .zhibu/schemas).")
    var directory: String = ".zhibu/schemas"

    func run() throws {
        let written: [String]
        do {
            written = try SchemaWriter.write(into: directory)
        } catch {
            throw ToolFailure(error.message)
        }
        try Terminal.write(written.map { directory + "/" + $0 + "\n" }.joined(), to: nil)
    }
}
