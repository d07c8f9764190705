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
        // Through a buffer, each file's path and fingerprint copied from their storage: this
        // runs on one core at the end of a build, for every file of the site.
        context.files.withUnsafeBufferPointer { files in
            for index in files.indices {
                append(files[index].path, to: &text)
                text.append(0)
                append(files[index].fingerprint, to: &text)
                text.append(UInt8(ascii: "\n"))
            }
        }
        let version = Fingerprint.hex(bytes: text)
        return .file(RenderedFile(path: job.path, text: "{\"version\": \"\(version)\"}\n"))
    }

    /// Appends a string's bytes, copied at once from its storage.
    private static func append(_ string: String, to text: inout [UInt8]) {
        var string = string
        string.withUTF8 { text.append(contentsOf: $0) }
    }
}
