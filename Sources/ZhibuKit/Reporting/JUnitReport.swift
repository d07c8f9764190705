import Foundation
import ZhibuModel
import ZhibuRules

/// JUnit XML for Jenkins and GitLab test reports: one test case per rule and organization.
///
/// Each organization is a test suite and each rule that applies to it a test case, so a CI page
/// shows the scorecard as passed and failed tests. Findings that fail the build (errors, and
/// warnings under `--strict`) are failures; the others are written to the case's output.
package struct JUnitReport {
    package var language: Language
    package var strict: Bool

    package init(language: Language, strict: Bool) {
        self.language = language
        self.strict = strict
    }

    package func render(_ report: CheckReport) -> String {
        var byOrg: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            byOrg[diagnostic.org ?? "", default: []].append(diagnostic)
        }
        var suites: [(name: String, cases: [(rule: RuleID, findings: [Diagnostic])])] = []
        let siteWide = byOrg[""] ?? []
        if !siteWide.isEmpty {
            let rules = Set(siteWide.map(\.rule)).sorted()
            suites.append(
                ("(site)", rules.map { rule in (rule, siteWide.filter { $0.rule == rule }) }))
        }
        for org in report.summary.organizations {
            let findings = byOrg[org.path] ?? []
            var rules = Set(findings.map(\.rule))
            for descriptor in RuleRegistry.descriptors where applies(descriptor, to: org) {
                rules.insert(descriptor.id)
            }
            suites.append(
                (
                    org.path,
                    rules.sorted().map { rule in (rule, findings.filter { $0.rule == rule }) }
                ))
        }
        let totalCases = suites.reduce(0) { $0 + $1.cases.count }
        let totalFailures = suites.reduce(0) { total, suite in
            total + suite.cases.filter { fails($0.findings) }.count
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"zhibu\" tests=\"\(totalCases)\" failures=\"\(totalFailures)\" "
            + "errors=\"0\" time=\"0\">\n"
        for suite in suites {
            let failures = suite.cases.filter { fails($0.findings) }.count
            out +=
                "  <testsuite name=\(attribute(suite.name)) tests=\"\(suite.cases.count)\" "
                + "failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            for testCase in suite.cases {
                let classname = "zhibu." + (suite.name == "(site)" ? "site" : suite.name)
                out +=
                    "    <testcase classname=\(attribute(classname)) "
                    + "name=\(attribute(testCase.rule.rawValue)) time=\"0\""
                if testCase.findings.isEmpty {
                    out += "/>\n"
                    continue
                }
                out += ">\n"
                let lines = testCase.findings.map(line).joined(separator: "\n")
                if fails(testCase.findings) {
                    let first = testCase.findings[0].message.text(in: language)
                    let type =
                        testCase.findings.contains { $0.severity == .error } ? "error" : "warning"
                    out +=
                        "      <failure message=\(attribute(first)) type=\"\(type)\">"
                        + text(lines) + "</failure>\n"
                } else {
                    out += "      <system-out>" + text(lines) + "</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private func fails(_ findings: [Diagnostic]) -> Bool {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    private func applies(_ descriptor: RuleDescriptor, to org: SiteSummary.Org) -> Bool {
        if descriptor.id.rawValue.hasPrefix("load.") { return false }
        switch descriptor.scope {
        case .branches: return org.kind.isBranch
        case .allOrganizations, .content: return true
        }
    }

    private func line(_ diagnostic: Diagnostic) -> String {
        var place = diagnostic.location.file
        if let line = diagnostic.location.line {
            place += ":\(line):\(diagnostic.location.column ?? 1)"
        }
        var text =
            "\(place): \(diagnostic.severity.rawValue): \(diagnostic.message.text(in: language))"
        if diagnostic.waived { text += language == .zh ? "（已豁免）" : " (waived)" }
        return text
    }

    private func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                // XML 1.0 forbids most control characters even when escaped.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func attribute(_ value: String) -> String {
        "\""
            + text(value).replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "&#10;") + "\""
    }
}
