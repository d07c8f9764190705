import ZhibuModel
import ZhibuQR
import ZhibuTemplating

/// The display board of each organization (README, "Display boards"), `<org>/board/`: one
/// self-contained page for the screen in the branch's activity room or the committee's lobby.
///
/// It shows the same findings as the portal, so it renders in the findings pass; everything
/// on it depends only on what it shows, so a record edit rewrites only the boards that show
/// that record.
enum BoardPage: PageKind {
    static let name = "board-page"
    static let pass = RenderPass.findings

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().map { index, org in
                job(
                    context.urls.board(org.path, language) + "index.html", language: language,
                    org: index, in: context)
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let org = context.site.organizations[job.org]
        let language = job.language
        let site = context.site
        let urls = context.urls
        let board = site.config.board
        var slides = BoardSlides(org: org, index: job.org, context: context, language).slides
        for index in slides.indices { slides[index].index = index }
        let renderer = try context.renderer(language)
        let rendered: Fragment
        do { rendered = try renderer.fragment(slides, with: "board-slide") } catch {
            throw RenderError(error)
        }
        let portal = SiteLinks.absolute(urls.org(org.path, language), site: site)
        let qr = portal.flatMap(QRCode.init).map {
            $0.svg(label: UIStrings.text("board.qr", language), escape: XML.escape)
        }
        let values = BoardValues(
            lang: language.htmlTag,
            title: org.name.text(in: language) + " · " + UIStrings.text("board", language),
            siteTitle: site.config.title.text(in: language), orgName: org.name.text(in: language),
            kind: org.kind.value.label.text(in: language),
            css: String(decoding: context.templates.file("board.css"), as: UTF8.self),
            script: String(decoding: context.templates.file("board.js"), as: UTF8.self),
            asOf: DateText.format(context.asOf, language), asOfISO: context.asOf.description,
            qr: qr, portal: qr == nil ? nil : portal, slideSeconds: board.slideSeconds,
            pollSeconds: board.pollSeconds,
            night: board.night.map { Self.clock($0.start) + "-" + Self.clock($0.end) },
            zone: site.config.timezone.value, buildHref: urls.link("build.json"),
            slides: rendered, slideCount: slides.count)
        do {
            return .file(
                RenderedFile(path: job.path, bytes: try renderer.render(values, with: "board")))
        } catch {
            throw RenderError(error)
        }
    }

    /// `07:00`: minutes after midnight as the board's script reads them.
    private static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
