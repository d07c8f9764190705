import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// An organization's status page (README, "The portal"), `<org>/`: facts, committee, groups,
/// the scorecard of every rule that applies with its findings and citation, what is due this
/// period, a branch's meeting calendar and participation chart or a roll-up of the
/// organizations below, its records, posts and systems. Printed, it is an inspection report.
enum OrgStatusPage: PageKind {
    static let name = "org-status-page"
    static let pass = RenderPass.findings
    /// The most records a status page lists, in whole months from the newest (the newest
    /// month always). A branch keeps a few dozen records a year, but one with decades of them,
    /// or one that records every small meeting, would get a status page of megabytes; beyond
    /// this its page lists its latest records and links to a page per year
    /// (`RecordYearPage`), so that every record stays linked from a page.
    package static let recordLimit = 200

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().map { index, org in
                job(
                    context.urls.org(org.path, language) + "index.html", language: language,
                    org: index, in: context)
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let org = context.site.organizations[job.org]
        let language = job.language
        let values = try Values(org, index: job.org, context, language)
        let description = UIStrings.text(
            "org.description", language,
            [
                "name": values.name, "kind": values.kind,
                "state": values.sentence ?? values.state.label,
            ])
        return try context.page(
            job, template: "org", title: values.name, description: description,
            crumbs: context.crumbs(above: job.org, language), values: values)
    }
}

extension OrgStatusPage {
    /// What `org.mustache` shows.
    ///
    /// Every list the page shows is rendered item by item into a fragment (`openItems` …), and
    /// a list no template names is not written, so that pages of one shape (the same sections
    /// present) are filled in rather than rendered tag by tag: a site of a thousand branches
    /// has a few dozen shapes.
    struct Values: TemplateValues {
        /// One seat of the committee: a role and the names that hold it; an item of
        /// `seat-item.mustache`.
        struct Seat: TemplateValues {
            var role: String
            var names: String

            func write(to writer: inout ValueWriter) {
                writer.text("role", role)
                writer.text("names", names)
            }
        }

        struct Committee {
            var title: String
            var seats: [Seat]
            /// The seats, rendered; `seats` stays for templates that loop it.
            var seatItems: Fragment
            var elected: String?
            var termEnds: String?
        }

        /// A Party group; an item of `group-item.mustache`.
        struct Group: TemplateValues {
            var name: String
            var leader: String?
            var members: String

            func write(to writer: inout ValueWriter) {
                writer.text("name", name)
                writer.text("leader", leader)
                writer.text("members", members)
            }
        }

        struct Finding {
            /// HTML: the message with its code spans.
            var message: String
            var waiver: String?
        }

        /// One rule that applies to the organization, with its state and findings.
        /// One row of the scorecard: an item of `scorecard-row.mustache`. Rows are rendered
        /// item by item into `scorecardRows`, so that rows of one shape (most rules have no
        /// finding) are filled in instead of looked up tag by tag; the page has some forty.
        struct ScoreRow: TemplateValues {
            var id: String
            /// HTML: the summary with its code spans.
            var summary: String
            var citation: String
            var state: OrgState.Values
            var findings: [Finding]

            func write(to writer: inout ValueWriter) {
                writer.text("id", id)
                writer.text("summary", summary)
                writer.text("citation", citation)
                writer.map("state", state)
                writer.list("findings", findings) { finding, writer in
                    writer.text("message", finding.message)
                    writer.text("waiver", finding.waiver)
                }
            }
        }

        /// One open finding of the summary at the top: what is not met, and when; an item of
        /// `open-item.mustache`.
        struct OpenItem: TemplateValues {
            var state: OrgState.Values
            /// HTML.
            var message: String
            var rule: String
            var citation: String

            func write(to writer: inout ValueWriter) {
                writer.map("state", state)
                writer.text("message", message)
                writer.text("rule", rule)
                writer.text("citation", citation)
            }
        }

        /// An item of `waiver-item.mustache`.
        struct Waiver: TemplateValues {
            /// HTML.
            var message: String
            var reason: String?

            func write(to writer: inout ValueWriter) {
                writer.text("message", message)
                writer.text("reason", reason)
            }
        }

        /// The print-only heading that makes a printed status page an inspection report.
        struct Report {
            var title: String
            var org: String
            var window: String
        }

        /// A branch's meeting calendar and participation chart, as inline SVG.
        struct Calendar {
            struct LegendItem {
                var swatch: String
                var label: String
            }

            var window: String
            var heatmap: String
            var legend: [LegendItem]
            var participation: String
        }

        /// An item of `due-item.mustache`.
        struct DueItemValues: TemplateValues {
            var what: String
            var deadline: String
            var planned: String?
            var state: OrgState.Values

            func write(to writer: inout ValueWriter) {
                writer.text("what", what)
                writer.text("deadline", deadline)
                writer.text("planned", planned)
                writer.map("state", state)
            }

            /// What the status page and the board show of a due item.
            init(_ item: DueItem, _ language: Language) {
                what = item.what.text(in: language)
                deadline = DateText.format(item.deadline, language)
                planned = item.planned.map { DateText.format($0, language) }
                state = OrgState.of(item).values(language)
            }
        }

        /// An item of `system-item.mustache`.
        struct SystemLink: TemplateValues {
            var title: String
            var href: String
            var category: String

            func write(to writer: inout ValueWriter) {
                writer.text("title", title)
                writer.text("href", href)
                writer.text("category", category)
            }
        }

        /// An item of `notice-item.mustache`.
        struct NoticeLink: TemplateValues {
            var title: String
            var href: String
            var date: String
            var dateISO: String
            var pinned: Bool
            var expired: Bool

            func write(to writer: inout ValueWriter) {
                writer.text("title", title)
                writer.text("href", href)
                writer.text("date", date)
                writer.text("dateISO", dateISO)
                writer.flag("pinned", pinned)
                writer.flag("expired", expired)
            }
        }

        /// An item of `post-item.mustache`.
        struct PostItem: TemplateValues {
            var title: String
            var kind: String
            var holders: String
            var location: String?

            func write(to writer: inout ValueWriter) {
                writer.text("title", title)
                writer.text("kind", kind)
                writer.text("holders", holders)
                writer.text("location", location)
            }
        }

        /// The lists of the page that most organizations have many items in, rendered item by
        /// item with their own templates (`open-item.mustache` …), so that items of one shape
        /// are filled in instead of looked up tag by tag; the lists stay for templates that
        /// loop them.
        struct Items {
            var open = Fragment(bytes: [])
            var due = Fragment(bytes: [])
            var waivers = Fragment(bytes: [])
            var children = Fragment(bytes: [])
            var groups = Fragment(bytes: [])
            var sources = Fragment(bytes: [])
            var notices = Fragment(bytes: [])
            var months = Fragment(bytes: [])
            var older = Fragment(bytes: [])
            var posts = Fragment(bytes: [])
            var systems = Fragment(bytes: [])
        }

        /// The records of one month, as rendered list items; an item of `month-item.mustache`.
        struct Month: TemplateValues {
            var label: String
            var count: Int
            var records: Fragment

            func write(to writer: inout ValueWriter) {
                writer.text("month", label)
                writer.fragment("records", records)
            }
        }

        /// A year of records, linked to its page (`RecordYearPage`).
        struct YearLink: TemplateValues {
            var label: String
            var href: String
            var count: Int
            /// The page being shown is this year's.
            var current: Bool = false
            var last: Bool = false

            func write(to writer: inout ValueWriter) {
                writer.text("label", label)
                writer.text("href", href)
                writer.number("count", count)
                writer.flag("current", current)
                writer.flag("last", last)
            }
        }

        /// A regulation the scorecard cites; an item of `source-item.mustache`.
        struct Source: TemplateValues {
            var key: String
            var title: String

            func write(to writer: inout ValueWriter) {
                writer.text("key", key)
                writer.text("title", title)
            }
        }

        var name: String
        var kind: String
        var established: String
        var state: OrgState.Values
        /// A roll-up's own state and the states below it, in words.
        var sentence: String?
        var description: String?
        var units: String?
        var memberCount: Int?
        var fullCount: Int?
        var open: [OpenItem]
        var waivers: [Waiver]
        var overview: Overview.Values?
        var children: [OrgItemValues]
        var committee: Committee?
        var groups: [Group]
        var scorecard: [ScoreRow]
        /// The scorecard's rows, rendered; `scorecard` stays for templates that loop it.
        var scorecardRows: Fragment
        var sources: [Source]
        var report: Report
        /// A branch's; a general branch or committee has an overview instead.
        var calendar: Calendar?
        var due: [DueItemValues]
        var notices: [NoticeLink]
        var recordCount: Int
        var months: [Month]
        var older: [Month]
        var olderCount: Int
        /// The years of the organization's records, newest first, when the page lists only
        /// the latest of them; empty when it lists them all.
        var archive: [YearLink]
        var posts: [PostItem]
        var postsHref: String?
        var systems: [SystemLink]
        var items = Items()

        func write(to writer: inout ValueWriter) {
            writer.text("name", name)
            writer.text("kind", kind)
            writer.text("established", established)
            writer.map("state", state)
            writer.text("sentence", sentence)
            writer.text("description", description)
            writer.text("units", units)
            writer.number("memberCount", memberCount)
            writer.number("fullCount", fullCount)
            writer.list("open", open)
            writer.fragment("openItems", items.open)
            writer.list("waivers", waivers)
            writer.fragment("waiverItems", items.waivers)
            if let overview { writer.map("overview", overview) }
            writer.list("children", children)
            writer.fragment("childItems", items.children)
            if let committee {
                writer.map("committee") { writer in
                    writer.text("title", committee.title)
                    writer.list("seats", committee.seats)
                    writer.fragment("seatItems", committee.seatItems)
                    writer.text("elected", committee.elected)
                    writer.text("termEnds", committee.termEnds)
                }
            }
            writer.list("groups", groups)
            writer.fragment("groupItems", items.groups)
            writer.list("scorecard", scorecard)
            writer.fragment("scorecardRows", scorecardRows)
            writer.list("sources", sources)
            writer.fragment("sourceItems", items.sources)
            writer.map("report") { writer in
                writer.text("title", report.title)
                writer.text("org", report.org)
                writer.text("window", report.window)
            }
            if let calendar {
                writer.text("window", calendar.window)
                writer.text("heatmap", calendar.heatmap)
                writer.list("legend", calendar.legend) { item, writer in
                    writer.text("swatch", item.swatch)
                    writer.text("label", item.label)
                }
                writer.text("participation", calendar.participation)
            }
            writer.list("due", due)
            writer.fragment("dueItems", items.due)
            writer.list("notices", notices)
            writer.fragment("noticeItems", items.notices)
            writer.number("recordCount", recordCount)
            writer.list("months", months)
            writer.fragment("monthItems", items.months)
            writer.list("older", older)
            writer.fragment("olderItems", items.older)
            writer.number("olderCount", olderCount)
            writer.list("archive", archive)
            writer.list("posts", posts)
            writer.fragment("postItems", items.posts)
            writer.text("postsHref", postsHref)
            writer.list("systems", systems)
            writer.fragment("systemItems", items.systems)
        }
    }
}

extension OrgStatusPage.Values {
    /// How many of the newest months of records the page shows open; older ones fold away.
    static let openMonths = 3

    init(_ org: Organization, index: Int, _ context: RenderContext, _ language: Language)
        throws(RenderError)
    {
        let site = context.site
        let urls = context.urls
        let findings = context.findings
        let names = context.names(of: index)
        // Scorecard rows and record lists are rendered item by item, as fragments.
        let renderer = try context.renderer(language)
        let separator = language.listSeparator
        let window = context.windowText(language)
        let summary = context.summaries[index]
        let own = findings.own(org.path)

        self.name = org.name.text(in: language)
        kind = org.kind.value.label.text(in: language)
        established = DateText.format(org.established.value, language)
        state = summary.own.values(language)
        description = org.description?.text(in: language)
        let units = org.units(in: language)
        self.units = units.isEmpty ? nil : units.joined(separator: separator)
        if !org.members.isEmpty {
            memberCount = org.members.count
            fullCount = org.members.filter { $0.status.value == .full }.count
        }
        open = summary.reasons.map { diagnostic in
            OpenItem(
                state: (diagnostic.severity == .error ? OrgState.unmet : .attention).values(
                    language),
                message: MessageHTML.render(diagnostic.message.text(in: language)),
                rule: diagnostic.rule.rawValue,
                citation: diagnostic.citation?.text(in: language) ?? "")
        }
        waivers = HumanReport.grouped(own.filter(\.waived)).map { diagnostic in
            Waiver(
                message: MessageHTML.render(diagnostic.message.text(in: language)),
                reason: diagnostic.notes.last?.text(in: language))
        }
        let overview = org.kind.value.isBranch ? nil : Overview(of: index, context)
        self.overview = try overview?.values(context, language)
        if overview != nil {
            sentence = Overview.sentence(own: summary.own, summary: summary, language)
        }
        // A child branch is in the matrix, unless the matrix left it out for length; then it
        // is listed here, so that every organization is linked from the one above it (the
        // home page's tree may stop above it).
        let inMatrix = Set(self.overview?.matrixBranches ?? [])
        children = context.tree.children[index].filter {
            !site.organizations[$0].kind.value.isBranch || !inMatrix.contains($0)
        }.map { OrgItemValues(site.organizations[$0], context, language) }
        if let committee = org.committee {
            let elected = committee.elected?.value
            let seats = Self.seats(of: org, names: names, language)
            let seatItems: Fragment
            do { seatItems = try renderer.fragment(seats, with: "seat-item") } catch {
                throw RenderError(error)
            }
            self.committee = Committee(
                title: UIStrings.text("committee." + org.kind.value.rawValue, language),
                seats: seats, seatItems: seatItems,
                elected: elected.map { DateText.format($0, language) },
                termEnds: elected.map {
                    DateText.format(
                        $0.addingMonths(12 * (committee.termYears?.value ?? 3)), language)
                })
        }
        groups = Self.groups(of: org, names: names, language)
        let rows = Self.scorecardStates(
            org, own, findings.due(of: org.path), off: context.offRules)
        scorecard = Self.scorecard(rows, context.ruleTexts[language] ?? [:], language)
        do {
            scorecardRows = try renderer.fragment(scorecard, with: "scorecard-row")
        } catch {
            throw RenderError(error)
        }
        var cited: [Citation.Source] = []
        for row in rows {
            for case .article(let source, _) in row.descriptor.citation.parts
            where !cited.contains(source) {
                cited.append(source)
            }
        }
        sources = Citation.Source.allCases.filter { cited.contains($0) }.map {
            Source(key: $0.rawValue, title: $0.title.text(in: language))
        }
        report = Report(
            title: UIStrings.text("report", language), org: org.name.text(in: language),
            window: window)
        if org.kind.value.isBranch {
            calendar = Self.calendar(org, context, window: window, language)
        }
        due = findings.due(of: org.path).map { DueItemValues($0, language) }
        notices = org.notices.sorted {
            ($0.pinned ? 1 : 0, $0.date.value, $0.slug) > (
                $1.pinned ? 1 : 0, $1.date.value, $1.slug
            )
        }.filter { $0.date.value <= context.asOf }.map { notice in
            NoticeLink(
                title: notice.title.text(in: language),
                href: urls.link(urls.notice(org.path, notice.slug, language)),
                date: DateText.format(notice.date.value, language),
                dateISO: notice.date.value.description, pinned: notice.pinned,
                expired: notice.until.map { $0.value < context.asOf } ?? false)
        }
        let newest = Self.newestFirst(org)
        let listed = Self.listed(newest, of: org, limit: context.recordLimit)
        let grouped = try Self.months(
            Array(newest.prefix(listed)), of: org, context, renderer, language)
        recordCount = org.records.count
        months = Array(grouped.prefix(Self.openMonths))
        older = Array(grouped.dropFirst(Self.openMonths))
        olderCount = listed - months.reduce(0) { $0 + $1.count }
        archive =
            listed < newest.count ? Self.years(of: org, context, language, current: nil) : []
        posts = org.posts.map { post in
            PostItem(
                title: post.title.text(in: language),
                kind: post.kind.value.label.text(in: language),
                holders: post.holders.map { names.name($0.value, language) }.joined(
                    separator: separator),
                location: post.location?.text(in: language))
        }
        if !org.posts.isEmpty { postsHref = urls.link(urls.posts(org.path, language)) }
        systems = Self.systems(for: index, context).map { owner, system in
            SystemLink(
                title: system.title.text(in: language),
                href: urls.link(urls.system(owner.path, system.slug, language)),
                category: system.category.value.label.text(in: language))
        }
        do {
            items = Items(
                open: try renderer.fragment(open, with: "open-item"),
                due: try renderer.fragment(due, with: "due-item"),
                waivers: try renderer.fragment(waivers, with: "waiver-item"),
                children: try renderer.fragment(children, with: "child-item"),
                groups: try renderer.fragment(groups, with: "group-item"),
                sources: try renderer.fragment(sources, with: "source-item"),
                notices: try renderer.fragment(notices, with: "notice-item"),
                months: try renderer.fragment(months, with: "month-item"),
                older: try renderer.fragment(older, with: "month-item"),
                posts: try renderer.fragment(posts, with: "post-item"),
                systems: try renderer.fragment(systems, with: "system-item"))
        } catch {
            throw RenderError(error)
        }
    }

    /// The indices of the organization's records (of `year` only, when given), newest first.
    static func newestFirst(_ org: Organization, year: Int? = nil) -> [Int] {
        let all = org.records
        let chosen = year.map { year in all.indices.filter { all[$0].year == year } }
        return (chosen ?? Array(all.indices)).sorted {
            (all[$0].date.value, all[$0].file) > (all[$1].date.value, all[$1].file)
        }
    }

    /// The month of the record at `indices[start]`, and where the run of `indices` from
    /// `start` that falls in that month ends: `indices` are newest first, so a month's
    /// records are consecutive.
    static func month(
        of indices: [Int], from start: Int, in records: [ActivityRecord]
    ) -> (month: Period, end: Int) {
        let month = Period(.month, containing: records[indices[start]].date.value)
        var end = start + 1
        while end < indices.count, month.contains(records[indices[end]].date.value) { end += 1 }
        return (month, end)
    }

    /// How many of the records `newest` lists the status page lists: all of them up to
    /// `limit`, else whole months from the newest while they fit, the newest month always.
    static func listed(_ newest: [Int], of org: Organization, limit: Int) -> Int {
        guard newest.count > limit else { return newest.count }
        let all = org.records
        var listed = 0
        while listed < newest.count {
            let end = month(of: newest, from: listed, in: all).end
            // The newest month always; any other only if all of it fits.
            guard listed == 0 || end <= limit else { break }
            listed = end
        }
        return listed
    }

    /// Each year of the organization's records, newest first, linked to its page.
    static func years(
        of org: Organization, _ context: RenderContext, _ language: Language, current: Int?
    ) -> [YearLink] {
        var counts: [Int: Int] = [:]
        for record in org.records { counts[record.year, default: 0] += 1 }
        let years = counts.keys.sorted(by: >)
        return years.enumerated().map { position, year in
            YearLink(
                label: UIStrings.text("recordYear.title", language, ["year": String(year)]),
                href: context.urls.link(context.urls.recordYear(org.path, year, language)),
                count: counts[year] ?? 0, current: year == current,
                last: position == years.count - 1)
        }
    }

    /// The records at `indices` (newest first) grouped by month, each month's records rendered
    /// as list items.
    static func months(
        _ indices: [Int], of org: Organization, _ context: RenderContext,
        _ renderer: TemplateRenderer, _ language: Language
    ) throws(RenderError) -> [Month] {
        let all = org.records
        var months: [Month] = []
        var start = 0
        while start < indices.count {
            let (period, end) = month(of: indices, from: start, in: all)
            let items = indices[start..<end].map {
                context.recordItem(all[$0], org: org, language)
            }
            do {
                months.append(
                    Month(
                        label: period.label.text(in: language), count: end - start,
                        records: try renderer.fragment(items, with: "record-item")))
            } catch {
                throw RenderError(error)
            }
            start = end
        }
        return months
    }

    /// The committee's seats: the secretary, the deputies, the members, with their names.
    static func seats(of org: Organization, names: NameBook, _ language: Language)
        -> [Seat]
    {
        guard let committee = org.committee else { return [] }
        func name(_ id: Located<String>?) -> String? { id.map { names.name($0.value, language) } }
        let separator = language.listSeparator
        var seats: [Seat] = []
        if let secretary = name(committee.secretary) {
            seats.append(Seat(role: UIStrings.text("secretary", language), names: secretary))
        }
        let deputies = committee.deputySecretaries.compactMap { name($0) }
        if !deputies.isEmpty {
            seats.append(
                Seat(
                    role: UIStrings.text("deputy", language),
                    names: deputies.joined(separator: separator)))
        }
        if let members = committee.members {
            seats.append(
                Seat(
                    role: UIStrings.text("committeeMembers", language),
                    names: members.compactMap { name($0) }.joined(separator: separator)))
        }
        return seats
    }

    /// The Party groups with their leaders and members.
    static func groups(of org: Organization, names: NameBook, _ language: Language)
        -> [Group]
    {
        func name(_ id: Located<String>?) -> String? { id.map { names.name($0.value, language) } }
        return org.groups.map { group in
            Group(
                name: group.name.text(in: language), leader: name(group.leader),
                members: group.members.compactMap { name($0) }
                    .joined(separator: language.listSeparator))
        }
    }

    /// The state of every rule that applies to the organization, in ID order, with the
    /// rule's own findings: what the scorecard shows, on the portal and on the board.
    /// Rules that `site.yml` turns `off` have no row: a rule that does not run would read as
    /// met.
    static func scorecardStates(
        _ org: Organization, _ own: [Diagnostic], _ due: [DueItem], off: Set<RuleID>
    ) -> [(descriptor: RuleDescriptor, state: OrgState, findings: [Diagnostic])] {
        // Grouped by rule in one pass each, so that no rule filters every finding again.
        var findingsByRule: [RuleID: [Diagnostic]] = [:]
        for diagnostic in own { findingsByRule[diagnostic.rule, default: []].append(diagnostic) }
        var dueByRule: [RuleID: [DueItem]] = [:]
        for item in due { dueByRule[item.rule, default: []].append(item) }
        return RuleRegistry.all.map { $0.descriptor }.filter { descriptor in
            guard !off.contains(descriptor.id) else { return false }
            switch descriptor.scope {
            case .branches: return org.kind.value.isBranch
            case .allOrganizations, .content: return true
            }
        }.map { descriptor in
            let findings = findingsByRule[descriptor.id] ?? []
            let state = OrgState.of(findings, due: dueByRule[descriptor.id] ?? [])
            return (descriptor, state, findings)
        }
    }

    /// One row per rule that applies to the organization, in ID order, with its findings.
    private static func scorecard(
        _ rows: [(descriptor: RuleDescriptor, state: OrgState, findings: [Diagnostic])],
        _ texts: [RuleID: (summary: String, citation: String)], _ language: Language
    ) -> [ScoreRow] {
        rows.map { descriptor, rowState, findings in
            let text =
                texts[descriptor.id]
                ?? (
                    MessageHTML.render(descriptor.summary.text(in: language)),
                    descriptor.citation.text.text(in: language)
                )
            return ScoreRow(
                id: descriptor.id.rawValue, summary: text.summary, citation: text.citation,
                state: rowState.values(language),
                findings: findings.map { finding in
                    Finding(
                        message: MessageHTML.render(finding.message.text(in: language)),
                        waiver: finding.waived ? finding.notes.last?.text(in: language) : nil)
                })
        }
    }

    /// A branch's heat-map, its legend and its participation chart.
    private static func calendar(
        _ org: Organization, _ context: RenderContext, window: String, _ language: Language
    ) -> Calendar {
        let map = HeatMap(
            org: org, rows: context.meetingCalendar(of: org.path),
            diagnostics: context.findings.own(org.path), asOf: context.asOf,
            windowMonths: context.windowMonths)
        let chart = ParticipationChart(
            org: org, asOf: context.asOf, windowMonths: context.windowMonths)
        let name = ["name": org.name.text(in: language), "window": window]
        return Calendar(
            window: window,
            heatmap: map.svg(language, name: UIStrings.text("heatmapName", language, name)),
            legend: HeatMap.State.allCases.map { state in
                Calendar.LegendItem(swatch: HeatMap.swatch(state), label: state.label(language))
            },
            participation: chart.svg(
                language, name: UIStrings.text("participationName", language, name)))
    }

    /// The posted systems that apply to an organization: its own and those of the ones above.
    static func systems(for index: Int, _ context: RenderContext)
        -> [(Organization, DisplayedSystem)]
    {
        context.tree.lineage(of: index).flatMap { owner in
            let org = context.site.organizations[owner]
            return org.systems.filter(\.posted).map { (org, $0) }
        }
    }
}
