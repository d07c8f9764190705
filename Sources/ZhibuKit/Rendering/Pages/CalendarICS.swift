import ZhibuModel

/// Each organization's iCalendar file of planned and held activities, `<org>/calendar.ics`
/// (`CalendarFile`), in the default language only.
enum CalendarICS: PageKind {
    static let name = "calendar-ics"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.organizations.enumerated().map { index, org in
            job(
                CalendarFile.path(org: org), language: context.urls.defaultLanguage, org: index,
                in: context)
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(
            RenderedFile(
                path: job.path,
                bytes: CalendarFile.bytes(
                    org: context.site.organizations[job.org], site: context.site,
                    urls: context.urls, asOf: context.asOf)))
    }
}
