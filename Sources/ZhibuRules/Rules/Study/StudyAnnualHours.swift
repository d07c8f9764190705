import Foundation
import ZhibuModel

/// Every member takes at least 32 hours of concentrated study a year.
enum StudyAnnualHours: Rule {
    static let descriptor = RuleDescriptor(
        id: "study.annual-hours",
        summary: LocalizedText(
            zh: "党员每年集中学习不少于 32 学时",
            en: "give every member at least 32 hours of study a year"),
        explanation: LocalizedText(
            zh:
                "党员每年集中学习培训一般不少于 32 学时。zhibu 对每个已结束的年度，把党员出席（attendees）的已举行记录的 study_hours 相加；年内入党的按月折算（15 日及以前入党的当月计入，结果向下取整）。学时不足的，请补录漏记的学习记录及其 study_hours，或组织补学。站点可在 site.yml 的 `rules.params` 中用 `study.annual-hours` 调整要求的学时。",
            en:
                "Members generally take at least 32 class hours of concentrated study a year. For each completed year, zhibu adds up the study_hours of the held records that list the member among the attendees; a member who joined during the year is required a share by months (the month of joining counts if they joined on or before the 15th; rounded down). If a member falls short, add the missing records with their study_hours, or organize make-up study. A site may change the hours with `study.annual-hours` under `rules.params` in site.yml."
        ),
        citation: .article(.emr, 20),
        defaultSeverity: .warning, scope: .branches,
        publicCount: LocalizedText(
            zh: "{count} 名党员年度集中学习不足规定学时",
            en: "{count} members studied fewer hours than required in a year"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "2025年每人 48 学时", en: "every member studied 48 hours in 2025")),
                RuleExample(
                    LocalizedText(
                        zh: "2025年12月20日入党的党员当年不要求学时",
                        en: "a member who joined on 20 December 2025 owes no hours for 2025"),
                    changes: ExampleSite.admittingM08(on: "2025-12-20")),
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "站点要求每年 60 学时", en: "the site requires 60 hours a year"),
                    changes: [
                        "Content/site.yml": ExampleSite.siteYAML
                            + "rules:\n  params: { study.annual-hours: 60 }\n"
                    ]),
                RuleExample(
                    LocalizedText(
                        zh: "m07 缺席了2025年所有主题党日",
                        en: "m07 missed every themed day of 2025"),
                    changes: Dictionary(
                        uniqueKeysWithValues: (1...12).map { month in
                            let date = "2025-\(month < 10 ? "0" : "")\(month)-15"
                            return (
                                ExampleSite.recordPath(date, .themedDay),
                                String?.some(
                                    ExampleSite.record(
                                        .themedDay, date: date,
                                        attendees: ["m01", "m02", "m03", "m04", "m05", "m06"],
                                        extra: "absent: [{member: m07, reason: 出差}]\n"))
                            )
                        })),
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        let required = context.intParam("study.annual-hours", default: 32)
        guard required > 0 else { return [] }
        return context.branches.filter(context.rosterUsable).flatMap { org in
            let records = context.heldRecords(org)
            return context.evaluatedPeriods(.year, for: org).flatMap { year in
                // One pass over the year's records adds each attendee's hours, by index so no
                // record is copied; a name listed twice in one record counts once.
                var studied: [String: Double] = [:]
                var counted = Set<String>()
                for index in records.indices where year.contains(records[index].date.value) {
                    guard let hours = records[index].studyHours?.value, hours > 0 else { continue }
                    counted.removeAll(keepingCapacity: true)
                    for attendee in records[index].attendees
                    where counted.insert(attendee.value).inserted {
                        studied[attendee.value, default: 0] += hours
                    }
                }
                return org.members.compactMap { member -> Finding? in
                    let owed = share(of: required, for: member, in: year)
                    guard owed > 0 else { return nil }
                    let id = member.id.value
                    let hours = studied[id] ?? 0
                    guard hours < Double(owed) else { return nil }
                    let text = format(hours)
                    return Finding(
                        LocalizedText(
                            zh:
                                "`\(id)`（\(member.name.value)）\(year.label.zh)集中学习 \(text) 学时，少于要求的 \(owed) 学时",
                            en:
                                "`\(id)` (\(member.name.value)) studied \(text) hours in \(year.label.en), fewer than the \(owed) required"
                        ),
                        at: member.id.location, org: org.path, period: year.id, subject: id,
                        help: [
                            LocalizedText(
                                zh: "补录该党员出席的学习记录及其 `study_hours`，或组织补学",
                                en:
                                    "add the records this member attended with their `study_hours`, or organize make-up study"
                            )
                        ])
                }
            }
        }
    }
}

// MARK: - Helpers

extension StudyAnnualHours {
    /// The hours owed in a year: all of them for a member of the whole year, a share by months
    /// for one who joined during it (the month of joining counts if on or before the 15th).
    fileprivate static func share(of required: Int, for member: Member, in year: Period) -> Int {
        guard let joined = member.joined?.value, joined > year.start else { return required }
        guard joined <= year.end else { return 0 }
        let months = 12 - joined.month + (joined.day <= 15 ? 1 : 0)
        return required * months / 12
    }

    /// `32`, or `31.5` for a fractional total: rounded down to tenths, so a shortfall never
    /// reads as the required figure.
    fileprivate static func format(_ hours: Double) -> String {
        let tenths = Int((hours * 10).rounded(.down))
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
