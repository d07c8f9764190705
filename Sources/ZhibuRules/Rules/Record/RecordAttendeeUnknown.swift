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
            guard let people = RosterLookup.people(of: org, context) else { return [] }
            let known = Set(people.map(\.id.value))
            let ids = people.map(\.id.value)
            return org.records.flatMap { record in
                named(in: record).filter { !known.contains($0.id.value) }.map { id, role in
                    Finding(
                        LocalizedText(
                            zh: "\(role.zh) `\(id.value)` 不在“\(org.name.zh.value)”的花名册上",
                            en: "\(role.en) `\(id.value)` is not on the roster of `\(org.path)`"),
                        at: id.location, org: org.path,
                        help: [RosterLookup.help(for: id.value, in: ids)])
                }
            }
        }
    }

    /// Every person a record names, with the role they are named in.
    private static func named(in record: ActivityRecord)
        -> [(id: Located<String>, role: LocalizedText)]
    {
        var people: [(id: Located<String>, role: LocalizedText)] = []
        if let host = record.host {
            people.append((host, LocalizedText(zh: "主持人", en: "host")))
        }
        if let recorder = record.recorder {
            people.append((recorder, LocalizedText(zh: "记录人", en: "recorder")))
        }
        if let lecturer = record.lecturer {
            people.append((lecturer, LocalizedText(zh: "授课人", en: "lecturer")))
        }
        people += record.attendees.map { ($0, LocalizedText(zh: "参会人员", en: "attendee")) }
        people += record.absent.map {
            ($0.member, LocalizedText(zh: "缺席人员", en: "absent member"))
        }
        return people
    }
}

/// Resolves the people named in records and posts, shared by `record.attendee-unknown` and
/// `post.holder-is-member`.
///
/// Both rules stay silent where a roster they depend on could not be read: an unreadable roster
/// is reported once by the loader, and reporting every name as unknown would bury that.
enum RosterLookup {
    /// The people an organization's IDs resolve against, or nil when they cannot be trusted:
    /// the roster failed, a general branch's or committee's branches have no readable roster,
    /// or one of them failed.
    static func people(of org: Organization, _ context: RuleContext) -> [Member]? {
        guard context.rosterUsable(org) else { return nil }
        if org.rosterFile == nil {
            let below = context.site.organizations.filter { $0.path.hasPrefix(org.path + "/") }
            if below.contains(where: \.rosterFailed) { return nil }
        }
        let people = context.people(of: org)
        return people.isEmpty ? nil : people
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
