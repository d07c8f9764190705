import ZhibuModel
import ZhibuTemplating

/// What every template of a language may use: the language, the interface strings, the home
/// link and the footer. Made once per language; every page is rendered over it.
struct SharedValues: TemplateValues {
    struct Link {
        var title: String
        var href: String
    }

    var lang: String
    var strings: [String: String]
    var siteTitle: String
    var home: String
    var feedHref: String
    var searchHref: String
    var assetBase: String
    var asOf: String
    var footerPages: [Link]
    /// An internal site asks search engines not to index its pages.
    var noindex: Bool

    init(site: Site, urls: SiteURLs, asOf: LocalDate, _ language: Language) {
        lang = language.htmlTag
        strings = UIStrings.strings(language)
        siteTitle = site.config.title.text(in: language)
        home = urls.link(urls.home(language))
        feedHref = urls.link(AtomFeed.path(language, urls: urls))
        searchHref = urls.link(SearchIndex.folder(language, urls: urls))
        assetBase = urls.link(urls.assetFolder)
        self.asOf = DateText.format(asOf, language)
        noindex = site.config.audience == .internal
        footerPages = site.pages.sorted { ($0.weight, $0.slug) < ($1.weight, $1.slug) }.map {
            Link(title: $0.title.text(in: language), href: urls.link(urls.page($0.slug, language)))
        }
    }

    func write(to writer: inout ValueWriter) {
        writer.text("lang", lang)
        writer.map("t") { writer in
            for (key, text) in strings.sorted(by: { $0.key < $1.key }) { writer.text(key, text) }
        }
        writer.text("siteTitle", siteTitle)
        writer.text("home", home)
        writer.text("feedHref", feedHref)
        writer.text("searchHref", searchHref)
        writer.text("assetBase", assetBase)
        writer.text("asOf", asOf)
        writer.flag("noindex", noindex)
        writer.list("footerPages", footerPages) { link, writer in
            writer.text("title", link.title)
            writer.text("href", link.href)
        }
    }
}
