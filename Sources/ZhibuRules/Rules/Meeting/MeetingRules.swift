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

extension MeetingRules {
    /// The periodic meetings a branch's meeting calendar shows, in its row order: monthly
    /// before quarterly, the branch's own meetings before its groups'. Yearly meetings have
    /// no row: a calendar of months would show one cell in twelve.
    static let calendar: [any PeriodicRule.Type] = [
        MeetingCommitteeMonthly.self,
        MeetingThemedDayMonthly.self,
        MeetingGroupMonthly.self,
        MeetingGeneralQuarterly.self,
        MeetingLessonQuarterly.self,
    ]

    /// Every periodic meeting, in the column order of a committee's overview: the calendar's
    /// rows, then the yearly meetings.
    static let overview: [any PeriodicRule.Type] =
        calendar + [
            MeetingOrgLifeYearly.self,
            MeetingEvaluationYearly.self,
            MeetingSecretaryLessonYearly.self,
        ]
}
