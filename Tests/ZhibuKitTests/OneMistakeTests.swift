import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// One mistake, one message: a problem already reported does not come back as the findings it
/// would cause, and where its fix is unambiguous the message gives it.
@Suite struct OneMistakeTests {
    static let meeting = ExampleSite.recordPath("2026-03-05", .committeeMeeting)

    /// The example site with `changes`, checked.
    static func check(_ changes: [String: String?]) -> CheckReport {
        RuleExampleTests.check(RuleExample(LocalizedText(zh: "", en: ""), changes: changes).files)
    }

    @Test(arguments: ["2026/3/5", "2026.3.5", "2026年3月5日", "2026-3-5", "2026/03/05"])
    func aDateWrittenAnotherWayIsOneErrorWithItsFix(written: String) throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let report = Self.check([
            Self.meeting: record.replacingOccurrences(
                of: "date: 2026-03-05", with: "date: \(written)")
        ])
        // The meeting still counts for March: no committee meeting is reported missing.
        #expect(report.diagnostics.map(\.rule.rawValue) == ["load.date-invalid"])
        let problem = try #require(report.diagnostics.first)
        #expect(problem.help.map(\.en) == ["write `2026-03-05`"])
        #expect(problem.help.map(\.zh) == ["改为 `2026-03-05`"])
        #expect(problem.fix == TextFix(original: written, replacement: "2026-03-05"))
        #expect(problem.location.file == Self.meeting && problem.location.line == 4)
    }

    @Test func aDayThatDoesNotExistStaysAnErrorWithoutAGuess() throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let report = Self.check([
            Self.meeting: record.replacingOccurrences(
                of: "date: 2026-03-05", with: "date: 2026/2/30")
        ])
        let problem = try #require(report.diagnostics.first { $0.rule == "load.date-invalid" })
        #expect(!problem.help.contains { $0.en.hasPrefix("write `") })
    }

    /// Seats of a committee name members of the rosters below it; when one of those rosters
    /// cannot be read (saved as GBK by Excel), the seats are not reported as unknown.
    @Test func aRosterThatCannotBeReadIsReportedOnceNotForEveryName() {
        let files = ExampleSite.underCommittee(seats: ["m01", "m02", "m03"])
        let clean = RuleExampleTests.check(files)
        #expect(!clean.diagnostics.contains { $0.rule == "load.reference-unknown" })
        var tree = files.map { SourceFile(path: $0.key, text: $0.value) }
        let roster = "Content/orgs/committee/branch/members.csv"
        tree.removeAll { $0.path == roster }
        // 张伟 in GBK: not UTF-8.
        tree.append(
            SourceFile(
                path: roster,
                bytes: Array("id,name,status,joined,full_since,group\nm01,".utf8) + [
                    0xD5, 0xC5, 0xCE, 0xB0,
                ] + Array(",full,2008-07-01,2009-07-01,\n".utf8)))
        let report = Pipeline.check(FileTree(files: tree), jobs: 2, environment: [:])
        #expect(report.diagnostics.contains { $0.rule == "load.encoding" })
        #expect(
            !report.diagnostics.contains { $0.rule == "load.reference-unknown" },
            "\(report.diagnostics.map(\.message.en))")
    }

    /// The Chinese names of the type, status and kind tables are the values themselves.
    @Test func chineseNamesOfTypesStatusesAndKindsAreAccepted() throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let report = Self.check([
            Self.meeting: record.replacingOccurrences(
                of: "type: committee-meeting", with: "type: 支委会\nstatus: 已召开"),
            "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                of: "kind: branch", with: "kind: 党支部"),
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message.en))")
        let planned = Self.check([
            Self.meeting: record.replacingOccurrences(
                of: "type: committee-meeting", with: "type: 支委会\nstatus: 计划")
        ])
        // Planned, so March has no held committee meeting.
        #expect(planned.diagnostics.map(\.rule.rawValue).contains("meeting.committee-monthly"))
    }

    /// libyaml notices a full-width colon on the next line; the error points at the colon.
    @Test func aFullWidthColonIsReportedOnItsOwnLine() throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let report = Self.check([
            Self.meeting: record.replacingOccurrences(of: "title: ", with: "title：")
        ])
        let problem = try #require(report.diagnostics.first { $0.rule == "load.yaml-syntax" })
        #expect(problem.location.line == 3)
        #expect(problem.location.column == 6)
        #expect(problem.help.contains { $0.en.contains("full-width") })
    }

    /// `[m01，m02，m03]` is one item to YAML: one error with the list to write, and the three
    /// attend, so no quorum, attendance or unknown-member finding follows.
    @Test(arguments: [
        ("attendees: [m01，m02，m03]", "m01，m02，m03", "m01, m02, m03"),
        ("attendees: [m01、m02、m03]", "m01、m02、m03", "m01, m02, m03"),
        ("attendees: m01, m02, m03", "m01, m02, m03", "[m01, m02, m03]"),
        ("attendees: m01，m02，m03", "m01，m02，m03", "[m01, m02, m03]"),
    ])
    func itemsSeparatedTheWrongWayAreOneErrorWithTheirFix(
        written: String, original: String, replacement: String
    ) throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        #expect(record.contains("attendees: [m01, m02, m03]"))
        let report = Self.check([
            Self.meeting: record.replacingOccurrences(
                of: "attendees: [m01, m02, m03]", with: written)
        ])
        #expect(report.diagnostics.map(\.rule.rawValue) == ["load.field-type"])
        let problem = try #require(report.diagnostics.first)
        #expect(problem.fix == TextFix(original: original, replacement: replacement))
        #expect(problem.help.contains { $0.en.contains(replacement) })
    }

    /// Free text keeps its commas: a topic is one item whatever it says.
    @Test func aCommaInsideATopicIsText() throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let report = Self.check([
            Self.meeting: record.replacingOccurrences(
                of: "attendees: [m01, m02, m03]",
                with: "attendees: [m01, m02, m03]\ntopics: [学习党章，交流心得]")
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message.en))")
    }

    /// A record without `type` lists the values, and names the one its file name gives.
    @Test(arguments: [
        ("2026-03-05", "committee-meeting", "committee-meeting"),
        ("2026-03-05", "三月支委会", "committee-meeting"),
        ("2026-03-05", "党史学习主题党日", "themed-day"),
        ("2026-03-05", "march", nil),
    ])
    func aMissingTypeIsGuessedFromTheFileName(date: String, name: String, guess: String?) throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let path = "Content/orgs/branch/activities/2026/\(name).md"
        var files = ExampleSite.files
        files[Self.meeting] = nil
        files[path] = record.replacingOccurrences(of: "type: committee-meeting\n", with: "")
        let report = RuleExampleTests.check(files)
        let missing = report.diagnostics.filter { $0.rule == "load.field-missing" }
        if name.unicodeScalars.allSatisfy(\.isASCII) {
            #expect(missing.count == 1, "\(report.diagnostics.map(\.message.en))")
            let problem = try #require(missing.first)
            #expect(problem.message.en.contains("`type`"))
            #expect(problem.help.contains { $0.en.contains("themed-day, org-life-meeting") })
            #expect(problem.help.contains { $0.zh.contains("themed-day（主题党日）") })
            if let guess {
                #expect(problem.help.first?.en.contains("suggests `type: \(guess)`") == true)
            } else {
                #expect(!problem.help.contains { $0.en.contains("suggests") })
            }
        } else {
            #expect(ContentPath.proposedSlug(for: name, in: "activities") == guess)
        }
    }

    /// A Chinese file name is skipped with a slug proposed in the site's own naming.
    @Test(arguments: [
        ("activities", "8月9日主题党日", "08-09-themed-day"),
        ("activities", "2026年10月12日支部委员会会议", "10-12-committee-meeting"),
        ("activities", "2026-8-9党课", "08-09-party-lesson"),
        ("activities", "0809学习", "08-09-study"),
        ("systems", "三会一课制度", "meetings"),
        ("posts", "党员先锋岗", "pioneer-post"),
        ("posts", "党员责任区", "responsibility-zone"),
        ("notices", "12月1日通知", "12-01-notice"),
    ])
    func aChineseFileNameGetsAProposedSlug(folder: String, name: String, slug: String) {
        #expect(ContentPath.proposedSlug(for: name, in: folder) == slug)
        let path =
            "Content/orgs/branch/\(folder)/\(folder == "activities" ? "2026/" : "")\(name).md"
        let problem = ContentPath.unsafeName(path, name: name, isFolder: false, in: folder)
        #expect(problem.help.first?.zh.hasSuffix("例如 `\(slug)`") == true, "\(problem.help)")
    }

    /// A record that fails to load but whose type and date lines can be read does not leave
    /// its month "without a committee meeting": that becomes a note at the broken file.
    @Test func aBrokenRecordIsNotReportedAsAMissingMeeting() throws {
        let record = try #require(ExampleSite.files[Self.meeting])
        let broken = record.replacingOccurrences(of: "title: ", with: "title: \"")
        #expect(broken != record)
        let report = Self.check([Self.meeting: broken])
        #expect(report.diagnostics.contains { $0.rule == "load.yaml-syntax" })
        let monthly = report.diagnostics.filter { $0.rule == "meeting.committee-monthly" }
        #expect(monthly.count == 1, "\(report.diagnostics.map(\.message.en))")
        let note = try #require(monthly.first)
        #expect(note.severity == .note)
        #expect(note.location.file == Self.meeting)
        #expect(note.period == "2026-03")
        #expect(report.errorCount == 1)
        // Without a readable date there is nothing to count: the month is reported as before.
        let dateless = broken.replacingOccurrences(of: "date: 2026-03-05", with: "date: 三月五日")
        let lost = Self.check([Self.meeting: dateless]).diagnostics.filter {
            $0.rule == "meeting.committee-monthly"
        }
        #expect(lost.map(\.severity) == [.error])
    }
}
