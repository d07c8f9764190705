import ZhibuModel
import ZhibuTemplating

/// The page of one notice (通知公告): `<org>/notices/<slug>/`, made for every notice published
/// by the as-of date, current or not.
///
/// A notice stays on its page after its `until` date, marked as archived, so that a link in
/// the feed or the search index never breaks; the home page lists only current ones.
enum NoticePage: PageKind {
    static let name = "notice-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().flatMap { orgIndex, org in
                org.notices.indices.map { index in
                    job(
                        context.urls.notice(org.path, org.notices[index].slug, language)
                            + "index.html",
                        language: language, org: orgIndex, item: index, in: context)
                }
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let org = context.site.organizations[job.org]
        let notice = org.notices[job.item]
        let language = job.language
        let title = notice.title.text(in: language)
        return try context.page(
            job, template: "notice", title: title,
            description: UIStrings.text(
                "notice.description", language,
                [
                    "org": org.name.text(in: language),
                    "date": DateText.format(notice.date.value, language),
                ]),
            crumbs: context.trail(to: job.org, language),
            values: Values(
                title: title, org: org.name.text(in: language),
                date: DateText.format(notice.date.value, language),
                dateISO: notice.date.value.description, pinned: notice.pinned,
                until: notice.until.map { DateText.format($0.value, language) },
                archived: notice.until.map { $0.value < context.asOf } ?? false,
                html: notice.body.html))
    }

    /// What `notice.mustache` shows.
    struct Values: TemplateValues {
        var title: String
        var org: String
        var date: String
        var dateISO: String
        var pinned: Bool
        var until: String?
        /// Past its `until` date: kept, but no longer current.
        var archived: Bool
        var html: [UInt8]

        func write(to writer: inout ValueWriter) {
            writer.text("title", title)
            writer.text("org", org)
            writer.text("date", date)
            writer.text("dateISO", dateISO)
            writer.flag("pinned", pinned)
            writer.text("until", until)
            writer.flag("archived", archived)
            writer.bytes("html", html)
        }
    }
}
