import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules
import ZhibuTemplates

/// The registry of page kinds, and the site's own templates against the built-in ones.
@Suite struct PageKindsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func kindNamesAreUniqueSortedAndWellFormed() {
        let names = PageKinds.all.map { $0.name }
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        for name in names { #expect(name.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "\(name)") }
    }

    /// The jobs of every pass of a site, and the files a build of it renders.
    func jobsAndFiles(_ root: URL) throws -> (jobs: [PageJob], files: [RenderedFile], site: Site) {
        let tree = try FileTree.read(siteRoot: root.path, jobs: 2)
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2))
        let files = try #require(built.files)
        let renderer = try SiteRenderer(
            site: built.site, asOf: built.report.asOf,
            templates: TemplateSet.load(tree, languages: built.site.config.languages), jobs: 2)
        let jobs = RenderPass.allCases.flatMap { renderer.jobs(in: $0) }
        return (jobs, files, built.site)
    }

    /// No two jobs write one path, and every file the build makes is exactly one job's.
    @Test(arguments: ["example", "golden"])
    func everyFileIsOneJobsAndNoPathIsWrittenTwice(_ which: String) throws {
        let root: URL
        if which == "example" {
            root = Self.repository
        } else {
            root = try Golden.write(RenderTests.files())
        }
        defer { if which != "example" { try? FileManager.default.removeItem(at: root) } }
        let (jobs, files, site) = try jobsAndFiles(root)
        let paths = jobs.map(\.path).filter { !$0.isEmpty }
        let repeated = Dictionary(grouping: paths) { $0 }.filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "written twice: \(repeated.sorted())")
        // A job names its file, or a folder (the search fragments of a partition) whose files
        // are all its own: no other job's path is below it.
        let folders = paths.filter { $0.hasSuffix("/") }
        #expect(!folders.isEmpty)
        for folder in folders {
            #expect(
                !paths.contains { $0 != folder && $0.hasPrefix(folder) },
                "\(folder) holds another job's file")
        }
        let owned = files.map(\.path).map { path in
            folders.first { path.hasPrefix($0) } ?? path
        }
        #expect(Set(owned) == Set(paths))
        // Every kind has work on the example site, and each job names its organization. The
        // pages of a year's records are made only above 200 records of one organization, which
        // the example does not reach (`RecordYearPageTests` lowers the limit).
        if which == "example" {
            let kinds = Set(jobs.map { $0.kind.name })
            #expect(kinds == Set(PageKinds.all.map { $0.name }).subtracting(["record-year-page"]))
        }
        let orgs = Set(site.organizations.map(\.path))
        for job in jobs {
            guard let key = job.key else { continue }
            #expect(orgs.contains(key), "\(job.kind.name) \(job.path)")
            #expect(
                job.path.isEmpty || job.path.hasPrefix(key + "/")
                    || job.path.hasPrefix(job.language.rawValue + "/" + key + "/"),
                "\(job.kind.name): \(job.path) is not below \(key)")
        }
    }

    /// Files in `Templates/` are exactly the built-in templates compiled into the binary and
    /// the resources Package.swift embeds, so that none is forgotten in one of the three.
    @Test func theBuiltInTemplatesAreListedWherePackageSwiftEmbedsThem() throws {
        let folder = Self.repository.appendingPathComponent("Templates")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
        #expect(DefaultTemplates.files.keys.sorted() == onDisk)
        let manifest = try String(
            contentsOf: Self.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let embedded = manifest.matches(of: /\.embedInCode\("([^"]+)"\)/).map { String($0.1) }
        // ci/ holds the CI templates that `zhibu init` writes, embedded the same way.
        let ci = try FileManager.default.contentsOfDirectory(
            atPath: Self.repository.appendingPathComponent("ci").path
        ).filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }
        #expect(embedded.sorted() == (onDisk + ci).sorted())
        for (name, bytes) in DefaultTemplates.files {
            let file = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(Array(file) == bytes, "\(name) differs from the compiled-in copy")
        }
    }

    /// A misspelt override is reported with the name it most likely meant; a partial of the
    /// site's own is used where an override includes it; `_` and `.` names pass in silence.
    @Test func aTemplateNoBuildUsesIsAWarning() throws {
        var files = ExampleSite.files
        files["Templates/orgs.mustache"] = "<h1>{{name}}</h1>\n"
        files["Templates/notes.txt"] = "my notes\n"
        files["Templates/_drafts/page.mustache"] = "draft\n"
        files["Templates/.gitkeep"] = ""
        files["Templates/motto.mustache"] = "<p class=\"motto\">不忘初心</p>"
        files["Templates/page.mustache"] = "<article><h1>{{title}}</h1>{{> motto}}</article>\n"
        files["Content/pages/about.md"] = "---\ntitle: 关于\n---\n正文。\n"
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let report = Pipeline.check(tree, jobs: 2, environment: [:])
        let unused = report.diagnostics.filter { $0.rule == "load.template-unknown" }
        #expect(unused.map(\.location.file) == ["Templates/notes.txt", "Templates/orgs.mustache"])
        #expect(unused.allSatisfy { $0.severity == .warning })
        let orgs = try #require(unused.last)
        #expect(orgs.help.first?.en == "did you mean `org.mustache`?")
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2, environment: [:]))
        let about = try #require(built.files?.first { $0.path == "about/index.html" })
        #expect(
            String(decoding: about.bytes, as: UTF8.self).contains(
                "<article><h1>关于</h1><p class=\"motto\">不忘初心</p></article>"))
    }
}
