import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The human report tells a run of periods once; the machine formats keep one per period.
struct HumanReportTests {
    /// The example site without its themed days of the given months of 2026.
    static func withoutThemedDays(_ months: [Int]) -> CheckReport {
        var files = ExampleSite.files
        for month in months {
            let date = "2026-\(month < 10 ? "0" : "")\(month)-15"
            files[ExampleSite.recordPath(date, .themedDay)] = nil
        }
        return RuleExampleTests.check(files)
    }

    static func lines(_ report: CheckReport, _ language: Language) -> [String] {
        HumanReport(language: language).render(report).split(separator: "\n").map(String.init)
            .filter { $0.contains("[meeting.themed-day") }
    }

    @Test func consecutiveMonthsAreOneMessage() throws {
        let report = Self.withoutThemedDays([2, 3, 4, 5, 6])
        let perMonth = report.diagnostics.filter {
            $0.rule.rawValue.hasPrefix("meeting.themed-day")
        }
        #expect(perMonth.count == 5)
        let zh = Self.lines(report, .zh)
        #expect(zh.count == 1, "\(zh)")
        #expect(zh.first?.hasSuffix("2026年2月至2026年6月，共 5 个月没有召开主题党日") == true, "\(zh)")
        let en = Self.lines(report, .en)
        #expect(en.count == 1, "\(en)")
        #expect(en.first?.contains("in 5 months, ") == true, "\(en)")
    }

    @Test func aGapSplitsTheRun() throws {
        let report = Self.withoutThemedDays([2, 3, 5])
        let zh = Self.lines(report, .zh)
        #expect(zh.count == 2, "\(zh)")
        #expect(zh.first?.hasSuffix("2026年2月至2026年3月，共 2 个月没有召开主题党日") == true, "\(zh)")
        #expect(zh.last?.hasSuffix("2026年5月没有召开主题党日") == true, "\(zh)")
    }

    @Test func aSingleMonthIsToldAsBefore() throws {
        let zh = Self.lines(Self.withoutThemedDays([7]), .zh)
        #expect(zh.count == 1 && zh.first?.hasSuffix("2026年7月没有召开主题党日") == true, "\(zh)")
    }

    /// A file saved with Windows line endings is quoted under its diagnostic like any other.
    @Test func quotesTheLineOfAFileWithWindowsLineEndings() throws {
        let meeting = ExampleSite.recordPath("2026-03-05", .committeeMeeting)
        var files = ExampleSite.files
        files[meeting] = files[meeting]?.replacingOccurrences(
            of: "date: 2026-03-05", with: "date: 2026/3/5"
        ).replacingOccurrences(of: "\n", with: "\r\n")
        let text = HumanReport(language: .en).render(RuleExampleTests.check(files))
        #expect(text.contains(" 4 | date: 2026/3/5\n"), "\(text)")
    }

    /// Thousands of findings render in runs on all cores; the text must be the one a single
    /// pass gives, in order, each source line quoted from its own file, tabs widened.
    @Test func aLongReportIsTheSameTextAsOnePass() throws {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for index in 0..<40 {
            let path = "Content/orgs/committee/branch-\(index)/org.yml"
            files.append(
                SourceFile(
                    path: path,
                    bytes: Array("name: 第\(index)党支部\nsecretary:\tM\(index)\nmembers: []\n".utf8)))
            for line in 1...3 {
                for repeat_ in 0..<5 {
                    diagnostics.append(
                        Diagnostic(
                            rule: "meeting.committee-monthly",
                            severity: repeat_ == 0 ? .error : .warning,
                            message: LocalizedText(
                                zh: "第 \(index) 号文件第 \(repeat_) 条",
                                en: "file \(index), finding \(repeat_)"),
                            location: SourceLocation(file: path, line: line, column: 3, length: 4),
                            help: [LocalizedText(zh: "补上", en: "add it")]))
                }
            }
        }
        let base = RuleExampleTests.check(ExampleSite.files)
        let report = CheckReport(
            summary: base.summary, diagnostics: diagnostics, due: [], asOf: base.asOf,
            tree: FileTree(files: files))
        for language in [Language.zh, .en] {
            let printer = HumanReport(language: language)
            var lines = SourceLines(tree: report.tree)
            var expected = ""
            // None names a period, so none is grouped with another.
            for diagnostic in report.diagnostics {
                expected += printer.render(diagnostic, lines: &lines)
            }
            expected += printer.summary(report) + "\n"
            let text = printer.render(report)
            #expect(text == expected)
            #expect(text.contains(" 2 | secretary:    M39\n"), "\(text.suffix(400))")
            #expect(text.components(separatedBy: "[meeting.committee-monthly]").count == 601)
        }
    }

    /// A report rendered early is reused for the report a build ends with only when both say
    /// the same: the files they quote from and the timings apart.
    @Test func reportsSayTheSameByTheirFindingsNotTheirFilesOrTimings() throws {
        let base = RuleExampleTests.check(ExampleSite.files)
        var timed = base
        timed.timings = [("unchanged", 0.1)]
        timed.tree = FileTree(files: [])
        #expect(base.saysTheSame(as: timed))
        var more = base
        more.diagnostics.append(
            Diagnostic(
                rule: "meeting.committee-monthly", severity: .error,
                message: LocalizedText(zh: "缺一次", en: "one missing"),
                location: SourceLocation(file: "Content/site.yml")))
        #expect(!base.saysTheSame(as: more))
        var later = base
        later.asOf = try #require(LocalDate(year: base.asOf.year + 1, month: 1, day: 1))
        #expect(!base.saysTheSame(as: later))
        var nothingDue = base
        nothingDue.due = []
        #expect(base.due.isEmpty || !base.saysTheSame(as: nothingDue))
    }
}
