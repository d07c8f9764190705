import Testing
import ZhibuModel

@Suite struct DiagnosticTests {
    func diagnostic(_ file: String, _ line: Int?, _ column: Int?, _ rule: RuleID) -> Diagnostic {
        Diagnostic(
            rule: rule, severity: .error, message: LocalizedText(zh: "甲", en: "a"),
            location: SourceLocation(file: file, line: line, column: column))
    }

    @Test func sortsByFileLineColumnThenRule() {
        let unsorted = [
            diagnostic("b.yml", 1, 1, "load.field-type"),
            diagnostic("a.yml", 10, 2, "load.field-type"),
            diagnostic("a.yml", 2, 9, "load.yaml-syntax"),
            diagnostic("a.yml", 2, 9, "load.date-invalid"),
            diagnostic("a.yml", nil, nil, "load.path-unsafe"),
        ]
        let sorted = unsorted.sortedForOutput().map {
            "\($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.rule)"
        }
        #expect(
            sorted == [
                "a.yml:0:0 load.path-unsafe", "a.yml:2:9 load.date-invalid",
                "a.yml:2:9 load.yaml-syntax", "a.yml:10:2 load.field-type",
                "b.yml:1:1 load.field-type",
            ])
    }

    @Test func exactDuplicatesAreDropped() {
        let one = diagnostic("a.yml", 1, 1, "load.field-type")
        #expect([one, one].sortedForOutput().count == 1)
    }

    /// Two findings the order cannot tell apart (same place, rule and message) that differ in
    /// a note both stay, and a duplicate of the first is dropped even with the other between.
    @Test func duplicatesAreDroppedWithinARunOfEqualKeys() {
        let plain = diagnostic("a.yml", 1, 1, "load.field-type")
        var noted = plain
        noted.notes = [LocalizedText(zh: "注", en: "note")]
        let later = diagnostic("b.yml", 1, 1, "load.field-type")
        let result = [later, plain, noted, plain, later, noted].sortedForOutput()
        #expect(result.count == 3)
        #expect(result.filter { $0 == plain }.count == 1)
        #expect(result.filter { $0 == noted }.count == 1)
        #expect(result.last == later)
    }

    @Test func severityOrdersNoteBelowWarningBelowError() {
        #expect(Severity.note < .warning && Severity.warning < .error)
    }

    @Test func bilingualFieldsFallBackToChinese() {
        let location = SourceLocation.start(of: "org.yml")
        let name = BilingualText(zh: Located("第一党支部", at: location))
        #expect(name.text(in: .en) == "第一党支部")
        let named = BilingualText(
            zh: Located("第一党支部", at: location), en: Located("First Branch", at: location))
        #expect(named.text(in: .en) == "First Branch")
        #expect(named.text(in: .zh) == "第一党支部")
    }
}
