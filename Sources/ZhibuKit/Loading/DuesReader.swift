import ZhibuModel

/// Reads `dues/<YYYY>.csv`: a row per member, a cell per month (docs/formats.md, dues).
package enum DuesReader {
    static let months = (1...12).map { $0 < 10 ? "0\($0)" : "\($0)" }

    package static func read(_ table: CSVTable, year: Int, file: String, bag: DiagnosticBag)
        -> DuesYear
    {
        var columns: [Int: Int] = [:]
        var memberColumn: Int?
        for (index, cell) in table.header.enumerated() {
            let name = cell.value.lowercased()
            if name == "member" {
                memberColumn = index
            } else if let month = Int(name), (1...12).contains(month) {
                columns[month] = index
            } else {
                bag.add(
                    Diagnostic(
                        rule: .unknownField, severity: .warning,
                        message: LocalizedText(
                            zh: "未知的列 `\(cell.value)`，已忽略",
                            en: "unknown column `\(cell.value)` is ignored"),
                        location: cell.location,
                        help: [
                            LocalizedText(
                                zh: "表头应为 `member,01,02,…,12`",
                                en: "the header is `member,01,02,…,12`")
                        ]))
            }
        }
        guard let memberColumn else {
            bag.add(
                .fieldMissing, .error, at: SourceLocation(file: file, line: 1, column: 1),
                zh: "表头缺少 `member` 列", en: "the header lacks the `member` column",
                helpZh: "表头应为 `member,01,02,…,12`", helpEn: "the header is `member,01,02,…,12`")
            return DuesYear(year: year, file: file, rows: [])
        }
        let missing = (1...12).filter { columns[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { months[$0 - 1] }.joined(separator: ", ")
            bag.add(
                .fieldMissing, .error, at: SourceLocation(file: file, line: 1, column: 1),
                zh: "表头缺少月份列：\(list)", en: "the header lacks the month columns \(list)",
                helpZh: "表头应为 `member,01,02,…,12`", helpEn: "the header is `member,01,02,…,12`")
        }
        var rows: [DuesYear.Row] = []
        let dates = DateCells(bag: bag)
        for row in table.rows {
            let member = row.cells[memberColumn]
            guard !member.value.isEmpty else {
                bag.add(
                    .fieldMissing, .error, at: member.location,
                    zh: "这一行没有党员编号", en: "this row has no member ID")
                continue
            }
            var cells: [Located<DuesYear.Cell>] = []
            for month in 1...12 {
                guard let column = columns[month] else {
                    cells.append(Located(.unpaid, at: member.location))
                    continue
                }
                let cell = row.cells[column]
                cells.append(
                    Located(parseCell(cell, month: month, dates: dates), at: cell.location))
            }
            rows.append(DuesYear.Row(member: member, months: cells))
        }
        return DuesYear(year: year, file: file, rows: rows)
    }

    private static func parseCell(_ cell: Located<String>, month: Int, dates: DateCells)
        -> DuesYear.Cell
    {
        switch cell.value.lowercased() {
        case "": return .unpaid
        case "paid", "已缴", "已交": return .paid(nil)
        case "exempt", "免缴", "免交": return .exempt
        default:
            // A payment date Excel wrote as 2026/1/5 is still a payment: reported with its fix,
            // never counted as unpaid.
            if LocalDate.hasDateShape(cell.value) || DateCells.lenient(cell.value) != nil {
                return .paid(dates.parse(cell, key: months[month - 1])?.value)
            }
            dates.bag.add(
                .fieldType, .error, at: cell.location,
                zh: "党费单元格 `\(cell.value)` 无法识别",
                en: "dues cell `\(cell.value)` is not understood",
                helpZh: "写缴纳日期（YYYY-MM-DD）、`paid`、`exempt`，或留空表示未缴",
                helpEn:
                    "write the payment date (YYYY-MM-DD), `paid`, `exempt`, or leave it empty "
                    + "for unpaid"
            )
            return .unpaid
        }
    }
}
