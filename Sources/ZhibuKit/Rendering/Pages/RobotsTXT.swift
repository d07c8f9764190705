import ZhibuModel

/// `robots.txt`: on a public site crawlers are welcome, and pointed at the sitemap when the
/// site has an address; an internal site (an inspection portal) disallows them all.
enum RobotsTXT: PageKind {
    static let name = "robots-txt"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob("robots.txt", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        guard context.audience == .public else {
            return .file(RenderedFile(path: job.path, text: "User-agent: *\nDisallow: /\n"))
        }
        let base = context.site.config.baseURL?.value ?? ""
        var text = "User-agent: *\nAllow: /\n"
        if !base.isEmpty {
            text += "Sitemap: \(base.hasSuffix("/") ? base : base + "/")sitemap.xml\n"
        }
        return .file(RenderedFile(path: job.path, text: text))
    }
}
