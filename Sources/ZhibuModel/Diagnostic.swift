/// One problem found in the user's content, ready to print in any format.
///
/// Problems in content are values that are collected, never thrown: a secretary must see every
/// problem of the site in one run. The validator stamps rule, severity and citation; loaders fill
/// the same fields for `load.*` problems.
package struct Diagnostic: Hashable, Sendable, Codable {
    package var rule: RuleID
    package var severity: Severity
    package var message: LocalizedText
    package var location: SourceLocation
    /// The organization path the finding is about, or nil for site-wide problems.
    package var org: String?
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY` for periodic rules.
    package var period: String?
    /// The person a finding is about (a member's or applicant's ID, or the place of a personal
    /// number), nil for findings about an organization or a file. A public site shows such
    /// findings only as counts, never with the person (SPEC §4.1).
    package var subject: String?
    package var citation: LocalizedText?
    package var waived: Bool
    package var notes: [LocalizedText]
    package var help: [LocalizedText]
    /// The unambiguous edit that resolves the problem, if there is one (`zhibu fix`).
    package var fix: TextFix?

    package init(
        rule: RuleID, severity: Severity, message: LocalizedText, location: SourceLocation,
        org: String? = nil, period: String? = nil, subject: String? = nil,
        citation: LocalizedText? = nil, waived: Bool = false, notes: [LocalizedText] = [],
        help: [LocalizedText] = [],
        fix: TextFix? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.org = org
        self.period = period
        self.subject = subject
        self.citation = citation
        self.waived = waived
        self.notes = notes
        self.help = help
        self.fix = fix
    }

    /// The order of SPEC §2.1: file, line, column, rule; then the message, so output is stable.
    package static func sortedOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location {
            if lhs.location < rhs.location { return true }
            if rhs.location < lhs.location { return false }
        }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.period != rhs.period { return (lhs.period ?? "") < (rhs.period ?? "") }
        return lhs.message.en < rhs.message.en
    }
}

extension Array where Element == Diagnostic {
    /// Sorted as SPEC §2.1 asks, with exact duplicates removed.
    ///
    /// Duplicates are equal in every sort key, so after sorting they sit in the same run of
    /// elements the order cannot tell apart; each run (almost always one element) is compared
    /// within itself. No diagnostic is hashed whole, which cost more than the sort on sites
    /// with tens of thousands of findings. The first of equal elements is kept, as before.
    package func sortedForOutput() -> [Diagnostic] {
        let sorted = sortedMovingOnce(by: Diagnostic.sortedOrder)
        var result: [Diagnostic] = []
        result.reserveCapacity(sorted.count)
        var runStart = 0
        for diagnostic in sorted {
            if let last = result.last, Diagnostic.sortedOrder(last, diagnostic) {
                runStart = result.count
            }
            if !result[runStart...].contains(diagnostic) { result.append(diagnostic) }
        }
        return result
    }
}
