import Testing
import ZhibuKit
import ZhibuModel

@Suite struct CSVTableTests {
    func parse(_ text: String) -> (CSVTable?, [Diagnostic]) {
        let bag = DiagnosticBag()
        return (CSVTable.parse(text, file: "t.csv", bag: bag), bag.items)
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let (table, problems) = parse(
            "id,name,note\r\nm001,张伟,\"北京,海淀\"\r\nm002,\"李\"\"娜\",\"两行\r\n说明\"\r\nm003,王芳,\r\n")
        #expect(problems.isEmpty)
        let rows = try #require(table?.rows)
        #expect(
            rows.map { $0.cells.map(\.value) } == [
                ["m001", "张伟", "北京,海淀"], ["m002", "李\"娜", "两行\r\n说明"], ["m003", "王芳", ""],
            ])
        #expect(rows.map(\.line) == [2, 3, 5])
        #expect(rows[0].cells[2].location.column == 9)
    }

    @Test func skipsBlankLinesAndToleratesTrailingEmptyCells() throws {
        let (table, problems) = parse("id,name\n\nm001,张伟,,\n")
        #expect(problems.isEmpty)
        #expect(table?.rows.map { $0.cells.map(\.value) } == [["m001", "张伟"]])
    }

    @Test func reportsRowsWithTooManyOrTooFewCells() {
        let (table, problems) = parse("id,name,status\nm001,张伟\nm002,李娜,full,extra\nm003,王芳,full\n")
        #expect(problems.map(\.rule) == [.csvSyntax, .csvSyntax])
        #expect(problems.map { $0.location.line } == [2, 3])
        #expect(problems[1].location.column == 14)
        #expect(table?.rows.map { $0.cells[0].value } == ["m003"])
    }

    @Test func recognisesSemicolonSeparatedFiles() {
        let (table, problems) = parse("id;name;status\nm001;张伟;full\n")
        #expect(table == nil)
        #expect(problems.first?.message.en.contains("semicolons") == true)
    }

    @Test func anEmptyFileHasNoHeader() {
        let (table, problems) = parse("\n\n")
        #expect(table == nil)
        #expect(problems.first?.message.en == "the CSV file is empty: it has no header row")
    }
}
