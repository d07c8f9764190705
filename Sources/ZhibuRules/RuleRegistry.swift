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

    /// IDs of rules that no longer exist, with the rule that replaced each, if any. IDs are
    /// never reused: a waiver or a severity override naming a retired ID is still understood.
    package static let retiredIDs: [RuleID: RuleID?] = [:]

    /// Every rule ID a site may name in a waiver or a severity override: those of the rules
    /// and the loading rules, and the retired ones.
    package static let knownIDs: [RuleID] =
        (descriptors.map(\.id) + retiredIDs.keys).sorted()

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
