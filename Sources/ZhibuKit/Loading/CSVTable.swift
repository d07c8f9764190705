import ZhibuModel

/// A CSV file parsed into located cells (RFC 4180, as Excel and WPS write it).
///
/// Accepts LF or CRLF line ends, quoted fields with doubled quotes and line breaks inside, and
/// blank lines. Every cell keeps its line and column so a roster problem points at the cell. A row
/// with the wrong number of cells is reported and skipped; the other rows still load.
package struct CSVTable: Sendable {
    package var header: [Located<String>]
    package var rows: [Row]

    package struct Row: Sendable {
        package var line: Int
        package var cells: [Located<String>]
    }

    package static func parse(_ text: String, file: String, bag: DiagnosticBag) -> CSVTable? {
        var records: [Row] = []
        var cells: [Located<String>] = []
        var field = ""
        var fieldLine = 1
        var fieldColumn = 1
        var line = 1
        var column = 1
        var rowLine = 1
        var inQuotes = false
        var quoteLine = 1
        var quoteColumn = 1
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func finishField() {
            cells.append(
                Located(
                    field.trimmingWhitespace(),
                    at: SourceLocation(
                        file: file, line: fieldLine, column: fieldColumn,
                        length: max(1, field.unicodeScalars.count))))
            field = ""
            afterQuote = false
        }
        func finishRow() {
            finishField()
            let blank = cells.count == 1 && cells[0].value.isEmpty
            if !blank { records.append(Row(line: rowLine, cells: cells)) }
            cells = []
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                    pending = next
                    continue
                }
                field.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch scalar {
            case ",":
                finishField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\r":
                column += 1
            case "\n":
                finishRow()
                line += 1
                column = 1
                rowLine = line
                fieldLine = line
                fieldColumn = 1
            case "\"" where field.trimmingWhitespace().isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
                quoteColumn = column
                fieldLine = line
                fieldColumn = column
                field = ""
                column += 1
            default:
                field.unicodeScalars.append(scalar)
                column += 1
            }
        }
        if inQuotes {
            bag.add(
                .csvSyntax, .error,
                at: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                zh: "引号没有闭合：从这里开始的单元格一直到文件末尾都没有结束的引号",
                en: "unclosed quote: the cell that starts here never ends",
                helpZh: "在单元格末尾补上“\"”；单元格内的引号要写成两个“\"\"”",
                helpEn: "add the closing `\"`; a quote inside a cell is written twice `\"\"`")
            return nil
        }
        if !field.isEmpty || !cells.isEmpty { finishRow() }
        guard let first = records.first else {
            bag.add(
                .csvSyntax, .error, at: SourceLocation(file: file, line: 1, column: 1),
                zh: "CSV 文件是空的，连表头都没有", en: "the CSV file is empty: it has no header row",
                helpZh: "第一行写表头，例如 `id,name,status,joined,full_since,group`",
                helpEn: "start with a header row, e.g. `id,name,status,joined,full_since,group`")
            return nil
        }
        if first.cells.count == 1,
            first.cells[0].value.contains(";")
                || first.cells[0].value
                    .contains("\t")
        {
            bag.add(
                .csvSyntax, .error, at: first.cells[0].location,
                zh: "表头没有逗号，字段似乎用分号或 Tab 分隔",
                en: "the header has no commas: fields seem to be separated by semicolons or tabs",
                helpZh: "请另存为逗号分隔的 CSV（Excel：“CSV UTF-8（逗号分隔）”）",
                helpEn:
                    "save the file as comma-separated CSV (Excel: “CSV UTF-8 (Comma delimited)”)")
            return nil
        }
        var rows: [Row] = []
        for row in records.dropFirst() {
            if row.cells.count == first.cells.count {
                rows.append(row)
                continue
            }
            // Trailing empty cells are a common spreadsheet artefact; accept them.
            if row.cells.count > first.cells.count,
                row.cells[first.cells.count...].allSatisfy({ $0.value.isEmpty })
            {
                rows.append(Row(line: row.line, cells: Array(row.cells[..<first.cells.count])))
                continue
            }
            if row.cells.count < first.cells.count {
                bag.add(
                    .csvSyntax, .error,
                    at: SourceLocation(file: file, line: row.line, column: 1),
                    zh: "这一行有 \(row.cells.count) 个单元格，表头有 \(first.cells.count) 个，此行未读入",
                    en:
                        "this row has \(row.cells.count) cells, the header "
                        + "has \(first.cells.count); the row was not loaded",
                    helpZh: "补齐缺少的逗号（空单元格也要保留逗号）",
                    helpEn: "add the missing commas (empty cells keep their commas)")
                continue
            }
            bag.add(
                .csvSyntax, .error, at: row.cells[first.cells.count].location,
                zh: "这一行有 \(row.cells.count) 个单元格，表头只有 \(first.cells.count) 个，此行未读入",
                en:
                    "this row has \(row.cells.count) cells, the header "
                    + "only \(first.cells.count); the row was not loaded",
                helpZh: "含逗号的单元格要加双引号，例如 \"北京,海淀\"",
                helpEn:
                    "put a cell that contains a comma in double quotes, e.g. \"Beijing, Haidian\"")
        }
        return CSVTable(header: first.cells, rows: rows)
    }
}
