import Foundation
import Testing
import Yams
import ZhibuKit
import ZhibuModel

/// zhibu composes libyaml's events itself (`YAMLComposer`); Yams' composer, which it replaced,
/// is the reference. Every text here, and the YAML of every file in the example site and the
/// fixtures, must give the same tree (kinds, texts, styles, places, tags) or the same error
/// (message and place) both ways.
@Suite struct YAMLComposerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Texts that exercise each rule of composing and each kind of libyaml error.
    static let cases: [String] = [
        "", "\n", "# only a comment\n", "---\n", "--- \n...\n", "~\n", "a\n",
        "title: 支部委员会\ndate: 2026-11-05\n",
        "title: \"quoted\"\nnote: 'single'\nplain: text\nempty:\nnull: ~\n",
        "attendees: [m01, m02, \"m03\"]\nabsent:\n  - member: m04\n    reason: 出差\n  - m05\n",
        "body: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
        "base: &b {x: 1, y: 2}\ncopy: *b\nlist: &l [1, 2]\nagain: *l\nword: &w hi\necho: *w\n",
        "merge: &m {a: 1}\nother:\n  <<: *m\n  b: 2\n",
        "shadow: &a 1\nfirst: *a\nshadow2: &a 2\nsecond: *a\n",
        "x: *nowhere\n",
        "a: 1\na: 2\n",
        "b: 1\na: 1\nb: 2\na: 2\nc: 3\n",
        "a: 1\n\"a\": 2\n",
        "'a': 1\na: 2\n",
        "!!int 1: a\n1: b\n",
        "!!str a: 1\na: 2\n",
        "? [x, y]\n: 1\n? [y, x]\n: 2\n", "? [x]\n: 1\n? !!set [x]\n: 2\n",
        "tagged: !custom value\nseq: !!seq [a]\nmap: !!map {a: b}\nodd: !x [a]\n",
        "nested:\n  inner:\n    k: 1\n    k: 2\n",
        (0..<20).map { "key\($0): \($0)\n" }.joined() + "key7: again\n",
        (0..<20).map { "key\($0): \($0)\n" }.joined(),
        // Beyond 16 keys, a tagged or list key sends the mapping to the pairwise comparison,
        // which must still find a repeated text key after it.
        "!!int 1: tagged\n" + (0..<20).map { "key\($0): \($0)\n" }.joined(),
        "!!int 1: tagged\n" + (0..<20).map { "key\($0): \($0)\n" }.joined() + "key3: again\n",
        "[a]: list\n" + (0..<20).map { "key\($0): \($0)\n" }.joined() + "!!str key3: again\n",
        "a: b: c\n", "a: [1, 2\n", "a: {x: 1\n", "key: \"unclosed\n", "- a\nb: c\n",
        "\ta: 1\n", "a:\n\t- b\n", "名称：第一党支部\n日期: 2026\n", "a: @b\n", "a: `b`\n",
        "a: \"\\q\"\n", "a: !<tag> b\n", "a: !undefined!x b\n",
        "one: 1\n---\ntwo: 2\n", "---\na: 1\n...\n---\nb: [\n",
        "a: \u{1}b\n", "a: \"nul\\0inside\"\n", "list:\n- a\n- b\n  - c\n",
        "  indented: 1\n outdented: 2\n", "a:\n  - b\n  c: d\n",
        "[a, b]: 1\n", "{a: 1}: 2\n", "- - - deep\n", "'it''s': \"tab\\there\"\n",
        "key: value # comment\n# trailer\n", "a: 1\r\nb: 2\r\n", "\u{FEFF}a: 1\n",
        "emoji: 🎉\n中文键: 值\n", "a: b\u{0}c\n", "\u{0}",
        String(repeating: "k", count: 2000) + ": v\n",
        "&x a: *x\n", "- &x\n- *x\n", "- &x [1]\n- *x\n- &x {a: b}\n- *x\n", "!!binary aGk=\n",
        "%YAML 1.1\n---\na: 1\n", "%TAG !e! tag:example.com,2000:\n---\na: !e!foo b\n",
        "a: !!null\n", "{a, b}: 1\n", "? a\n? a\n", "[a, a]\n", "a: &x\nb: *x\n",
        "- a\n-\n- c\n", "a: \"line\\\nfolded\"\n", "a: |+\n  keep\n\n", "a: >-\n  strip\n",
    ]

    @Test func composesEveryCaseAsYamsDid() {
        for text in Self.cases {
            #expect(ours(text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func composesEveryExampleAndFixtureFileAsYamsDid() throws {
        var texts: [String] = []
        for folder in ["Content", "Tests/Fixtures"] {
            let base = Self.root.appendingPathComponent(folder)
            let walk = FileManager.default.enumerator(atPath: base.path)
            while let path = walk?.nextObject() as? String {
                let isYAML = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
                guard isYAML || path.hasSuffix(".md"),
                    let text = try? String(
                        contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                else { continue }
                if isYAML {
                    texts.append(text)
                } else if case .success(let split) = FrontMatter.split(text) {
                    texts.append(split.yaml)
                }
            }
        }
        // The example site alone has hundreds of YAML texts; a walk that found none is broken.
        #expect(texts.count > 300)
        var different = 0
        for text in texts where ours(text) != reference(text) {
            different += 1
            Issue.record("differs from Yams: \(text.prefix(200).debugDescription)")
        }
        #expect(different == 0)
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() {
        let limit = YAMLComposer.depthLimit
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(ours(atLimit).hasPrefix("seq "))
        let beyond = "a: " + String(repeating: "[", count: limit + 50) + "\n"
        guard case .failure(.tooDeep(let line, let column)) = YAMLComposer.compose(beyond) else {
            Issue.record("nesting beyond the limit was not refused: \(ours(beyond).prefix(300))")
            return
        }
        // The map of `a` is the first level: the bracket that goes past is the limit's own.
        #expect(line == 1 && column == 3 + limit, "\(line):\(column)")
        // Far deeper, libyaml stops first, in its own words; it is reported as the same mistake.
        let deep = "a: " + String(repeating: "[", count: 100_000) + "\n"
        guard case .failure(.tooDeep(let deepLine, _)) = YAMLComposer.compose(deep) else {
            Issue.record("nesting of 100,000 was not refused: \(ours(deep).prefix(300))")
            return
        }
        #expect(deepLine == 1)
        let diagnostic = TestSite.load([
            "Content/orgs/first/org.yml": "name: 第一党支部\nkind: branch\nnote: "
                + String(repeating: "{a: ", count: 500)
        ]).diagnostics(.yamlSyntax).first { $0.message.zh.contains("嵌套") }
        #expect(diagnostic?.message.zh == "YAML 嵌套超过 \(limit) 层")
        #expect(diagnostic?.location.line == 3)
    }

    @Test func aDuplicateKeyIsReportedAtItsFirstPlace() {
        guard case .failure(let failure) = YAMLComposer.compose("z: 1\nb: 1\na: 1\nb: 2\nz: 2\n")
        else {
            Issue.record("the duplicate keys were not refused")
            return
        }
        #expect(failure == .duplicateKeys(["b", "z"], line: 2, column: 1))
    }

    /// Yams named a list or map key `<uncovertable>` and, among keys of different kinds, put
    /// them in the order of a hash seeded for each run. zhibu writes such a key as YAML's
    /// flow text, after the text keys, the same on every run.
    @Test func aRepeatedListOrMapKeyIsNamedByItsText() {
        let cases: [(String, YAMLComposer.Failure)] = [
            ("? [x, y]\n: 1\n? [x, y]\n: 2\n", .duplicateKeys(["[x, y]"], line: 1, column: 3)),
            (
                "? {k: v}\n: 1\n? {k: v}\n: 2\nz: 3\nz: 4\n",
                .duplicateKeys(["z", "{k: v}"], line: 5, column: 1)
            ),
            ("? [x]\n: 1\n? !!seq [x]\n: 2\n", .duplicateKeys(["[x]"], line: 1, column: 3)),
        ]
        for (text, expected) in cases {
            guard case .failure(let failure) = YAMLComposer.compose(text) else {
                Issue.record("not refused: \(text.debugDescription)")
                continue
            }
            #expect(failure == expected, "\(text.debugDescription)")
        }
    }

    // MARK: - Both composers as comparable text

    /// One line per node (kind, tag, style, place, text) or one line for the error.
    private func ours(_ text: String) -> String {
        switch YAMLComposer.compose(text) {
        case .success(nil): return "empty"
        case .success(let node?): return dump(node)
        case .failure(.syntax(let context, let problem, let line, let column)):
            return "error \(context ?? "-") | \(problem) @\(line):\(column)"
        case .failure(.duplicateKeys(let keys, let line, let column)):
            return "duplicates \(keys) @\(line):\(column)"
        case .failure(.reader(let problem)): return "reader \(problem)"
        case .failure(let other): return "other \(other)"
        }
    }

    private func reference(_ text: String) -> String {
        do {
            let node = try Yams.compose(
                yaml: text, Resolver.basic.removing(.str), Constructor([:], [:], [:]), .utf8)
            return node.map(dump) ?? "empty"
        } catch YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _)
        {
            return "error \(context?.text ?? "-") | \(problem) @\(mark.line):\(mark.column)"
        } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
            return "duplicates \(keys) @\(context.mark.line):\(context.mark.column)"
        } catch YamlError.reader(let problem, _, _, _) {
            return "reader \(problem)"
        } catch {
            return "other \(error)"
        }
    }

    private func dump(_ node: YAMLNode) -> String {
        let place = "\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar):
            return "scalar \(scalar.tag ?? "-") \(scalar.style.rawValue) @\(place) "
                + scalar.string.debugDescription
        case .sequence(let sequence):
            return "seq \(sequence.tag ?? "-") @\(place) ["
                + sequence.map(dump).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "map \(mapping.tag ?? "-") @\(place) {"
                + mapping.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    private func dump(_ node: Node) -> String {
        let place = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        /// Yams' tag as zhibu keeps it: "-" when implicit or the kind's own.
        func tag(_ raw: String, kind: String) -> String {
            raw.isEmpty || raw == "tag:yaml.org,2002:" + kind ? "-" : raw
        }
        switch node {
        case .scalar(let scalar):
            let head = "scalar " + tag(scalar.tag.rawValue, kind: "str")
            return head + " \(scalar.style.rawValue) @\(place) " + scalar.string.debugDescription
        case .sequence(let sequence):
            let items: [String] = sequence.map { dump($0) }
            let head = "seq " + tag(sequence.tag.rawValue, kind: "seq")
            return head + " @\(place) [" + items.joined(separator: ", ") + "]"
        case .mapping(let mapping):
            let pairs: [String] = mapping.map { dump($0.key) + ": " + dump($0.value) }
            let head = "map " + tag(mapping.tag.rawValue, kind: "map")
            return head + " @\(place) {" + pairs.joined(separator: ", ") + "}"
        case .alias:
            return "alias"
        }
    }
}
