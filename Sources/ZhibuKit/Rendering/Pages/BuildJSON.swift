import ZhibuModel

/// `build.json`: `{"version": "<digest>"}`, a digest of every other published file (its path
/// and fingerprint, in path order). Boards poll it and reload only when it changes.
enum BuildJSON: PageKind {
    static let name = "build-json"
    static let pass = RenderPass.digest

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob("build.json", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        var text: [UInt8] = []
        text.reserveCapacity(context.files.count * 96)
        for file in context.files {
            text += file.path.utf8
            text.append(0)
            text += file.fingerprint.utf8
            text.append(UInt8(ascii: "\n"))
        }
        let version = Fingerprint.hex(bytes: text)
        return .file(RenderedFile(path: job.path, text: "{\"version\": \"\(version)\"}\n"))
    }
}
