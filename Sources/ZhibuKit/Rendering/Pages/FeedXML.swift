import ZhibuModel

/// The Atom feed of each language's held records and notices, `feed.xml` (`AtomFeed`).
enum FeedXML: PageKind {
    static let name = "feed-xml"
    static let pass = RenderPass.content
    static let runsLong = true

    static func jobs(_ context: RenderContext) -> [PageJob] {
        jobPerLanguage(context) { language in AtomFeed.path(language, urls: context.urls) }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(
            RenderedFile(
                path: job.path,
                text: AtomFeed.render(
                    site: context.site, urls: context.urls, language: job.language,
                    asOf: context.asOf)))
    }
}
