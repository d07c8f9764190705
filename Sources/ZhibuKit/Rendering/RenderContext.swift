import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// Everything a page kind renders with: the loaded site, its addresses and templates, the
/// tables made once for every page (names, breadcrumb trails), and what the passes before the
/// current one made.
///
/// `SiteRenderer` fills it in pass by pass: `searchDocuments` is set for the content pass, and
/// emptied after it; `findings` is `.none` until the findings pass (the kinds before it show no
/// finding); `files` holds every file of the passes before for the last two.
package struct RenderContext: Sendable {
    package let site: Site
    package let asOf: LocalDate
    package let urls: SiteURLs
    /// The evaluation window in months (docs/configuration.md, rules.window_months), for
    /// heat-maps, charts and roll-ups.
    package let windowMonths: Int
    package let templates: TemplateSet
    /// Every periodic requirement of each organization, yearly ones included, by path.
    package let requirementRows: [String: [CalendarRow]]
    /// The organization tree by index.
    package let tree: OrgTree
    /// The rules `site.yml` turns `off`: they have no row on a scorecard.
    package let offRules: Set<RuleID>
    /// The most branches a roll-up page's matrix lists (`Overview.matrixLimit`); a test
    /// lowers it to see the cut on a small site.
    package var matrixLimit = Overview.matrixLimit
    /// The most organizations the home page's tree lists (`HomePage.treeLimit`); a test
    /// lowers it too.
    package var treeLimit = HomePage.treeLimit
    /// The most records an organization's status page lists (`OrgStatusPage.recordLimit`);
    /// a test lowers it.
    package var recordLimit = OrgStatusPage.recordLimit
    /// The most rows of a board's lists of branches to look at first and of organizations
    /// below (`BoardSlides.attentionLimit`, `BoardSlides.branchesLimit`); a test lowers them.
    package var boardAttentionLimit = BoardSlides.attentionLimit
    package var boardBranchesLimit = BoardSlides.branchesLimit
    /// The most addresses in one sitemap file (`SitemapXML.addressLimit`); a test lowers it.
    package var sitemapLimit = SitemapXML.addressLimit
    package internal(set) var findings = Findings.none
    /// Each organization's overview numbers, made from `findings` (none before the findings
    /// pass).
    package internal(set) var summaries = OrgSummaries.none
    /// The documents of the search index, by language, oldest first (`SearchIndex.ordered`):
    /// for the content pass only.
    package internal(set) var searchDocuments: [Language: [SearchIndex.Entry]] = [:]
    /// How each language's search fragments are laid out, made once from all its documents
    /// for the content pass.
    package internal(set) var searchLayouts: [Language: SearchFragments.Layout] = [:]
    /// Every file the passes before made, sorted by path.
    package internal(set) var files: [RenderedFile] = []
    private let renderers: [Language: TemplateRenderer]
    /// Member names by ID for each organization, by index: only `id` and `name` of a roster
    /// ever reach a page.
    private let people: [[String: String]]
    /// The breadcrumb trail down to each organization (home first, the organization last), by
    /// language and index.
    private let trails: [Language: [[LayoutValues.Crumb]]]
    /// The displayed systems' texts as board slides show them, made once each.
    let boardTexts = BoardTextCache()
    /// Each rule's summary (as HTML) and citation in each language, as every scorecard shows
    /// them: made once, not once per organization.
    let ruleTexts: [Language: [RuleID: (summary: String, citation: String)]]

    package init(site: Site, asOf: LocalDate, templates: TemplateSet) throws(RenderError) {
        self.site = site
        self.asOf = asOf
        self.templates = templates
        self.windowMonths = site.config.rules.windowMonths?.value ?? 12
        self.requirementRows = RuleRegistry.requirementRows(site, asOf: asOf)
        self.tree = OrgTree(site.organizations)
        self.offRules = Set(
            site.config.rules.severity.filter { $0.value.value == .off }.map(\.key))
        let urls = SiteURLs(
            basePath: ContentLoader.basePath(of: site.config.baseURL?.value),
            defaultLanguage: site.config.defaultLanguage)
        self.urls = urls
        var ruleTexts: [Language: [RuleID: (summary: String, citation: String)]] = [:]
        for language in site.config.languages {
            for rule in RuleRegistry.all {
                let descriptor = rule.descriptor
                ruleTexts[language, default: [:]][descriptor.id] = (
                    MessageHTML.render(descriptor.summary.text(in: language)),
                    descriptor.citation.text.text(in: language)
                )
            }
        }
        self.ruleTexts = ruleTexts
        var renderers: [Language: TemplateRenderer] = [:]
        for language in site.config.languages {
            renderers[language] = try templates.renderer(
                language, shared: SharedValues(site: site, urls: urls, asOf: asOf, language))
        }
        self.renderers = renderers
        self.people = site.organizations.map { Self.names(of: $0, in: site) }
        self.trails = Dictionary(
            uniqueKeysWithValues: site.config.languages.map { language in
                (language, Self.trails(of: site, urls: urls, language))
            })
    }

    /// The renderer of a language's templates.
    package func renderer(_ language: Language) throws(RenderError) -> TemplateRenderer {
        guard let renderer = renderers[language] else {
            throw .missing("layout.mustache (\(language.rawValue))")
        }
        return renderer
    }

    /// A page: its own template rendered with `values`, inside the layout.
    ///
    /// - Parameter folder: the folder the page stands for, which the language switch links to
    ///   in the other languages; by default the folder of its `index.html`.
    func page(
        _ job: PageJob, folder: String? = nil, template: String, title: String,
        description: String? = nil, crumbs: [LayoutValues.Crumb], values: some TemplateValues
    ) throws(RenderError) -> PageOutput {
        let renderer = try renderer(job.language)
        let content: [[UInt8]]
        do { content = try renderer.pieces(values, with: template) } catch {
            throw RenderError(error)
        }
        let folder = folder ?? String(job.path.dropLast("index.html".count))
        let stripped = folder.dropFirst(urls.prefix(job.language).count)
        let layout = LayoutValues(
            title: title, content: content, breadcrumbs: crumbs,
            description: description
                ?? Self.description(
                    title: title, trail: crumbs, site: site.config.title.text(in: job.language)),
            alternates: site.config.languages.map { other in
                LayoutValues.Alternate(
                    lang: other.rawValue, label: other.nativeName,
                    href: urls.link(urls.prefix(other) + stripped), current: other == job.language)
            })
        do {
            return .file(
                RenderedFile(path: job.path, pieces: try renderer.pieces(layout, with: "layout")))
        } catch {
            throw RenderError(error)
        }
    }

    /// A page's own description when it gives none: its title and where it is, so that no two
    /// pages of a site share one.
    static func description(title: String, trail: [LayoutValues.Crumb], site: String) -> String {
        let place = trail.dropFirst().map(\.name)
        guard title != site else { return site }
        return ([title] + place.reversed() + [site]).joined(separator: " · ")
    }

    /// The organization's member names by ID, as this site's audience may see them.
    func names(of org: Int) -> NameBook { NameBook(names: people[org], audience: audience) }

    /// The members of the organization: its roster, or the rosters of every organization below
    /// one without its own.
    func people(below index: Int) -> [Member] {
        let org = site.organizations[index]
        if org.rosterFile != nil { return org.members }
        return tree.descendants(of: index).flatMap { site.organizations[$0].members }
    }

    /// The worst state of the organization and of every organization below it.
    func state(of path: String) -> OrgState {
        guard let index = tree.index(of: path), index < summaries.summaries.count else {
            return .met
        }
        return summaries[index].rolled
    }

    /// A branch's rows of the meeting calendar: its requirements of the rules the calendar
    /// draws, in their order.
    func meetingCalendar(of path: String) -> [CalendarRow] {
        let rules = RuleRegistry.calendarRules
        return (requirementRows[path] ?? []).filter { rules.contains($0.rule) }
    }

    /// Who may read the site: a public site shows findings about members only as counts.
    package var audience: Audience { site.config.audience }

    /// What the passes after the first show: the findings as the audience may see them, and
    /// the summaries made from them.
    package struct Shown: Sendable {
        var findings: Findings
        var summaries: OrgSummaries
    }

    /// The findings and summaries the findings pass and those after it show, made apart from
    /// the context so that a build makes them on the thread that validates, beside the first
    /// passes, rather than between the passes while every other core waits.
    package func shown(_ findings: Findings) -> Shown {
        let visible = audience == .public ? findings.forPublic() : findings
        return Shown(
            findings: visible,
            summaries: OrgSummaries(
                site: site, tree: tree, findings: visible, rows: requirementRows, asOf: asOf,
                windowMonths: windowMonths))
    }

    /// Sets the findings of the passes after the first, and the summaries made from them.
    package mutating func show(_ findings: Findings) {
        show(shown(findings))
    }

    mutating func show(_ shown: Shown) {
        findings = shown.findings
        summaries = shown.summaries
    }

    /// The trail of the organization at `index`, ending with it.
    func trail(to index: Int, _ language: Language) -> [LayoutValues.Crumb] {
        trails[language]?[index] ?? []
    }

    /// The trail above the organization at `index`, without it: what its own page shows.
    func crumbs(above index: Int, _ language: Language) -> [LayoutValues.Crumb] {
        Array(trail(to: index, language).dropLast())
    }

    /// The window as words, for the headings of the heat-map, the chart and roll-ups.
    func windowText(_ language: Language) -> String {
        let months = HeatMap.months(asOf: asOf, windowMonths: windowMonths)
        guard let first = months.first, let last = months.last else { return "" }
        return UIStrings.text(
            "windowRange", language,
            ["from": first.label.text(in: language), "to": last.label.text(in: language)])
    }

    /// One record in a list of records.
    func recordItem(_ record: ActivityRecord, org: Organization, _ language: Language)
        -> RecordItemValues
    {
        RecordItemValues(
            title: record.title.text(in: language),
            href: urls.link(urls.record(org.path, record, language)),
            date: DateText.format(record.date.value, language),
            dateISO: record.date.value.description,
            type: record.type.value.label.text(in: language),
            org: org.name.text(in: language),
            status: record.status.value == .held
                ? nil : UIStrings.text(record.status.value.rawValue + ".status", language))
    }
}

extension RenderContext {
    /// Member names by ID: a branch's own roster, or for an organization without one the
    /// rosters below it.
    fileprivate static func names(of org: Organization, in site: Site) -> [String: String] {
        var names: [String: String] = [:]
        let rosters =
            org.rosterFile != nil
            ? [org] : Array(site.organizations(below: org.path))
        for roster in rosters {
            for member in roster.members where names[member.id.value] == nil {
                names[member.id.value] = member.name.value
            }
        }
        return names
    }

    /// Every organization's trail in one language: its parent's trail, then itself. Parents come
    /// before their children in path order, so one pass in that order finds each parent's
    /// trail made.
    fileprivate static func trails(of site: Site, urls: SiteURLs, _ language: Language)
        -> [[LayoutValues.Crumb]]
    {
        let home = LayoutValues.Crumb(
            name: site.config.title.text(in: language), href: urls.link(urls.home(language)))
        var byPath: [String: [LayoutValues.Crumb]] = [:]
        var result: [[LayoutValues.Crumb]] = []
        result.reserveCapacity(site.organizations.count)
        for org in site.organizations {
            let above = org.parentPath.flatMap { byPath[$0] } ?? [home]
            let trail =
                above + [
                    LayoutValues.Crumb(
                        name: org.name.text(in: language),
                        href: urls.link(urls.org(org.path, language)))
                ]
            byPath[org.path] = trail
            result.append(trail)
        }
        return result
    }
}
