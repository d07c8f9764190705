/// The `development` rules of the national profile, listed for the registry.
enum DevelopmentRules {
    static let all: [any Rule.Type] = [
        DevActivistOneYear.self,
        DevProbationOverdue.self,
        DevTalkWithinMonth.self,
    ]
}
