import ZhibuModel
import ZhibuTemplating

/// `sitemap.xml`: the address of every page the passes before made, in path order.
enum SitemapXML: PageKind {
    static let name = "sitemap-xml"
    static let pass = RenderPass.listing

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob("sitemap.xml", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        let base = context.site.config.baseURL?.value ?? "/"
        let root = base.hasSuffix("/") ? String(base.dropLast()) : base
        var xml: [UInt8] = []
        xml.reserveCapacity(context.files.count * (root.utf8.count + 40) + 120)
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        for file in context.files where file.path.hasSuffix("index.html") {
            let folder = file.path.utf8.dropLast("index.html".utf8.count)
            xml += "  <url><loc>".utf8
            var address = root
            address += "/"
            address += Substring(folder)
            address.withUTF8 { XML.append($0, to: &xml, apostrophe: "&apos;") }
            xml += "</loc></url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return .file(RenderedFile(path: job.path, bytes: xml))
    }
}
