/// Who may read the built site (docs/configuration.md, audience): `site.yml`'s `audience`, or
/// `build --audience`.
///
/// A public site shows a finding about a member only as a count with its rule and citation; an
/// internal site (an intranet inspection portal) shows findings in full and asks search
/// engines to stay away. `check` prints the same for both: the repository holds the roster.
package enum Audience: String, CaseIterable, Sendable, Hashable {
    case `public`
    case `internal`
}
