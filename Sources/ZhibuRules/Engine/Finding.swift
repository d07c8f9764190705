import ZhibuModel

/// What a rule reports; the validator turns it into a `Diagnostic` with ID, severity and citation.
package struct Finding: Sendable, Hashable {
    package var message: LocalizedText
    package var location: SourceLocation
    package var org: String?
    package var period: String?
    /// Set only when a rule has two levels (`org.committee-size`: warning, or error above 7).
    package var severity: Severity?
    package var notes: [LocalizedText]
    package var help: [LocalizedText]

    package init(
        _ message: LocalizedText, at location: SourceLocation, org: String?,
        period: String? = nil, severity: Severity? = nil, notes: [LocalizedText] = [],
        help: [LocalizedText] = []
    ) {
        self.message = message
        self.location = location
        self.org = org
        self.period = period
        self.severity = severity
        self.notes = notes
        self.help = help
    }
}
