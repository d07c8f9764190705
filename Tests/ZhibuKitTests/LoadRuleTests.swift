import Testing
import ZhibuKit
import ZhibuModel

/// Each `load.*` rule, with the exact line and column it reports.
@Suite struct LoadRuleTests {
    let recordPath = "Content/orgs/first/activities/2026/11-05-committee.md"

    @Test func theSmallSiteLoadsClean() {
        let result = TestSite.load([:])
        #expect(result.diagnostics.isEmpty)
        #expect(result.site.organizations.map(\.path) == ["first"])
        #expect(result.site.organizations.first?.members.count == 3)
    }

    @Test func missingRequiredFieldPointsAtTheMapping() {
        let result = TestSite.load([
            recordPath: TestSite.record("type: committee-meeting\ndate: 2026-11-05\n")
        ])
        #expect(result.places(.fieldMissing) == ["\(recordPath):2:1"])
        #expect(result.diagnostics(.fieldMissing).first?.message.en.contains("`title`") == true)
        #expect(result.site.organizations.first?.records.isEmpty == true)
    }

    @Test func scalarWhereAListBelongsIsAFieldTypeError() {
        let result = TestSite.load([
            recordPath: TestSite.record(
                "type: committee-meeting\ntitle: 支委会\ndate: 2026-11-05\nattendees: m001, m002\n")
        ])
        #expect(result.places(.fieldType) == ["\(recordPath):5:12"])
        #expect(result.diagnostics(.fieldType).first?.message.en == "`attendees` must be a list")
        // The record itself still loads.
        #expect(result.site.organizations.first?.records.count == 1)
    }

    @Test func unknownFieldSuggestsTheNearestName() {
        let result = TestSite.load([
            recordPath: TestSite.record(
                "type: committee-meeting\ntitel: 支委会\ndate: 2026-11-05\n")
        ])
        let unknown = result.diagnostics(.unknownField)
        #expect(result.places(.unknownField) == ["\(recordPath):3:1"])
        #expect(unknown.first?.severity == .warning)
        #expect(unknown.first?.help.first?.en == "did you mean `title`?")
    }

    @Test func unknownEnumValueSuggestsTheNearestValue() {
        let result = TestSite.load([
            recordPath: TestSite.record(
                "type: committee-meting\ntitle: 支委会\ndate: 2026-11-05\n")
        ])
        #expect(result.places(.fieldType) == ["\(recordPath):2:7"])
        #expect(
            result.diagnostics(.fieldType).first?.help.first?.en
                == "did you mean `committee-meeting`?")
    }

    @Test func impossibleDatesAreReported() {
        let result = TestSite.load([
            "Content/orgs/first/members.csv": TestSite.roster + "m004,赵强,full,2025-02-29,,\n"
        ])
        #expect(result.places(.dateInvalid) == ["Content/orgs/first/members.csv:5:14"])
        #expect(
            result.diagnostics(.dateInvalid).first?.message.en
                == "`joined` is 2025-02-29, a day that does not exist")
    }

    @Test func leapDaysAreRealDates() {
        let result = TestSite.load([
            "Content/orgs/first/members.csv": TestSite.roster + "m004,赵强,full,2024-02-29,,\n"
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func duplicateMemberIDKeepsTheFirst() {
        let result = TestSite.load([
            "Content/orgs/first/members.csv": TestSite.roster + "m002,李四,full,,,\n"
        ])
        #expect(result.places(.duplicateID) == ["Content/orgs/first/members.csv:5:1"])
        #expect(result.site.organizations.first?.member("m002")?.name.value == "李娜")
    }

    @Test func committeeReferenceToAnUnknownMemberSuggestsOne() {
        let result = TestSite.load([
            "Content/orgs/first/org.yml": """
            name: 第一党支部
            kind: branch
            established: 2019-03-01
            committee:
              secretary: m009

            """
        ])
        #expect(result.places(.referenceUnknown) == ["Content/orgs/first/org.yml:5:14"])
        #expect(
            result.diagnostics(.referenceUnknown).first?.help.first?.en == "did you mean `m001`?")
    }

    @Test func unsafeFolderIsSkippedWithASuggestedSlug() {
        let result = TestSite.load([
            "Content/orgs/Bad_Slug/org.yml": TestSite.branchYAML,
            "Content/orgs/Bad_Slug/members.csv": TestSite.roster,
        ])
        let unsafe = result.diagnostics(.pathUnsafe)
        #expect(unsafe.map(\.location.file) == ["Content/orgs/Bad_Slug"])
        #expect(unsafe.first?.location.line == nil)
        #expect(unsafe.first?.help.first?.en.contains("`bad-slug`") == true)
        #expect(result.site.organizations.map(\.path) == ["first"])
    }

    /// A static file may not take the name of a file zhibu makes at the root, the parts of a
    /// long sitemap (`sitemap-<N>.xml`) included; other names are free.
    @Test func aStaticFileMayNotTakeASitemapPartsName() {
        let result = TestSite.load([
            "Content/static/sitemap.xml": "<x/>\n",
            "Content/static/sitemap-2.xml": "<x/>\n",
            "Content/static/sitemap-news.xml": "<x/>\n",
            "Content/static/sitemap-.xml": "<x/>\n",
        ])
        #expect(
            result.diagnostics(.pathUnsafe).map(\.location.file).sorted() == [
                "Content/static/sitemap-2.xml", "Content/static/sitemap.xml",
            ])
        #expect(
            result.site.staticFiles.map(\.path).sorted() == ["sitemap-.xml", "sitemap-news.xml"])
    }

    @Test func tabIndentationIsExplained() {
        let result = TestSite.load([
            "Content/orgs/first/org.yml":
                "name: 第一党支部\nkind: branch\nestablished: 2019-03-01\ncommittee:\n\tsecretary: m001\n"
        ])
        let syntax = result.diagnostics(.yamlSyntax).filter { $0.severity == .error }
        #expect(syntax.count == 1)
        #expect(syntax.first?.location.line == 5)
        #expect(syntax.first?.help.contains { $0.en.contains("tabs") } == true)
    }

    @Test func duplicateKeysAreSyntaxErrors() {
        let result = TestSite.load([
            "Content/orgs/first/org.yml": TestSite.branchYAML + "name: 又一个名字\n"
        ])
        let errors = result.diagnostics(.yamlSyntax).filter { $0.severity == .error }
        #expect(errors.map(\.message.en) == ["field `name` appears twice"])
        // The organization is left out, and the note says so at its org.yml.
        #expect(result.site.organizations.isEmpty)
        let note = result.diagnostics(.yamlSyntax).filter { $0.severity == .note }
        #expect(note.map(\.location.file) == ["Content/orgs/first/org.yml"])
    }

    @Test func unclosedCSVQuoteIsLocatedAtTheQuote() {
        let result = TestSite.load([
            "Content/orgs/first/members.csv": "id,name,status\nm001,张伟,full\nm002,\"李娜,full\n"
        ])
        #expect(result.places(.csvSyntax) == ["Content/orgs/first/members.csv:3:6"])
    }

    @Test func gbkCSVIsRecognisedAndLocated() {
        // "m001,张伟,full" with 张伟 in GBK (D5 C5 CE B0).
        let bytes: [UInt8] =
            Array("id,name,status\nm001,".utf8) + [0xD5, 0xC5, 0xCE, 0xB0]
            + Array(",full\n".utf8)
        let result = TestSite.load([:], bytes: ["Content/orgs/first/members.csv": bytes])
        let encoding = result.diagnostics(.encoding)
        #expect(result.places(.encoding) == ["Content/orgs/first/members.csv:2:6"])
        #expect(encoding.first?.message.en == "file is not UTF-8 (it looks like GBK)")
        #expect(encoding.first?.help.first?.en.contains("CSV UTF-8") == true)
    }

    @Test func binaryJunkIsNotParsed() {
        let result = TestSite.load(
            [:], bytes: [recordPath: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]])
        #expect(result.diagnostics(.encoding).first?.message.en.contains("not a text file") == true)
    }

    @Test func oversizedFilesAreReportedUnread() {
        var files = TestSite.files([:]).map { SourceFile(path: $0.key, text: $0.value) }
        files.append(SourceFile(path: recordPath, bytes: [], skippedSize: 30 * 1024 * 1024))
        let result = ContentLoader.load(FileTree(files: files), jobs: 1)
        #expect(result.places(.fileTooLarge) == ["\(recordPath):0:0"])
        #expect(result.diagnostics(.fileTooLarge).first?.message.en.contains("30 MB") == true)
    }

    @Test func recordInAFolderWithoutOrgYAMLIsReported() {
        let result = TestSite.load([
            "Content/orgs/ghost/activities/2026/01-05-themed-day.md": TestSite.record(
                "type: themed-day\ntitle: 主题党日\ndate: 2026-01-05\n")
        ])
        let missing = result.diagnostics(.fieldMissing)
        #expect(missing.map(\.location.file) == ["Content/orgs/ghost/org.yml"])
        #expect(missing.first?.message.en.contains("1 file(s)") == true)
    }

    @Test func waiverForAnUnknownRuleSuggestsTheRule() {
        let result = TestSite.load([
            "Content/orgs/first/org.yml": TestSite.branchYAML + """
                waivers:
                  - { rule: meeting.themed-day-montly, period: 2026-02, reason: 春节, approved_by: 党委 }

                """
        ])
        #expect(result.places(.referenceUnknown) == ["Content/orgs/first/org.yml:7:13"])
        #expect(
            result.diagnostics(.referenceUnknown).first?.help.first?.en
                == "did you mean `meeting.themed-day-monthly`?")
    }

    @Test func recordDateOutsideItsYearFolderIsReported() {
        let result = TestSite.load([
            recordPath: TestSite.record(
                "type: committee-meeting\ntitle: 支委会\ndate: 2025-11-05\n")
        ])
        #expect(result.places(.dateInvalid) == ["\(recordPath):4:7"])
    }

    @Test func brokenAssetLinkIsLocatedInTheBody() {
        let result = TestSite.load([
            recordPath: TestSite.record(
                "type: committee-meeting\ntitle: 支委会\ndate: 2026-11-05\n",
                body: "纪要\n\n见附件 ![合影](/assets/photo.jpg)\n")
        ])
        #expect(result.places(.referenceUnknown) == ["\(recordPath):8:11"])
    }
}
