import ZhibuModel

/// zhibu's stylesheet, `_z/zhibu.css`, from `Templates/zhibu.css` or the built-in one.
enum Stylesheet: PageKind {
    static let name = "stylesheet"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob(context.urls.assetFolder + "zhibu.css", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(RenderedFile(path: job.path, bytes: context.templates.stylesheet))
    }
}
