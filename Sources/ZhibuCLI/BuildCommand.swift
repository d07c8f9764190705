import ArgumentParser
import ZhibuKit

/// `zhibu build`: check, then render and publish `Site/` atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the site, then render and publish Site/ (生成站点).")

    @OptionGroup var build: BuildOptions

    @Flag(help: "Render every page but write nothing (for benchmarks and previews).")
    var renderToMemory = false

    @Option(
        help: ArgumentHelp(
            "Build part K of N of a site too large for one machine, into --destination, for `zhibu merge` (a CI job matrix).",
            discussion:
                "The parts divide the organizations and the site-wide files among them; each loads and checks the whole site and renders its share. `zhibu merge` adds the sitemap and build.json and publishes a site byte-identical to a single build.",
            valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let shard {
            guard ShardSpec(shard) != nil else {
                throw ValidationError(
                    "--shard 应写作 K/N（如 2/8，1 ≤ K ≤ N ≤ \(ShardSpec.maxCount)）/ --shard takes K/N (such as 2/8, 1 ≤ K ≤ N ≤ \(ShardSpec.maxCount)), not `\(shard)`"
                )
            }
            guard let destination = build.destination else {
                throw ValidationError(
                    "--shard 需要 --destination 指定这一部分的输出目录 / --shard needs --destination, the folder of this part's output"
                )
            }
            // A part is not a site: published into Site/, it would replace the site readers
            // see with a share of it until the merge.
            guard !Publisher.isDefaultOutput(destination, siteRoot: build.global.site) else {
                throw ValidationError(
                    "--shard 的 --destination 不能是 Site/：一部分不是完整的网站；请给每一部分一个自己的文件夹（如 part-1），合并时再发布到 Site/ / --shard's --destination cannot be Site/: a part is not a whole site; give each part a folder of its own (such as part-1), and the merge publishes Site/"
                )
            }
        }
    }

    func run() throws {
        try build.execute(merging: nil, shard: shard, renderToMemory: renderToMemory)
    }
}
