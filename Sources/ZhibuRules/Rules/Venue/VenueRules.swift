/// The `venue` rules of the national profile, listed for the registry.
enum VenueRules {
    static let all: [any Rule.Type] = [
        VenueRequiredSystems.self,
        VenueSignage.self,
    ]
}
