import ZhibuModel

/// One kind of file the site is made of: the home page, a record's page, the Atom feed …
///
/// A kind says in which pass it renders, which jobs it contributes for a site (one per file it
/// makes, in every language it is made in) and how it renders one job. It never schedules
/// anything itself: `SiteRenderer` enumerates a pass's jobs from every kind in `PageKinds.all`
/// and renders them on all cores. Adding a kind is one new file and one line in that list.
package protocol PageKind: Sendable {
    /// The kind's name in the registry: lower case words with hyphens, unique.
    static var name: String { get }
    /// The pass its jobs render in, which says what they may read of the context.
    static var pass: RenderPass { get }
    /// Whether one job takes much longer than a page: such jobs are started first, so that
    /// they overlap with the many small ones instead of ending a pass alone on one core.
    static var runsLong: Bool { get }
    /// Whether its jobs read the search documents
    /// (`RenderContext.searchDocuments`): a part of a sharded build that renders one of them
    /// makes those documents too.
    static var readsSearchDocuments: Bool { get }
    /// The jobs for the whole site, every language included; each names the file it makes.
    static func jobs(_ context: RenderContext) -> [PageJob]
    /// Renders one of the kind's jobs.
    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError) -> PageOutput
}

extension PageKind {
    package static var runsLong: Bool { false }
    package static var readsSearchDocuments: Bool { false }

    /// One job in each of the site's languages, writing the file at `path(language)`.
    static func jobPerLanguage(_ context: RenderContext, path: (Language) -> String)
        -> [PageJob]
    {
        context.site.config.languages.map { language in
            job(path(language), language: language, in: context)
        }
    }

    /// The one job of a site-wide file, made in the default language.
    static func siteJob(_ path: String, _ context: RenderContext) -> [PageJob] {
        [job(path, language: context.urls.defaultLanguage, in: context)]
    }

    /// A job of this kind.
    static func job(
        _ path: String, language: Language, org: Int? = nil, item: Int = 0,
        in context: RenderContext
    ) -> PageJob {
        PageJob(
            kind: self, key: org.map { context.site.organizations[$0].path }, path: path,
            language: language, org: org ?? -1, item: item)
    }
}

/// When the jobs of a kind render, in order; each pass may read what the passes before it made.
package enum RenderPass: Int, Sendable, CaseIterable, Comparable {
    /// The search index's documents, which the index's files in the next pass are made of:
    /// made from the loaded site alone, before any page.
    case documents
    /// Needs only the loaded site (records, systems, feeds, calendars …) and the documents:
    /// renders while the rules still run, which is nearly all of a build's work.
    case content
    /// Shows the rules' findings (`RenderContext.findings`) or joins the content pass's parts.
    case findings
    /// Lists every page of the passes before (the sitemap).
    case listing
    /// Digests every file of the passes before (`build.json`).
    case digest

    package static func < (lhs: RenderPass, rhs: RenderPass) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// One unit of rendering work: one file, or one part of a file that a later pass joins.
package struct PageJob: Sendable {
    package let kind: any PageKind.Type
    /// The path of the organization the output belongs to, nil for a site-wide file: what a
    /// sharded build filters on. Stable from build to build.
    package let key: String?
    /// Where the file goes below `Site/`; a folder (ending in `/`) for a job that writes every
    /// file below it; empty for a part.
    package let path: String
    package let language: Language
    /// The organization's index in `Site.organizations`, or -1.
    let org: Int
    /// The item's index in the kind's own list (a record of the organization, a free page …).
    let item: Int
}

/// What a job makes.
package enum PageOutput: Sendable {
    case file(RenderedFile)
    /// Every file below the folder the job's path names, for a job whose files depend on the
    /// content (the search index's fragments).
    case files([RenderedFile])
    /// Documents of the search index, made in the documents pass for the content pass to join
    /// into a language's index and fragments.
    case searchDocuments(Language, [SearchIndex.Entry])

    /// The files the job made: none for the parts a later pass joins.
    var files: [RenderedFile] {
        switch self {
        case .file(let file): [file]
        case .files(let files): files
        case .searchDocuments: []
        }
    }
}
