import Foundation
import ZhibuModel

/// A held meeting's record names its host, recorder and attendees and has minutes.
enum RecordRequiredFields: Rule {
    static let descriptor = RuleDescriptor(
        id: "record.required-fields",
        summary: LocalizedText(
            zh: "会议记录写明主持人、记录人、参会人员和纪要",
            en: "give every held meeting a host, recorder, attendees and minutes"),
        explanation: LocalizedText(
            zh:
                "各地党支部标准化规范化建设标准要求会议记录写明时间、地点、主持人、记录人、出席和缺席人员（及原因）、议题和决定事项。已举行（status: held）的活动记录（类型为 other 的除外）缺少主持人（host）、记录人（recorder）、参会人员（attendees）或会议纪要（正文）时即为问题。计划中或已取消的活动不检查。请据实补全记录。",
            en:
                "Local standardization standards require minutes to name the time, place, host, recorder, attendees and absentees (with reasons), topics and decisions. A held record (except type `other`) without a host, a recorder, attendees or minutes (the text below the front matter) is a finding; planned and cancelled records are not checked. Complete the record from what actually happened."
        ),
        citation: .local,
        defaultSeverity: .warning, scope: .content,
        examples: RuleExamples(
            passing: [
                RuleExample(LocalizedText(zh: "记录完整", en: "complete records")),
                RuleExample(
                    LocalizedText(
                        zh: "计划中的会议还没有主持人和纪要",
                        en: "a planned meeting without host or minutes yet"),
                    changes: [
                        ExampleSite.recordPath("2026-12-05", .committeeMeeting): """
                        ---
                        type: committee-meeting
                        title: 十二月支委会
                        date: 2026-12-05
                        status: planned
                        ---

                        """
                    ]),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "支委会记录没有主持人和记录人", en: "a committee meeting without host and recorder"),
                    changes: [
                        ExampleSite.recordPath("2026-03-05", .committeeMeeting): ExampleSite.record(
                            .committeeMeeting, date: "2026-03-05", attendees: ["m01", "m02", "m03"]
                        )
                        .replacingOccurrences(of: "host: m01\nrecorder: m02\n", with: "")
                    ]),
                RuleExample(
                    LocalizedText(zh: "主题党日记录没有纪要", en: "a themed day without minutes"),
                    changes: [
                        ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                            .themedDay, date: "2026-03-15"
                        )
                        .replacingOccurrences(of: "会议由支部书记张伟主持，按议程逐项进行，形成纪要如上。\n", with: "")
                    ]),
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.site.organizations.flatMap { org in
            org.records.compactMap { record -> Finding? in
                guard record.status.value == .held, record.type.value != .other else { return nil }
                var missing: [LocalizedText] = []
                if record.host == nil {
                    missing.append(LocalizedText(zh: "主持人（`host`）", en: "`host`"))
                }
                if record.recorder == nil {
                    missing.append(LocalizedText(zh: "记录人（`recorder`）", en: "`recorder`"))
                }
                if record.attendees.isEmpty {
                    missing.append(LocalizedText(zh: "参会人员（`attendees`）", en: "`attendees`"))
                }
                if record.body.isBlank {
                    missing.append(
                        LocalizedText(
                            zh: "会议纪要（正文）", en: "minutes (the text below the front matter)"))
                }
                guard !missing.isEmpty else { return nil }
                let label = record.type.value.label
                return Finding(
                    LocalizedText(
                        zh:
                            "\(record.date.value) 的\(label.zh)记录缺少\(missing.map(\.zh).joined(separator: "、"))",
                        en:
                            "the \(label.en) record of \(record.date.value) has no \(missing.map(\.en).joined(separator: ", "))"
                    ),
                    at: record.type.location, org: org.path,
                    help: [
                        LocalizedText(
                            zh: "据实补全记录：写明主持人、记录人、参会人员，并在正文中写会议纪要",
                            en:
                                "complete the record from what happened: host, recorder, attendees, and the minutes as the text"
                        )
                    ])
            }
        }
    }
}
