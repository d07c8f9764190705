/// A Party member on a branch's roster (docs/formats.md, roster).
///
/// Only `id` and `name` ever reach a page. Extra roster columns are kept solely so that the
/// privacy rules can warn about personal data committed to the repository.
package struct Member: Sendable, Hashable {
    package enum Status: String, CaseIterable, Sendable, Hashable {
        case full
        case probationary
    }

    package var id: Located<String>
    package var name: Located<String>
    package var status: Located<Status>
    /// The date admitted as a probationary member.
    package var joined: Located<LocalDate>?
    package var fullSince: Located<LocalDate>?
    /// The group named in the roster's `group` column, if any.
    package var group: Located<String>?
    /// Columns beyond the schema, by header, never rendered.
    package var extra: [ExtraField]

    package struct ExtraField: Sendable, Hashable {
        package var name: String
        package var value: Located<String>

        package init(name: String, value: Located<String>) {
            self.name = name
            self.value = value
        }
    }

    package init(
        id: Located<String>, name: Located<String>, status: Located<Status>,
        joined: Located<LocalDate>? = nil, fullSince: Located<LocalDate>? = nil,
        group: Located<String>? = nil, extra: [ExtraField] = []
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.joined = joined
        self.fullSince = fullSince
        self.group = group
        self.extra = extra
    }
}
