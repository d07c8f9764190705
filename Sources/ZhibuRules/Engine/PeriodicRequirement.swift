import ZhibuModel

/// "Hold a qualifying record in every period of this kind": the shape of every `meeting.*` rule.
///
/// One finding per evaluated period without a held qualifying record, located at the first line
/// of the organization's `org.yml` with its `period` (SPEC §3.1); the current period becomes a
/// `DueItem` instead.
package struct PeriodicRequirement: Sendable {
    package var org: Organization
    package var kind: Period.Kind
    /// What must be held, e.g. “支部委员会会议” / “committee meeting”.
    package var what: LocalizedText
    package var qualifies: @Sendable (ActivityRecord) -> Bool
    package var help: [LocalizedText]

    package init(
        org: Organization, kind: Period.Kind, what: LocalizedText, help: [LocalizedText] = [],
        qualifies: @escaping @Sendable (ActivityRecord) -> Bool
    ) {
        self.org = org
        self.kind = kind
        self.what = what
        self.help = help
        self.qualifies = qualifies
    }

    /// A requirement met by any held record that counts as `type` (its own type or `also`).
    package init(
        org: Organization, kind: Period.Kind, type: ActivityType, help: [LocalizedText] = []
    ) {
        self.init(org: org, kind: kind, what: type.label, help: help) {
            $0.countsAs.contains(type)
        }
    }

    package func findings(_ context: RuleContext) -> [Finding] {
        // One pass over the records, then a set lookup per period.
        let covered = Set(
            context.heldRecords(org).lazy.filter(qualifies).map {
                Period(kind, containing: $0.date.value)
            })
        return context.evaluatedPeriods(kind, for: org).compactMap { period in
            guard !covered.contains(period) else { return nil }
            return Finding(
                LocalizedText(
                    zh: "\(period.label.zh)没有召开\(what.zh)",
                    en: "no \(what.en) was held in \(period.label.en)"),
                at: .start(of: org.file), org: org.path, period: period.id, help: help)
        }
    }

    /// The current period's state, for the portal and the boards.
    package func due(_ context: RuleContext, rule: RuleID) -> DueItem {
        let period = context.currentPeriod(kind)
        let met = context.heldRecords(org).contains {
            period.contains($0.date.value) && qualifies($0)
        }
        let planned = org.records.first {
            $0.status.value == .planned && period.contains($0.date.value) && qualifies($0)
                && $0.date.value >= context.asOf
        }
        return DueItem(
            rule: rule, org: org.path, period: period.id, what: what, deadline: period.end,
            met: met, planned: planned?.date.value)
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
}
