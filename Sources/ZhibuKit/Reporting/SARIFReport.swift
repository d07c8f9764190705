import ZhibuModel
import ZhibuRules

/// SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps).
///
/// One `reportingDescriptor` per rule with its summary, explanation and citation as help, so a
/// finding opened in a code-scanning UI explains itself. Waived findings are results with an
/// external suppression, never dropped. Columns count Unicode code points, as zhibu's do.
package struct SARIFReport {
    package var language: Language
    package var version: String

    package init(language: Language, version: String) {
        self.language = language
        self.version = version
    }

    package func render(_ report: CheckReport) -> String {
        let descriptors = RuleRegistry.descriptors
        let index = Dictionary(
            uniqueKeysWithValues: descriptors.enumerated().map { ($0.element.id, $0.offset) })
        var rules: [String] = []
        for descriptor in descriptors {
            rules.append(rule(descriptor))
        }
        var results: [String] = []
        for diagnostic in report.diagnostics {
            results.append(result(diagnostic, ruleIndex: index[diagnostic.rule]))
        }
        var out = "{\n"
        out += "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        out += "  \"version\": \"2.1.0\",\n"
        out += "  \"runs\": [{\n"
        out +=
            "    \"tool\": {\"driver\": {\"name\": \"zhibu\", \"version\": \(JSON.string(version)), "
        out += "\"informationUri\": \"https://github.com/zhibu/zhibu\",\n"
        out +=
            "      \"rules\": [\n        " + rules.joined(separator: ",\n        ")
            + "\n      ]}},\n"
        out += "    \"columnKind\": \"unicodeCodePoints\",\n"
        out +=
            "    \"originalUriBaseIds\": {\"SITEROOT\": {\"description\": {\"text\": \"the site directory\"}}},\n"
        out += "    \"properties\": {\"asOf\": \(JSON.string(report.asOf.description))},\n"
        out += "    \"results\": ["
        out +=
            results.isEmpty
            ? "]\n" : "\n      " + results.joined(separator: ",\n      ") + "\n    ]\n"
        out += "  }]\n}\n"
        return out
    }

    private func rule(_ descriptor: RuleDescriptor) -> String {
        let summary = descriptor.summary.text(in: language)
        let citation = descriptor.citation.text.text(in: language)
        let documents = descriptor.citation.documents.map { $0.text(in: language) }
        var help = descriptor.explanation.text(in: language) + "\n\n"
        help += (language == .zh ? "依据：" : "Source: ") + citation
        if !documents.isEmpty { help += "\n" + documents.joined(separator: "\n") }
        return "{\"id\": \(JSON.string(descriptor.id.rawValue)), "
            + "\"name\": \(JSON.string(camelName(descriptor.id.rawValue))), "
            + "\"shortDescription\": {\"text\": \(JSON.string(summary))}, "
            + "\"fullDescription\": {\"text\": \(JSON.string(descriptor.explanation.text(in: language)))}, "
            + "\"help\": {\"text\": \(JSON.string(help))}, "
            + "\"defaultConfiguration\": {\"level\": \"\(level(descriptor.defaultSeverity))\"}, "
            + "\"properties\": {\"citation\": \(JSON.string(citation)), "
            + "\"tags\": [\(JSON.string(descriptor.id.rawValue.split(separator: ".").first.map(String.init) ?? "")), "
            + "\"party-branch-standardization\"]}}"
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: Int?) -> String {
        var fields = [
            "\"ruleId\": \(JSON.string(diagnostic.rule.rawValue))"
        ]
        if let ruleIndex { fields.append("\"ruleIndex\": \(ruleIndex)") }
        fields.append("\"level\": \"\(level(diagnostic.severity))\"")
        fields.append("\"message\": {\"text\": \(JSON.string(message(diagnostic)))}")
        var physical =
            "\"artifactLocation\": {\"uri\": \(JSON.string(uri(diagnostic.location.file))), "
            + "\"uriBaseId\": \"SITEROOT\"}"
        if let line = diagnostic.location.line {
            let column = diagnostic.location.column ?? 1
            physical +=
                ", \"region\": {\"startLine\": \(line), \"startColumn\": \(column), "
                + "\"endColumn\": \(column + diagnostic.location.length)}"
        }
        fields.append("\"locations\": [{\"physicalLocation\": {\(physical)}}]")
        if diagnostic.waived {
            let justification = diagnostic.notes.last?.text(in: language) ?? ""
            fields.append(
                "\"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", "
                    + "\"justification\": \(JSON.string(justification))}]")
        }
        var properties: [String] = []
        if let org = diagnostic.org { properties.append("\"org\": \(JSON.string(org))") }
        if let period = diagnostic.period {
            properties.append("\"period\": \(JSON.string(period))")
        }
        if !properties.isEmpty {
            fields.append("\"properties\": {\(properties.joined(separator: ", "))}")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func message(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.message.text(in: language)
        for help in diagnostic.help {
            text += (language == .zh ? "。建议：" : ". Help: ") + help.text(in: language)
        }
        return text
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative URI: path segments percent-encoded, slashes kept.
    private func uri(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var encoded = ""
            for byte in segment.utf8 {
                let isSafe =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                    || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E
                    || byte == 0x5F || byte == 0x7E
                if isSafe {
                    encoded.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return encoded
        }.joined(separator: "/")
    }

    /// `meeting.themed-day-monthly` → `MeetingThemedDayMonthly`, SARIF's rule `name`.
    private func camelName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" }).map {
            $0.prefix(1).uppercased() + $0.dropFirst()
        }
        .joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
