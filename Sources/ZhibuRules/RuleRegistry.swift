import ZhibuModel

/// Every rule zhibu knows, sorted by ID, with the descriptors of the loading rules.
///
/// A test checks that IDs are unique and well formed and that each rule's examples pass and fail
/// as declared. IDs are never reused; a renamed rule keeps its old ID as an alias.
package enum RuleRegistry {
    /// The standardization rules of the `national` profile, sorted by ID.
    package static let all: [any Rule.Type] =
        (OrgRules.all + MeetingRules.all + RecordRules.all + StudyRules.all
        + DevelopmentRules.all + DuesRules.all + VenueRules.all + PostRules.all
        + PrivacyRules.all + [WaiverUnmatched.self])
        .sorted { $0.descriptor.id < $1.descriptor.id }

    /// Every descriptor, loading rules included, sorted by ID.
    package static let descriptors: [RuleDescriptor] =
        (LoadRules.descriptors + all.map { $0.descriptor }).sorted { $0.id < $1.id }

    /// Every rule ID of the `national` profile (SPEC §3.2, plus `load.file-too-large`,
    /// `load.unreadable` and `waiver.unmatched`): the contract that waivers and `site.yml` are
    /// checked against. A test keeps it equal to the registered rules.
    package static let knownIDs: [RuleID] = [
        "dev.activist-one-year", "dev.probation-overdue", "dev.talk-within-month",
        "dues.monthly", "dues.six-months-unpaid",
        "load.csv-syntax", "load.date-invalid", "load.duplicate-id", "load.encoding",
        "load.field-missing", "load.field-type", "load.file-too-large", "load.path-unsafe",
        "load.reference-unknown", "load.unknown-field", "load.unreadable", "load.yaml-syntax",
        "meeting.committee-monthly", "meeting.evaluation-yearly", "meeting.general-quarterly",
        "meeting.group-monthly", "meeting.lesson-quarterly", "meeting.org-life-yearly",
        "meeting.secretary-lesson-yearly", "meeting.themed-day-monthly",
        "org.committee-full-members", "org.committee-required", "org.committee-size",
        "org.group-membership", "org.joint-branch-units", "org.max-members",
        "org.min-full-members", "org.secretary-required", "org.term-expired",
        "post.commitment-required", "post.holder-is-member",
        "privacy.id-number", "privacy.phone",
        "record.absence-reason", "record.attendee-unknown", "record.held-in-future",
        "record.quorum", "record.required-fields",
        "study.annual-hours",
        "venue.required-systems", "venue.signage",
        "waiver.unmatched",
    ]

    package static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    /// Parameters a site may set under `rules.params`.
    package static let knownParams: [String] = [
        "org.max-members", "study.annual-hours", "venue.required-systems",
    ]

    /// Profiles zhibu ships.
    package static let profiles: [String] = ["national"]
}
