/// A kind of slide a display board shows, as `board.slides` names it in `site.yml` and
/// `org.yml` (docs/configuration.md, board.slides).
package enum BoardSlide: String, CaseIterable, Sendable, Hashable {
    /// The organization: its facts, committee and groups.
    case org
    /// Pioneer posts and responsibility zones with their holders and commitments.
    case posts
    /// What is coming: planned activities and what the current period still asks.
    case activities
    /// The newest held activities.
    case recent
    /// Each posted system, as many slides as its text needs.
    case systems
    /// The state of every rule that applies.
    case scorecard
    /// Current and pinned notices.
    case notices
    /// A committee's or general branch's counts and this period's completion across its
    /// branches.
    case overview
    /// The branches that need attention first, with the reason.
    case attention
    /// Every organization below with its state.
    case branches

    /// What a branch's board shows when nothing is configured, in this order.
    package static let branchDefault: [BoardSlide] = [
        .org, .notices, .activities, .recent, .posts, .scorecard, .systems,
    ]

    /// What the board of a general branch or committee shows when nothing is configured.
    package static let rollUpDefault: [BoardSlide] = [
        .overview, .attention, .branches, .notices, .org, .posts, .systems,
    ]

    /// Whether the slide has a meaning for an organization of this kind: the roll-up slides
    /// for organizations with branches below, the scorecard and activities for branches.
    package func applies(to kind: OrgKind) -> Bool {
        switch self {
        case .overview, .attention, .branches: !kind.isBranch
        case .scorecard, .activities, .recent: kind.isBranch
        case .org, .posts, .systems, .notices: true
        }
    }
}
