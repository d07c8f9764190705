import ZhibuModel

/// Each language's search index, `search-index.json`: the documents joined and sorted
/// (`SearchIndex`).
enum SearchIndexJSON: PageKind {
    static let name = "search-index-json"
    static let pass = RenderPass.content
    static let runsLong = true
    static let readsSearchDocuments = true

    static func jobs(_ context: RenderContext) -> [PageJob] {
        jobPerLanguage(context) { language in SearchIndex.path(language, urls: context.urls) }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(
            RenderedFile(
                path: job.path,
                pieces: SearchIndex.pieces(context.searchDocuments[job.language] ?? [])))
    }
}
