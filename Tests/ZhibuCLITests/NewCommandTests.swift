import Foundation
import Testing

/// `zhibu new` on the built binary, in a site `zhibu init` made.
struct NewCommandTests {
    let cli = CLITests()

    func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-new-\(UUID().uuidString)")
        let made = try cli.zhibu(["init", root.path])
        #expect(made.status == 0, "\(made.stderr)")
        return root
    }

    @Test func everyKindWritesAFileThatLoadsCleanAndNothingIsOverwritten() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        var written: [String] = []
        for arguments in [
            ["activity", "committee/branch-1"], ["activity", "committee/branch-1"],
            ["activity", "committee/branch-2", "--type", "party-lesson"],
            ["activity", "committee/branch-2", "--type", "支委会"],
            ["system", "committee/branch-1", "talks"], ["post", "committee/branch-2"],
            ["notice", "committee"], ["org", "committee", "branch-3"],
            // The other words for a kind: a record is an activity's, and the Chinese names.
            ["record", "committee/branch-1", "--type", "themed-day"], ["通知", "committee"],
        ] {
            let run = try cli.zhibu(["--site", root.path, "new"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let path = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(path.hasPrefix("Content/orgs/committee"), "\(path)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path))
            written.append(path)
        }
        // init wrote today's themed day already: each new one gets a name of its own.
        #expect(Set(written).count == written.count, "\(written)")
        #expect(written[0].hasSuffix("-themed-day-2.md"), "\(written[0])")
        #expect(written[1].hasSuffix("-themed-day-3.md"), "\(written[1])")
        #expect(written[3].contains("committee-meeting"), "\(written[3])")
        #expect(written[8].contains("/activities/") && written[8].contains("themed-day"))
        #expect(written[9].contains("/notices/"), "\(written[9])")
        let lesson = try String(
            contentsOf: root.appendingPathComponent(written[2]), encoding: .utf8)
        #expect(lesson.contains("lecturer: b2m01") && lesson.contains("host: b2m01"))
        let check = try cli.zhibu(["--site", root.path, "check", "--format", "json"])
        #expect(!check.stdout.contains("\"rule\": \"load."), "\(check.stdout)")
    }

    /// A site with no organization checks clean, so the report says where the first one
    /// goes; `.` names the top of the tree, and the hint is gone once an organization exists.
    @Test func anEmptySiteSaysHowToAddTheFirstOrganization() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/orgs"))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content/orgs"), withIntermediateDirectories: true)
        let empty = try cli.zhibu(["--site", root.path, "check", "--lang", "en"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(
            empty.stdout.contains(
                "Content/orgs/ has no organization yet: create one with `zhibu new org . "),
            "\(empty.stdout)")
        let chinese = try cli.zhibu(["--site", root.path, "check", "--lang", "zh"])
        #expect(chinese.stdout.contains("Content/orgs/ 里还没有组织"), "\(chinese.stdout)")
        let made = try cli.zhibu(["--site", root.path, "new", "org", ".", "committee-2"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "Content/orgs/committee-2/org.yml", "\(made.stdout)")
        let branch = try cli.zhibu(["--site", root.path, "new", "org", "./committee-2", "b1"])
        #expect(
            branch.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "Content/orgs/committee-2/b1/org.yml", "\(branch.stdout)\(branch.stderr)")
        let one = try cli.zhibu(["--site", root.path, "check", "--lang", "en"])
        #expect(one.stdout.contains("checked 2 organizations"), "\(one.stdout)")
        #expect(!one.stdout.contains("has no organization yet"), "\(one.stdout)")
    }

    @Test func anUnknownOrganizationGetsADidYouMean() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.zhibu(["--site", root.path, "new", "activity", "committee/brnch-1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("`committee/branch-1`"), "\(run.stderr)")
        let bad = try cli.zhibu(["--site", root.path, "new", "notice", "committee", "Bad Name"])
        #expect(bad.status == 2)
    }
}
