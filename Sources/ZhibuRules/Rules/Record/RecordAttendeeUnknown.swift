import ZhibuModel

/// Everyone named in a record is on the roster.
enum RecordAttendeeUnknown: Rule {
    static let descriptor = RuleDescriptor(
        id: "record.attendee-unknown",
        summary: LocalizedText(
            zh: "记录中的人员必须在花名册上", en: "name only people on the roster in a record"),
        explanation: LocalizedText(
            zh:
                "活动记录中的参会人员（attendees）、缺席人员（absent）、主持人（host）、记录人（recorder）和授课人（lecturer）都以党员编号书写，必须能在本组织的花名册中找到（党总支、基层党委为其下属党支部的花名册）。找不到的编号通常是笔误，或新党员尚未录入花名册。请改正编号，或先把此人加入花名册。",
            en:
                "Attendees, absent members, host, recorder and lecturer are written as member IDs and must be on the organization's roster (for a general branch or committee, the rosters of the branches below it). An unknown ID is usually a typo, or a new member not yet added to the roster. Correct the ID, or add the person to the roster first."
        ),
        citation: .integrity,
        defaultSeverity: .error, scope: .content,
        publicCount: LocalizedText(
            zh: "{count} 名记录中的人员不在花名册上", en: "{count} people named in records are not on the roster"
        ),
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "人员都在花名册上", en: "everyone on the roster"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "参会人员 m10 不在花名册上", en: "attendee m10 not on the roster"),
                    changes: [
                        ExampleSite.recordPath("2026-03-05", .committeeMeeting): ExampleSite.record(
                            .committeeMeeting, date: "2026-03-05",
                            attendees: ["m01", "m02", "m03", "m10"])
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.flatMap { org -> [Finding] in
            guard let people = context.rosterPeople(of: org) else { return [] }
            var findings: [Finding] = []
            for index in org.records.indices {
                // Most records name only known people: look first, build messages only on a miss.
                forEachNamed(in: org.records[index]) { id, role in
                    guard !people.known.contains(id.value) else { return }
                    let role = role.label
                    findings.append(
                        Finding(
                            LocalizedText(
                                zh: "\(role.zh) `\(id.value)` 不在“\(org.name.zh.value)”的花名册上",
                                en: "\(role.en) `\(id.value)` is not on the roster of `\(org.path)`"
                            ),
                            at: id.location, org: org.path, subject: id.value,
                            help: [RosterLookup.help(for: id.value, in: people.ids)]))
                }
            }
            return findings
        }
    }

    /// The roles a record names people in.
    private enum Role {
        case host, recorder, lecturer, attendee, absent

        var label: LocalizedText {
            switch self {
            case .host: LocalizedText(zh: "主持人", en: "host")
            case .recorder: LocalizedText(zh: "记录人", en: "recorder")
            case .lecturer: LocalizedText(zh: "授课人", en: "lecturer")
            case .attendee: LocalizedText(zh: "参会人员", en: "attendee")
            case .absent: LocalizedText(zh: "缺席人员", en: "absent member")
            }
        }
    }

    /// Calls `body` with every person a record names, in the order of its fields.
    private static func forEachNamed(
        in record: ActivityRecord, _ body: (Located<String>, Role) -> Void
    ) {
        if let host = record.host { body(host, .host) }
        if let recorder = record.recorder { body(recorder, .recorder) }
        if let lecturer = record.lecturer { body(lecturer, .lecturer) }
        for attendee in record.attendees { body(attendee, .attendee) }
        for absence in record.absent { body(absence.member, .absent) }
    }
}

/// Resolves the people named in records and posts, shared by `record.attendee-unknown` and
/// `post.holder-is-member`.
///
/// Both rules stay silent where a roster they depend on could not be read: an unreadable roster
/// is reported once by the loader, and reporting every name as unknown would bury that.
enum RosterLookup {
    /// The IDs an organization's records and posts resolve against, in roster order for the
    /// suggestions, and as a set for the look-ups.
    struct People: Sendable {
        let ids: [String]
        let known: Set<String>
    }

    /// Every organization's people, or none for one whose IDs cannot be trusted: the roster
    /// failed, a general branch's or committee's branches have no readable roster, or one of
    /// them failed. Made once for both rules: a committee's people are every roster below
    /// it, and gathering them again for each rule and each level of the tree cost as much as
    /// the checks themselves on a site of a thousand branches.
    static func all(_ context: RuleContext) -> [String: People] {
        var all: [String: People] = [:]
        for org in context.site.organizations where context.rosterUsable(org) {
            let owners = context.rosterOwners(of: org)
            if owners.contains(where: \.rosterFailed) { continue }
            let ids = owners.flatMap { $0.members.map(\.id.value) }
            if !ids.isEmpty { all[org.path] = People(ids: ids, known: Set(ids)) }
        }
        return all
    }

    /// "did you mean" with the nearest roster ID, else how to fix an unknown ID.
    static func help(for id: String, in ids: [String]) -> LocalizedText {
        if let suggestion = Suggestion.nearest(to: id, in: ids) {
            return Suggestion.didYouMean(suggestion)
        }
        return LocalizedText(
            zh: "先把此人加入花名册，或改正编号", en: "add them to the roster first, or correct the ID")
    }

}
