/// The elected leadership of an organization (`committee` in `org.yml`).
///
/// A small branch without a committee still names its secretary and has no `members` list; the
/// rules tell the two apart by `members` being nil rather than empty.
package struct Committee: Sendable, Hashable {
    package var elected: Located<LocalDate>?
    package var termYears: Located<Int>?
    package var secretary: Located<String>?
    package var deputySecretaries: [Located<String>]
    package var members: [Located<String>]?
    package var location: SourceLocation

    package init(
        elected: Located<LocalDate>? = nil, termYears: Located<Int>? = nil,
        secretary: Located<String>? = nil, deputySecretaries: [Located<String>] = [],
        members: [Located<String>]? = nil, location: SourceLocation
    ) {
        self.elected = elected
        self.termYears = termYears
        self.secretary = secretary
        self.deputySecretaries = deputySecretaries
        self.members = members
        self.location = location
    }
}
