import ZhibuModel

/// A general meeting that decides has more than half of the full members present.
enum RecordQuorum: Rule {
    static let descriptor = RuleDescriptor(
        id: "record.quorum",
        summary: LocalizedText(
            zh: "党员大会作出决定须有半数以上正式党员到会",
            en: "decide at a general meeting only with more than half of the full members present"),
        explanation: LocalizedText(
            zh:
                "支部党员大会进行选举或表决时，有表决权的到会人数必须超过应到会有表决权人数的半数。预备党员没有表决权，所以只计会议当日的正式党员（`status: full`，且 `full_since` 不晚于会议日期）。已举行且有决定事项（decisions）的党员大会，如果到会正式党员不超过半数，其决定不能成立：应另行召开符合人数要求的党员大会重新表决，或核对 attendees 是否漏记。",
            en:
                "When a general meeting elects or votes, the members with voting rights present must be more than half of those who should attend. Probationary members have no vote, so only members who were full on the day count (`status: full`, `full_since` not after the meeting). A held general meeting with `decisions` and no more than half of the full members present cannot decide: hold another meeting with a quorum and vote again, or check whether `attendees` is incomplete."
        ),
        citation: .article(.bwr, 11),
        defaultSeverity: .error, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "7 名正式党员中 4 名到会", en: "four of seven full members present"),
                    changes: [
                        ExampleSite.recordPath("2026-03-20", .generalMeeting): ExampleSite.record(
                            .generalMeeting, date: "2026-03-20",
                            attendees: ["m01", "m02", "m03", "m04"])
                    ]),
                RuleExample(
                    LocalizedText(
                        zh: "计划中的党员大会还没有人到会", en: "a planned general meeting"),
                    changes: [
                        ExampleSite.recordPath("2026-12-20", .generalMeeting): ExampleSite.record(
                            .generalMeeting, date: "2026-12-20", attendees: [],
                            extra: "status: planned\n")
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "7 名正式党员中只有 3 名到会（预备党员不计）",
                        en: "three of seven full members present (the probationary one not counted)"
                    ),
                    changes: [
                        ExampleSite.recordPath("2026-09-20", .generalMeeting): ExampleSite.record(
                            .generalMeeting, date: "2026-09-20",
                            attendees: ["m01", "m02", "m03", "m08"])
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.branches.filter(context.rosterUsable).flatMap { org in
            context.heldRecords(org).compactMap { record -> Finding? in
                guard record.counts(as: .generalMeeting),
                    let decision = record.decisions.first
                else { return nil }
                let date = record.date.value
                // No full member on the day is no quorum either: nobody could vote.
                let full = Set(
                    org.members.filter { isFull($0, on: date) }.map(\.id.value))
                let present = Set(record.attendees.map(\.value)).intersection(full).count
                guard present * 2 <= full.count else { return nil }
                let needed = full.count / 2 + 1
                return Finding(
                    LocalizedText(
                        zh:
                            "\(date) 的党员大会作出了决定，但 \(full.count) 名正式党员中只有 \(present) 名到会；须超过半数（\(needed) 名）",
                        en:
                            "the general meeting of \(date) made decisions with \(present) of \(full.count) full members present; more than half (\(needed)) are needed"
                    ),
                    at: decision.location, org: org.path,
                    notes: [
                        LocalizedText(
                            zh: "预备党员没有表决权，不计入",
                            en: "probationary members have no vote and do not count")
                    ],
                    help: [
                        LocalizedText(
                            zh: "核对 `attendees` 是否漏记；如确实不足半数，应另行召开党员大会重新表决",
                            en:
                                "check that `attendees` is complete; if not enough were present, vote again at a general meeting with a quorum"
                        )
                    ])
            }
        }
    }

    /// Whether a member had a vote on a date: full, and already full and admitted by then.
    private static func isFull(_ member: Member, on date: LocalDate) -> Bool {
        guard member.status.value == .full else { return false }
        if let since = member.fullSince?.value, since > date { return false }
        if let joined = member.joined?.value, joined > date { return false }
        return true
    }
}
