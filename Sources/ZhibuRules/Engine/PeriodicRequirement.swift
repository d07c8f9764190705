import ZhibuModel

/// "Hold a qualifying record in every period of this kind": the shape of every `meeting.*` rule.
///
/// One finding per evaluated period without a held qualifying record, located at the first line
/// of the organization's `org.yml` with its `period`; the current period becomes a `DueItem`
/// instead.
package struct PeriodicRequirement: Sendable {
    package var org: Organization
    package var kind: Period.Kind
    /// What must be held, e.g. “支部委员会会议” / “committee meeting”.
    package var what: LocalizedText
    /// Its name in a table row: “支委会” / “Committee”, or a group's name.
    package var label: LocalizedText
    package var qualifies: @Sendable (ActivityRecord) -> Bool
    package var help: [LocalizedText]

    package init(
        org: Organization, kind: Period.Kind, what: LocalizedText, label: LocalizedText? = nil,
        help: [LocalizedText] = [], qualifies: @escaping @Sendable (ActivityRecord) -> Bool
    ) {
        self.org = org
        self.kind = kind
        self.what = what
        self.label = label ?? what
        self.help = help
        self.qualifies = qualifies
    }

    /// A requirement met by any held record that counts as `type` (its own type or `also`).
    package init(
        org: Organization, kind: Period.Kind, type: ActivityType, help: [LocalizedText] = []
    ) {
        self.init(org: org, kind: kind, what: type.label, label: type.shortLabel, help: help) {
            $0.counts(as: type)
        }
    }

    package func findings(_ context: RuleContext) -> [Finding] {
        // One pass over the records, then a set lookup per period. Records are reached by
        // index: iterating by value would copy every record's fields on every rule.
        let held = context.heldRecords(org)
        var covered = Set<Period>()
        for index in held.indices where qualifies(held[index]) {
            covered.insert(period(of: held[index]))
        }
        let unreadable = org.unreadableRecords.filter {
            $0.status.value == .held && $0.date.value <= context.asOf && qualifies($0)
        }
        return context.evaluatedPeriods(kind, for: org).compactMap { period in
            guard !covered.contains(period) else { return nil }
            if let broken = unreadable.first(where: { period.contains($0.date.value) }) {
                return Finding(
                    LocalizedText(
                        zh: "\(period.label.zh)的\(what.zh)记录有错误，未能读取，修正后才计入",
                        en: "the \(what.en) record of \(period.label.en) could not be read; "
                            + "it counts once its errors are fixed"),
                    at: .start(of: broken.file), org: org.path, period: period.id,
                    severity: .note,
                    help: [
                        LocalizedText(
                            zh: "先修正该文件中报告的错误", en: "fix the errors reported in this file first")
                    ])
            }
            return Finding(
                LocalizedText(
                    zh: "\(period.label.zh)没有召开\(what.zh)",
                    en: "no \(what.en) was held in \(period.label.en)"),
                at: .start(of: org.file), org: org.path, period: period.id, help: help)
        }
    }

    /// The period a record counts for: that of its date, or for a yearly requirement the year
    /// its `covers` names (a review held after the year it reviews).
    private func period(of record: ActivityRecord) -> Period {
        if kind == .year, let covers = record.covers?.value { return Period(.year, year: covers) }
        return Period(kind, containing: record.date.value)
    }

    /// The current period's state, for the portal and the boards.
    package func due(_ context: RuleContext, rule: RuleID) -> DueItem {
        let period = context.currentPeriod(kind)
        let held = context.heldRecords(org)
        let met = held.indices.contains {
            self.period(of: held[$0]) == period && qualifies(held[$0])
        }
        let records = org.records
        let planned = records.indices.first {
            records[$0].status.value == .planned && period.contains(records[$0].date.value)
                && records[$0].date.value >= context.asOf && qualifies(records[$0])
        }
        return DueItem(
            rule: rule, org: org.path, period: period.id, what: what, deadline: period.end,
            met: met, planned: planned.map { records[$0].date.value })
    }
}

/// A requirement of the current period: met already, planned, or still open before its deadline.
package struct DueItem: Sendable, Hashable {
    package var rule: RuleID
    package var org: String
    package var period: String
    package var what: LocalizedText
    package var deadline: LocalDate
    package var met: Bool
    /// The date of a planned record that would meet it, if any.
    package var planned: LocalDate?
    package var waived: Bool = false

    package init(
        rule: RuleID, org: String, period: String, what: LocalizedText, deadline: LocalDate,
        met: Bool, planned: LocalDate? = nil, waived: Bool = false
    ) {
        self.rule = rule
        self.org = org
        self.period = period
        self.what = what
        self.deadline = deadline
        self.met = met
        self.planned = planned
        self.waived = waived
    }

    /// Still asked for: neither held, nor planned before the deadline, nor waived.
    package var isOpen: Bool { !met && !waived && planned == nil }
}
