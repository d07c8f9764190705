import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// An organization's status page (SPEC §4), `<org>/`: facts, committee, groups, the scorecard of
/// every rule that applies with its findings and citation, what is due this period, a branch's
/// meeting calendar and participation chart or a roll-up of the organizations below, its
/// records, posts and systems. Printed, it is an inspection report.
enum OrgStatusPage: PageKind {
    static let name = "org-status-page"
    static let pass = RenderPass.findings

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
        let values = try Values(org, index: job.org, context, job.language)
        return try context.page(
            job, template: "org", title: org.name.text(in: job.language),
            crumbs: context.crumbs(above: job.org, job.language), values: values)
    }
}

extension OrgStatusPage {
    /// What `org.mustache` shows.
    struct Values: TemplateValues {
        static let isOneOfAKind = true

        /// One seat of the committee: a role and the names that hold it.
        struct Seat {
            var role: String
            var names: String
        }

        struct Committee {
            var seats: [Seat]
            var elected: String?
            var termEnds: String?
        }

        struct Group {
            var name: String
            var leader: String?
            var members: String
        }

        struct Finding {
            /// HTML: the message with its code spans.
            var message: String
            var waiver: String?
        }

        /// One rule that applies to the organization, with its state and findings.
        struct ScoreRow {
            var id: String
            var summary: String
            var citation: String
            var state: OrgState.Values
            var findings: [Finding]
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

        struct DueItemValues {
            var what: String
            var deadline: String
            var planned: String?
            var state: OrgState.Values
        }

        struct SystemLink {
            var title: String
            var href: String
            var category: String
        }

        var name: String
        var kind: String
        var established: String
        var state: OrgState.Values
        var description: String?
        var units: String?
        var memberCount: Int?
        var fullCount: Int?
        var children: [OrgItemValues]
        var committee: Committee?
        var groups: [Group]
        var scorecard: [ScoreRow]
        var report: Report
        /// A branch's; a general branch or committee has a roll-up instead.
        var calendar: Calendar?
        var rollUp: RollUp.Values?
        var due: [DueItemValues]
        var records: Fragment
        var postsHref: String?
        var systems: [SystemLink]

        func write(to writer: inout ValueWriter) {
            writer.text("name", name)
            writer.text("kind", kind)
            writer.text("established", established)
            writer.map("state", state)
            writer.text("description", description)
            writer.text("units", units)
            writer.number("memberCount", memberCount)
            writer.number("fullCount", fullCount)
            writer.list("children", children)
            if let committee {
                writer.map("committee") { writer in
                    writer.list("seats", committee.seats) { seat, writer in
                        writer.text("role", seat.role)
                        writer.text("names", seat.names)
                    }
                    writer.text("elected", committee.elected)
                    writer.text("termEnds", committee.termEnds)
                }
            }
            writer.list("groups", groups) { group, writer in
                writer.text("name", group.name)
                writer.text("leader", group.leader)
                writer.text("members", group.members)
            }
            writer.list("scorecard", scorecard) { row, writer in
                writer.text("id", row.id)
                writer.text("summary", row.summary)
                writer.text("citation", row.citation)
                writer.map("state", row.state)
                writer.list("findings", row.findings) { finding, writer in
                    writer.text("message", finding.message)
                    writer.text("waiver", finding.waiver)
                }
            }
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
            if let rollUp { writer.map("rollup", rollUp) }
            writer.list("due", due) { item, writer in
                writer.text("what", item.what)
                writer.text("deadline", item.deadline)
                writer.text("planned", item.planned)
                writer.map("state", item.state)
            }
            writer.fragment("records", records)
            writer.text("postsHref", postsHref)
            writer.list("systems", systems) { system, writer in
                writer.text("title", system.title)
                writer.text("href", system.href)
                writer.text("category", system.category)
            }
        }
    }
}

extension OrgStatusPage.Values {
    init(_ org: Organization, index: Int, _ context: RenderContext, _ language: Language)
        throws(RenderError)
    {
        let site = context.site
        let urls = context.urls
        let findings = context.findings
        let names = context.names(of: index)
        let separator = language.listSeparator
        let window = context.windowText(language)

        self.name = org.name.text(in: language)
        kind = org.kind.value.label.text(in: language)
        established = DateText.format(org.established.value, language)
        state = findings.state(of: org.path).values(language)
        description = org.description?.text(in: language)
        let units = org.units(in: language)
        self.units = units.isEmpty ? nil : units.joined(separator: separator)
        if !org.members.isEmpty {
            memberCount = org.members.count
            fullCount = org.members.filter { $0.status.value == .full }.count
        }
        children = site.children(of: org.path).map { OrgItemValues($0, context, language) }
        committee = org.committee.map { committee in
            let elected = committee.elected?.value
            return Committee(
                seats: Self.seats(of: org, names: names, language),
                elected: elected.map { DateText.format($0, language) },
                termEnds: elected.map {
                    DateText.format(
                        $0.addingMonths(12 * (committee.termYears?.value ?? 3)), language)
                })
        }
        groups = Self.groups(of: org, names: names, language)
        scorecard = Self.scorecard(
            org, findings.own(org.path), findings.due(of: org.path), language)
        report = Report(
            title: UIStrings.text("report", language), org: org.name.text(in: language),
            window: window)
        if org.kind.value.isBranch {
            calendar = Self.calendar(org, context, window: window, language)
        } else {
            let summary = RollUp(
                org: org, site: site, findings: findings, asOf: context.asOf,
                windowMonths: context.windowMonths)
            if !summary.branches.isEmpty || !summary.findings.isEmpty {
                rollUp = summary.values(language, urls: urls, window: window)
            }
        }
        due = findings.due(of: org.path).map { item in
            let itemState: OrgState = item.met || item.waived ? .met : .due
            return DueItemValues(
                what: item.what.text(in: language),
                deadline: DateText.format(item.deadline, language),
                planned: item.planned.map { DateText.format($0, language) },
                state: itemState.values(language))
        }
        let all = org.records
        let items = all.indices.sorted {
            (all[$0].date.value, all[$0].file) > (all[$1].date.value, all[$1].file)
        }
        .map { context.recordItem(all[$0], org: org, language) }
        let renderer = try context.renderer(language)
        do { records = try renderer.fragment(items, with: "record-item") } catch {
            throw RenderError(error)
        }
        if !org.posts.isEmpty { postsHref = urls.link(urls.posts(org.path, language)) }
        systems = Self.systems(for: org, in: site).map { owner, system in
            SystemLink(
                title: system.title.text(in: language),
                href: urls.link(urls.system(owner.path, system.slug, language)),
                category: system.category.value.label.text(in: language))
        }
    }

    /// The committee's seats: the secretary, the deputies, the members, with their names.
    static func seats(of org: Organization, names: [String: String], _ language: Language)
        -> [Seat]
    {
        guard let committee = org.committee else { return [] }
        func name(_ id: Located<String>?) -> String? { id.map { names[$0.value] ?? $0.value } }
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
    static func groups(of org: Organization, names: [String: String], _ language: Language)
        -> [Group]
    {
        func name(_ id: Located<String>?) -> String? { id.map { names[$0.value] ?? $0.value } }
        return org.groups.map { group in
            Group(
                name: group.name.text(in: language), leader: name(group.leader),
                members: group.members.compactMap { name($0) }
                    .joined(separator: language.listSeparator))
        }
    }

    /// The state of every rule that applies to the organization, in ID order, with the
    /// rule's own findings: what the scorecard shows, on the portal and on the board.
    static func scorecardStates(_ org: Organization, _ own: [Diagnostic], _ due: [DueItem])
        -> [(descriptor: RuleDescriptor, state: OrgState, findings: [Diagnostic])]
    {
        // Grouped by rule in one pass each, so that no rule filters every finding again.
        var findingsByRule: [RuleID: [Diagnostic]] = [:]
        for diagnostic in own { findingsByRule[diagnostic.rule, default: []].append(diagnostic) }
        var dueByRule: [RuleID: [DueItem]] = [:]
        for item in due { dueByRule[item.rule, default: []].append(item) }
        return RuleRegistry.all.map { $0.descriptor }.filter { descriptor in
            switch descriptor.scope {
            case .branches: org.kind.value.isBranch
            case .allOrganizations, .content: true
            }
        }.map { descriptor in
            let findings = findingsByRule[descriptor.id] ?? []
            let state = OrgState.of(findings, due: dueByRule[descriptor.id] ?? [])
            return (descriptor, state, findings)
        }
    }

    /// One row per rule that applies to the organization, in ID order, with its findings.
    private static func scorecard(
        _ org: Organization, _ own: [Diagnostic], _ due: [DueItem], _ language: Language
    ) -> [ScoreRow] {
        scorecardStates(org, own, due).map { descriptor, rowState, findings in
            ScoreRow(
                id: descriptor.id.rawValue, summary: descriptor.summary.text(in: language),
                citation: descriptor.citation.text.text(in: language),
                state: rowState.values(language),
                findings: findings.map { finding in
                    Finding(
                        message: MessageHTML.render(finding.message.text(in: language)),
                        waiver: finding.waived ? finding.notes.last?.text(in: language) : nil)
                })
        }
    }

    /// A branch's heat-map, its legend and its participation chart (SPEC §4).
    private static func calendar(
        _ org: Organization, _ context: RenderContext, window: String, _ language: Language
    ) -> Calendar {
        let map = HeatMap(
            org: org, rows: context.meetingCalendar[org.path] ?? [],
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
    static func systems(for org: Organization, in site: Site)
        -> [(Organization, DisplayedSystem)]
    {
        var chain: [Organization] = []
        var current: Organization? = org
        while let node = current {
            chain.append(node)
            current = node.parentPath.flatMap { site.organization($0) }
        }
        return chain.flatMap { owner in
            owner.systems.filter(\.posted).map { (owner, $0) }
        }
    }
}
