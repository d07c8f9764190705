import ZhibuModel

/// The result of reading one file: what it describes (if it could be read) and its problems.
package struct ParsedFile: Sendable {
    /// Boxed: a record is a large value with dozens of references, and parsed files are moved
    /// through several arrays on their way into the site; a box moves with one reference.
    package indirect enum Item: Sendable {
        case org(OrgFile)
        case roster([Member])
        case development([DevelopmentEntry])
        case record(ActivityRecord)
        /// What `RecordSalvage` read of a record that failed to load.
        case unreadableRecord(ActivityRecord)
        case system(DisplayedSystem)
        case post(Post)
        case notice(Notice)
        case dues(DuesYear)
        case page(Page)
        case asset(Asset)
        case staticFile(Asset)
    }

    package var path: String
    package var role: ContentPath
    package var item: Item?
    package var diagnostics: [Diagnostic]
}

/// What `org.yml` says, before the organization is assembled with its other files.
package struct OrgFile: Sendable {
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
    package var boardSlides: [BoardSlide]?
}
