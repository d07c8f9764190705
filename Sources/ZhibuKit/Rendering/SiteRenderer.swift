import ZhibuModel
import ZhibuRules

/// Renders every page and file of the site (SPEC §4) into memory.
///
/// Pure: the same site, findings and as-of date give the same files, byte for byte, whatever the
/// number of threads. Pages render in parallel; the list comes back sorted by path.
package struct SiteRenderer: Sendable {
    package var site: Site
    package var diagnostics: [Diagnostic]
    package var due: [DueItem]
    package var asOf: LocalDate
    package var templates: TemplateSet
    package var urls: SiteURLs
    /// The search index's documents from the first pass, by language, for the second.
    package var searchEntries: [Language: [SearchIndex.Entry]] = [:]
    private let baseContexts = ContextCache()

    package init(
        site: Site, diagnostics: [Diagnostic], due: [DueItem], asOf: LocalDate,
        templates: TemplateSet
    ) {
        self.site = site
        self.diagnostics = diagnostics
        self.due = due
        self.asOf = asOf
        self.templates = templates
        self.urls = SiteURLs(
            basePath: ContentLoader.basePath(of: site.config.baseURL?.value),
            defaultLanguage: site.config.defaultLanguage)
        self.people = Dictionary(
            uniqueKeysWithValues: site.organizations.map { ($0.path, Self.names(of: $0, in: site)) }
        )
        let urls = self.urls
        self.trails = Dictionary(
            uniqueKeysWithValues: site.config.languages.map { language in
                (language, Self.trails(of: site, urls: urls, language))
            })
    }

    /// Member names by ID for each organization, built once: every record page needs them.
    private let people: [String: [String: String]]
    /// The breadcrumb trail down to each organization (home first, the organization last), by
    /// language and index: thousands of pages share a few dozen trails, and walking up the tree
    /// for each page was a thirtieth of a build.
    private let trails: [Language: [[LayoutValues.Crumb]]]

    /// One unit of rendering work, so that pages can be spread over threads.
    enum Job: Sendable {
        case file(FileJob)
        case searchPart(SearchIndex.Part, Language)
    }

    /// A job that makes one file.
    /// Organizations are named by their index in `site.organizations`: looking one up by
    /// path copied the whole organization for each of thousands of record pages.
    enum FileJob: Sendable {
        case home(Language)
        case org(Int, Language)
        case record(Int, Int, Language)
        case system(Int, Int, Language)
        case posts(Int, Language)
        case page(Int, Language)
        case notFound(Language)
        case search(Language)
        case feed(Language)
        case calendar(Int)
        /// A language's whole index, joined in the second pass from the first pass's slices.
        case searchIndex(Language)
        case status
    }

    /// What a job makes: a file, or a slice of a language's search index.
    package enum Output: Sendable {
        case file(RenderedFile)
        case search(Language, [SearchIndex.Entry])
    }

    /// The two passes of a build. Pages that show no finding of the rules (records, systems,
    /// posts, free pages, calendars, feeds, the search index: nearly all the work) need only the
    /// loaded site, so `build` renders them while the rules still run; the home page, the
    /// status pages and `status.json` follow once the findings are known.
    package enum Pass: Sendable {
        case withoutFindings
        case withFindings
    }

    /// Every page and file, both passes in one go.
    package func render(jobs: Int = Parallel.defaultJobs) throws(RenderError) -> [RenderedFile] {
        var renderer = self
        let early = try renderer.render(.withoutFindings, jobs: jobs)
        renderer.keepSearchEntries(early)
        return renderer.finish(early + (try renderer.render(.withFindings, jobs: jobs)), jobs: jobs)
    }

    /// The pages of one pass, rendered on all cores; what `finish` turns into the site.
    package func render(_ pass: Pass, jobs: Int = Parallel.defaultJobs) throws(RenderError)
        -> [Output]
    {
        let outputs = Parallel.map(work(pass), jobs: jobs, grain: 1) {
            job -> Result<Output, RenderError> in
            do throws(RenderError) {
                return .success(try render(job))
            } catch {
                return .failure(error)
            }
        }
        return try outputs.map { output throws(RenderError) in try output.get() }
    }

    private func work(_ pass: Pass) -> [Job] {
        guard pass == .withoutFindings else {
            // Joining a language's search index (megabytes, sorted) is the longest job of this
            // pass: first, so that it overlaps with the status pages instead of ending the
            // build alone on one core.
            let pages = site.config.languages.flatMap { language in
                site.organizations.indices.map { Job.file(.org($0, language)) }
                    + [Job.file(.home(language))]
            }
            return site.config.languages.map { Job.file(.searchIndex($0)) } + pages
                + [.file(.status)]
        }
        // The long jobs go first, so they overlap with the many small pages.
        var work: [Job] = site.config.languages.flatMap { language in
            SearchIndex.parts(of: site).map { Job.searchPart($0, language) }
                + [.file(.feed(language))]
        }
        work += site.organizations.indices.map { Job.file(.calendar($0)) }
        for language in site.config.languages {
            var files: [FileJob] = [.notFound(language), .search(language)]
            for (index, _) in site.pages.enumerated() { files.append(.page(index, language)) }
            for (orgIndex, org) in site.organizations.enumerated() {
                for index in org.records.indices {
                    files.append(.record(orgIndex, index, language))
                }
                for index in org.systems.indices {
                    files.append(.system(orgIndex, index, language))
                }
                if !org.posts.isEmpty { files.append(.posts(orgIndex, language)) }
            }
            work += files.map(Job.file)
        }
        return work
    }

    /// Keeps the first pass's slices of the search index for the second pass to join.
    package mutating func keepSearchEntries(_ outputs: [Output]) {
        searchEntries = [:]
        for case .search(let language, let entries) in outputs {
            searchEntries[language, default: []] += entries
        }
    }

    /// The site from the files of both passes, with the assets, the stylesheet and script,
    /// `robots.txt`, `sitemap.xml` and `build.json`, sorted by path.
    ///
    /// This runs on one core after everything else, so it sorts once and writes the sitemap
    /// and the digest as bytes.
    package func finish(_ outputs: [Output], jobs: Int = Parallel.defaultJobs) -> [RenderedFile] {
        var files: [RenderedFile] = []
        files.reserveCapacity(outputs.count + site.assets.count + 5)
        for case .file(let file) in outputs { files.append(file) }
        // Assets are hashed as they become files: in parallel, since images can be large.
        files += Parallel.map(site.assets, jobs: jobs) {
            RenderedFile(path: "assets/" + $0.path, bytes: $0.bytes)
        }
        files.append(
            RenderedFile(path: urls.assetFolder + "zhibu.css", bytes: templates.stylesheet))
        files.append(
            RenderedFile(path: SearchIndex.scriptPath(urls: urls), bytes: templates.script))
        files.append(RenderedFile(path: "robots.txt", text: robots()))
        files.sort { $0.path < $1.path }
        Self.insert(RenderedFile(path: "sitemap.xml", bytes: sitemap(files)), into: &files)
        let version = Fingerprint.hex(bytes: digest(files))
        Self.insert(
            RenderedFile(path: "build.json", text: "{\"version\": \"\(version)\"}\n"),
            into: &files)
        return files
    }

    /// Puts a file into the sorted list at its place.
    private static func insert(_ file: RenderedFile, into files: inout [RenderedFile]) {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < file.path { low = middle + 1 } else { high = middle }
        }
        files.insert(file, at: low)
    }
}

// MARK: - Pages

extension SiteRenderer {
    fileprivate func render(_ job: Job) throws(RenderError) -> Output {
        switch job {
        case .searchPart(let part, let language):
            .search(language, SearchIndex.entries(part, site: site, urls: urls, language: language))
        case .file(let job): .file(try renderFile(job))
        }
    }

    fileprivate func renderFile(_ job: FileJob) throws(RenderError) -> RenderedFile {
        switch job {
        case .home(let language):
            return try page(
                folder: urls.home(language), language: language, template: "home",
                title: site.config.title.text(in: language), crumbs: [],
                context: homeContext(language), reuse: false)
        case .searchIndex(let language):
            return RenderedFile(
                path: SearchIndex.path(language, urls: urls),
                bytes: SearchIndex.join(searchEntries[language] ?? []))
        case .status:
            return RenderedFile(path: "status.json", text: statusJSON())
        case .feed(let language):
            return RenderedFile(
                path: AtomFeed.path(language, urls: urls),
                text: AtomFeed.render(site: site, urls: urls, language: language, asOf: asOf))
        case .calendar(let orgIndex):
            let org = site.organizations[orgIndex]
            return RenderedFile(
                path: CalendarFile.path(org: org),
                bytes: CalendarFile.bytes(org: org, site: site, urls: urls, asOf: asOf))
        case .search(let language):
            let context = SearchIndex.pageContext(urls: urls, language: language)
            return try page(
                folder: SearchIndex.folder(language, urls: urls), language: language,
                template: "search", title: context["title"] as? String ?? "", crumbs: [],
                context: context)
        case .notFound(let language):
            let bytes = try layout(
                folder: urls.home(language), language: language,
                title: UIStrings.table["notFound"]?.text(in: language) ?? "",
                crumbs: [],
                content: try templates.render(
                    base: base(language), own: [:], with: "notfound", in: language))
            return RenderedFile(path: urls.prefix(language) + "404.html", bytes: bytes)
        case .page(let index, let language):
            let page = site.pages[index]
            return try self.page(
                folder: urls.page(page.slug, language), language: language, template: "page",
                title: page.title.text(in: language), crumbs: [],
                context: ["title": page.title.text(in: language), "html": page.body.htmlText])
        case .org(let orgIndex, let language):
            let org = site.organizations[orgIndex]
            return try page(
                folder: urls.org(org.path, language), language: language, template: "org",
                title: org.name.text(in: language), crumbs: crumbs(above: orgIndex, language),
                context: try orgContext(org, language), reuse: false)
        case .record(let orgIndex, let index, let language):
            let org = site.organizations[orgIndex]
            let record = org.records[index]
            let folder = urls.record(org.path, record, language)
            let content = try templates.render(
                base: base(language), values: recordValues(record, org: org, language),
                with: "record", in: language)
            let bytes = try layout(
                folder: folder, language: language, title: record.title.text(in: language),
                crumbs: trail(to: orgIndex, language), content: content)
            return RenderedFile(path: folder + "index.html", bytes: bytes)
        case .system(let orgIndex, let index, let language):
            let org = site.organizations[orgIndex]
            let system = org.systems[index]
            return try page(
                folder: urls.system(org.path, system.slug, language), language: language,
                template: "system", title: system.title.text(in: language),
                crumbs: trail(to: orgIndex, language),
                context: present([
                    "title": system.title.text(in: language),
                    "category": system.category.value.label.text(in: language),
                    "adopted": system.adopted.map { DateText.format($0.value, language) },
                    "revised": system.revised.map { DateText.format($0.value, language) },
                    "html": system.body.htmlText,
                ]))
        case .posts(let orgIndex, let language):
            let org = site.organizations[orgIndex]
            let title = UIStrings.table["posts"]?.text(in: language) ?? ""
            let people = names(of: org)
            return try page(
                folder: urls.posts(org.path, language), language: language, template: "posts",
                title: title, crumbs: trail(to: orgIndex, language),
                context: [
                    "title": title,
                    "posts": org.posts.map { post -> [String: Any] in
                        present([
                            "title": post.title.text(in: language),
                            "kind": post.kind.value.label.text(in: language),
                            "holders": post.holders.map { people[$0.value] ?? $0.value }
                                .joined(separator: "、"),
                            "location": post.location?.text(in: language),
                            "commitment": post.commitment?.text(in: language),
                            "html": post.body.htmlText,
                        ])
                    },
                ])
        }
    }

    fileprivate func page(
        folder: String, language: Language, template: String, title: String,
        crumbs: [LayoutValues.Crumb], context: [String: Any], reuse: Bool = true
    ) throws(RenderError) -> RenderedFile {
        let content = try templates.render(
            base: base(language), own: context, with: template, in: language, reuse: reuse)
        let bytes = try layout(
            folder: folder, language: language, title: title, crumbs: crumbs, content: content)
        return RenderedFile(path: folder + "index.html", bytes: bytes)
    }

    fileprivate func layout(
        folder: String, language: Language, title: String, crumbs: [LayoutValues.Crumb],
        content: [UInt8]
    ) throws(RenderError) -> [UInt8] {
        let stripped = folder.dropFirst(urls.prefix(language).count)
        let values = LayoutValues(
            title: title, content: content, breadcrumbs: crumbs,
            description: site.config.title.text(in: language),
            alternates: site.config.languages.map { other in
                LayoutValues.Alternate(
                    lang: other.rawValue, label: other == .zh ? "中文" : "English",
                    href: urls.link(urls.prefix(other) + stripped), current: other == language)
            })
        return try templates.render(
            base: base(language), values: values, with: "layout", in: language)
    }

    /// What every template may use: the language, strings, the home link and the footer.
    /// Built once per language and shared by every page of it.
    fileprivate func base(_ language: Language) -> [String: Any] {
        baseContexts.value(for: language) { makeBase(language) }
    }

    fileprivate func makeBase(_ language: Language) -> [String: Any] {
        [
            "lang": language == .zh ? "zh-CN" : "en",
            "t": UIStrings.strings(language),
            "siteTitle": site.config.title.text(in: language),
            "home": urls.link(urls.home(language)),
            "feedHref": urls.link(AtomFeed.path(language, urls: urls)),
            "searchHref": urls.link(SearchIndex.folder(language, urls: urls)),
            "assetBase": urls.link(urls.assetFolder),
            "asOf": DateText.format(asOf, language),
            "footerPages": site.pages.sorted { ($0.weight, $0.slug) < ($1.weight, $1.slug) }.map {
                [
                    "title": $0.title.text(in: language),
                    "href": urls.link(urls.page($0.slug, language)),
                ]
            },
        ]
    }
}

// MARK: - Contexts

extension SiteRenderer {
    fileprivate func homeContext(_ language: Language) -> [String: Any] {
        let tree = site.organizations.map { org -> [String: Any] in
            [
                "name": org.name.text(in: language),
                "href": urls.link(urls.org(org.path, language)),
                "kind": org.kind.value.label.text(in: language),
                "depth": org.path.split(separator: "/").count - 1,
                "state": state(of: org, rollUp: true).context(language),
            ]
        }
        let records = latestHeld(10).map { ($0.org, $0.record) }
        let notices = site.organizations.flatMap { org in org.notices.map { (org, $0) } }
            .filter { $0.1.until.map { $0.value >= asOf } ?? true && $0.1.date.value <= asOf }
            .sorted {
                ($0.1.pinned ? 1 : 0, $0.1.date.value, $0.1.file) > (
                    $1.1.pinned ? 1 : 0, $1.1.date.value, $1.1.file
                )
            }
        return [
            "tree": tree,
            "recent": records.map { org, record in
                recordItem(record, org: org, language).dictionary
            },
            "notices": notices.map { org, notice -> [String: Any] in
                [
                    "title": notice.title.text(in: language), "pinned": notice.pinned,
                    "date": DateText.format(notice.date.value, language),
                    "dateISO": notice.date.value.description,
                    "org": org.name.text(in: language),
                ]
            },
        ]
    }

    /// The newest held records of the whole site, newest first, found in one pass: sorting
    /// every record of a large site for ten of them was a visible part of the build.
    fileprivate func latestHeld(_ count: Int) -> [(org: Organization, record: ActivityRecord)] {
        var top: [(date: LocalDate, file: String, org: Int, record: Int)] = []
        for (orgIndex, org) in site.organizations.enumerated() {
            for (recordIndex, record) in org.records.enumerated()
            where record.status.value == .held && record.date.value <= asOf {
                let key = (record.date.value, record.file)
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

    fileprivate func orgContext(_ org: Organization, _ language: Language) throws(RenderError)
        -> [String: Any]
    {
        let people = names(of: org)
        func name(_ id: Located<String>?) -> String? { id.map { people[$0.value] ?? $0.value } }
        var context = present([
            "name": org.name.text(in: language),
            "kind": org.kind.value.label.text(in: language),
            "established": DateText.format(org.established.value, language),
            "state": state(of: org, rollUp: true).context(language),
            "description": org.description?.text(in: language),
        ])
        let units = language == .en && !org.unitsEn.isEmpty ? org.unitsEn : org.units
        if !units.isEmpty {
            context["units"] = units.map(\.value).joined(separator: language == .zh ? "、" : ", ")
        }
        if !org.members.isEmpty {
            context["memberCount"] = org.members.count
            context["fullCount"] = org.members.filter { $0.status.value == .full }.count
        }
        context["children"] = site.children(of: org.path).map { child -> [String: Any] in
            [
                "name": child.name.text(in: language),
                "href": urls.link(urls.org(child.path, language)),
                "kind": child.kind.value.label.text(in: language),
                "state": state(of: child, rollUp: true).context(language),
            ]
        }
        if let committee = org.committee {
            let zh = language == .zh
            var seats: [[String: Any]] = []
            if let secretary = name(committee.secretary) {
                seats.append(["role": zh ? "书记" : "Secretary", "names": secretary])
            }
            let deputies = committee.deputySecretaries.compactMap { name($0) }
            if !deputies.isEmpty {
                seats.append([
                    "role": zh ? "副书记" : "Deputy", "names": deputies.joined(separator: "、"),
                ])
            }
            if let members = committee.members {
                let names = members.compactMap { name($0) }
                seats.append(["role": zh ? "委员" : "Members", "names": names.joined(separator: "、")])
            }
            var committeeContext: [String: Any] = ["seats": seats]
            if let elected = committee.elected?.value {
                committeeContext["elected"] = DateText.format(elected, language)
                let term = committee.termYears?.value ?? 3
                committeeContext["termEnds"] = DateText.format(
                    elected.addingMonths(12 * term), language)
            }
            context["committee"] = committeeContext
        }
        context["groups"] = org.groups.map { group -> [String: Any] in
            present([
                "name": group.name.text(in: language), "leader": name(group.leader),
                "members": group.members.compactMap { name($0) }.joined(separator: "、"),
            ])
        }
        context["scorecard"] = scorecard(org, language)
        context["report"] = reportHeading(org, language)
        for (key, value) in org.kind.value.isBranch
            ? calendar(org, language) : rollUp(org, language)
        {
            context[key] = value
        }
        context["due"] = due.filter { $0.org == org.path }.map { item -> [String: Any] in
            let itemState: OrgState = item.met || item.waived ? .met : .due
            return present([
                "what": item.what.text(in: language),
                "deadline": DateText.format(item.deadline, language),
                "planned": item.planned.map { DateText.format($0, language) },
                "state": itemState.context(language),
            ])
        }
        let all = org.records
        let items = all.indices.sorted {
            (all[$0].date.value, all[$0].file) > (all[$1].date.value, all[$1].file)
        }
        .map { recordItem(all[$0], org: org, language) }
        context["records"] = items.map(\.dictionary)
        // A branch may hold hundreds of records: each list item is its own small template
        // (`record-item.mustache`, no final line break: items are joined as they are), so
        // items of one shape are filled in rather than looked up tag by tag.
        let shared = base(language)
        var list: [UInt8] = []
        for item in items {
            list += try templates.render(
                base: shared, values: item, with: "record-item", in: language)
        }
        context["recordList"] = String(decoding: list, as: UTF8.self)
        if !org.posts.isEmpty { context["postsHref"] = urls.link(urls.posts(org.path, language)) }
        context["systems"] = systems(for: org).map { owner, system -> [String: Any] in
            [
                "title": system.title.text(in: language),
                "href": urls.link(urls.system(owner.path, system.slug, language)),
                "category": system.category.value.label.text(in: language),
            ]
        }
        return context
    }

    fileprivate func recordValues(
        _ record: ActivityRecord, org: Organization, _ language: Language
    ) -> RecordPageValues {
        let people = names(of: org)
        func name(_ id: Located<String>?) -> String? { id.map { people[$0.value] ?? $0.value } }
        let separator = language == .zh ? "、" : ", "
        var values = RecordPageValues(
            title: record.title.text(in: language),
            type: record.type.value.label.text(in: language),
            date: DateText.format(record.date.value, language),
            dateISO: record.date.value.description,
            time: record.time?.value,
            location: record.location?.text(in: language),
            host: name(record.host), recorder: name(record.recorder),
            lecturer: name(record.lecturer),
            topics: record.topics.map(\.value), decisions: record.decisions.map(\.value),
            html: record.body.html)
        if record.status.value != .held {
            values.status = UIStrings.table[record.status.value.rawValue + ".status"]?
                .text(in: language)
        }
        if !record.attendees.isEmpty {
            values.attendees = record.attendees.compactMap { name($0) }.joined(
                separator: separator)
        }
        if !record.absent.isEmpty {
            values.absent = record.absent.map { absence in
                let who = people[absence.member.value] ?? absence.member.value
                guard let reason = absence.reason?.value else { return who }
                return language == .zh ? "\(who)（\(reason)）" : "\(who) (\(reason))"
            }.joined(separator: separator)
        }
        if let hours = record.studyHours?.value {
            values.hours = hours == hours.rounded() ? String(Int(hours)) : String(hours)
        }
        return values
    }

    fileprivate func recordItem(_ record: ActivityRecord, org: Organization, _ language: Language)
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
                ? nil
                : UIStrings.table[record.status.value.rawValue + ".status"]?.text(in: language))
    }

    /// The window as words, for the headings of the heat-map and the chart.
    fileprivate func windowText(_ language: Language) -> String {
        let months = HeatMap.months(asOf: asOf, windowMonths: windowMonths)
        guard let first = months.first, let last = months.last else { return "" }
        return language == .zh
            ? "\(first.label.zh)至\(last.label.zh)" : "\(first.label.en) – \(last.label.en)"
    }

    fileprivate var windowMonths: Int { site.config.rules.windowMonths?.value ?? 12 }

    /// The print-only heading that makes a printed status page an inspection report.
    fileprivate func reportHeading(_ org: Organization, _ language: Language) -> [String: Any] {
        [
            "title": UIStrings.table["report"]?.text(in: language) ?? "",
            "org": org.name.text(in: language),
            "window": windowText(language),
        ]
    }

    /// A branch's heat-map, its legend and its participation chart (SPEC §4).
    fileprivate func calendar(_ org: Organization, _ language: Language) -> [String: Any] {
        let map = HeatMap(
            org: org, diagnostics: diagnostics, asOf: asOf, windowMonths: windowMonths)
        let chart = ParticipationChart(org: org, asOf: asOf, windowMonths: windowMonths)
        let name = org.name.text(in: language)
        let window = windowText(language)
        let zh = language == .zh
        return [
            "window": window,
            "heatmap": map.svg(
                language,
                name: zh ? "\(name)会议日历，\(window)" : "Meeting calendar of \(name), \(window)"),
            "legend": HeatMap.State.allCases.map { state -> [String: Any] in
                ["swatch": HeatMap.swatch(state), "label": state.label.text(in: language)]
            },
            "participation": chart.svg(
                language,
                name: zh
                    ? "\(name)月度参与率，\(window)" : "Monthly participation of \(name), \(window)"),
        ]
    }

    /// A general branch's or committee's summary of the organizations below it.
    fileprivate func rollUp(_ org: Organization, _ language: Language) -> [String: Any] {
        let summary = RollUp(
            org: org, site: site, diagnostics: diagnostics, asOf: asOf,
            windowMonths: windowMonths
        ) { state(of: $0, rollUp: true) }
        guard !summary.branches.isEmpty || !summary.findings.isEmpty else { return [:] }
        var context = summary.context(language, urls: urls)
        context["window"] = windowText(language)
        return ["rollup": context]
    }

    /// One row per rule that applies to the organization, in ID order, with its findings.
    fileprivate func scorecard(_ org: Organization, _ language: Language) -> [[String: Any]] {
        let own = diagnostics.filter { $0.org == org.path }
        let ownDue = due.filter { $0.org == org.path }
        return RuleRegistry.all.map { $0.descriptor }.filter { descriptor in
            switch descriptor.scope {
            case .branches: org.kind.value.isBranch
            case .allOrganizations, .content: true
            }
        }.map { descriptor -> [String: Any] in
            let findings = own.filter { $0.rule == descriptor.id }
            let rowState = OrgState.of(findings, due: ownDue.filter { $0.rule == descriptor.id })
            return [
                "id": descriptor.id.rawValue, "summary": descriptor.summary.text(in: language),
                "citation": descriptor.citation.text.text(in: language),
                "state": rowState.context(language),
                "findings": findings.map { finding -> [String: Any] in
                    present([
                        "message": MessageHTML.render(finding.message.text(in: language)),
                        "waiver": finding.waived ? finding.notes.last?.text(in: language) : nil,
                    ])
                },
            ]
        }
    }

    /// The posted systems that apply to an organization: its own and those of the ones above.
    fileprivate func systems(for org: Organization) -> [(Organization, DisplayedSystem)] {
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

    fileprivate func state(of org: Organization, rollUp: Bool) -> OrgState {
        let inScope: (String?) -> Bool = { path in
            guard let path else { return false }
            return path == org.path || (rollUp && path.hasPrefix(org.path + "/"))
        }
        return OrgState.of(
            diagnostics.filter { inScope($0.org) }, due: due.filter { inScope($0.org) })
    }

    /// The organization's member names by ID, from the table built once in `init`.
    fileprivate func names(of org: Organization) -> [String: String] {
        people[org.path] ?? [:]
    }

    /// Member names by ID: only `id` and `name` of a roster ever reach a page.
    fileprivate static func names(of org: Organization, in site: Site) -> [String: String] {
        var names: [String: String] = [:]
        let rosters =
            org.rosterFile != nil
            ? [org] : site.organizations.filter { $0.path.hasPrefix(org.path + "/") }
        for roster in rosters {
            for member in roster.members where names[member.id.value] == nil {
                names[member.id.value] = member.name.value
            }
        }
        return names
    }

    /// The trail of the organization at `index` in `site.organizations`, ending with it.
    fileprivate func trail(to index: Int, _ language: Language) -> [LayoutValues.Crumb] {
        trails[language]?[index]
            ?? Self.trails(of: site, urls: urls, language)[index]
    }

    /// The trail above the organization at `index`, without it: what its own status page shows.
    fileprivate func crumbs(above index: Int, _ language: Language) -> [LayoutValues.Crumb] {
        Array(trail(to: index, language).dropLast())
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

// MARK: - Files

extension SiteRenderer {
    fileprivate func robots() -> String {
        let base = site.config.baseURL?.value ?? ""
        var text = "User-agent: *\nAllow: /\n"
        if !base.isEmpty {
            text += "Sitemap: \(base.hasSuffix("/") ? base : base + "/")sitemap.xml\n"
        }
        return text
    }

    /// Every page's address, from the files sorted by path.
    fileprivate func sitemap(_ files: [RenderedFile]) -> [UInt8] {
        let base = site.config.baseURL?.value ?? "/"
        let root = base.hasSuffix("/") ? String(base.dropLast()) : base
        var xml: [UInt8] = []
        xml.reserveCapacity(files.count * (root.utf8.count + 40) + 120)
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        for file in files where file.path.hasSuffix("index.html") {
            let folder = file.path.utf8.dropLast("index.html".utf8.count)
            xml += "  <url><loc>".utf8
            var address = root
            address += "/"
            address += Substring(folder)
            address.withUTF8 { XML.append($0, to: &xml, apostrophe: "&apos;") }
            xml += "</loc></url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return xml
    }

    /// Every organization's state, scorecard and findings: the JSON of SPEC §2.1 per org.
    fileprivate func statusJSON() -> String {
        let json = JSONReport(language: site.config.defaultLanguage)
        var out =
            "{\"version\": 1, \"as_of\": \(JSON.string(asOf.description)), \"organizations\": ["
        for (index, org) in site.organizations.enumerated() {
            let own = diagnostics.filter { $0.org == org.path }
            out += index == 0 ? "\n  " : ",\n  "
            out +=
                "{\"org\": \(JSON.string(org.path)), \"name\": \(JSON.string(org.name.zh.value)), "
            out += "\"kind\": \(JSON.string(org.kind.value.rawValue)), "
            out += "\"status\": \"\(state(of: org, rollUp: true).key)\", "
            out += "\"summary\": {\"errors\": \(own.filter { $0.severity == .error }.count), "
            out += "\"warnings\": \(own.filter { $0.severity == .warning }.count), "
            out += "\"notes\": \(own.filter { $0.severity == .note }.count), "
            out += "\"waived\": \(own.filter(\.waived).count)}, "
            out += "\"diagnostics\": [" + own.map(json.object).joined(separator: ", ") + "]}"
        }
        return out + "\n]}\n"
    }

    /// A digest of every published file, for `build.json`: boards reload when it changes.
    /// Every file's path and fingerprint, in path order.
    fileprivate func digest(_ files: [RenderedFile]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(files.count * 96)
        for file in files {
            text += file.path.utf8
            text.append(0)
            text += file.fingerprint.utf8
            text.append(UInt8(ascii: "\n"))
        }
        return text
    }
}

/// A template context without its absent values: an optional left in would render as "nil".
func present(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
}

/// XML escaping for text and attribute values.
package enum XML {
    package static func escape(_ text: String) -> String {
        escape(text, apostrophe: "&apos;")
    }

    /// The five markup characters replaced; HTML pages spell the apostrophe `&#39;` (as
    /// swift-mustache does), XML files `&apos;`.
    static func escape(_ text: String, apostrophe: StaticString) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            // Most values (names, dates, Chinese titles) need no escaping: they come back as
            // they are, without a copy.
            guard bytes.contains(where: { replacement(for: $0, apostrophe: apostrophe) != nil })
            else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            append(bytes, to: &out, apostrophe: apostrophe)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The same onto bytes, for pages and files written as bytes: runs without any of the five
    /// (nearly all of a Chinese page) are copied whole.
    static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], apostrophe: StaticString
    ) {
        var start = 0
        for index in bytes.indices {
            guard let replacement = replacement(for: bytes[index], apostrophe: apostrophe) else {
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// What a byte is written as, if it is one of the five.
    @inline(__always)
    private static func replacement(for byte: UInt8, apostrophe: StaticString) -> StaticString? {
        // All five are below `?`; most bytes of Chinese text are far above it.
        guard byte < UInt8(ascii: "?") else { return nil }
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return apostrophe
        default: return nil
        }
    }
}

/// The per-language base contexts, built on first use by whichever thread asks first.
///
/// `[String: Any]` is not `Sendable`; the cache only hands out copies of values that are never
/// mutated after they are stored, under a lock.
private final class ContextCache: @unchecked Sendable {
    private let lock = Lock()
    private var contexts: [Language: [String: Any]] = [:]

    func value(for language: Language, make: () -> [String: Any]) -> [String: Any] {
        lock.withLock {
            if let context = contexts[language] { return context }
            let context = make()
            contexts[language] = context
            return context
        }
    }
}
