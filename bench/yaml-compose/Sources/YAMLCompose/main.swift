// Usage: swift run -c release YAMLCompose <site>/Content
//
// Reads the front matter of every Markdown file and every YAML file below the folder, then
// parses them all on one thread, five rounds, three ways:
//   - `Yams.compose`, as zhibu's `YAMLText.parse` called it before `YAMLComposer` (its
//     resolver and constructor);
//   - libyaml's events alone (the parser Yams bundles), the floor of any composer;
//   - those events made into a lean tree (strings, styles, lines and columns) with each
//     mapping's keys checked for duplicates, as `Yams.compose` checks them.
// Every tree is freed inside its round, so each figure includes freeing what it made.
import CYaml
import Foundation
import Yams

/// The YAML of each file: a `.yml` whole, a `.md`'s front matter between its `---` lines.
func yamlTexts(below root: String) -> [String] {
    var texts: [String] = []
    guard let walk = FileManager.default.enumerator(atPath: root) else { return [] }
    while let path = walk.nextObject() as? String {
        guard path.hasSuffix(".md") || path.hasSuffix(".yml"),
            let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
        else { continue }
        if path.hasSuffix(".yml") {
            texts.append(text)
            continue
        }
        guard text.hasPrefix("---\n"),
            let end = text.range(
                of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { continue }
        texts.append(String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n")
    }
    return texts.sorted()
}

/// What a reader of zhibu needs of a node: its text or children, its style, its place.
indirect enum LeanNode {
    case scalar(String, style: UInt8, line: Int32, column: Int32)
    case sequence([LeanNode], line: Int32, column: Int32)
    case mapping([(LeanNode, LeanNode)], line: Int32, column: Int32)
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The number of top-level fields, so that the work cannot be optimized away.
func composeWithYams(_ texts: [String]) -> Int {
    var fields = 0
    for text in texts {
        let node = try? Yams.compose(
            yaml: text, Resolver.basic.removing(.str), Constructor([:], [:], [:]), .utf8)
        fields += node?.mapping?.count ?? 0
    }
    return fields
}

/// Events, or with `build` a lean tree; the count of events or of top-level fields.
func composeFromEvents(_ texts: [String], build: Bool) -> Int {
    var total = 0
    for var text in texts {
        text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            yaml_parser_initialize(&parser)
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var open: [(children: [LeanNode], isMapping: Bool, line: Int32, column: Int32)] = []
            var root: LeanNode?
            func add(_ node: LeanNode) {
                if open.isEmpty { root = node } else { open[open.count - 1].children.append(node) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { break }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                guard build else {
                    total += 1
                    continue
                }
                let line = Int32(event.start_mark.line) + 1
                let column = Int32(event.start_mark.column) + 1
                switch event.type {
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let text = String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                        as: UTF8.self)
                    add(
                        .scalar(
                            text, style: UInt8(scalar.style.rawValue), line: line,
                            column: column))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    open.append(([], event.type == YAML_MAPPING_START_EVENT, line, column))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let node = open.removeLast()
                    guard node.isMapping else {
                        add(.sequence(node.children, line: node.line, column: node.column))
                        continue
                    }
                    var pairs: [(LeanNode, LeanNode)] = []
                    pairs.reserveCapacity(node.children.count / 2)
                    var keys = Set<String>()
                    var index = 0
                    while index + 1 < node.children.count {
                        if case .scalar(let key, _, _, _) = node.children[index],
                            !keys.insert(key).inserted
                        {
                            total += 1_000_000
                        }
                        pairs.append((node.children[index], node.children[index + 1]))
                        index += 2
                    }
                    add(.mapping(pairs, line: node.line, column: node.column))
                default:
                    break
                }
            }
            if case .mapping(let pairs, _, _)? = root { total += pairs.count }
        }
    }
    return total
}

let texts = yamlTexts(below: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".")
print("files", texts.count, "bytes", texts.reduce(0) { $0 + $1.utf8.count })
var times: [[Double]] = [[], [], []]
for _ in 0..<5 {
    let ways: [() -> Int] = [
        { composeWithYams(texts) }, { composeFromEvents(texts, build: false) },
        { composeFromEvents(texts, build: true) },
    ]
    for way in ways.indices {
        let start = cpuSeconds()
        _ = ways[way]()
        times[way].append(cpuSeconds() - start)
    }
}
let medians = times.map { $0.sorted()[$0.count / 2] * 1000 }
print(
    String(
        format: "medians of 5 rounds, one thread: Yams.compose %.1f ms; libyaml events %.1f ms; "
            + "events made into a lean tree %.1f ms", medians[0], medians[1], medians[2]))
