import ZhibuModel

/// Reads `development.yml`, the member-development pipeline (docs/formats.md, development.yml).
package enum DevelopmentReader {
    package static func read(_ node: YAMLNode?, file: String, bag: DiagnosticBag)
        -> [DevelopmentEntry]
    {
        guard let node, let list = node.sequence else {
            bag.add(
                .fieldType, .error,
                at: node.map { YAMLText.location(of: $0, file: file, firstLine: 1) }
                    ?? SourceLocation(file: file, line: 1, column: 1),
                zh: "development.yml 应是人员列表（每项以“- ”开头）",
                en: "development.yml must be a list of people (each item starting with `- `)")
            return []
        }
        let stages = DevelopmentEntry.Stage.allCases.map(\.rawValue)
        var entries: [DevelopmentEntry] = []
        var seen = Set<String>()
        for item in list {
            guard
                let fields = FieldReader(
                    item, file: file, firstLine: 1, bag: bag, allowed: ["id", "name"] + stages,
                    what: LocalizedText(zh: "发展对象记录 ", en: "a pipeline entry"))
            else { continue }
            let id = fields.string("id", required: true)
            let name = fields.string("name", required: true)
            var dates: [DevelopmentEntry.Stage: Located<LocalDate>] = [:]
            for stage in DevelopmentEntry.Stage.allCases {
                dates[stage] = fields.date(stage.rawValue)
            }
            guard let id, let name else { continue }
            guard seen.insert(id.value).inserted else {
                bag.add(
                    .duplicateID, .error, at: id.location,
                    zh: "编号 `\(id.value)` 重复，此项未读入",
                    en: "ID `\(id.value)` is used twice; this entry was not loaded")
                continue
            }
            checkOrder(dates, fields: fields)
            entries.append(
                DevelopmentEntry(id: id, name: name, stages: dates, location: fields.location))
        }
        return entries
    }

    /// A later stage needs every earlier one, on the same day or before.
    private static func checkOrder(
        _ dates: [DevelopmentEntry.Stage: Located<LocalDate>], fields: FieldReader
    ) {
        let all = DevelopmentEntry.Stage.allCases
        for (index, stage) in all.enumerated() {
            guard let date = dates[stage] else { continue }
            for earlier in all[..<index] {
                guard let earlierDate = dates[earlier] else {
                    if earlier != .talked && earlier != .publicized {
                        fields.bag.add(
                            .fieldMissing, .error, at: date.location,
                            zh: "填写了 `\(stage.rawValue)`，却缺少更早阶段 `\(earlier.rawValue)` 的日期",
                            en:
                                "`\(stage.rawValue)` is set but the earlier stage "
                                + "`\(earlier.rawValue)` has no date"
                        )
                    }
                    continue
                }
                if date.value < earlierDate.value {
                    fields.bag.add(
                        .dateInvalid, .error, at: date.location,
                        zh:
                            "`\(stage.rawValue)` 的日期 \(date.value) 早于 `\(earlier.rawValue)` "
                            + "的 \(earlierDate.value)",
                        en:
                            "`\(stage.rawValue)` (\(date.value)) is before "
                            + "`\(earlier.rawValue)` (\(earlierDate.value))"
                    )
                }
            }
        }
    }
}
