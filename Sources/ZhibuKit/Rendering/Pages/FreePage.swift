import ZhibuModel
import ZhibuTemplating

/// A free page from `Content/pages/<slug>.md` (about, contact …): `<slug>/`, linked from the
/// footer of every page.
enum FreePage: PageKind {
    static let name = "free-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.pages.indices.map { index in
                job(
                    context.urls.page(context.site.pages[index].slug, language) + "index.html",
                    language: language, item: index, in: context)
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let page = context.site.pages[job.item]
        let title = page.title.text(in: job.language)
        return try context.page(
            job, template: "page", title: title, crumbs: [],
            values: Values(title: title, html: page.body.html))
    }

    /// What `page.mustache` shows.
    struct Values: TemplateValues {
        var title: String
        var html: [UInt8]

        func write(to writer: inout ValueWriter) {
            writer.text("title", title)
            writer.bytes("html", html)
        }
    }
}
