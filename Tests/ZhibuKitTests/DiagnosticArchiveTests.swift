import Testing
import ZhibuKit
import ZhibuModel

/// The stored report of an unchanged rebuild: `.zhibu/last-build` gives back every field of
/// every diagnostic as it was, and bytes that are not such a file give nothing, never a
/// report that differs from the build's.
struct DiagnosticArchiveTests {
    /// Every field set and unset, shared and distinct strings, numbers at their limits.
    let diagnostics: [Diagnostic] = [
        Diagnostic(
            rule: "meeting.branch-committee", severity: .error,
            message: LocalizedText(zh: "支委会少于每月一次：缺 2026-03", en: "fewer than monthly"),
            location: SourceLocation(
                file: "Content/orgs/一支部/org.yml", line: 3, column: 7, length: 12),
            org: "一支部", period: "2026-03", subject: "m001",
            citation: LocalizedText(zh: "条例 第十九条", en: "Regs Art. 19"), waived: true,
            notes: [LocalizedText(zh: "注", en: "note \"quoted\"\n")],
            help: [
                LocalizedText(zh: "补录", en: "add it"), LocalizedText(zh: "或豁免", en: "or waive it"),
            ],
            fix: TextFix(original: "type: 支委会", replacement: "type: 支部委员会")),
        Diagnostic(
            rule: "load.yaml", severity: .warning, message: LocalizedText(zh: "", en: ""),
            location: SourceLocation(file: "Content/site.yml")),
        Diagnostic(
            rule: "meeting.branch-committee", severity: .note,
            message: LocalizedText(zh: "支委会少于每月一次：缺 2026-03", en: "fewer than monthly"),
            location: SourceLocation(file: "x", line: Int.max, column: Int.min, length: 1 << 40),
            org: "一支部", citation: LocalizedText(zh: "条例 第十九条", en: "Regs Art. 19")),
        Diagnostic(
            rule: "r", severity: .error, message: LocalizedText(zh: "😀\u{0}", en: "\u{2028}"),
            location: SourceLocation(file: "y", line: -1, column: 0), subject: ""),
    ]

    @Test func givesBackEveryDiagnosticAsItWas() throws {
        let bytes = DiagnosticArchive.encode(diagnostics)
        #expect(DiagnosticArchive.decode(bytes[...]) == diagnostics)
        #expect(DiagnosticArchive.decode(DiagnosticArchive.encode([])[...]) == [])
        // A slice that does not start at zero, as the cache file hands it over.
        let framed = [0xFF, 0xFE] + bytes
        #expect(DiagnosticArchive.decode(framed[2...]) == diagnostics)
    }

    @Test func storesARepeatedStringOnce() {
        let one = DiagnosticArchive.encode(Array(diagnostics.prefix(1)))
        let many = DiagnosticArchive.encode(Array(repeating: diagnostics[0], count: 100))
        // Each repeat costs its numbers, not its texts.
        #expect(many.count < one.count + 99 * 40)
    }

    @Test func refusesBytesThatAreNotAWholeArchive() {
        let bytes = DiagnosticArchive.encode(diagnostics)
        for end in 0..<bytes.count {
            #expect(DiagnosticArchive.decode(bytes[..<end]) == nil, "cut at \(end)")
        }
        #expect(DiagnosticArchive.decode((bytes + [0])[...]) == nil)
        // No strings, one diagnostic whose rule is string 0; a length past the end.
        #expect(DiagnosticArchive.decode([0, 1, 0, 0, 0, 0, 0][...]) == nil)
        #expect(DiagnosticArchive.decode([1, 0xFF, 0xFF, 0xFF, 0x7F, 0x61][...]) == nil)
        // A severity that is not one.
        let odd = DiagnosticArchive.encode([
            Diagnostic(
                rule: "r", severity: .error, message: LocalizedText(zh: "a", en: "b"),
                location: SourceLocation(file: "f"))
        ])
        let patched = odd.map { $0 == UInt8(ascii: "e") ? UInt8(ascii: "x") : $0 }
        #expect(patched != odd)
        #expect(DiagnosticArchive.decode(patched[...]) == nil)
    }

    @Test func theCacheFileReadsBackOnlyWhenItsHeaderMatches() throws {
        var cache = BuildCache(
            digest: "abc", asOf: try #require(LocalDate(parsing: "2026-11-24")),
            summary: SiteSummary(
                organizations: [.init(path: "一支部", kind: .branch)], recordCount: 3,
                defaultLanguage: .zh),
            diagnostics: diagnostics)
        cache.surveyDigest = "def"
        let bytes = try #require(cache.encoded())
        let back = try #require(BuildCache.decode(bytes) { $0.digest == "abc" })
        #expect(back.diagnostics == diagnostics)
        #expect(back.summary == cache.summary)
        #expect(back.asOf == "2026-11-24")
        #expect(back.surveyDigest == "def")
        #expect(BuildCache.decode(bytes) { $0.digest == "other" } == nil)
        // The JSON of the format before, and a cut file.
        #expect(BuildCache.decode(Array("{\"digest\":\"abc\"}".utf8)) { _ in true } == nil)
        #expect(BuildCache.decode(Array(bytes.dropLast())) { _ in true } == nil)
    }
}
