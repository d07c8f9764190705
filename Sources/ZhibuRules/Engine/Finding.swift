import ZhibuModel

/// What a rule reports; the validator turns it into a `Diagnostic` with ID, severity and citation.
package struct Finding: Sendable, Hashable {
    package var message: LocalizedText
    package var location: SourceLocation
    package var org: String?
    package var period: String?
    /// The person the finding is about (a member's or applicant's ID, or the place of a
    /// personal number): set, a public site shows the finding only as a count
    /// (docs/formats.md, privacy).
    package var subject: String?
    /// Set only when a rule has two levels (`org.committee-size`: warning, or error above 7).
    package var severity: Severity?
    package var notes: [LocalizedText]
    package var help: [LocalizedText]

    package init(
        _ message: LocalizedText, at location: SourceLocation, org: String?,
        period: String? = nil, subject: String? = nil, severity: Severity? = nil,
        notes: [LocalizedText] = [], help: [LocalizedText] = []
    ) {
        self.message = message
        self.location = location
        self.org = org
        self.period = period
        self.subject = subject
        self.severity = severity
        self.notes = notes
        self.help = help
    }
}
