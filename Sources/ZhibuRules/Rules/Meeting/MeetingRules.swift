/// The `meeting` rules of the national profile, listed for the registry.
enum MeetingRules {
    static let all: [any Rule.Type] = [
        MeetingThemedDayMonthly.self
    ]
}
