import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// `draft: true` is checked but neither published nor counted; `covers: <year>` lets a yearly
/// meeting count for the year it reviews (docs/formats.md, `draft` and `covers`).
struct DraftAndCoversTests {
    static let themedDay = ExampleSite.recordPath("2026-03-15", .themedDay)

    static func files(_ changes: [String: String?]) -> [String: String] {
        var files = ExampleSite.files
        for (path, text) in changes { files[path] = text }
        return files
    }

    static func tree(_ files: [String: String]) -> FileTree {
        FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
    }

    @Test func aDraftIsCheckedButCountsForNothing() throws {
        let draft = ExampleSite.record(
            .themedDay, date: "2026-03-15", attendees: ["m01", "m99"], extra: "draft: true\n")
        let report = RuleExampleTests.check(Self.files([Self.themedDay: draft]))
        // Checked: the unknown attendee is found.
        #expect(report.diagnostics.contains { $0.rule == "record.attendee-unknown" })
        // Not counted: March has no themed day the public could see.
        #expect(
            report.diagnostics.contains {
                $0.rule == "meeting.themed-day-monthly" && $0.period == "2026-03"
            })
    }

    /// A draft system is not on the wall yet: it does not meet `venue.required-systems`.
    @Test func aDraftSystemIsNotPosted() throws {
        let path = "Content/orgs/branch/systems/dues.md"
        let text = try #require(ExampleSite.files[path])
        let draft = text.replacingOccurrences(
            of: "posted: true\n", with: "posted: true\ndraft: true\n")
        #expect(draft != text)
        let report = RuleExampleTests.check(Self.files([path: draft]))
        #expect(report.diagnostics.contains { $0.rule == "venue.required-systems" })
    }

    @Test func aDraftIsPublishedOnlyWithDrafts() throws {
        let draft = ExampleSite.record(.themedDay, date: "2026-03-15", extra: "draft: true\n")
        let tree = Self.tree(Self.files([Self.themedDay: draft]))
        let page = "branch/activities/2026/03-15-themed-day/index.html"
        var options = Pipeline.Options(siteRoot: "/nonexistent", jobs: 2, environment: [:])
        let without = try Pipeline.build(tree: tree, options: options)
        #expect(without.files?.contains { $0.path == page } == false)
        #expect(without.site.draftCount == 1)
        options.drafts = true
        let with = try Pipeline.build(tree: tree, options: options)
        #expect(with.files?.contains { $0.path == page } == true)
        // Without the flag, the clean site has the page: the path is the right one.
        let clean = try Pipeline.build(tree: Self.tree(ExampleSite.files), options: options)
        #expect(clean.files?.contains { $0.path == page } == true)
    }

    @Test func aYearlyMeetingCountsForTheYearItCovers() throws {
        let december = ExampleSite.recordPath("2025-12-28", .orgLifeMeeting)
        let january = ExampleSite.recordPath("2026-01-10", .orgLifeMeeting)
        let moved = ExampleSite.record(.orgLifeMeeting, date: "2026-01-10", extra: "covers: 2025\n")
        let covered = RuleExampleTests.check(Self.files([december: nil, january: moved]))
        #expect(
            !covered.diagnostics.contains { $0.rule == "meeting.org-life-yearly" },
            "\(covered.diagnostics.map(\.message.en))")
        let plain = ExampleSite.record(.orgLifeMeeting, date: "2026-01-10")
        let uncovered = RuleExampleTests.check(Self.files([december: nil, january: plain]))
        #expect(
            uncovered.diagnostics.contains {
                $0.rule == "meeting.org-life-yearly" && $0.period == "2025"
            })
    }

    @Test(arguments: [
        (ActivityType.themedDay, "2026-03-15", "covers: 2025"),
        (.orgLifeMeeting, "2026-01-10", "covers: 2023"),
    ])
    func coversOnlyWhereItMeansSomething(type: ActivityType, date: String, line: String) {
        let path = ExampleSite.recordPath(date, type)
        let report = RuleExampleTests.check(
            Self.files([path: ExampleSite.record(type, date: date, extra: line + "\n")]))
        #expect(
            report.diagnostics.contains {
                $0.rule == "load.field-type" && $0.location.file == path
            },
            "\(report.diagnostics.map(\.message.en))")
    }
}
