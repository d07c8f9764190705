/// One problem found in the user's content, ready to print in any format.
///
/// Problems in content are values that are collected, never thrown: a secretary must see every
/// problem of the site in one run. The validator stamps rule, severity and citation; loaders fill
/// the same fields for `load.*` problems.
///
/// A value type whose fields live in one shared, immutable box: findings are filtered, sorted,
/// grouped and copied into every report and page of their organization, and a copy of a dozen
/// strings, each with its reference count, cost more on a site of many organizations than the
/// rules that made them. A copy is now one reference; setting a field (rare: the validator's
/// waivers and severities, the loader's organization) makes a new box, so no box is ever
/// changed once shared.
package struct Diagnostic: Hashable, Sendable, Codable {
    /// Every field of a diagnostic; its `Codable` form is the diagnostic's.
    private struct Fields: Hashable, Sendable, Codable {
        var rule: RuleID
        var severity: Severity
        var message: LocalizedText
        var location: SourceLocation
        var org: String?
        var period: String?
        var subject: String?
        var citation: LocalizedText?
        var waived: Bool
        var notes: [LocalizedText]
        var help: [LocalizedText]
        var fix: TextFix?
    }

    /// The box: its fields are constants, so a box may be shared between copies and threads.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Changes one field in a new box, leaving any copy that shares the old one as it was.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    package var rule: RuleID {
        get { box.fields.rule }
        set { update { $0.rule = newValue } }
    }
    package var severity: Severity {
        get { box.fields.severity }
        set { update { $0.severity = newValue } }
    }
    package var message: LocalizedText {
        get { box.fields.message }
        set { update { $0.message = newValue } }
    }
    package var location: SourceLocation {
        get { box.fields.location }
        set { update { $0.location = newValue } }
    }
    /// The organization path the finding is about, or nil for site-wide problems.
    package var org: String? {
        get { box.fields.org }
        set { update { $0.org = newValue } }
    }
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY` for periodic rules.
    package var period: String? {
        get { box.fields.period }
        set { update { $0.period = newValue } }
    }
    /// The person a finding is about (a member's or applicant's ID, or the place of a personal
    /// number), nil for findings about an organization or a file. A public site shows such
    /// findings only as counts, never with the person (docs/formats.md, privacy).
    package var subject: String? {
        get { box.fields.subject }
        set { update { $0.subject = newValue } }
    }
    package var citation: LocalizedText? {
        get { box.fields.citation }
        set { update { $0.citation = newValue } }
    }
    package var waived: Bool {
        get { box.fields.waived }
        set { update { $0.waived = newValue } }
    }
    package var notes: [LocalizedText] {
        get { box.fields.notes }
        set { update { $0.notes = newValue } }
    }
    package var help: [LocalizedText] {
        get { box.fields.help }
        set { update { $0.help = newValue } }
    }
    /// The unambiguous edit that resolves the problem, if there is one (`zhibu fix`).
    package var fix: TextFix? {
        get { box.fields.fix }
        set { update { $0.fix = newValue } }
    }

    package init(
        rule: RuleID, severity: Severity, message: LocalizedText, location: SourceLocation,
        org: String? = nil, period: String? = nil, subject: String? = nil,
        citation: LocalizedText? = nil, waived: Bool = false, notes: [LocalizedText] = [],
        help: [LocalizedText] = [],
        fix: TextFix? = nil
    ) {
        box = Box(
            Fields(
                rule: rule, severity: severity, message: message, location: location, org: org,
                period: period, subject: subject, citation: citation, waived: waived,
                notes: notes, help: help, fix: fix))
    }

    package static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// The same keys as the fields', as when they were the diagnostic's own.
    package init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }

    package func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    /// The order of diagnostics in every report: file, line, column, rule; then the message,
    /// so output is stable.
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
    /// Sorted in the order of every report (`sortedOrder`), with exact duplicates removed.
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
