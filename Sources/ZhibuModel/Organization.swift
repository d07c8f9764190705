/// A Party organization: one folder under `Content/orgs/` with its `org.yml` and records.
///
/// Organizations are kept flat in `Site.organizations`, sorted by path; the tree is the
/// `parentPath` links, which keeps lookups cheap and the order deterministic.
package struct Organization: Sendable, Hashable {
    /// The chain of slugs from `orgs/`, e.g. `committee/branch-1`.
    package var path: String
    package var parentPath: String?
    package var file: String
    package var name: BilingualText
    package var kind: Located<OrgKind>
    package var established: Located<LocalDate>
    package var units: [Located<String>]
    package var unitsEn: [Located<String>]
    package var description: BilingualText?
    package var venue: Venue?
    package var committee: Committee?
    package var groups: [PartyGroup]
    package var waivers: [Waiver]
    /// The slides of the organization's display board, in order, from `board.slides` in
    /// `org.yml`; nil to use the site's choice.
    package var boardSlides: [BoardSlide]?
    package var members: [Member]
    /// Where the roster came from (`members.csv` or `members.yml`), nil when there is none.
    package var rosterFile: String?
    /// True when a roster file exists but could not be read: checks that need the roster skip
    /// this organization instead of reporting every name in it as unknown.
    package var rosterFailed: Bool
    package var records: [ActivityRecord]
    /// Records whose files failed to load, as far as their `type`, `date` and `status` lines
    /// could be read: a periodic requirement they would meet becomes a note at the broken file
    /// instead of a request to add a record that exists. Never shown or checked otherwise.
    package var unreadableRecords: [ActivityRecord] = []
    package var systems: [DisplayedSystem]
    package var posts: [Post]
    package var notices: [Notice]
    package var development: [DevelopmentEntry]
    package var dues: [DuesYear]

    package init(
        path: String, parentPath: String?, file: String, name: BilingualText,
        kind: Located<OrgKind>, established: Located<LocalDate>
    ) {
        self.path = path
        self.parentPath = parentPath
        self.file = file
        self.name = name
        self.kind = kind
        self.established = established
        self.units = []
        self.unitsEn = []
        self.description = nil
        self.venue = nil
        self.committee = nil
        self.groups = []
        self.waivers = []
        self.boardSlides = nil
        self.members = []
        self.rosterFile = nil
        self.rosterFailed = false
        self.records = []
        self.systems = []
        self.posts = []
        self.notices = []
        self.development = []
        self.dues = []
    }

    /// The last slug of the path.
    package var slug: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The work units in a language: the English list where one is given, else the Chinese.
    package func units(in language: Language) -> [String] {
        (language == .en && !unitsEn.isEmpty ? unitsEn : units).map(\.value)
    }

    package func member(_ id: String) -> Member? {
        members.first { $0.id.value == id }
    }
}
