import ZhibuModel

/// The documents of each language's search index, made per organization (and once for the free
/// pages) in a pass of their own; `SearchIndexJSON` joins them into the index file and
/// `SearchFragmentFiles` cuts them into fragments in the pass after.
///
/// A large site's index is far more work than any page: in slices it spreads over the cores
/// with them.
enum SearchDocuments: PageKind {
    static let name = "search-documents"
    static let pass = RenderPass.documents
    static let runsLong = true

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            SearchIndex.parts(of: context.site).map { part in
                switch part {
                case .pages: job("", language: language, in: context)
                case .org(let index): job("", language: language, org: index, in: context)
                }
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .searchDocuments(
            job.language,
            SearchIndex.entries(
                job.org < 0 ? .pages : .org(job.org), site: context.site, urls: context.urls,
                language: job.language))
    }
}
