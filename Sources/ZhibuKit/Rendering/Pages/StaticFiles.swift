import ZhibuModel

/// `Content/static/` copied to the root of `Site/` unchanged: `CNAME`, verification files.
enum StaticFiles: PageKind {
    static let name = "static-files"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.staticFiles.indices.map { index in
            job(
                context.site.staticFiles[index].path, language: context.urls.defaultLanguage,
                item: index, in: context)
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(RenderedFile(path: job.path, bytes: context.site.staticFiles[job.item].bytes))
    }
}
