import ArgumentParser
import ZhibuKit

/// `zhibu merge SHARD-DIR…`: assemble the parts of `build --shard K/N` into `Site/`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Assemble the parts of `build --shard K/N` into Site/ (合并分片构建).",
        discussion:
            "Checks every part against its manifest, adds the sitemap and build.json, and publishes them with every part's files as `build` does: the result is byte-identical to a single build. The parts' folders are moved into the site (or their files linked), so a part can be merged once. It reports the findings of the parts' check of the whole site without loading the site again. Every part must come from the same commit and options."
    )

    @Argument(
        help: ArgumentHelp("The output folders of the parts, one per part.", valueName: "shard-dir")
    )
    var parts: [String] = []

    @OptionGroup var build: BuildOptions

    func validate() throws {
        guard !parts.isEmpty else {
            throw ValidationError(
                "请给出各部分的输出目录：zhibu merge 目录… / give the parts' folders: zhibu merge DIR…")
        }
    }

    func run() throws {
        try build.execute(merging: parts)
    }
}
