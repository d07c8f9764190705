import ZhibuModel
import ZhibuTemplating

/// `sitemap.xml`: the address of every page the passes before made, in path order.
///
/// The sitemap protocol allows 50,000 addresses in a file. A site with more (a city's or a
/// province's portal, a page per record) gets `sitemap-1.xml`, `sitemap-2.xml` … of 50,000
/// each, in the same order, and `sitemap.xml` becomes their index; `robots.txt` names it
/// either way. The parts sit at the root, since a sitemap may only list addresses below its
/// own folder.
enum SitemapXML: PageKind {
    static let name = "sitemap-xml"
    static let pass = RenderPass.listing
    /// The most addresses in one sitemap (sitemaps.org; `RenderContext.sitemapLimit`).
    static let addressLimit = 50_000

    /// `sitemap.xml`, and a part per 50,000 pages when there are more. A part's `item` is
    /// the index in `RenderContext.files` of its first page, and the index's `item` the
    /// number of parts, both found in this one pass over the files, so that no job walks
    /// files that are not its own.
    static func jobs(_ context: RenderContext) -> [PageJob] {
        let limit = max(1, context.sitemapLimit)
        var starts: [Int] = []
        var count = 0
        // Through a buffer: each file's path is read in place, not copied with its pieces.
        context.files.withUnsafeBufferPointer { files in
            for index in files.indices where isPage(files[index].path) {
                if count % limit == 0 { starts.append(index) }
                count += 1
            }
        }
        let language = context.urls.defaultLanguage
        return [job("sitemap.xml", language: language, item: starts.count, in: context)]
            + (starts.count > 1
                ? starts.enumerated().map { part, start in
                    job(partPath(part + 1), language: language, item: start, in: context)
                } : [])
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        let base = context.site.config.baseURL?.value ?? "/"
        let root = base.hasSuffix("/") ? String(base.dropLast()) : base
        let limit = max(1, context.sitemapLimit)
        let files = context.files
        let isIndex = job.path == "sitemap.xml"
        var xml: [UInt8] = []
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8
        if isIndex, job.item > 1 {
            xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
            for part in 1...job.item {
                xml += "  <sitemap><loc>".utf8
                var address = root + "/" + partPath(part)
                address.withUTF8 { XML.append($0, to: &xml, apostrophe: "&apos;") }
                xml += "</loc></sitemap>\n".utf8
            }
            xml += "</sitemapindex>\n".utf8
            return .file(RenderedFile(path: job.path, bytes: xml))
        }
        // From the first file for the whole list, else from the part's first page.
        var index = isIndex ? 0 : job.item
        xml.reserveCapacity(
            min(limit, files.count - index) * (root.utf8.count + 40) + 120)
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        // The base address is escaped once; each page adds its folder, escaped from the
        // path's own bytes, without making a string per page.
        var prefix: [UInt8] = []
        var rootSlash = root + "/"
        rootSlash.withUTF8 { XML.append($0, to: &prefix, apostrophe: "&apos;") }
        let open = Array("  <url><loc>".utf8) + prefix
        let close = Array("</loc></url>\n".utf8)
        var listed = 0
        files.withUnsafeBufferPointer { files in
            while index < files.count, listed < limit {
                var path = files[index].path
                index += 1
                guard isPage(path) else { continue }
                listed += 1
                xml += open
                path.withUTF8 { bytes in
                    let folder = bytes[..<(bytes.count - "index.html".utf8.count)]
                    XML.append(
                        UnsafeBufferPointer(rebasing: folder), to: &xml, apostrophe: "&apos;")
                }
                xml += close
            }
        }
        xml += "</urlset>\n".utf8
        return .file(RenderedFile(path: job.path, bytes: xml))
    }

    /// Where part `part` (from 1) of a long sitemap goes.
    static func partPath(_ part: Int) -> String { "sitemap-\(part).xml" }

    /// Whether the sitemap lists the file: every page is an `index.html`.
    ///
    /// Compared as bytes, not characters: it runs twice for every file of the site, on one
    /// core at the end of a build.
    private static func isPage(_ path: String) -> Bool {
        let name = "index.html".utf8
        var path = path
        return path.withUTF8 { bytes in
            bytes.count >= name.count && bytes[(bytes.count - name.count)...].elementsEqual(name)
        }
    }
}
