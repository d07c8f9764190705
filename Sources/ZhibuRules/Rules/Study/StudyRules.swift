/// The `study` rules of the national profile, listed for the registry.
enum StudyRules {
    static let all: [any Rule.Type] = [
        StudyAnnualHours.self
    ]
}
