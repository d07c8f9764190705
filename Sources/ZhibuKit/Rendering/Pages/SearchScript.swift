import ZhibuModel

/// The search page's script, `_z/search.js`, from `Templates/search.js` or the built-in one.
enum SearchScript: PageKind {
    static let name = "search-script"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob(SearchIndex.scriptPath(urls: context.urls), context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(RenderedFile(path: job.path, bytes: context.templates.script))
    }
}
