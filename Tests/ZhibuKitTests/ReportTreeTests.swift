import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// A build's report keeps the bytes of the files its findings point into, and no others: the
/// rest are let go of while the pages render (`Pipeline.build(tree:options:)`), yet every
/// finding is still printed with its source line.
struct ReportTreeTests {
    @Test func aBuildsReportKeepsOnlyTheFilesItQuotes() throws {
        var files = ExampleSite.files
        let path = ExampleSite.recordPath("2026-03-15", .themedDay)
        files[path] = ExampleSite.record(
            .themedDay, date: "2026-03-15", attendees: ["m01", "m99"])
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let built = try Pipeline.build(tree: tree, options: .init(jobs: 2, environment: [:]))

        let quoted = Set(built.report.diagnostics.map { $0.location.file })
        #expect(quoted.contains(path))
        let kept = Set(built.report.tree.files.map { $0.path })
        #expect(kept == quoted.intersection(Set(files.keys)))
        #expect(kept.count < files.count)

        // The unknown attendee is quoted from the record's line that names it.
        let text = HumanReport(language: .en).render(built.report)
        let line = try #require(
            files[path]?.split(separator: "\n", omittingEmptySubsequences: false)
                .first { $0.contains("m99") })
        #expect(text.contains("| " + line))
    }
}
