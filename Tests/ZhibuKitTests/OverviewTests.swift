import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The inspector's view: status words that mean one thing each, a committee's overview of the
/// branches below it, its CSV and `status.json`, and a page whose time grows with the branches
/// rather than with branches × findings.
@Suite struct OverviewTests {
    /// A committee `c` with `count` copies of the clean example branch; `change` edits the
    /// files of branch number `n` (1-based), given its folder.
    static func committee(
        _ count: Int, change: (Int, String, inout [String: String]) -> Void = { _, _, _ in }
    ) -> [String: String] {
        var files = ["Content/site.yml": ExampleSite.siteYAML]
        files["Content/orgs/c/org.yml"] =
            "name: 测试机关党委\nname_en: Test Committee\nkind: committee\nestablished: 2010-01-01\n"
            + "committee:\n  secretary: m01\n"
        for number in 1...count {
            let folder = "Content/orgs/c/b\(String(format: "%04d", number))/"
            var branch: [String: String] = [:]
            for (path, text) in ExampleSite.files where path.hasPrefix("Content/orgs/branch/") {
                branch[folder + path.dropFirst("Content/orgs/branch/".count)] = text
            }
            if let org = branch[folder + "org.yml"] {
                branch[folder + "org.yml"] = org.replacingOccurrences(
                    of: "name: 示例党支部", with: "name: 第\(number)党支部")
            }
            change(number, folder, &branch)
            files.merge(branch) { $1 }
        }
        return files
    }

    static func build(_ files: [String: String]) throws -> (BuildResult, [String: String]) {
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let output = try #require(built.files, "load errors: \(built.report.diagnostics.prefix(3))")
        return (
            built,
            Dictionary(
                uniqueKeysWithValues: output.map {
                    ($0.path, String(decoding: $0.bytes, as: UTF8.self))
                })
        )
    }

    // MARK: - Status words

    @Test func aWarningIsAttentionAnOpenItemIsDueAndAPlannedOneIsMet() throws {
        let warning = Diagnostic(
            rule: "meeting.lesson-quarterly", severity: .warning,
            message: LocalizedText(zh: "w", en: "w"), location: SourceLocation(file: "a"), org: "b")
        let open = DueItem(
            rule: "meeting.org-life-yearly", org: "b", period: "2026",
            what: LocalizedText(zh: "组织生活会", en: "org-life meeting"),
            deadline: try #require(LocalDate(year: 2026, month: 12, day: 31)), met: false)
        var planned = open
        planned.planned = try #require(LocalDate(year: 2026, month: 12, day: 20))
        #expect(OrgState.of([warning], due: []) == .attention)
        #expect(OrgState.of([], due: [open]) == .due)
        #expect(OrgState.of([], due: [planned]) == .met)
        #expect(OrgState.of([warning], due: [open]) == .attention)
        var waived = warning
        waived.waived = true
        #expect(OrgState.of([waived], due: [planned]) == .met)
        #expect(Set(OrgState.allCases.map(\.icon)).count == 4)
        for language in Language.allCases {
            #expect(Set(OrgState.allCases.map { $0.label(language) }).count == 4)
        }
    }

    /// A roll-up whose own scorecard is clean says so, and says why it is not met below.
    @Test func aRollUpSaysWhyItIsNotMet() throws {
        let files = Self.committee(3) { number, folder, branch in
            guard number == 2 else { return }
            branch[folder + "activities/2026/07-05-committee-meeting.md"] = nil
        }
        let (_, pages) = try Self.build(files)
        let committee = try #require(pages["c/index.html"])
        #expect(committee.contains("本级达标；下属 3 个党支部中 1 个未达标"))
        let english = try #require(pages["en/c/index.html"])
        #expect(english.contains("This level: met; of the 3 branches below, 1 not met"))
        // The branch to look at first is named with its reason, in words.
        #expect(committee.contains("2026年7月没有召开支部委员会会议"))
        // The detailed findings stay on the branch's page: the committee lists no scorecard
        // rows of its branches.
        #expect(!committee.contains("meeting.committee-monthly</code> ·"))
    }

    // MARK: - Matrix, CSV, status.json

    @Test func theMatrixIsWorstFirstAndTheCSVOpensInExcel() throws {
        let files = Self.committee(4) { number, folder, branch in
            if number == 3 {
                branch[folder + "activities/2026/07-05-committee-meeting.md"] = nil
                branch[folder + "activities/2026/08-05-committee-meeting.md"] = nil
            }
            if number == 4 {
                // A name that a spreadsheet would take for a formula.
                branch[folder + "org.yml"] = branch[folder + "org.yml"]?.replacingOccurrences(
                    of: "name: 第4党支部", with: "name: \"=1+1, 第四\"")
            }
        }
        let (_, pages) = try Self.build(files)
        let committee = try #require(pages["c/index.html"])
        let rows = committee.components(separatedBy: "<tr><th scope=\"row\"").dropFirst()
        #expect(rows.first?.contains("第3党支部") == true)
        #expect(rows.first?.contains("缺 2") == true)
        let csv = try #require(pages["c/overview.csv"])
        let bytes = Array(csv.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.contains("\r\n"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("c/b0003,第3党支部,测试机关党委,未达标,未达标,10,12,"))
        #expect(lines.contains { $0.hasPrefix("c/b0004,\"'=1+1, 第四\",") })
        #expect(pages["overview.csv"] != nil)
    }

    /// A page with more branches below it than its matrix lists keeps the worst ones and says
    /// how many it left out; the counts and `overview.csv` still cover every branch. Under the
    /// limit nothing is said. (The limit, 500, is lowered to 2 here.)
    @Test func aLongMatrixListsTheBranchesToLookAtFirstAndSaysSo() throws {
        let files = Self.committee(4) { number, folder, branch in
            if number == 3 {
                branch[folder + "activities/2026/07-05-committee-meeting.md"] = nil
            }
        }
        func page(limit: Int?) throws -> String {
            try Self.page(files, path: "c/index.html") { if let limit { $0.matrixLimit = limit } }
        }
        /// The rows of the matrix's table alone: the page's other tables have rows too.
        func matrixRows(_ html: String) -> [Substring] {
            guard let start = html.range(of: "<table class=\"data matrix sortable\">"),
                let end = html[start.upperBound...].range(of: "</table>")
            else { return [] }
            return Array(
                html[start.upperBound..<end.lowerBound]
                    .components(separatedBy: "<tr><th scope=\"row\"").dropFirst().map {
                        Substring($0)
                    })
        }
        let cut = try page(limit: 2)
        let rows = matrixRows(cut)
        #expect(rows.count == 2)
        #expect(rows.first?.contains("第3党支部") == true)
        #expect(cut.contains("表中只列出最需关注的 2 个（共 4 个）"), "\(cut)")
        let whole = try page(limit: nil)
        #expect(matrixRows(whole).count == 4)
        #expect(!whole.contains("表中只列出"))
        #expect(Overview.matrixLimit == 500)
    }

    /// When the matrix leaves branches out, a page sums up the branches of each organization
    /// below it in a row of its own: the completion rate of each requirement over all of
    /// them, coloured as the worst, whatever the matrix left out. A home page whose only root
    /// is a committee shows that committee's children; a page whose children are all branches
    /// has no such rows, and neither has a page whose matrix lists every branch.
    @Test func aCutMatrixIsSummedUpByTheOrganizationsBelow() throws {
        var files = Self.committee(5) { number, folder, branch in
            if number == 3 {
                branch[folder + "activities/2026/07-05-committee-meeting.md"] = nil
            }
        }
        // Branches 1–2 under general branch g1, 3–5 under g2.
        for (path, text) in files where path.hasPrefix("Content/orgs/c/b") {
            let number = Int(path.dropFirst("Content/orgs/c/b".count).prefix(4)) ?? 0
            files[path] = nil
            files[
                path.replacingOccurrences(
                    of: "orgs/c/", with: number <= 2 ? "orgs/c/g1/" : "orgs/c/g2/")] = text
        }
        for (slug, name) in [("g1", "第一党总支"), ("g2", "第二党总支")] {
            files["Content/orgs/c/\(slug)/org.yml"] =
                "name: \(name)\nkind: general-branch\nestablished: 2010-01-01\n"
                + "committee:\n  secretary: m01\n"
        }
        func rollup(_ html: String) -> [String] {
            guard let start = html.range(of: "<table class=\"data matrix rollup sortable\">"),
                let end = html[start.upperBound...].range(of: "</table>")
            else { return [] }
            return html[start.upperBound..<end.lowerBound]
                .components(separatedBy: "<tr><th scope=\"row\"").dropFirst().map { $0 }
        }
        /// The title and text of a row's first requirement cell (支委会, monthly).
        func firstCell(_ row: String) -> (title: String, text: String)? {
            guard let cell = row.components(separatedBy: "<td class=\"cell ").dropFirst().first,
                let title = cell.components(separatedBy: "title=\"").dropFirst().first?
                    .components(separatedBy: "\"").first,
                let text = cell.components(separatedBy: "</span> ").dropFirst().first?
                    .components(separatedBy: "</td>").first
            else { return nil }
            return (title, text)
        }
        for path in ["c/index.html", "index.html"] {
            let cut = try Self.page(files, path: path) { $0.matrixLimit = 2 }
            let rows = rollup(cut)
            #expect(rows.count == 2, "\(path)")
            guard rows.count == 2 else { continue }
            // Worst first: g2 holds the branch that missed a meeting.
            #expect(rows[0].contains("href=\"/c/g2/\""))
            #expect(rows[1].contains("href=\"/c/g1/\""))
            #expect(rows[0].contains("<td class=\"num\" data-value=\"3\">3</td>"))
            #expect(rows[1].contains("<td class=\"num\" data-value=\"2\">2</td>"))
            // g1's two clean branches: every month met, n of them each.
            let clean = try #require(firstCell(rows[1]))
            let parts = clean.title.components(separatedBy: " ").first?.split(separator: "/")
            let met = try #require(parts.flatMap { Int($0[0]) })
            #expect(clean.title == "\(met)/\(met) 个支部·月" && met % 2 == 0)
            #expect(clean.text == "100%")
            #expect(rows[1].contains("<td class=\"cell met\""))
            // g2's three branches: the same months each, one of them missed.
            let months = met / 2
            let missing = try #require(firstCell(rows[0]))
            #expect(missing.title == "\(3 * months - 1)/\(3 * months) 个支部·月")
            #expect(missing.text == "\((3 * months - 1) * 100 / (3 * months))%")
            #expect(rows[0].contains("<td class=\"cell unmet\""))
        }
        let g2 = try Self.page(files, path: "c/g2/index.html") { $0.matrixLimit = 1 }
        #expect(g2.contains("表中只列出最需关注的 1 个（共 3 个）"))
        #expect(rollup(g2).isEmpty)
        #expect(!g2.contains("rollup-title"))
        let whole = try Self.page(files, path: "c/index.html") { _ in }
        #expect(rollup(whole).isEmpty)
        #expect(!whole.contains("rollup-title"))
        let english = try Self.page(files, path: "en/c/index.html") { $0.matrixLimit = 2 }
        #expect(english.contains("Organizations below × requirements"))
        #expect(rollup(english).count == 2)
    }

    /// A renderer of `files`, and its context showing their findings.
    static func rendering(_ files: [String: String]) throws -> (SiteRenderer, RenderContext) {
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let templates = try TemplateSet.load(tree, languages: built.site.config.languages)
        let renderer = try SiteRenderer(
            site: built.site, asOf: built.report.asOf, templates: templates, jobs: 1)
        var context = renderer.context
        context.show(Findings(diagnostics: built.report.diagnostics, due: built.report.due))
        return (renderer, context)
    }

    /// The page at `path` of `files`, rendered with the limits lowered.
    static func page(
        _ files: [String: String], path: String,
        limits: (inout RenderContext) -> Void
    ) throws -> String {
        var (renderer, context) = try rendering(files)
        limits(&context)
        renderer.context = context
        let job = try #require(renderer.jobs(in: .findings).first { $0.path == path })
        guard case .file(let html) = try job.kind.render(job, context) else {
            Issue.record("the page is one file")
            return ""
        }
        return String(decoding: html.bytes, as: UTF8.self)
    }

    /// When the matrix leaves branches out, the committee's page lists those of its own
    /// branches among the organizations below it: each branch is still linked from the page
    /// above it, which the home page's tree may be all that leads to.
    @Test func aBranchLeftOutOfTheMatrixIsListedBelowItsCommittee() throws {
        let files = Self.committee(4)
        let cut = try Self.page(files, path: "c/index.html") {
            $0.matrixLimit = 1
        }
        func section(_ html: String, from start: String, to end: String) -> String {
            guard let from = html.range(of: start),
                let to = html[from.upperBound...].range(of: end)
            else { return "" }
            return String(html[from.upperBound..<to.lowerBound])
        }
        let matrix = section(cut, from: "<table class=\"data matrix sortable\">", to: "</table>")
        let below = section(cut, from: "id=\"children-title\"", to: "</ul>")
        for number in 1...4 {
            let href = "href=\"/c/b\(String(format: "%04d", number))/\""
            #expect(matrix.contains(href) != below.contains(href), "\(href) in one of them")
        }
        #expect(below.components(separatedBy: "href=").count - 1 == 3)
        let whole = try Self.page(files, path: "c/index.html") { _ in }
        #expect(!whole.contains("id=\"children-title\""))
    }

    /// A home page of more organizations than its tree lists shows whole levels from the top
    /// and says how many it left out; under the limit the whole tree shows and nothing is
    /// said. (The limit, 500, is lowered here.)
    @Test func aLargeTreeListsItsTopLevelsAndSaysSo() throws {
        var files = Self.committee(4)
        // A branch whose folder above has no org.yml: at the top of the tree, and listed.
        for (path, text) in files where path.hasPrefix("Content/orgs/c/b0001/") {
            files["Content/orgs/o/b/" + path.dropFirst("Content/orgs/c/b0001/".count)] = text
        }
        let cut = try Self.page(files, path: "index.html") {
            #expect($0.treeLimit == 500)
            $0.treeLimit = 5
        }
        let tree = try #require(
            cut.components(separatedBy: "<ul class=\"tree\">").dropFirst().first?
                .components(separatedBy: "</ul>").first)
        #expect(tree.contains("href=\"/c/\""))
        #expect(tree.contains("href=\"/o/b/\""))
        #expect(!tree.contains("href=\"/c/b0001/\""))
        #expect(cut.contains("只列出上面 1 级的 2 个组织（共 6 个）"), "\(cut)")
        let fits = try Self.page(files, path: "index.html") { $0.treeLimit = 6 }
        #expect(fits.contains("href=\"/c/b0004/\""))
        #expect(!fits.contains("只列出上面"))
    }

    /// A committee's board lists at most 120 branches to look at first and 500 organizations
    /// below, and a line says how many more the portal has. (The limits are lowered to 1
    /// here.)
    @Test func aBoardsListsOfBranchesStopShortAndSaySo() throws {
        let files = Self.committee(4) { number, folder, branch in
            if number >= 3 {
                branch[folder + "activities/2026/07-05-committee-meeting.md"] = nil
            }
        }
        let cut = try Self.page(files, path: "c/board/index.html") {
            #expect($0.boardAttentionLimit == 120 && $0.boardBranchesLimit == 500)
            $0.boardAttentionLimit = 1
            $0.boardBranchesLimit = 1
        }
        func slide(_ html: String, _ kind: String) -> String {
            guard let start = html.range(of: "class=\"slide slide-\(kind)\""),
                let end = html[start.upperBound...].range(of: "</section>")
            else { return "" }
            return String(html[start.upperBound..<end.lowerBound])
        }
        let attention = slide(cut, "attention")
        #expect(attention.components(separatedBy: "<span class=\"what\">").count - 1 == 1)
        #expect(attention.contains("第3党支部"))
        // Every branch here has something due, so all four are listed when they fit.
        #expect(attention.contains("另有 3 个党支部未达标或需关注"), "\(attention)")
        let branches = slide(cut, "branches")
        #expect(branches.components(separatedBy: "<span class=\"what\">").count - 1 == 1)
        #expect(branches.contains("另有 3 个下属组织"), "\(branches)")
        let whole = try Self.page(files, path: "c/board/index.html") { _ in }
        #expect(
            slide(whole, "attention").components(separatedBy: "<span class=\"what\">").count - 1
                == 4)
        #expect(
            slide(whole, "branches").components(separatedBy: "<span class=\"what\">").count - 1 == 4
        )
        #expect(!whole.contains("另有"))
    }

    @Test func statusJSONCarriesScorecardsDueItemsAndTheMatrix() throws {
        let (_, pages) = try Self.build(Self.committee(2))
        let data = Data(try #require(pages["status.json"]).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let orgs = try #require(json["organizations"] as? [[String: Any]])
        let branch = try #require(orgs.first { $0["org"] as? String == "c/b0001" })
        let scorecard = try #require(branch["scorecard"] as? [[String: Any]])
        #expect(scorecard.count > 20)
        #expect(scorecard.allSatisfy { $0["rule"] is String && $0["status"] is String })
        let due = try #require(branch["due"] as? [[String: Any]])
        #expect(due.contains { $0["rule"] as? String == "meeting.org-life-yearly" })
        #expect(due.allSatisfy { $0["deadline"] is String && $0["status"] is String })
        let matrix = try #require(branch["matrix"] as? [[String: Any]])
        #expect(matrix.count == (json["requirements"] as? [String])?.count)
        let committee = try #require(orgs.first { $0["org"] as? String == "c" })
        let below = try #require(committee["branches_below"] as? [String: Int])
        #expect(below.values.reduce(0, +) == 2)
        #expect(committee["own_status"] as? String == "met")
    }

    /// A rule turned off does not run, so no page may call it met.
    @Test func aRuleTurnedOffHasNoRowAndNoColumn() throws {
        var files = Self.committee(2)
        files["Content/site.yml"] =
            ExampleSite.siteYAML + "rules:\n  severity:\n    meeting.lesson-quarterly: off\n"
        let (_, pages) = try Self.build(files)
        let branch = try #require(pages["c/b0001/index.html"])
        #expect(branch.contains("<code>meeting.committee-monthly</code>"))
        #expect(!branch.contains("<code>meeting.lesson-quarterly</code>"))
        let committee = try #require(pages["c/index.html"])
        #expect(!committee.contains("党课（每季度）"))
        #expect(pages["status.json"]?.contains("\"meeting.lesson-quarterly\"") == false)
    }

    // MARK: - Time

    /// The committee page of 4n branches takes about four times as long as that of n, not
    /// sixteen: it reads each branch's summary once, never every finding per branch.
    @Test func aCommitteePageTakesTimeInProportionToItsBranches() throws {
        func seconds(_ count: Int) throws -> Double {
            // Every branch misses its committee meetings: many findings per branch.
            let files = Self.committee(count) { _, folder, branch in
                for key in branch.keys where key.contains("committee-meeting") {
                    branch[key] = nil
                }
                _ = folder
            }
            let (renderer, context) = try Self.rendering(files)
            let job = try #require(
                renderer.jobs(in: .findings).first {
                    $0.kind.name == "org-status-page" && $0.key == "c"
                })
            // The best of fifteen: a busy machine preempts some renders, rarely all of them.
            var best = Double.infinity
            for _ in 0..<15 {
                let start = Date()
                _ = try job.kind.render(job, context)
                best = min(best, Date().timeIntervalSince(start))
            }
            return best
        }
        let small = try seconds(40)
        let large = try seconds(160)
        #expect(large / small < 8, "40 branches: \(small) s, 160 branches: \(large) s")
    }
}
