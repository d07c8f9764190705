import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

#if canImport(Glibc)
    import Glibc
#endif

/// Fixture sites under `Tests/Fixtures/`, each checked against its reviewed `Expected/check*.txt`.
@Suite struct FixtureTests {
    @Test func exampleSiteOnDiskIsClean() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let report = try Pipeline.check(.init(siteRoot: site.path))
        #expect(report.diagnostics.isEmpty)
        #expect(
            HumanReport(language: .en).render(report)
                == "checked 1 organization and 62 records as of 2026-11-24: 0 errors, 0 warnings, 0 notes\n"
        )
    }

    @Test func badInputGivesLocatedDiagnosticsAndKeepsTheGoodFiles() throws {
        let site = try Golden.copyFixture("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        try Golden.addGeneratedBadFiles(to: site)
        var report = try Pipeline.check(.init(siteRoot: site.path))
        // This fixture is about loading: the rules' findings on its broken branches are noise.
        report.diagnostics.removeAll { !$0.rule.rawValue.hasPrefix("load.") }

        try Golden.check(
            HumanReport(language: .en).render(report), against: "bad-input/Expected/check.txt")
        try Golden.check(
            HumanReport(language: .zh).render(report), against: "bad-input/Expected/check.zh.txt")

        // At least 15 kinds of broken input, each reported with a place.
        let files = Set(report.diagnostics.map(\.location.file))
        #expect(files.count >= 15)
        #expect(report.diagnostics.allSatisfy { !$0.location.file.isEmpty })
        let rules = Set(report.diagnostics.map(\.rule.rawValue))
        for rule in [
            "load.yaml-syntax", "load.csv-syntax", "load.encoding", "load.field-missing",
            "load.field-type", "load.date-invalid", "load.unknown-field", "load.duplicate-id",
            "load.reference-unknown", "load.path-unsafe", "load.file-too-large",
        ] {
            #expect(rules.contains(rule), "no \(rule) reported")
        }

        // The good files beside the bad ones still load.
        let loaded = ContentLoader.load(try FileTree.read(siteRoot: site.path, jobs: 2)).site
        let branchA = loaded.organization("branch-a")
        #expect(branchA?.records.map(\.slug).contains("01-05-themed-day") == true)
        #expect(branchA?.records.map(\.slug).contains("03-05-themed-day") == true)
        #expect(branchA?.members.map(\.id.value) == ["m001", "m002", "m003"])
        #expect(loaded.organization("branch-d")?.members.map(\.id.value) == ["d02"])
        // site.yml names an unknown rule: a configuration error.
        #expect(report.hasConfigErrors)
        #expect(report.exitCode(strict: false) == 2)
    }

    /// A named pipe (or a socket, or a link to one) among the content is named, not read:
    /// reading a pipe would wait for a writer forever, and skipping it in silence would hide a
    /// page the user meant to write. The survey of a no-change rebuild finishes as well.
    @Test func aNamedPipeIsReportedAndNotRead() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let pipe = "Content/pages/pipe.md"
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("Content/pages"), withIntermediateDirectories: true)
        #expect(mkfifo(site.appendingPathComponent(pipe).path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("Content/pages/to-pipe.md").path,
            withDestinationPath: "pipe.md")
        let tree = try FileTree.read(siteRoot: site.path, jobs: 2)
        #expect(!tree.files.contains { $0.path.hasSuffix("pipe.md") })
        let named = tree.problems.filter { $0.rule == .pathUnsafe }.map(\.location.file)
        #expect(named.sorted() == [pipe, "Content/pages/to-pipe.md"], "\(named)")
        #expect(tree.problems.allSatisfy { $0.message.en.contains("not a regular file") })
        let survey = try FileTree.survey(siteRoot: site.path, jobs: 2)
        #expect(survey.lines.filter { $0.contains("pipe.md") }.count == 2)
    }

    @Test func exampleSiteLoadsWithoutLoadDiagnostics() throws {
        let root = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent().path
        let report = try Pipeline.check(.init(siteRoot: root))
        let load = report.diagnostics.filter { $0.rule.rawValue.hasPrefix("load.") }
        #expect(
            load.isEmpty,
            "\(load.map { "\($0.location.file):\($0.location.line ?? 0) \($0.message.en)" })")
        let site = ContentLoader.load(try FileTree.read(siteRoot: root, jobs: 2)).site
        let kinds = Set(site.organizations.map(\.kind.value))
        #expect(kinds == [.committee, .branch, .jointBranch, .generalBranch])
        #expect(site.organizations.count >= 5)
        #expect(site.recordCount >= 300)
        #expect(
            site.organizations.allSatisfy { !$0.kind.value.isBranch || !$0.members.isEmpty })
    }

    /// The demo has no error, so that a CI job copied from the README is green on its first day,
    /// but one realistic warning and one approved waiver, so the portal has something true to
    /// show; every other organization is clean. (The CLI tests put two errors back.)
    @Test func exampleContentHasExactlyTheIntendedFindings() throws {
        let root = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent().path
        let report = try Pipeline.check(.init(siteRoot: root))
        let rd = "Content/orgs/jiguan-committee/rd-branch/"
        let found = report.diagnostics.map {
            "\($0.severity.rawValue) \($0.rule) \($0.location.file.replacingOccurrences(of: rd, with: "rd/")):"
                + "\($0.location.line ?? 0) \($0.period ?? "-")\($0.waived ? " waived" : "")"
        }
        #expect(
            found == [
                "warning record.absence-reason rd/activities/2026/10-12-group-meeting-g2.md:14 -",
                "note meeting.themed-day-monthly rd/org.yml:1 2026-02 waived",
            ])
        #expect(report.exitCode(strict: false) == 0)
        #expect(report.exitCode(strict: true) == 1)
    }

    @Test func outputIsTheSameWithOneJobOrMany() throws {
        let site = try Golden.copyFixture("bad-input")
        defer { try? FileManager.default.removeItem(at: site) }
        let one = try Pipeline.check(.init(siteRoot: site.path, jobs: 1))
        let many = try Pipeline.check(.init(siteRoot: site.path, jobs: 8))
        #expect(HumanReport(language: .en).render(one) == HumanReport(language: .en).render(many))
        #expect(JSONReport(language: .zh).render(one) == JSONReport(language: .zh).render(many))
    }

    @Test func missingSiteIsAToolError() {
        #expect(throws: LoadError.siteNotFound("/nonexistent/zhibu")) {
            try Pipeline.check(.init(siteRoot: "/nonexistent/zhibu"))
        }
        #expect(throws: LoadError.notASite(Golden.fixtures.path)) {
            try Pipeline.check(.init(siteRoot: Golden.fixtures.path))
        }
    }
}
