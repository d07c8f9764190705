import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// The site `zhibu init` writes checks clean on the day it is made, whatever the day.
struct ScaffoldTests {
    static let days = [
        "2026-12-01", "2026-12-02", "2027-01-01", "2027-03-31", "2027-06-30", "2027-12-31",
        "2028-02-29",
    ]

    @Test(arguments: days, [Language.zh, .en])
    func aNewSiteChecksCleanOnTheDayItIsMade(day: String, language: Language) throws {
        let today = try #require(LocalDate(parsing: day))
        let files = SiteScaffold.files(today: today, language: language)
        let tree = FileTree(
            files: files.filter { $0.key.hasPrefix("Content/") }.map {
                SourceFile(path: $0.key, text: $0.value)
            })
        let report = Pipeline.check(tree, asOf: today, jobs: 2, environment: [:])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message.en))")
        #expect(report.summary.organizations.count == 3)
        // A record of each common type, all dated today.
        let types = Set(
            files.keys.filter { $0.contains("/activities/") }.map {
                String($0.split(separator: "/").last?.dropFirst(6).dropLast(3) ?? "")
            })
        #expect(
            types.isSuperset(of: [
                "committee-meeting", "general-meeting", "party-lesson", "themed-day", "study",
                "org-life-meeting", "democratic-evaluation",
            ]))
        #expect(
            files.keys.contains {
                $0.hasPrefix("Content/orgs/committee/branch-1/activities/\(today.year)/")
            })
    }

    @Test func namesAreInTheLanguageAsked() throws {
        let today = try #require(LocalDate(parsing: "2027-05-04"))
        let zh = SiteScaffold.files(today: today, language: .zh)
        let en = SiteScaffold.files(today: today, language: .en)
        #expect(zh["Content/orgs/committee/org.yml"]?.contains("name: 示例机关党委") == true)
        #expect(
            en["Content/orgs/committee/org.yml"]?.contains("name: Example Party Committee") == true)
        #expect(en["Content/site.yml"]?.contains("languages: [en]") == true)
        #expect(zh["Content/site.yml"]?.contains("\nas_of:") == false)
        #expect(
            zh[".gitignore"]
                == "# zhibu's output and cache: built again by CI on every commit\nSite/\n.zhibu/\n"
        )
    }

    /// The CI files are YAML their services can read, and run check, then build.
    @Test func theCIFilesAreYAMLThatChecksThenBuilds() throws {
        let files = SiteScaffold.files(today: LocalDate(daysSinceEpoch: 20_000), language: .zh)
        for path in [".github/workflows/zhibu.yml", ".gitlab-ci.yml"] {
            let text = try #require(files[path])
            guard case .success(let node) = YAMLText.parse(text, file: path) else {
                Issue.record("\(path) is not YAML")
                continue
            }
            #expect(node?.mapping != nil)
        }
        // GitHub runs the zhibu Action (check, then build); GitLab checks, then builds.
        #expect(files[".github/workflows/zhibu.yml"]?.contains("/zhibu@v1") == true)
        let gitlab = try #require(files[".gitlab-ci.yml"])
        let check = try #require(gitlab.range(of: "zhibu check"))
        let build = try #require(gitlab.range(of: "zhibu build"))
        #expect(check.lowerBound < build.lowerBound)
        // The workflows are the templates the repository ships and lints in ci/.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        #expect(
            files[".github/workflows/zhibu.yml"]
                == (try String(
                    contentsOf: root.appendingPathComponent("ci/github-pages.yml"), encoding: .utf8))
        )
        #expect(
            files[".gitlab-ci.yml"]
                == (try String(
                    contentsOf: root.appendingPathComponent("ci/zhibu.gitlab-ci.yml"),
                    encoding: .utf8)))
        #expect(files[".gitlab-ci.yml"]?.contains("gl-code-quality-report.json") == true)
        // VS Code's settings name schemas that init wrote.
        let settings = try #require(files[".vscode/settings.json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(settings.utf8)) as? [String: Any])
        let schemas = try #require(object["yaml.schemas"] as? [String: String])
        #expect(schemas.count == 4)
        for path in schemas.keys { #expect(files[String(path.dropFirst(2))] != nil, "\(path)") }
    }
}
