import ZhibuModel
import ZhibuTemplating

/// An organization's records of one year, `<org>/activities/<YYYY>/`: the folder its records'
/// pages are in. Made for an organization with more records than its status page lists
/// (`OrgStatusPage.recordLimit`), one page for each year it has records of, so that every
/// record stays linked from a page of the site however many there are.
enum RecordYearPage: PageKind {
    static let name = "record-year-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().filter {
                $0.element.records.count > context.recordLimit
            }.flatMap { index, org in
                Set(org.records.map(\.year)).sorted(by: >).map { year in
                    job(
                        context.urls.recordYear(org.path, year, language) + "index.html",
                        language: language, org: index, item: year, in: context)
                }
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let org = context.site.organizations[job.org]
        let language = job.language
        let year = job.item
        let title = UIStrings.text("recordYear.title", language, ["year": String(year)])
        let indices = OrgStatusPage.Values.newestFirst(org, year: year)
        let renderer = try context.renderer(language)
        let months = try OrgStatusPage.Values.months(indices, of: org, context, renderer, language)
        let monthItems: Fragment
        do { monthItems = try renderer.fragment(months, with: "month-item") } catch {
            throw RenderError(error)
        }
        return try context.page(
            job, template: "record-year", title: title,
            crumbs: context.trail(to: job.org, language),
            values: Values(
                title: title, org: org.name.text(in: language),
                orgHref: context.urls.link(context.urls.org(org.path, language)),
                count: indices.count,
                years: OrgStatusPage.Values.years(of: org, context, language, current: year),
                monthItems: monthItems))
    }

    /// What `record-year.mustache` shows.
    struct Values: TemplateValues {
        var title: String
        var org: String
        var orgHref: String
        /// The number of the year's records.
        var count: Int
        var years: [OrgStatusPage.Values.YearLink]
        var monthItems: Fragment

        func write(to writer: inout ValueWriter) {
            writer.text("title", title)
            writer.text("org", org)
            writer.text("orgHref", orgHref)
            writer.number("count", count)
            writer.list("years", years)
            writer.fragment("monthItems", monthItems)
        }
    }
}
