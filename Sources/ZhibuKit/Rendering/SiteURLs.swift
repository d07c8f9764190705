import ZhibuModel

/// Where every page of the site lives, in files and in links (README, "The portal").
///
/// The default language is at the root and every other under `/<lang>/` with the same paths.
/// Links are root-relative with the base path of `base_url`, so they work from any page and
/// under a sub-path (`https://example.org/dangjian/`).
package struct SiteURLs: Sendable {
    package var basePath: String
    package var defaultLanguage: Language

    package init(basePath: String, defaultLanguage: Language) {
        self.basePath = basePath
        self.defaultLanguage = defaultLanguage
    }

    package func prefix(_ language: Language) -> String {
        language == defaultLanguage ? "" : language.rawValue + "/"
    }

    /// The folder of a page below `Site/`, e.g. `en/first/`; the page is its `index.html`.
    package func home(_ language: Language) -> String { prefix(language) }
    package func org(_ path: String, _ language: Language) -> String {
        prefix(language) + path + "/"
    }
    package func record(_ org: String, _ record: ActivityRecord, _ language: Language) -> String {
        prefix(language) + org + "/activities/\(record.year)/\(record.slug)/"
    }
    /// The page of an organization's records of one year, the folder its records' pages are
    /// in (`RecordYearPage`).
    package func recordYear(_ org: String, _ year: Int, _ language: Language) -> String {
        prefix(language) + org + "/activities/\(year)/"
    }
    package func system(_ org: String, _ slug: String, _ language: Language) -> String {
        prefix(language) + org + "/systems/\(slug)/"
    }
    package func notice(_ org: String, _ slug: String, _ language: Language) -> String {
        prefix(language) + org + "/notices/\(slug)/"
    }
    package func posts(_ org: String, _ language: Language) -> String {
        prefix(language) + org + "/posts/"
    }
    package func board(_ org: String, _ language: Language) -> String {
        prefix(language) + org + "/board/"
    }
    package func page(_ slug: String, _ language: Language) -> String {
        prefix(language) + slug + "/"
    }

    /// A root-relative link to a folder or file below `Site/`.
    package func link(_ folder: String) -> String { basePath + folder }

    /// Where zhibu's own stylesheet and scripts go: `_z/` cannot clash with a slug.
    package var assetFolder: String { "_z/" }
}
