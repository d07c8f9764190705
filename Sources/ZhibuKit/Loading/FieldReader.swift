import ZhibuModel

/// Reads typed fields out of one YAML mapping, reporting every problem at its place.
///
/// Each accessor returns nil (or an empty list) when a field is absent or wrong, after adding a
/// diagnostic for what is wrong, so loading goes on and reports everything in one run. Unknown
/// keys are reported when the reader is made, with the nearest known name as a suggestion.
package final class FieldReader {
    package let file: String
    package let firstLine: Int
    package let bag: DiagnosticBag
    /// Where the mapping starts: missing fields point here.
    package let location: SourceLocation
    /// The mapping's known fields in file order, names apart from nodes so a lookup compares
    /// names without copying nodes; a linear scan beats hashing for a dozen keys.
    private var names: [String] = []
    private var keys: [YAMLNode] = []
    private var values: [YAMLNode] = []

    /// Makes a reader for `node`, or reports `load.field-type` and returns nil if it is not a map.
    package init?(
        _ node: YAMLNode?, file: String, firstLine: Int, bag: DiagnosticBag, allowed: [String],
        what: LocalizedText, fallback: SourceLocation? = nil
    ) {
        self.file = file
        self.firstLine = firstLine
        self.bag = bag
        guard let node, let mapping = node.mapping else {
            let location =
                node.map { YAMLText.location(of: $0, file: file, firstLine: firstLine) }
                ?? fallback ?? SourceLocation(file: file, line: firstLine, column: 1)
            bag.add(
                .fieldType, .error, at: location,
                zh: "\(what.zh)应是“字段: 值”的映射", en: "\(what.en) must be a mapping of `field: value`",
                helpZh: "每行写一个“字段: 值”，例如 `name: 第一党支部`",
                helpEn: "write one `field: value` per line, e.g. `name: First Party Branch`")
            return nil
        }
        self.location = YAMLText.location(of: node, file: file, firstLine: firstLine)
        names.reserveCapacity(mapping.count)
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        // By index: each pair is read in place, without a copy of the whole mapping.
        for index in mapping.indices {
            let (key, value) = mapping[index]
            guard let name = key.scalar?.string else { continue }
            if allowed.contains(name) {
                names.append(name)
                keys.append(key)
                values.append(value)
            } else {
                let place = YAMLText.location(of: key, file: file, firstLine: firstLine)
                var help: LocalizedText
                if let suggestion = Suggestion.nearest(to: name, in: allowed) {
                    help = Suggestion.didYouMean(suggestion)
                } else {
                    let list = allowed.filter { !$0.hasSuffix("_en") }.joined(separator: ", ")
                    help = LocalizedText(zh: "可用的字段：\(list)", en: "known fields: \(list)")
                }
                bag.add(
                    Diagnostic(
                        rule: .unknownField, severity: .warning,
                        message: LocalizedText(
                            zh: "未知字段 `\(name)`，已忽略", en: "unknown field `\(name)` is ignored"),
                        location: place, help: [help]))
            }
        }
    }

    package func has(_ key: String) -> Bool { node(key) != nil }

    package func node(_ key: String) -> YAMLNode? {
        guard let index = names.firstIndex(of: key), !isNull(values[index]) else { return nil }
        return values[index]
    }

    package func place(_ node: YAMLNode) -> SourceLocation {
        YAMLText.location(of: node, file: file, firstLine: firstLine)
    }

    /// The location of a key's value, or of the key when the value is empty.
    package func place(ofKey key: String) -> SourceLocation {
        guard let index = names.firstIndex(of: key) else { return location }
        if !isNull(values[index]) { return place(values[index]) }
        return place(keys[index])
    }

    // MARK: - Scalars

    /// A single value; an empty one (`""`) counts as absent.
    package func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = node(key), let text = scalarString(value, key: key),
            !text.value.isEmpty
        else {
            if required { missing(key) }
            return nil
        }
        return text
    }

    /// A field and its `_en` twin.
    package func text(_ key: String, required: Bool = false) -> BilingualText? {
        let zh = string(key, required: required)
        let en = string(key + "_en")
        guard let zh else { return nil }
        return BilingualText(zh: zh, en: en)
    }

    package func date(_ key: String, required: Bool = false) -> Located<LocalDate>? {
        guard let value = string(key, required: required) else { return nil }
        return parseDate(value, key: key)
    }

    package func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil)
        -> Located<Int>?
    {
        guard let value = string(key, required: required) else { return nil }
        guard let number = Int(value.value), range.map({ $0.contains(number) }) ?? true else {
            let bounds = range.map { " (\($0.lowerBound)–\($0.upperBound))" } ?? ""
            wrongType(key, value.location, zh: "整数\(bounds)", en: "a whole number\(bounds)")
            return nil
        }
        return Located(number, at: value.location)
    }

    package func number(_ key: String) -> Located<Double>? {
        guard let value = string(key) else { return nil }
        guard let number = Double(value.value), number.isFinite, number >= 0 else {
            wrongType(key, value.location, zh: "非负数", en: "a number of zero or more")
            return nil
        }
        return Located(number, at: value.location)
    }

    package func bool(_ key: String) -> Located<Bool>? {
        guard let value = string(key) else { return nil }
        switch value.value.lowercased() {
        case "true", "yes", "on": return Located(true, at: value.location)
        case "false", "no", "off": return Located(false, at: value.location)
        default:
            wrongType(key, value.location, zh: "true 或 false", en: "true or false")
            return nil
        }
    }

    package func enumeration<E: RawRepresentable & CaseIterable>(
        _ key: String, _ type: E.Type, required: Bool = false
    ) -> Located<E>? where E.RawValue == String {
        guard let value = string(key, required: required) else { return nil }
        return parseEnum(value, type, key: key)
    }

    // MARK: - Collections

    /// A list of scalars; a scalar where a list belongs is reported, not guessed at.
    package func stringList(_ key: String) -> [Located<String>] {
        guard let value = node(key) else { return [] }
        guard let sequence = value.sequence else {
            wrongList(key, value)
            return []
        }
        return sequence.compactMap { scalarString($0, key: key) }
    }

    /// A list of identifiers (member IDs, types, slide names, languages): what people type
    /// between items that YAML does not split on is one mistake with one fix, and the items
    /// still count, so that no member is reported absent or unknown on top of it.
    ///
    /// `[m01，m02]` (full-width commas, which YAML reads as one item `m01，m02`) and
    /// `attendees: m01, m02` (a value where a list belongs) are each reported once with the
    /// exact text to write, and read as the list they mean. Free-text lists (topics,
    /// decisions, units) keep their commas: there a comma is part of the text.
    package func identifierList(_ key: String) -> [Located<String>] {
        guard let value = node(key) else { return [] }
        if let sequence = value.sequence {
            // Appended one by one, not flat-mapped: an array for each item, for every attendee
            // of every record, was most of what a list cost beyond its strings.
            var items: [Located<String>] = []
            items.reserveCapacity(sequence.count)
            for index in sequence.indices {
                guard let scalar = scalarString(sequence[index], key: key) else { continue }
                // Almost every item is one ASCII ID: without a comma, a semicolon or any
                // non-ASCII byte (the full-width separators) it cannot hold several, and the
                // split by characters, a tenth of `check` on a large site, is skipped.
                if !scalar.value.utf8.contains(where: {
                    $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 >= 0x80
                }) {
                    items.append(scalar)
                    continue
                }
                let parts = Self.items(scalar.value)
                guard parts.count > 1 else {
                    items.append(scalar)
                    continue
                }
                let written = parts.joined(separator: ", ")
                let fullWidth = scalar.value.contains { Self.fullWidthSeparators.contains($0) }
                bag.add(
                    Diagnostic(
                        rule: .fieldType, severity: .error,
                        message: fullWidth
                            ? LocalizedText(
                                zh: "`\(key)` 的各项之间用了全角逗号或顿号，被读成了一项：\(scalar.value)",
                                en: "`\(key)` separates its items with full-width commas, so they "
                                    + "read as one item: \(scalar.value)")
                            : LocalizedText(
                                zh: "`\(key)` 的一项里写了多个值：\(scalar.value)",
                                en: "one item of `\(key)` holds several values: \(scalar.value)"),
                        location: scalar.location,
                        help: [
                            LocalizedText(
                                zh: "改为半角逗号加空格：`\(written)`",
                                en: "separate them with ASCII commas: `\(written)`")
                        ],
                        fix: TextFix(original: scalar.value, replacement: written)))
                items += parts.map { Located($0, at: scalar.location) }
            }
            return items
        }
        guard value.scalar != nil, let scalar = scalarString(value, key: key) else {
            wrongList(key, value)
            return []
        }
        let parts = Self.items(scalar.value, spaces: true)
        let written = "[" + parts.joined(separator: ", ") + "]"
        bag.add(
            Diagnostic(
                rule: .fieldType, severity: .error,
                message: LocalizedText(zh: "`\(key)` 应是列表", en: "`\(key)` must be a list"),
                location: scalar.location,
                help: [
                    LocalizedText(zh: "改为 `\(key): \(written)`", en: "write `\(key): \(written)`")
                ],
                fix: TextFix(original: scalar.value, replacement: written)))
        return parts.map { Located($0, at: scalar.location) }
    }

    private static let fullWidthSeparators: Set<Character> = ["，", "、", "；"]

    /// The identifiers in `text`, split at ASCII and full-width commas, the enumeration comma
    /// and semicolons (and at spaces, for a value where a list belongs).
    private static func items(_ text: String, spaces: Bool = false) -> [String] {
        text.split {
            $0 == "," || $0 == ";" || fullWidthSeparators.contains($0)
                || (spaces && $0.isWhitespace)
        }
        .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A list of nodes (for lists of mappings), or nil with a diagnostic if not a list.
    package func list(_ key: String) -> [YAMLNode]? {
        guard let value = node(key) else { return nil }
        guard let sequence = value.sequence else {
            wrongList(key, value)
            return nil
        }
        return sequence.nodes
    }

    package func mapping(_ key: String, allowed: [String], what: LocalizedText) -> FieldReader? {
        guard let value = node(key) else { return nil }
        return FieldReader(
            value, file: file, firstLine: firstLine, bag: bag, allowed: allowed, what: what)
    }

    package func child(_ node: YAMLNode, allowed: [String], what: LocalizedText) -> FieldReader? {
        FieldReader(node, file: file, firstLine: firstLine, bag: bag, allowed: allowed, what: what)
    }

    // MARK: - Shared parsing

    package func parseDate(_ value: Located<String>, key: String) -> Located<LocalDate>? {
        DateCells(bag: bag).parse(value, key: key, spreadsheet: false)
    }

    package func parseEnum<E: RawRepresentable & CaseIterable>(
        _ value: Located<String>, _ type: E.Type, key: String
    ) -> Located<E>? where E.RawValue == String {
        if let parsed = E(rawValue: value.value) { return Located(parsed, at: value.location) }
        if let aliased = E.self as? any ChineseAliases.Type,
            let parsed = aliased.value(forAlias: value.value) as? E
        {
            return Located(parsed, at: value.location)
        }
        let options = E.allCases.map(\.rawValue)
        var help = [
            LocalizedText(
                zh: "可选值：\(options.joined(separator: ", "))",
                en: "one of: \(options.joined(separator: ", "))")
        ]
        if let suggestion = Suggestion.nearest(to: value.value, in: options) {
            help.insert(
                Suggestion.didYouMean(suggestion),
                at: 0)
        }
        bag.add(
            Diagnostic(
                rule: .fieldType, severity: .error,
                message: LocalizedText(
                    zh: "`\(key)` 的值 `\(value.value)` 无效",
                    en: "`\(key)` has an unknown value `\(value.value)`"),
                location: value.location, help: help))
        return nil
    }

    package func scalarString(_ node: YAMLNode, key: String) -> Located<String>? {
        guard let scalar = node.scalar else {
            let shape =
                node.sequence != nil
                ? LocalizedText(zh: "列表", en: "a list") : LocalizedText(zh: "映射", en: "a mapping")
            bag.add(
                .fieldType, .error, at: place(node),
                zh: "`\(key)` 应是单个值，这里却是\(shape.zh)",
                en: "`\(key)` must be a single value, not \(shape.en)")
            return nil
        }
        return Located(
            scalar.string.trimmingWhitespace(),
            at: YAMLText.location(of: scalar, file: file, firstLine: firstLine))
    }

    package func missing(_ key: String) {
        bag.add(
            .fieldMissing, .error, at: location,
            zh: "缺少必填字段 `\(key)`", en: "required field `\(key)` is missing",
            helpZh: "添加一行 `\(key): …`", helpEn: "add a line `\(key): …`")
    }

    package func isNull(_ node: YAMLNode?) -> Bool {
        guard case .scalar(let scalar)? = node,
            scalar.style == .plain || scalar.style == .any
        else { return false }
        // By length first: asked for every field of every file, and almost never null.
        let text = scalar.string
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }

    // MARK: - Diagnostics

    private func wrongType(_ key: String, _ location: SourceLocation, zh: String, en: String) {
        bag.add(
            .fieldType, .error, at: location,
            zh: "`\(key)` 应是\(zh)", en: "`\(key)` must be \(en)")
    }

    private func wrongList(_ key: String, _ value: YAMLNode) {
        bag.add(
            .fieldType, .error, at: place(value),
            zh: "`\(key)` 应是列表", en: "`\(key)` must be a list",
            helpZh: "写成 `\(key): [甲, 乙]`，或每项一行以“- ”开头",
            helpEn: "write `\(key): [a, b]`, or one item per line starting with `- `")
    }
}
