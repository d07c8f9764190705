import ZhibuModel
import ZhibuTemplating

/// `404.html` of each language, which web servers show for a missing address.
enum NotFoundPage: PageKind {
    static let name = "not-found-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        jobPerLanguage(context) { language in context.urls.prefix(language) + "404.html" }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        // It stands for no folder of its own: the language switch leads to the other home.
        try context.page(
            job, folder: context.urls.home(job.language), template: "notfound",
            title: UIStrings.text("notFound", job.language), crumbs: [], values: NoValues())
    }
}
