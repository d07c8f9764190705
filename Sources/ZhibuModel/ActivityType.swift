/// The type of an activity record (docs/formats.md, activity types), which decides what the
/// record counts for.
package enum ActivityType: String, CaseIterable, Sendable, Hashable {
    case generalMeeting = "general-meeting"
    case committeeMeeting = "committee-meeting"
    case groupMeeting = "group-meeting"
    case partyLesson = "party-lesson"
    case themedDay = "themed-day"
    case orgLifeMeeting = "org-life-meeting"
    case democraticEvaluation = "democratic-evaluation"
    case election
    case study
    case other

    package var label: LocalizedText {
        switch self {
        case .generalMeeting: LocalizedText(zh: "支部党员大会", en: "general meeting")
        case .committeeMeeting: LocalizedText(zh: "支部委员会会议", en: "committee meeting")
        case .groupMeeting: LocalizedText(zh: "党小组会", en: "group meeting")
        case .partyLesson: LocalizedText(zh: "党课", en: "Party lesson")
        case .themedDay: LocalizedText(zh: "主题党日", en: "themed Party day")
        case .orgLifeMeeting: LocalizedText(zh: "组织生活会", en: "organizational life meeting")
        case .democraticEvaluation:
            LocalizedText(zh: "民主评议党员", en: "democratic evaluation of members")
        case .election: LocalizedText(zh: "换届选举", en: "committee election")
        case .study: LocalizedText(zh: "集中学习", en: "group study")
        case .other: LocalizedText(zh: "其他", en: "other")
        }
    }

    /// The name a table row or a column heading uses: what secretaries call it in short.
    package var shortLabel: LocalizedText {
        switch self {
        case .generalMeeting: LocalizedText(zh: "党员大会", en: "General mtg")
        case .committeeMeeting: LocalizedText(zh: "支委会", en: "Committee")
        case .groupMeeting: LocalizedText(zh: "党小组会", en: "Group mtg")
        case .partyLesson: LocalizedText(zh: "党课", en: "Lesson")
        case .themedDay: LocalizedText(zh: "主题党日", en: "Themed day")
        case .orgLifeMeeting: LocalizedText(zh: "组织生活会", en: "Org life mtg")
        case .democraticEvaluation: LocalizedText(zh: "民主评议", en: "Evaluation")
        case .election: LocalizedText(zh: "换届选举", en: "Election")
        case .study: LocalizedText(zh: "集中学习", en: "Study")
        case .other: LocalizedText(zh: "其他", en: "Other")
        }
    }
}

/// Whether a record took place; only `held` records count for periodic rules.
package enum ActivityStatus: String, CaseIterable, Sendable, Hashable {
    case held
    case planned
    case cancelled
}
