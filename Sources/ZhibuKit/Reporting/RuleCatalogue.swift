import ZhibuModel
import ZhibuRules

/// The text of `zhibu rules`: a table of every rule, or one rule explained like `rustc --explain`.
package struct RuleCatalogue {
    package var language: Language

    package init(language: Language) { self.language = language }

    /// ID, severity, summary and citation of every rule, in ID order, aligned for a terminal.
    package func table() -> String {
        let rows = RuleRegistry.descriptors.map { descriptor in
            [
                descriptor.id.rawValue, descriptor.defaultSeverity.rawValue,
                descriptor.summary.text(in: language),
                descriptor.citation.text.text(in: language),
            ]
        }
        let header =
            language == .zh ? ["规则", "级别", "要求", "依据"] : ["rule", "severity", "summary", "source"]
        let widths = (0..<3).map { column in
            ([header] + rows).map { $0[column].displayWidth }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                if index < 3 {
                    text +=
                        cell + String(repeating: " ", count: widths[index] - cell.displayWidth + 2)
                } else {
                    text += cell
                }
            }
            return text + "\n"
        }
        var out = line(header)
        for row in rows { out += line(row) }
        out +=
            language == .zh
            ? "\n共 \(rows.count) 条规则。运行 `zhibu rules <规则>` 查看说明和示例。\n"
            : "\n\(rows.count) rules. Run `zhibu rules <rule>` for its explanation and examples.\n"
        return out
    }

    /// One rule: summary, severity, scope, citation with the documents' titles, the explanation,
    /// and its passing and failing examples as changes to the example site.
    /// Every rule's ID, loading rules included, sorted.
    package static var ids: [RuleID] { RuleRegistry.descriptors.map(\.id) }

    /// The explanation of the rule with this ID, or nil when there is none.
    package func explain(_ id: RuleID) -> String? {
        RuleRegistry.descriptor(id).map(explain)
    }

    package func explain(_ descriptor: RuleDescriptor) -> String {
        let zh = language == .zh
        var out = "\(descriptor.id)\n"
        out += descriptor.summary.text(in: language) + "\n\n"
        out +=
            (zh ? "级别：" : "severity: ") + descriptor.defaultSeverity.label.text(in: language) + "\n"
        out += (zh ? "适用：" : "applies to: ") + descriptor.scope.label.text(in: language) + "\n"
        out += (zh ? "依据：" : "source: ") + descriptor.citation.text.text(in: language) + "\n"
        for document in descriptor.citation.documents {
            out += "  " + document.text(in: language) + "\n"
        }
        out += "\n" + descriptor.explanation.text(in: language) + "\n"
        out += example(zh ? "通过的示例" : "Passing examples", descriptor.examples.passing, mark: "✓")
        out += example(zh ? "不通过的示例" : "Failing examples", descriptor.examples.failing, mark: "✗")
        out +=
            zh
            ? "\n示例都是对同一个规范的示例支部（截至 \(ExampleSite.asOf)）的修改。\n"
            : "\nEach example is a change to the same clean example branch (as of \(ExampleSite.asOf)).\n"
        return out
    }

    private func example(_ heading: String, _ examples: [RuleExample], mark: String) -> String {
        guard !examples.isEmpty else { return "" }
        var out = "\n\(heading):\n"
        for example in examples {
            out += "\n  \(mark) \(example.title.text(in: language))\n"
            for (path, text) in example.changes.sorted(by: { $0.key < $1.key }) {
                guard let text else {
                    out += (language == .zh ? "    删除 " : "    remove ") + path + "\n"
                    continue
                }
                out += "    " + path + "\n"
                for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                {
                    out += "      | " + line + "\n"
                }
            }
        }
        return out
    }
}
