import CYaml

/// Makes libyaml's events into `YAMLNode`s: one document, aliases resolved, duplicate keys
/// refused, nesting bounded.
///
/// libyaml (the copy Yams bundles and keeps up) does the scanning and parsing and writes every
/// syntax message. This is only the composing step, kept here because Yams' composer built a
/// typed node with a tag object for every value, which zhibu never reads: composing through it
/// was 18 % of a render's CPU, four times libyaml's own parsing (`bench/yaml-compose`). The
/// rules of composing are Yams' own, so that every file means and reports what it did before:
/// a stream holds at most one document, an alias stands for a copy of its anchor's node, and
/// a mapping with two equal keys (same text and tag, whatever the quotes) is an error naming
/// them all. Beyond Yams, nesting deeper than `depthLimit` is refused at its place (Yams
/// recursed as deep as libyaml's bound of 1,000 levels): nothing zhibu reads is more than a few
/// levels deep, and the tree is built without recursion.
package enum YAMLComposer {
    /// Deeper than any file zhibu reads could need; far from any thread's stack limit.
    package static let depthLimit = 100

    package enum Failure: Error, Equatable {
        /// libyaml's scanner or parser, or a composing rule: `context` (libyaml's, with its own
        /// place) says what was being read, `problem` what is wrong, at `line` and `column`.
        case syntax(context: String?, problem: String, line: Int, column: Int)
        /// libyaml's reader: a character YAML does not allow, such as a control character.
        case reader(problem: String)
        /// Keys written more than once, sorted, at the first place of the first of them; a list
        /// or map key in flow style (`[a, b]`).
        case duplicateKeys([String], line: Int, column: Int)
        /// Nesting deeper than `depthLimit` (at the collection that goes past it), or than
        /// libyaml's own bound (where libyaml stopped).
        case tooDeep(line: Int, column: Int)
        case memory
    }

    /// The document `text` holds, nil for an empty stream (only blanks and comments).
    package static func compose(_ text: String) -> Result<YAMLNode?, Failure> {
        var text = text
        return text.withUTF8 { bytes -> Result<YAMLNode?, Failure> in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(nil) }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.memory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, bytes.count)
            return compose(&parser)
        }
    }

    /// A collection being read: its children so far (a mapping's keys and values alternate).
    private struct Open {
        var children: [YAMLNode] = []
        let isMapping: Bool
        let mark: YAMLNode.Mark
        let tag: String?
        let anchor: String?
    }

    private static func compose(_ parser: inout yaml_parser_t) -> Result<YAMLNode?, Failure> {
        var open: [Open] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(failure(of: parser))
            }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: YAMLNode?
            var anchor: String?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        .syntax(
                            context: "expected a single document in the stream",
                            problem: "but found another document", line: mark.line,
                            column: mark.column))
                }
                continue
            case YAML_ALIAS_EVENT:
                guard let name = string(event.data.alias.anchor), let node = anchors[name] else {
                    return .failure(
                        .syntax(
                            context: nil, problem: "found undefined alias", line: mark.line,
                            column: mark.column))
                }
                finished = node
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                // An untagged quoted scalar is a string, as a plain one is without rules.
                let tag = scalar.quoted_implicit == 1 ? nil : string(scalar.tag)
                finished = .scalar(
                    YAMLNode.Scalar(
                        string: String(decoding: value, as: UTF8.self),
                        style: YAMLNode.Style(
                            rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue))
                            ?? .any,
                        mark: mark, tag: tag == strTag ? nil : tag))
                anchor = string(scalar.anchor)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard open.count < depthLimit else {
                    return .failure(.tooDeep(line: mark.line, column: mark.column))
                }
                // The two start events share their layout: anchor, tag, implicit, style.
                let start = event.data.sequence_start
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tag = start.implicit != 0 ? nil : string(start.tag)
                open.append(
                    Open(
                        isMapping: isMapping, mark: mark,
                        tag: tag == (isMapping ? mapTag : seqTag) ? nil : tag,
                        anchor: string(start.anchor)))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { continue }
                if collection.isMapping {
                    if let duplicates = duplicateKeys(collection.children) {
                        return .failure(duplicates)
                    }
                    finished = .mapping(
                        YAMLNode.Mapping(
                            keysAndValues: collection.children, mark: collection.mark,
                            tag: collection.tag))
                } else {
                    finished = .sequence(
                        YAMLNode.Sequence(
                            nodes: collection.children, mark: collection.mark, tag: collection.tag))
                }
                anchor = collection.anchor
            default:
                continue
            }
            guard let node = finished else { continue }
            if let anchor { anchors[anchor] = node }
            if open.isEmpty {
                root = node
            } else {
                open[open.count - 1].children.append(node)
            }
        }
    }

    private static let strTag = "tag:yaml.org,2002:str"
    private static let seqTag = "tag:yaml.org,2002:seq"
    private static let mapTag = "tag:yaml.org,2002:map"

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The duplicate-key failure of a mapping's keys and values, or nil when every key differs.
    ///
    /// Front matter has a dozen keys: below 16 every pair is compared (no hashing, no
    /// allocation); above, plain untagged text keys go through a set, and a mapping with any
    /// other key is left to the report, which compares every pair.
    private static func duplicateKeys(_ keysAndValues: [YAMLNode]) -> Failure? {
        let count = keysAndValues.count / 2
        if count < 16 {
            for index in 0..<count {
                for earlier in 0..<index
                where keysAndValues[2 * earlier].isSameKey(as: keysAndValues[2 * index]) {
                    return duplicateReport(keysAndValues)
                }
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: count)
        for index in 0..<count {
            guard case .scalar(let key) = keysAndValues[2 * index], key.tag == nil,
                seen.insert(key.string).inserted
            else { return duplicateReport(keysAndValues) }
        }
        return nil
    }

    /// The report of duplicate keys, as Yams made it: every key written more than once, sorted,
    /// at the first place of the first of them. Text keys come first and list or map keys after
    /// them in file order (Yams left those in the order of a hash seeded for each run). Only
    /// reached for a mapping that may have one, so it compares every pair of keys.
    private static func duplicateReport(_ keysAndValues: [YAMLNode]) -> Failure? {
        let keys = stride(from: 0, to: keysAndValues.count - 1, by: 2).map { keysAndValues[$0] }
        var repeated: [YAMLNode] = []
        for (index, key) in keys.enumerated()
        where !repeated.contains(where: { $0.isSameKey(as: key) }) {
            if keys[(index + 1)...].contains(where: { $0.isSameKey(as: key) }) {
                repeated.append(key)
            }
        }
        guard !repeated.isEmpty else { return nil }
        // Text keys by text, then the others by their place: a total order, whatever the sort.
        repeated.sort { left, right in
            switch (left.scalar, right.scalar) {
            case (let left?, let right?): return left.string < right.string
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none):
                return (left.mark.line, left.mark.column) < (right.mark.line, right.mark.column)
            }
        }
        let first = repeated[0].mark
        return .duplicateKeys(repeated.map(flowText), line: first.line, column: first.column)
    }

    /// A key as the user would write it on one line: text as is, a list or map in flow style.
    private static func flowText(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence):
            return "[" + sequence.nodes.map(flowText).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{"
                + mapping.map { flowText($0.key) + ": " + flowText($0.value) }
                .joined(separator: ", ") + "}"
        }
    }

    /// libyaml's error as a failure, with its context where it gives one.
    private static func failure(of parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return .memory
        case YAML_READER_ERROR:
            return .reader(problem: problem)
        // libyaml's own bound (1,000 levels, counted from how far its scanner has read ahead)
        // says so in words meant for a programmer; it is the same mistake as ours.
        case YAML_PARSER_ERROR where problem.hasPrefix("Maximum nesting level reached"):
            return .tooDeep(
                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1
            )
        default:
            return .syntax(
                context: parser.context.map { String(cString: $0) }, problem: problem,
                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1
            )
        }
    }
}
