/// One activity record (`activities/<YYYY>/<slug>.md`): a meeting, lesson, themed day and so on.
package struct ActivityRecord: Sendable, Hashable {
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

    package var slug: String
    /// The year folder the file is in, which is also the year in its URL.
    package var year: Int
    package var file: String
    package var type: Located<ActivityType>
    package var title: BilingualText
    package var date: Located<LocalDate>
    package var time: Located<String>?
    package var location: BilingualText?
    package var status: Located<ActivityStatus>
    package var host: Located<String>?
    package var recorder: Located<String>?
    package var lecturer: Located<String>?
    package var group: Located<String>?
    package var attendees: [Located<String>]
    package var absent: [Absence]
    package var studyHours: Located<Double>?
    package var topics: [Located<String>]
    package var decisions: [Located<String>]
    package var also: [Located<ActivityType>]
    package var body: MarkdownBody

    package init(
        slug: String, year: Int, file: String, type: Located<ActivityType>, title: BilingualText,
        date: Located<LocalDate>, time: Located<String>? = nil, location: BilingualText? = nil,
        status: Located<ActivityStatus>, host: Located<String>? = nil,
        recorder: Located<String>? = nil, lecturer: Located<String>? = nil,
        group: Located<String>? = nil, attendees: [Located<String>] = [], absent: [Absence] = [],
        studyHours: Located<Double>? = nil, topics: [Located<String>] = [],
        decisions: [Located<String>] = [], also: [Located<ActivityType>] = [], body: MarkdownBody
    ) {
        self.slug = slug
        self.year = year
        self.file = file
        self.type = type
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
}
