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

/// A 128-bit FNV-1a hash as 32 hex digits: stable across runs and platforms, not cryptographic.
package enum Fingerprint {
    package static func hex(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x84222325_cbf29ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = second.rotateLeft(17)
        }
        return padded(first) + padded(second)
    }

    private static func padded(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension UInt64 {
    fileprivate func rotateLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
