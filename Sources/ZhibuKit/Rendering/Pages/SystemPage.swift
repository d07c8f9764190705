import ZhibuModel
import ZhibuTemplating

/// The page of one displayed system (制度): `<org>/systems/<slug>/`.
enum SystemPage: PageKind {
    static let name = "system-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().flatMap { orgIndex, org in
                org.systems.indices.map { index in
                    job(
                        context.urls.system(org.path, org.systems[index].slug, language)
                            + "index.html",
                        language: language, org: orgIndex, item: index, in: context)
                }
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let system = context.site.organizations[job.org].systems[job.item]
        let language = job.language
        return try context.page(
            job, template: "system", title: system.title.text(in: language),
            crumbs: context.trail(to: job.org, language),
            values: Values(
                title: system.title.text(in: language),
                category: system.category.value.label.text(in: language),
                adopted: system.adopted.map { DateText.format($0.value, language) },
                revised: system.revised.map { DateText.format($0.value, language) },
                html: system.body.html))
    }

    /// What `system.mustache` shows.
    struct Values: TemplateValues {
        var title: String
        var category: String
        var adopted: String?
        var revised: String?
        var html: [UInt8]

        func write(to writer: inout ValueWriter) {
            writer.text("title", title)
            writer.text("category", category)
            writer.text("adopted", adopted)
            writer.text("revised", revised)
            writer.bytes("html", html)
        }
    }
}
