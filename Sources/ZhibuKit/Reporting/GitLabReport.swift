import ZhibuModel

/// GitLab Code Quality JSON: an array of issues with a stable fingerprint each.
///
/// GitLab compares fingerprints between the merge request and its target branch to show what a
/// change fixed or introduced, so the fingerprint depends on the finding, not on its order.
package struct GitLabReport {
    package var language: Language

    package init(language: Language) { self.language = language }

    package func render(_ report: CheckReport) -> String {
        let issues = report.diagnostics.map { diagnostic -> String in
            let severity =
                switch diagnostic.severity {
                case .error: "major"
                case .warning: "minor"
                case .note: "info"
                }
            let key = [
                diagnostic.rule.rawValue, diagnostic.location.file,
                "\(diagnostic.location.line ?? 0):\(diagnostic.location.column ?? 0)",
                diagnostic.org ?? "", diagnostic.period ?? "", diagnostic.message.en,
            ].joined(separator: "\u{1F}")
            var description = diagnostic.message.text(in: language)
            if diagnostic.waived { description += language == .zh ? "（已豁免）" : " (waived)" }
            return "{\"description\": \(JSON.string(description)), "
                + "\"check_name\": \(JSON.string(diagnostic.rule.rawValue)), "
                + "\"fingerprint\": \"\(Fingerprint.hex(key))\", \"severity\": \"\(severity)\", "
                + "\"location\": {\"path\": \(JSON.string(diagnostic.location.file)), "
                + "\"lines\": {\"begin\": \(diagnostic.location.line ?? 1)}}}"
        }
        return issues.isEmpty ? "[]\n" : "[\n  " + issues.joined(separator: ",\n  ") + "\n]\n"
    }
}
