import ZhibuModel

/// `Content/assets/` copied to `assets/` unchanged.
enum AssetFiles: PageKind {
    static let name = "asset-files"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.assets.indices.map { index in
            job(
                "assets/" + context.site.assets[index].path,
                language: context.urls.defaultLanguage, item: index, in: context)
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(RenderedFile(path: job.path, bytes: context.site.assets[job.item].bytes))
    }
}
