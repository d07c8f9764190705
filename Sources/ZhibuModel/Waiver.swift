/// An approved exception to a rule for one period, shown publicly on the status page.
///
/// A waiver never hides a finding: it turns it into a note marked `waived`, with the reason and the
/// approving body, so that an inspection sees both the gap and the approval.
package struct Waiver: Sendable, Hashable {
    package var rule: Located<String>
    package var period: Located<String>?
    package var reason: BilingualText?
    package var approvedBy: Located<String>?
    package var location: SourceLocation

    package init(
        rule: Located<String>, period: Located<String>? = nil, reason: BilingualText? = nil,
        approvedBy: Located<String>? = nil, location: SourceLocation
    ) {
        self.rule = rule
        self.period = period
        self.reason = reason
        self.approvedBy = approvedBy
        self.location = location
    }
}
