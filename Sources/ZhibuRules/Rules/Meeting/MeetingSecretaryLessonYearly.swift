import ZhibuModel

/// Every year, a Party lesson given by the branch secretary (书记讲党课).
enum MeetingSecretaryLessonYearly: PeriodicRule {
    static let descriptor = RuleDescriptor(
        id: "meeting.secretary-lesson-yearly",
        summary: LocalizedText(
            zh: "支部书记每年至少讲一次党课", en: "the secretary gives a Party lesson every year"),
        explanation: LocalizedText(
            zh:
                "地方党支部标准化规范化建设标准要求党支部书记每年至少为党员讲 1 次党课（《中国共产党支部工作条例（试行）》第十六条规定的是党委书记讲党课，不是本规则的依据）。某年没有已举行（status: held）、lecturer 为 committee.secretary 的党课记录即为缺失。请补录记录并写明 lecturer，或安排书记讲党课。",
            en:
                "Local standardization standards ask the branch secretary to give the members at least one Party lesson a year (BWR Art. 16 concerns the lessons of committee secretaries and is not the source of this rule). A year without a held party-lesson record whose lecturer is committee.secretary is a gap. Add the record with its lecturer, or have the secretary give a lesson."
        ),
        citation: .local,
        defaultSeverity: .warning, scope: .branches,
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "书记每季度讲党课", en: "the secretary lectures every quarter"))
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "2025年的党课都由副书记讲授",
                        en: "every lesson of 2025 was given by the deputy secretary"),
                    changes: Dictionary(
                        uniqueKeysWithValues: ["03", "06", "09", "12"].map { month in
                            let date = "2025-\(month)-25"
                            return (
                                ExampleSite.recordPath(date, .partyLesson),
                                String?.some(
                                    ExampleSite.record(.partyLesson, date: date)
                                        .replacingLecturer(with: "m02"))
                            )
                        }))
            ]))

    static func requirements(_ context: RuleContext) -> [PeriodicRequirement] {
        context.branches.compactMap { org in
            guard let secretary = org.committee?.secretary?.value else { return nil }
            return PeriodicRequirement(
                org: org, kind: .year,
                what: LocalizedText(zh: "书记讲授的党课", en: "Party lesson given by the secretary"),
                label: LocalizedText(zh: "书记讲党课", en: "Secretary's lesson"),
                help: [
                    LocalizedText(
                        zh: "补录书记讲授的党课记录并写明 `lecturer: \(secretary)`，或安排书记讲党课",
                        en:
                            "add the record of the secretary's lesson with `lecturer: \(secretary)`, or have the secretary give one"
                    )
                ]
            ) { record in
                record.counts(as: .partyLesson) && record.lecturer?.value == secretary
            }
        }
    }
}

extension String {
    /// The example record with another lecturer.
    fileprivate func replacingLecturer(with id: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("lecturer: ") ? "lecturer: \(id)" : String($0) }
            .joined(separator: "\n")
    }
}
