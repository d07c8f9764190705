import ZhibuModel
import ZhibuTemplating

/// The home page of each language: the overview of every branch (counts, the branches to look
/// at first, the matrix, completion rates and the trend), the current notices, the newest
/// held records, and the organization tree with each organization's state.
enum HomePage: PageKind {
    static let name = "home-page"
    static let pass = RenderPass.findings
    /// Its matrix and tree have a row for every organization.
    static let runsLong = true
    /// How many of the newest held records the home page lists.
    static let recentCount = 10
    /// Above this many organizations the tree starts folded: the overview comes first.
    static let openTreeLimit = 30
    /// The most organizations the tree lists (`RenderContext.treeLimit`). At about 200 bytes
    /// an organization, a province's whole tree would make a home page of 20 MB. The tree
    /// lists whole levels from the top while they fit, and always the top level: each
    /// organization below is linked from the page of the one above it.
    package static let treeLimit = 500
    /// The most current notices listed, pinned first, then newest: each organization's page
    /// lists all of its own.
    package static let noticeLimit = 20

    static func jobs(_ context: RenderContext) -> [PageJob] {
        jobPerLanguage(context) { language in context.urls.home(language) + "index.html" }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let language = job.language
        let site = context.site
        let asOf = context.asOf
        // Levels of the tree, not of folders, are what the bound counts.
        let levels = context.tree.level
        let deepest = OrgTree.deepestLevel(levels, limit: context.treeLimit)
        let tree = site.organizations.indices.filter { levels[$0] <= deepest }.map { index in
            let org = site.organizations[index]
            return OrgItemValues(
                org, context, language, depth: org.path.split(separator: "/").count - 1)
        }
        let current = site.organizations.flatMap { org in org.notices.map { (org, $0) } }
            .filter { $0.1.until.map { $0.value >= asOf } ?? true && $0.1.date.value <= asOf }
            .sorted {
                ($0.1.pinned ? 1 : 0, $0.1.date.value, $0.1.file) > (
                    $1.1.pinned ? 1 : 0, $1.1.date.value, $1.1.file
                )
            }
        let notices = current.prefix(noticeLimit)
        // A thousand organizations' items are filled in from their few shapes, not looked up
        // tag by tag in a page that is one of a kind.
        let renderer = try context.renderer(language)
        let treeItems: Fragment
        do { treeItems = try renderer.fragment(tree, with: "tree-item") } catch {
            throw RenderError(error)
        }
        return try context.page(
            job, template: "home", title: site.config.title.text(in: language), crumbs: [],
            values: Values(
                tree: tree, treeItems: treeItems,
                recent: latestHeld(recentCount, site: site, asOf: asOf).map { org, record in
                    context.recordItem(record, org: org, language)
                },
                notices: notices.map { org, notice in
                    Values.NoticeItem(
                        title: notice.title.text(in: language),
                        href: context.urls.link(
                            context.urls.notice(org.path, notice.slug, language)),
                        pinned: notice.pinned,
                        date: DateText.format(notice.date.value, language),
                        dateISO: notice.date.value.description, org: org.name.text(in: language))
                },
                overview: try Overview(of: nil, context)?.values(context, language),
                treeOpen: site.organizations.count <= openTreeLimit,
                treeMore: tree.count < site.organizations.count
                    ? UIStrings.text(
                        "treeMore", language,
                        [
                            "levels": String(deepest + 1), "shown": String(tree.count),
                            "total": String(site.organizations.count),
                        ]) : nil,
                noticesMore: current.count > notices.count
                    ? UIStrings.text(
                        "noticesMore", language, ["more": String(current.count - notices.count)])
                    : nil))
    }

    /// The newest held records of the whole site, newest first, found in one pass over the
    /// records rather than by sorting them all.
    private static func latestHeld(_ count: Int, site: Site, asOf: LocalDate)
        -> [(org: Organization, record: ActivityRecord)]
    {
        var top: [(date: LocalDate, file: String, org: Int, record: Int)] = []
        // By index, reading the fields in place: iterating the arrays would copy every
        // organization and record, a retain for each of their fields, on the path to the end
        // of the pass.
        let organizations = site.organizations
        for orgIndex in organizations.indices {
            for recordIndex in organizations[orgIndex].records.indices {
                guard organizations[orgIndex].records[recordIndex].status.value == .held else {
                    continue
                }
                let date = organizations[orgIndex].records[recordIndex].date.value
                guard date <= asOf else { continue }
                let key = (date, organizations[orgIndex].records[recordIndex].file)
                if top.count == count, let last = top.last, !(key > (last.date, last.file)) {
                    continue
                }
                let position =
                    top.firstIndex { key > ($0.date, $0.file) } ?? top.endIndex
                top.insert((key.0, key.1, orgIndex, recordIndex), at: position)
                if top.count > count { top.removeLast() }
            }
        }
        return top.map {
            (site.organizations[$0.org], site.organizations[$0.org].records[$0.record])
        }
    }

    /// What `home.mustache` shows.
    struct Values: TemplateValues {
        static let isOneOfAKind = true

        struct NoticeItem {
            var title: String
            var href: String
            var pinned: Bool
            var date: String
            var dateISO: String
            var org: String
        }

        var tree: [OrgItemValues]
        /// The tree, rendered item by item (`tree-item.mustache`); `tree` stays for templates
        /// that loop it.
        var treeItems: Fragment
        var recent: [RecordItemValues]
        var notices: [NoticeItem]
        var overview: Overview.Values?
        var treeOpen: Bool
        /// Said under the tree when it stops above the bottom level, nil otherwise.
        var treeMore: String?
        /// Said under the notices when there are more current ones than listed.
        var noticesMore: String?

        func write(to writer: inout ValueWriter) {
            writer.list("tree", tree)
            writer.fragment("treeItems", treeItems)
            if let overview { writer.map("overview", overview) }
            writer.flag("treeOpen", treeOpen)
            writer.text("treeMore", treeMore)
            writer.text("noticesMore", noticesMore)
            writer.list("recent", recent)
            writer.list("notices", notices) { notice, writer in
                writer.text("title", notice.title)
                writer.text("href", notice.href)
                writer.flag("pinned", notice.pinned)
                writer.text("date", notice.date)
                writer.text("dateISO", notice.dateISO)
                writer.text("org", notice.org)
            }
        }
    }
}
