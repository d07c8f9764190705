import ZhibuModel

/// The rules zhibu knows, sorted by ID.
///
/// The standardization rules themselves arrive with the rules work (SPEC §3.2); until then the
/// registry names every ID of the `national` profile so that `site.yml` severities and waivers can
/// already be checked for typos against the real catalogue.
package enum RuleRegistry {
    /// Every rule ID of SPEC §3.2, loading rules included, sorted.
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
    ]

    /// Parameters a site may set under `rules.params`, with the rule each belongs to.
    package static let knownParams: [String] = [
        "org.max-members", "study.annual-hours", "venue.required-systems",
    ]

    /// Profiles zhibu ships.
    package static let profiles: [String] = ["national"]
}
