import ZhibuModel
import ZhibuTemplating

/// The search page of each language, `search/`: a form and the script that searches the
/// language's index in the browser.
enum SearchPage: PageKind {
    static let name = "search-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        jobPerLanguage(context) { language in
            SearchIndex.folder(language, urls: context.urls) + "index.html"
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let values = Values(urls: context.urls, job.language)
        return try context.page(
            job, template: "search", title: values.title, crumbs: [], values: values)
    }

    /// What `search.mustache` needs: the page's words, and the addresses of the index, its
    /// fragments' meta script and the search script.
    struct Values: TemplateValues {
        var title: String
        var index: String
        var fragments: String
        var script: String
        var language: Language

        init(urls: SiteURLs, _ language: Language) {
            title = UIStrings.text("search.title", language)
            index = urls.link(SearchIndex.path(language, urls: urls))
            fragments = urls.link(SearchFragments.folder(language, urls: urls) + "meta.js")
            script = urls.link(SearchIndex.scriptPath(urls: urls))
            self.language = language
        }

        func write(to writer: inout ValueWriter) {
            writer.text("title", title)
            writer.map("search") { writer in
                writer.text("index", index)
                writer.text("fragments", fragments)
                writer.text("script", script)
                for key in [
                    "label", "placeholder", "button", "hint", "noscript", "loading", "failed",
                    "none", "count", "atLeast", "noneRead", "more",
                ] {
                    writer.text(key, UIStrings.text("search." + key, language))
                }
            }
        }
    }
}
