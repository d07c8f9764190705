import ZhibuModel
import ZhibuRules

/// The slides of one organization's board, in the order `board.slides` chooses (the
/// organization's, else the site's, else the defaults of its kind), without those that would
/// have nothing to show.
///
/// Every mark comes from the same findings and due items as the portal. Like the public
/// portal, a board names members only where a page may (committee, groups, post holders) and
/// shows no finding about a member: the scorecard and the lists of branches show states and
/// the rules' own summaries, never a finding's message.
struct BoardSlides {
    let org: Organization
    let index: Int
    let context: RenderContext
    let language: Language

    /// How many planned activities and held records a board lists.
    static let upcomingCount = 6
    static let recentCount = 8
    /// The most rows of a committee's list of branches to look at first
    /// (`RenderContext.boardAttentionLimit`): a screen shows a dozen at a time, so a thousand
    /// would take half an hour of continuation slides to go round.
    static let attentionLimit = 120
    /// The most rows of a committee's list of the organizations below
    /// (`RenderContext.boardBranchesLimit`), three dozen to a screen: every organization of a
    /// committee of a few hundred, and a bound on a province's board, which would otherwise
    /// weigh megabytes.
    static let branchesLimit = 500

    init(org: Organization, index: Int, context: RenderContext, _ language: Language) {
        self.org = org
        self.index = index
        self.context = context
        self.language = language
    }

    /// The slides to show; never none, so that a screen is never blank.
    var slides: [BoardSlideValues] {
        let kind = org.kind.value
        let chosen = (org.boardSlides ?? context.site.config.board.slides)
            .map { $0.filter { $0.applies(to: kind) } }
        let order =
            chosen.flatMap { $0.isEmpty ? nil : $0 }
            ?? (kind.isBranch ? BoardSlide.branchDefault : BoardSlide.rollUpDefault)
        let slides = order.flatMap(slides(of:))
        return slides.isEmpty ? organization() : slides
    }

    private func slides(of kind: BoardSlide) -> [BoardSlideValues] {
        switch kind {
        case .org: organization()
        case .posts: posts()
        case .activities: activities()
        case .recent: recent()
        case .systems: systems()
        case .scorecard: scorecard()
        case .notices: notices()
        case .overview: overview()
        case .attention: attention()
        case .branches: branches()
        }
    }

    private func slide(_ kind: BoardSlide, _ title: String, _ payload: BoardSlideValues.Payload)
        -> [BoardSlideValues]
    {
        [BoardSlideValues(kind: kind, title: title, payload: payload)]
    }

    private func text(_ key: String, _ values: [String: String] = [:]) -> String {
        UIStrings.text(key, language, values)
    }

    // MARK: - Every organization

    private func organization() -> [BoardSlideValues] {
        let names = context.names(of: index)
        var facts = [
            org.kind.value.label.text(in: language),
            text("established") + " " + DateText.format(org.established.value, language),
        ]
        let units = org.units(in: language)
        if !units.isEmpty { facts.append(units.joined(separator: language.listSeparator)) }
        let people = context.people(below: index)
        if !people.isEmpty {
            let full = people.filter { $0.status.value == .full }.count
            facts.append(
                text(
                    "board.memberCounts",
                    [
                        "members": String(people.count), "full": String(full),
                        "probationary": String(people.count - full),
                    ]))
        }
        return slide(
            .org, org.name.text(in: language),
            .org(
                facts: facts, seats: OrgStatusPage.Values.seats(of: org, names: names, language),
                groups: OrgStatusPage.Values.groups(of: org, names: names, language)))
    }

    private func posts() -> [BoardSlideValues] {
        guard !org.posts.isEmpty else { return [] }
        let names = context.names(of: index)
        let posts = org.posts.map { post in
            PostsPage.Values.Post(
                title: post.title.text(in: language),
                kind: post.kind.value.label.text(in: language),
                holders: post.holders.map { names.name($0.value, language) }
                    .joined(separator: language.listSeparator),
                location: post.location?.text(in: language),
                commitment: post.commitment?.text(in: language), html: [])
        }
        return slide(.posts, text("posts"), .posts(posts))
    }

    private func systems() -> [BoardSlideValues] {
        let basePath = context.urls.basePath
        return OrgStatusPage.Values.systems(for: index, context).map { owner, system in
            BoardSlideValues(
                kind: .systems, title: system.title.text(in: language),
                payload: .systems(
                    category: system.category.value.label.text(in: language),
                    adopted: system.adopted.map { DateText.format($0.value, language) },
                    units: context.boardTexts.units(owner.path + "\u{0}" + system.slug) {
                        BoardText.units(system.body, basePath: basePath)
                    }))
        }
    }

    private func notices() -> [BoardSlideValues] {
        let asOf = context.asOf
        return org.notices
            .filter { $0.date.value <= asOf && ($0.until.map { $0.value >= asOf } ?? true) }
            .sorted {
                ($0.pinned ? 1 : 0, $0.date.value, $0.slug) > (
                    $1.pinned ? 1 : 0, $1.date.value, $1.slug
                )
            }
            .map { notice in
                BoardSlideValues(
                    kind: .notices, title: notice.title.text(in: language),
                    payload: .notices(
                        date: DateText.format(notice.date.value, language), pinned: notice.pinned,
                        units: BoardText.units(notice.body, basePath: context.urls.basePath)))
            }
    }

    // MARK: - Branches

    private func activities() -> [BoardSlideValues] {
        let asOf = context.asOf
        let records = org.records
        let upcoming = records.indices
            .filter { records[$0].status.value == .planned && records[$0].date.value >= asOf }
            .sorted {
                (records[$0].date.value, records[$0].file) < (
                    records[$1].date.value, records[$1].file
                )
            }
            .prefix(Self.upcomingCount)
            .map { context.recordItem(records[$0], org: org, language) }
        // What is still open comes first; what is met already follows.
        let items = context.findings.due(of: org.path)
        let due = (items.filter(\.isOpen) + items.filter { !$0.isOpen })
            .map { OrgStatusPage.Values.DueItemValues($0, language) }
        guard !upcoming.isEmpty || !due.isEmpty else { return [] }
        return slide(
            .activities, text("board.activities"), .activities(upcoming: upcoming, due: due))
    }

    private func recent() -> [BoardSlideValues] {
        let asOf = context.asOf
        let records = org.records
        let held = records.indices
            .filter { records[$0].status.value == .held && records[$0].date.value <= asOf }
            .sorted {
                (records[$0].date.value, records[$0].file) > (
                    records[$1].date.value, records[$1].file
                )
            }
            .prefix(Self.recentCount)
            .map { context.recordItem(records[$0], org: org, language) }
        guard !held.isEmpty else { return [] }
        return slide(.recent, text("recent"), .recent(held))
    }

    private func scorecard() -> [BoardSlideValues] {
        let rows = OrgStatusPage.Values.scorecardStates(
            org, context.findings.own(org.path), context.findings.due(of: org.path),
            off: context.offRules)
        guard !rows.isEmpty else { return [] }
        let counts = OrgState.allCases.reversed().map { state in
            (state: state.values(language), count: rows.filter { $0.state == state }.count)
        }
        return slide(
            .scorecard, text("scorecard"),
            .scorecard(
                counts: counts,
                rows: rows.map { row in
                    BoardSlideValues.StateRow(
                        name: row.descriptor.summary.text(in: language), detail: nil,
                        state: row.state.values(language), depth: 0)
                }))
    }

    // MARK: - General branches and committees

    /// The organizations below, in tree order.
    private var below: [(index: Int, org: Organization)] {
        context.tree.descendants(of: index).map { ($0, context.site.organizations[$0]) }
    }

    private func overview() -> [BoardSlideValues] {
        let branches = below.filter { $0.org.kind.value.isBranch }
        guard !branches.isEmpty else { return [] }
        let summary = context.summaries[index]
        var counts: [(label: String, value: String, state: OrgState.Values?)] =
            OrgState.allCases.map { state in
                (
                    text("board.branchesIn", ["state": state.label(language)]),
                    String(summary.branchStates[state.rawValue]), state.values(language)
                )
            }
        counts.append((text("branchCount"), String(branches.count), nil))
        counts.append((text("board.members"), String(summary.members), nil))
        counts.append((text("board.probationary"), String(summary.probationary), nil))
        // This period's completion of each requirement: a branch counts as done when every
        // item of that requirement is met or waived (a group meeting per group).
        var done: [RuleID: (met: Int, total: Int)] = [:]
        for (_, branch) in branches {
            var byRule: [RuleID: Bool] = [:]
            for item in context.findings.due(of: branch.path) {
                byRule[item.rule] = (byRule[item.rule] ?? true) && (item.met || item.waived)
            }
            for (rule, met) in byRule {
                done[rule, default: (0, 0)].met += met ? 1 : 0
                done[rule, default: (0, 0)].total += 1
            }
        }
        let completion = RuleRegistry.all.map { $0.descriptor }.compactMap {
            descriptor -> (label: String, met: Int, total: Int)? in
            guard let tally = done[descriptor.id] else { return nil }
            return (descriptor.summary.text(in: language), tally.met, tally.total)
        }
        return slide(
            .overview, text("board.overview"), .overview(counts: counts, completion: completion))
    }

    private func attention() -> [BoardSlideValues] {
        let rows = below.filter { $0.org.kind.value.isBranch }.compactMap {
            branchIndex, branch -> (OrgState, Int, BoardSlideValues.StateRow)? in
            let state = context.summaries[branchIndex].rolled
            guard state != .met else { return nil }
            let open = OrgStatusPage.Values.scorecardStates(
                branch, context.findings.own(branch.path), context.findings.due(of: branch.path),
                off: context.offRules
            ).filter { $0.state == state }
            let reasons = open.prefix(3).map { $0.descriptor.summary.text(in: language) }
            var detail = reasons.joined(separator: language.clauseSeparator)
            if open.count > reasons.count {
                detail += text(
                    "board.more",
                    ["total": String(open.count), "more": String(open.count - reasons.count)])
            }
            return (
                state, open.count,
                BoardSlideValues.StateRow(
                    name: branch.name.text(in: language), detail: detail,
                    state: state.values(language), depth: 0)
            )
        }
        guard !rows.isEmpty else { return [] }
        // Worst first; among equals, the one with more open requirements.
        let sorted = rows.enumerated().sorted {
            ($0.element.0, $0.element.1, -$0.offset) > ($1.element.0, $1.element.1, -$1.offset)
        }
        let limit = max(1, context.boardAttentionLimit)
        return slide(
            .attention, text("board.attention"),
            .attention(
                sorted.prefix(limit).map(\.element.2),
                rest: rest("board.attentionMore", sorted.count - limit)))
    }

    /// The organizations below, by whole levels from the top while they fit in
    /// `boardBranchesLimit`; a first level longer than that is cut, in tree order.
    private func branches() -> [BoardSlideValues] {
        let depth = org.path.split(separator: "/").count
        let all = below
        guard !all.isEmpty else { return [] }
        let levels = context.tree.level
        let top = levels[index] + 1
        let limit = max(1, context.boardBranchesLimit)
        let deepest = OrgTree.deepestLevel(all.lazy.map { levels[$0.index] - top }, limit: limit)
        let shown = all.filter { levels[$0.index] - top <= deepest }
        let rows = shown.prefix(limit).map { _, child in
            BoardSlideValues.StateRow(
                name: child.name.text(in: language),
                detail: child.kind.value.label.text(in: language),
                state: context.state(of: child.path).values(language),
                depth: min(4, child.path.split(separator: "/").count - depth - 1))
        }
        return slide(
            .branches, text("board.branches"),
            .branches(rows, rest: rest("board.branchesMore", all.count - rows.count)))
    }

    /// The line after a list that stopped short, saying how many it left to the portal.
    private func rest(_ key: String, _ more: Int) -> String? {
        more > 0 ? text(key, ["more": String(more)]) : nil
    }
}
