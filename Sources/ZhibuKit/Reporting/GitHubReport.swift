import Foundation
import ZhibuModel

/// GitHub Actions workflow commands (`::error file=…::message`), most severe first.
///
/// GitHub shows only ten annotations of a kind per step, so errors come first and, when
/// `GITHUB_STEP_SUMMARY` is set, the CLI also writes the complete list there as a Markdown table.
package struct GitHubReport {
    package var language: Language

    package init(language: Language) { self.language = language }

    package func render(_ report: CheckReport) -> String {
        let ordered = report.diagnostics.enumerated().sorted {
            if $0.element.severity != $1.element.severity {
                return $0.element.severity > $1.element.severity
            }
            return $0.offset < $1.offset
        }.map(\.element)
        var out = ""
        for diagnostic in ordered {
            let command =
                switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            var properties = ["file=\(property(diagnostic.location.file))"]
            if let line = diagnostic.location.line {
                properties.append("line=\(line)")
                properties.append("col=\(diagnostic.location.column ?? 1)")
            }
            properties.append("title=\(property(diagnostic.rule.rawValue))")
            var message = diagnostic.message.text(in: language)
            if diagnostic.waived { message += language == .zh ? "（已豁免）" : " (waived)" }
            for help in diagnostic.help { message += "\n" + help.text(in: language) }
            out += "::\(command) \(properties.joined(separator: ","))::\(data(message))\n"
        }
        return out
    }

    /// The complete list as a Markdown table, for `$GITHUB_STEP_SUMMARY`.
    package func summary(_ report: CheckReport) -> String {
        let zh = language == .zh
        var out =
            zh
            ? "## zhibu 检查结果（截至 \(report.asOf)）\n\n" : "## zhibu check (as of \(report.asOf))\n\n"
        out +=
            zh
            ? "\(report.errorCount) 个错误，\(report.warningCount) 个警告，\(report.noteCount) 个提示\n\n"
            : "\(report.errorCount) errors, \(report.warningCount) warnings, \(report.noteCount) notes\n\n"
        guard !report.diagnostics.isEmpty else { return out }
        out +=
            zh
            ? "| 级别 | 规则 | 位置 | 组织 | 期间 | 问题 |\n"
            : "| severity | rule | place | organization | period | problem |\n"
        out += "|---|---|---|---|---|---|\n"
        for diagnostic in report.diagnostics {
            var place = diagnostic.location.file
            if let line = diagnostic.location.line { place += ":\(line)" }
            let severity =
                diagnostic.waived ? (zh ? "已豁免" : "waived") : diagnostic.severity.rawValue
            out +=
                "| \(severity) | `\(diagnostic.rule)` | \(cell(place)) | \(cell(diagnostic.org ?? "")) | "
                + "\(diagnostic.period ?? "") | \(cell(diagnostic.message.text(in: language))) |\n"
        }
        return out
    }

    private func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
            of: ",", with: "%2C")
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
