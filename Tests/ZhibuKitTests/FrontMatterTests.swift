import Testing
import ZhibuKit
import ZhibuModel

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let text = "---\ntitle: 十一月支委会\ndate: 2026-11-05\n---\n# 纪要\n正文\n"
        let split = try FrontMatter.split(text).get()
        #expect(split.yaml == "title: 十一月支委会\ndate: 2026-11-05\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# 纪要\n正文\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsWindowsLineEnds() throws {
        let split = try FrontMatter.split("---\r\ntitle: a\r\n---\r\nbody\r\n").get()
        #expect(split.yaml == "title: a\r\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func reportsMissingAndUnclosedFrontMatter() {
        #expect(FrontMatter.split("title: a\n") == .failure(.missing))
        #expect(FrontMatter.split("---\ntitle: a\nbody without end\n") == .failure(.unclosed))
        #expect(FrontMatter.split("----\ntitle: a\n---\n") == .failure(.missing))
    }

    @Test func yamlErrorsPointAtTheLineInTheFile() {
        // Line 4 of the file is line 3 of the YAML: the front-matter offset must be added.
        let result = TestSite.load([
            "Content/orgs/first/activities/2026/11-05-committee.md": TestSite.record(
                "type: committee-meeting\ntitle: 支委会\ndate: 2026-11-05\nattendees: [m001, m002\n"
            )
        ])
        let errors = result.diagnostics(.yamlSyntax)
        #expect(errors.count == 1)
        #expect(
            errors.first?.location.file == "Content/orgs/first/activities/2026/11-05-committee.md")
        #expect((errors.first?.location.line ?? 0) >= 5)
    }

    @Test func fieldLinesAreOffsetToTheFileOnDisk() {
        let result = TestSite.load([
            "Content/orgs/first/activities/2026/11-05-committee.md": TestSite.record(
                "type: committee-meeting\ntitle: 支委会\ndate: 2026-02-30\n")
        ])
        #expect(
            result.places(.dateInvalid) == [
                "Content/orgs/first/activities/2026/11-05-committee.md:4:7"
            ])
    }

    @Test func unclosedFrontMatterIsReportedAtTheOpeningLine() {
        let result = TestSite.load([
            "Content/orgs/first/notices/a.md": "---\ntitle: 通知\ndate: 2026-11-01\n\n正文\n"
        ])
        #expect(result.places(.yamlSyntax) == ["Content/orgs/first/notices/a.md:1:1"])
    }
}
