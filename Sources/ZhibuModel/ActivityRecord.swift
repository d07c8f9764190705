/// One activity record (`activities/<YYYY>/<slug>.md`): a meeting, lesson, themed day and so on.
///
/// A class, not a struct: a record has some thirty reference-counted fields, and every rule, page
/// and calendar walks all of an organization's records. As a struct each walk would copy every
/// field of every record; a shared, immutable instance costs one reference count. Equality still
/// compares the contents.
package final class ActivityRecord: Sendable, Hashable {
    /// A member recorded as absent, with the reason if one was given.
    package struct Absence: Sendable, Hashable {
        package var member: Located<String>
        package var reason: Located<String>?
        package var location: SourceLocation

        package init(member: Located<String>, reason: Located<String>?, location: SourceLocation) {
            self.member = member
            self.reason = reason
            self.location = location
        }
    }

    package let slug: String
    /// The year folder the file is in, which is also the year in its URL.
    package let year: Int
    package let file: String
    package let type: Located<ActivityType>
    package let title: BilingualText
    package let date: Located<LocalDate>
    package let time: Located<String>?
    package let location: BilingualText?
    package let status: Located<ActivityStatus>
    package let host: Located<String>?
    package let recorder: Located<String>?
    package let lecturer: Located<String>?
    package let group: Located<String>?
    package let attendees: [Located<String>]
    package let absent: [Absence]
    package let studyHours: Located<Double>?
    package let topics: [Located<String>]
    package let decisions: [Located<String>]
    package let also: [Located<ActivityType>]
    package let body: MarkdownBody
    /// `draft: true`: checked, but not published (unless `build --drafts`) and not counted
    /// for any requirement, since the public could not see what it would count.
    package let draft: Bool
    /// `covers: 2025` on a yearly meeting: the year it reviews, which it counts for instead
    /// of the year of its date (a 2025年度组织生活会 held in January 2026).
    package let covers: Located<Int>?

    package init(
        slug: String, year: Int, file: String, type: Located<ActivityType>, title: BilingualText,
        date: Located<LocalDate>, time: Located<String>? = nil, location: BilingualText? = nil,
        status: Located<ActivityStatus>, host: Located<String>? = nil,
        recorder: Located<String>? = nil, lecturer: Located<String>? = nil,
        group: Located<String>? = nil, attendees: [Located<String>] = [], absent: [Absence] = [],
        studyHours: Located<Double>? = nil, topics: [Located<String>] = [],
        decisions: [Located<String>] = [], also: [Located<ActivityType>] = [], body: MarkdownBody,
        covers: Located<Int>? = nil, draft: Bool = false
    ) {
        self.slug = slug
        self.year = year
        self.file = file
        self.type = type
        self.covers = covers
        self.draft = draft
        self.title = title
        self.date = date
        self.time = time
        self.location = location
        self.status = status
        self.host = host
        self.recorder = recorder
        self.lecturer = lecturer
        self.group = group
        self.attendees = attendees
        self.absent = absent
        self.studyHours = studyHours
        self.topics = topics
        self.decisions = decisions
        self.also = also
        self.body = body
    }

    /// Whether this record counts as `kind`: its own type or one listed in `also`.
    ///
    /// Asked for every record by every periodic rule, so it allocates nothing.
    package func counts(as kind: ActivityType) -> Bool {
        type.value == kind || also.contains { $0.value == kind }
    }

    package static func == (lhs: ActivityRecord, rhs: ActivityRecord) -> Bool {
        if lhs === rhs { return true }
        return lhs.slug == rhs.slug && lhs.year == rhs.year && lhs.file == rhs.file
            && lhs.type == rhs.type && lhs.title == rhs.title && lhs.date == rhs.date
            && lhs.time == rhs.time && lhs.location == rhs.location && lhs.status == rhs.status
            && lhs.host == rhs.host && lhs.recorder == rhs.recorder && lhs.lecturer == rhs.lecturer
            && lhs.group == rhs.group && lhs.attendees == rhs.attendees && lhs.absent == rhs.absent
            && lhs.studyHours == rhs.studyHours && lhs.topics == rhs.topics
            && lhs.decisions == rhs.decisions && lhs.also == rhs.also && lhs.body == rhs.body
    }

    /// Hashes the fields that tell records apart; equal records hash alike because `==` compares
    /// these among the rest.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(slug)
        hasher.combine(date)
        hasher.combine(type)
    }
}
