/// The `meeting` rules of the national profile, listed for the registry.
enum MeetingRules {
    static let all: [any Rule.Type] = [
        MeetingCommitteeMonthly.self,
        MeetingEvaluationYearly.self,
        MeetingGeneralQuarterly.self,
        MeetingGroupMonthly.self,
        MeetingLessonQuarterly.self,
        MeetingOrgLifeYearly.self,
        MeetingSecretaryLessonYearly.self,
        MeetingThemedDayMonthly.self,
    ]
}
