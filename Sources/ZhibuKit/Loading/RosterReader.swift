import ZhibuModel

/// Reads a branch's roster from `members.csv` or `members.yml` (docs/formats.md, roster).
package enum RosterReader {
    static let known = ["id", "name", "status", "joined", "full_since", "group"]

    /// What a secretary may write in `status`, in either language.
    static let statusAliases: [String: Member.Status] = [
        "full": .full, "probationary": .probationary, "正式": .full, "正式党员": .full,
        "预备": .probationary, "预备党员": .probationary,
    ]

    package static func readCSV(_ table: CSVTable, file: String, bag: DiagnosticBag) -> [Member] {
        var columns: [String: Int] = [:]
        for (index, cell) in table.header.enumerated() {
            let name = cell.value.lowercased()
            if known.contains(name) {
                if columns[name] != nil {
                    bag.add(
                        .duplicateID, .error, at: cell.location,
                        zh: "表头中列 `\(name)` 出现了两次",
                        en: "column `\(name)` appears twice in the header")
                } else {
                    columns[name] = index
                }
            } else if let suggestion = Suggestion.nearest(to: name, in: known),
                Suggestion.editDistance(name, suggestion) > 0
            {
                bag.add(
                    Diagnostic(
                        rule: .unknownField, severity: .warning,
                        message: LocalizedText(
                            zh: "列 `\(cell.value)` 不是花名册的标准列，按附加列处理（不会显示）",
                            en:
                                "column `\(cell.value)` is not a roster column; it is kept as "
                                + "an extra column (never shown)"
                        ),
                        location: cell.location,
                        help: [
                            Suggestion.didYouMean(suggestion)
                        ]))
            }
        }
        for required in ["id", "name", "status"] where columns[required] == nil {
            bag.add(
                .fieldMissing, .error, at: SourceLocation(file: file, line: 1, column: 1),
                zh: "表头缺少必需的列 `\(required)`",
                en: "the header lacks the required column `\(required)`",
                helpZh: "表头应为 `id,name,status,joined,full_since,group`",
                helpEn: "the header should be `id,name,status,joined,full_since,group`")
        }
        guard columns["id"] != nil, columns["name"] != nil, columns["status"] != nil else {
            return []
        }
        var members: [Member] = []
        var seen: [String: SourceLocation] = [:]
        for row in table.rows {
            func cell(_ name: String) -> Located<String>? {
                guard let index = columns[name] else { return nil }
                let value = row.cells[index]
                return value.value.isEmpty ? nil : value
            }
            let extra = table.header.enumerated().compactMap {
                index, header -> Member.ExtraField? in
                guard !known.contains(header.value.lowercased()), !row.cells[index].value.isEmpty
                else { return nil }
                return Member.ExtraField(name: header.value, value: row.cells[index])
            }
            let rowStart = SourceLocation(file: file, line: row.line, column: 1)
            if let member = makeMember(
                id: cell("id"), name: cell("name"), status: cell("status"),
                joined: cell("joined"), fullSince: cell("full_since"), group: cell("group"),
                extra: extra, at: rowStart, bag: bag, seen: &seen)
            {
                members.append(member)
            }
        }
        return members
    }

    package static func readYAML(_ node: YAMLNode?, file: String, bag: DiagnosticBag) -> [Member] {
        guard let node, let list = node.sequence else {
            bag.add(
                .fieldType, .error,
                at: node.map { YAMLText.location(of: $0, file: file, firstLine: 1) }
                    ?? SourceLocation(file: file, line: 1, column: 1),
                zh: "members.yml 应是党员列表（每项以“- ”开头）",
                en: "members.yml must be a list of members (each item starting with `- `)")
            return []
        }
        var members: [Member] = []
        var seen: [String: SourceLocation] = [:]
        for item in list {
            guard let mapping = item.mapping else {
                bag.add(
                    .fieldType, .error, at: YAMLText.location(of: item, file: file, firstLine: 1),
                    zh: "每名党员应是“字段: 值”的映射", en: "each member must be a mapping of `field: value`")
                continue
            }
            let keys = mapping.keys.compactMap { $0.scalar?.string }
            let extraKeys = keys.filter { !known.contains($0) }
            guard
                let reader = FieldReader(
                    item, file: file, firstLine: 1, bag: bag, allowed: known + extraKeys,
                    what: LocalizedText(zh: "党员 ", en: "a member"))
            else { continue }
            let extra = extraKeys.sorted().compactMap { key -> Member.ExtraField? in
                reader.string(key).map { Member.ExtraField(name: key, value: $0) }
            }
            if let member = makeMember(
                id: reader.string("id"), name: reader.string("name"),
                status: reader.string("status"), joined: reader.string("joined"),
                fullSince: reader.string("full_since"), group: reader.string("group"),
                extra: extra, at: reader.location, bag: bag, seen: &seen)
            {
                members.append(member)
            }
        }
        return members
    }

    private static func makeMember(
        id: Located<String>?, name: Located<String>?, status: Located<String>?,
        joined: Located<String>?, fullSince: Located<String>?, group: Located<String>?,
        extra: [Member.ExtraField], at row: SourceLocation, bag: DiagnosticBag,
        seen: inout [String: SourceLocation]
    ) -> Member? {
        for (key, value) in [("id", id), ("name", name), ("status", status)] where value == nil {
            bag.add(
                .fieldMissing, .error, at: row,
                zh: "这名党员缺少 `\(key)`，此行未读入",
                en: "this member has no `\(key)`; the row was not loaded")
        }
        guard let id, let name, let status else { return nil }
        guard isMemberID(id.value) else {
            bag.add(
                .fieldType, .error, at: id.location,
                zh: "党员编号 `\(id.value)` 只能包含字母、数字、“-”和“_”",
                en: "member ID `\(id.value)` may contain only letters, digits, `-` and `_`")
            return nil
        }
        if let first = seen[id.value] {
            bag.add(
                Diagnostic(
                    rule: .duplicateID, severity: .error,
                    message: LocalizedText(
                        zh: "党员编号 `\(id.value)` 重复，此行未读入",
                        en: "member ID `\(id.value)` is used twice; this row was not loaded"),
                    location: id.location,
                    notes: [
                        LocalizedText(
                            zh: "第一次出现在第 \(first.line ?? 1) 行",
                            en: "first used on line \(first.line ?? 1)")
                    ],
                    help: [
                        LocalizedText(
                            zh: "给每名党员一个唯一编号", en: "give every member an ID of their own")
                    ]))
            return nil
        }
        seen[id.value] = id.location
        guard let parsedStatus = statusAliases[status.value.lowercased()] else {
            var help = [
                LocalizedText(
                    zh: "写 `full`（正式党员）或 `probationary`（预备党员）",
                    en: "write `full` or `probationary`")
            ]
            if let suggestion = Suggestion.nearest(to: status.value, in: ["full", "probationary"]) {
                help.insert(
                    Suggestion.didYouMean(suggestion),
                    at: 0)
            }
            bag.add(
                Diagnostic(
                    rule: .fieldType, severity: .error,
                    message: LocalizedText(
                        zh: "`status` 的值 `\(status.value)` 无效，此行未读入",
                        en:
                            "`status` has an unknown value `\(status.value)`; the row was not "
                            + "loaded"
                    ),
                    location: status.location, help: help))
            return nil
        }
        let reader = DateCells(bag: bag)
        let joinedDate = joined.flatMap { reader.parse($0, key: "joined") }
        let fullDate = fullSince.flatMap { reader.parse($0, key: "full_since") }
        if parsedStatus == .probationary, joined == nil {
            bag.add(
                .fieldMissing, .error, at: status.location,
                zh: "预备党员须填写 `joined`（接收为预备党员的日期）",
                en:
                    "a probationary member needs `joined` (the date admitted as probationary "
                    + "member)"
            )
        }
        return Member(
            id: id, name: name, status: Located(parsedStatus, at: status.location),
            joined: joinedDate, fullSince: fullDate, group: group, extra: extra)
    }

    static func isMemberID(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 64 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}

/// Parses dates of CSV cells and YAML fields, with one wording for both.
struct DateCells {
    let bag: DiagnosticBag

    /// - Parameter spreadsheet: adds the advice for dates that Excel reformatted.
    func parse(_ value: Located<String>, key: String, spreadsheet: Bool = true)
        -> Located<LocalDate>?
    {
        if let date = LocalDate(parsing: value.value) { return Located(date, at: value.location) }
        // A real date written another common way (2026/8/9, 2026.8.9, 2026年8月9日, 2026-8-9)
        // is one mistake with one unambiguous fix: it is reported, and the date still counts,
        // so that no rule reports the record's month as empty on top of it.
        if let date = Self.lenient(value.value) {
            let fixed = date.description
            bag.add(
                Diagnostic(
                    rule: .dateInvalid, severity: .error,
                    message: LocalizedText(
                        zh: "`\(key)` 写成了 \(value.value)，日期应写作 YYYY-MM-DD",
                        en: "`\(key)` is written \(value.value); dates are written YYYY-MM-DD"),
                    location: value.location,
                    help: [
                        LocalizedText(zh: "改为 `\(fixed)`", en: "write `\(fixed)`")
                    ],
                    fix: TextFix(original: value.value, replacement: fixed)))
            return Located(date, at: value.location)
        }
        let shaped = LocalDate.hasDateShape(value.value)
        bag.add(
            Diagnostic(
                rule: .dateInvalid, severity: .error,
                message: shaped
                    ? LocalizedText(
                        zh: "`\(key)` 的日期 \(value.value) 不存在",
                        en: "`\(key)` is \(value.value), a day that does not exist")
                    : LocalizedText(
                        zh: "`\(key)` 不是日期：\(value.value)",
                        en: "`\(key)` is not a date: \(value.value)"),
                location: value.location,
                help: [
                    spreadsheet
                        ? LocalizedText(
                            zh: "日期写作 YYYY-MM-DD，例如 2026-02-28；Excel 中请把该列设为“文本”格式",
                            en:
                                "write dates as YYYY-MM-DD, e.g. 2026-02-28; in Excel, format "
                                + "the column as Text"
                        )
                        : LocalizedText(
                            zh: "日期写作 YYYY-MM-DD，例如 2026-02-28",
                            en: "write dates as YYYY-MM-DD, e.g. 2026-02-28")
                ]))
        return nil
    }

    /// A date in one of the other ways people write one: year, month and day separated by
    /// `/`, `.` or `-` (one- or two-digit month and day), or `2026年8月9日`; nil if the text is
    /// none of these or the day does not exist.
    static func lenient(_ text: String) -> LocalDate? {
        var rest = Substring(text.trimmingWhitespace())
        func number(_ most: Int) -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }.prefix(most)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            return Int(digits)
        }
        guard let year = number(4), year >= 1000 else { return nil }
        let chinese = rest.first == "年"
        guard let separator = rest.first, chinese || "/.-".contains(separator) else { return nil }
        rest = rest.dropFirst()
        guard let month = number(2) else { return nil }
        if chinese {
            guard rest.first == "月" else { return nil }
        } else {
            guard rest.first == separator else { return nil }
        }
        rest = rest.dropFirst()
        guard let day = number(2) else { return nil }
        if chinese, rest.first == "日" || rest.first == "号" { rest = rest.dropFirst() }
        guard rest.isEmpty else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
