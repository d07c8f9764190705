import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// The `post.*` and `privacy.*` rules, with exact places and masked messages.
@Suite struct PostPrivacyRuleTests {
    static func findings(_ rule: String, _ changes: [String: String?]) -> [Diagnostic] {
        OrgRuleTests.findings(rule, changes)
    }

    static func places(_ diagnostics: [Diagnostic]) -> [String] {
        OrgRuleTests.places(diagnostics)
    }

    static let postFile = "Content/orgs/branch/posts/service.md"
    static let post = ExampleSite.files[postFile, default: ""]
    static let noticeFile = "Content/orgs/branch/notices/contact.md"

    /// A notice whose body is `body`, starting on line 5.
    static func notice(_ body: String, title: String = "通知") -> [String: String?] {
        [noticeFile: "---\ntitle: \(title)\ndate: 2026-11-20\n---\n\(body)\n"]
    }

    /// Thousands of numbers in one text are each located at their own line, in time that
    /// grows with the text, not with matches × text (locating once counted lines from the
    /// start for every match).
    @Test func manyNumbersInOneTextAreLocatedInLinearTime() {
        func body(_ count: Int) -> String {
            (0..<count).map { "联系人 138\(String(format: "%08d", $0))" }.joined(separator: "\n")
        }
        func run(_ count: Int) -> (Double, [Diagnostic]) {
            var best = Double.infinity
            var found: [Diagnostic] = []
            for _ in 0..<3 {
                let start = Date()
                found = Self.findings("privacy.phone", Self.notice(body(count)))
                best = min(best, Date().timeIntervalSince(start))
            }
            return (best, found)
        }
        let (small, few) = run(2_000)
        let (large, many) = run(16_000)
        #expect(few.count == 2_000 && many.count == 16_000)
        #expect(many.last?.location.line == 5 + 15_999)
        #expect(many.last?.location.column == 5)
        // Eight times the text: linear takes about eight times as long, quadratic sixty-four.
        #expect(large / small < 24, "2,000 numbers \(small) s, 16,000 \(large) s")
    }

    // MARK: - post.holder-is-member

    @Test func aHolderNotOnTheRosterIsReportedAtTheHolder() {
        let found = Self.findings(
            "post.holder-is-member",
            [
                Self.postFile: Self.post.replacingOccurrences(
                    of: "holders: [m03]", with: "holders: [m03, m30]")
            ])
        #expect(Self.places(found) == ["\(Self.postFile):4:16"])
        #expect(
            found.first?.message.en
                == "holder `m30` of pioneer post `service` is not on the roster of `branch`")
        #expect(found.first?.help.first?.en == "did you mean `m03`?")
        #expect(found.first?.severity == .error)
    }

    @Test func aGeneralBranchPostMayBeHeldByAMemberOfABranchBelow() {
        let found = Self.findings(
            "post.holder-is-member",
            [
                "Content/orgs/general/org.yml":
                    "name: 机关党总支\nkind: general-branch\nestablished: 2020-01-01\ncommittee:\n  secretary: g01\n",
                "Content/orgs/general/first/org.yml":
                    "name: 第一党支部\nkind: branch\nestablished: 2020-01-01\ncommittee:\n  secretary: g01\n",
                "Content/orgs/general/first/members.csv":
                    "id,name,status,joined,full_since,group\ng01,周敏,full,2010-07-01,2011-07-01,\n",
                "Content/orgs/general/posts/window.md": Self.post.replacingOccurrences(
                    of: "holders: [m03]", with: "holders: [g01]"),
            ])
        #expect(found.isEmpty)
    }

    // MARK: - post.commitment-required

    @Test func aPioneerPostWithoutCommitmentIsReportedAtItsKind() {
        let found = Self.findings(
            "post.commitment-required",
            [
                Self.postFile: Self.post.replacingOccurrences(
                    of: "commitment: 热情服务，一次办好\n", with: "")
            ])
        #expect(Self.places(found) == ["\(Self.postFile):2:7"])
        #expect(found.first?.severity == .warning)
    }

    @Test func aResponsibilityZoneNeedsNoCommitment() {
        let found = Self.findings(
            "post.commitment-required",
            [
                Self.postFile: Self.post.replacingOccurrences(
                    of: "commitment: 热情服务，一次办好\n", with: ""
                ).replacingOccurrences(of: "kind: pioneer-post", with: "kind: responsibility-zone")
            ])
        #expect(found.isEmpty)
    }

    /// A record keeps its Markdown source only when it may hold a number (`MarkdownBody.source`):
    /// minutes that hold a mobile or an ID number are still scanned and the number found at its
    /// line, while minutes that hold none are not kept twice; systems and notices, which boards
    /// split into slides, always keep theirs.
    @Test func recordMinutesAreScannedThoughMostKeepNoSecondCopy() throws {
        let path = ExampleSite.recordPath("2026-03-15", .themedDay)
        let original = try #require(ExampleSite.files[path])
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let changed = original + "\n联系人 13812345678，身份证 110101199003071233。\n"
        let phone = Self.findings("privacy.phone", [path: changed])
        #expect(Self.places(phone) == ["\(path):\(line):5"])
        let identity = Self.findings("privacy.id-number", [path: changed])
        #expect(Self.places(identity) == ["\(path):\(line):21"])
        var files = ExampleSite.files
        files[path] = changed
        let site = ContentLoader.load(
            FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) }), jobs: 2
        ).site
        let records = site.organizations.flatMap(\.records)
        let numbered = try #require(records.first { $0.file == path })
        #expect(numbered.body.source?.contains("13812345678") == true)
        let plain = records.filter { $0.file != path }
        #expect(!plain.isEmpty && plain.allSatisfy { $0.body.source == nil })
        let texts = site.organizations.flatMap { $0.systems.map(\.body) + $0.notices.map(\.body) }
        #expect(!texts.isEmpty && texts.allSatisfy { $0.source != nil })
    }

    // MARK: - privacy.id-number

    @Test func anIDNumberInARosterColumnIsMaskedAndLocated() {
        let roster = ExampleSite.roster
            .replacingOccurrences(of: "group\n", with: "group,id_number\n")
            .replacingOccurrences(of: "2009-07-01,\n", with: "2009-07-01,,11010519491231002X\n")
        let found = Self.findings(
            "privacy.id-number", ["Content/orgs/branch/members.csv": roster])
        #expect(Self.places(found) == ["Content/orgs/branch/members.csv:2:36"])
        #expect(found.first?.location.length == 18)
        #expect(
            found.first?.message.en
                == "`id_number` contains a resident ID number (110105********002X)")
        #expect(found.first?.message.zh.contains("11010519491231002X") == false)
        #expect(found.first?.severity == .error)
        #expect(found.first?.org == "branch")
    }

    @Test func anIDNumberInABodyPointsAtItsLineAndColumn() {
        let found = Self.findings(
            "privacy.id-number", Self.notice("第一行。\n身份证 110101199003071233，请核对。"))
        #expect(Self.places(found) == ["\(Self.noticeFile):6:5"])
        #expect(
            found.first?.message.en == "the text contains a resident ID number (110101********1233)"
        )
    }

    @Test func anIDNumberInAQuotedTitleSkipsTheQuote() {
        let found = Self.findings(
            "privacy.id-number", Self.notice("正文。", title: "\"联系 110101199003071233\""))
        #expect(Self.places(found) == ["\(Self.noticeFile):2:12"])
    }

    @Test func numbersThatOnlyLookLikeIDNumbersAreNotReported() {
        let texts = [
            "校验码不对 110101199003071234",
            "更长的串 1101011990030712335",
            "带字母 A110101199003071233",
            "不存在的日期 110105199013311232",
            "未来的年份 110105203001011231",
        ]
        let found = Self.findings(
            "privacy.id-number", Self.notice(texts.joined(separator: "\n")))
        #expect(found.isEmpty)
    }

    @Test func aLowercaseCheckCharacterCounts() {
        let found = Self.findings("privacy.id-number", Self.notice("号码 11010519491231002x"))
        #expect(found.count == 1)
    }

    // MARK: - privacy.phone

    @Test func aGroupedMobileNumberIsMaskedAndLocated() {
        let found = Self.findings(
            "privacy.phone", Self.notice("工作日开放，联系人张伟，手机 138-1234-5678。"))
        #expect(Self.places(found) == ["\(Self.noticeFile):5:16"])
        #expect(found.first?.location.length == 13)
        #expect(found.first?.message.en == "the text contains a mobile phone number (138****5678)")
        #expect(found.first?.severity == .warning)
    }

    @Test func countryCodesBelongToTheMatch() {
        let found = Self.findings(
            "privacy.phone", Self.notice("甲 +86 139 1234 5678\n乙 8615912345678"))
        #expect(Self.places(found) == ["\(Self.noticeFile):5:3", "\(Self.noticeFile):6:3"])
        #expect(found.map(\.location.length) == [17, 13])
        #expect(
            found.map(\.message.en) == [
                "the text contains a mobile phone number (139****5678)",
                "the text contains a mobile phone number (159****5678)",
            ])
    }

    @Test func aPhoneLikeTwelveDigitNumberIsNotReported() {
        let texts = [
            "订单号 138123456789",
            "编号 213812345678",
            "座机 010-6512 3456",
            "不是手机 12812345678",
            "账号 6222-138-1234-5678",
            "代码 ab13812345678",
        ]
        let found = Self.findings("privacy.phone", Self.notice(texts.joined(separator: "\n")))
        #expect(found.isEmpty, "\(found.map(\.message.en))")
    }

    @Test func aPhoneInAnExtraRosterColumnOrAPageIsReported() {
        let roster = ExampleSite.roster
            .replacingOccurrences(of: "group\n", with: "group,phone\n")
            .replacingOccurrences(of: "2009-07-01,\n", with: "2009-07-01,,13812345678\n")
        let found = Self.findings(
            "privacy.phone",
            [
                "Content/orgs/branch/members.csv": roster,
                "Content/pages/about.md": "---\ntitle: 关于\n---\n联系：13912345678\n",
            ])
        #expect(
            Self.places(found).sorted() == [
                "Content/orgs/branch/members.csv:2:36", "Content/pages/about.md:4:4",
            ])
        #expect(found.map(\.org).sorted { ($0 ?? "") < ($1 ?? "") } == [nil, "branch"])
    }
}

/// The skipping scan that decides which texts the privacy rules look at closely.
@Suite struct DigitRunScanTests {
    /// The plain byte-by-byte scan the fast one must agree with.
    static func reference(_ text: String) -> Bool {
        var run = 0
        var previousWasDigit = false
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                run += 1
                if run >= 11 { return true }
                previousWasDigit = true
            } else if previousWasDigit && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")) {
                previousWasDigit = false
            } else {
                run = 0
                previousWasDigit = false
            }
        }
        return false
    }

    @Test func agreesWithTheByteByByteScanOnMixedText() {
        // A fixed linear congruential sequence: the same 20,000 texts on every run.
        var state: UInt64 = 1921
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["1", "3", "8", "0", " ", "-", "党", "a", "\n", "--", "  ", "支部"]
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(40) { text += pieces[next(pieces.count)] }
            if PrivacyScan.mayHoldNumber(text) != Self.reference(text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    @Test func findsRunsAtEveryOffset() {
        for offset in 0..<30 {
            let padding = String(repeating: "党", count: offset)
            #expect(PrivacyScan.mayHoldNumber(padding + "138 0013 8000" + "支部"))
            #expect(PrivacyScan.mayHoldNumber(padding + "13800138000"))
            #expect(!PrivacyScan.mayHoldNumber(padding + "1380013800" + "支部"))
            #expect(!PrivacyScan.mayHoldNumber(padding + "138  0013 8000"))
        }
    }
}
