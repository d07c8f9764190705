import ZhibuModel

/// One row of a branch's meeting calendar: a periodic requirement and the rule it belongs to.
///
/// The portal's heat-map and the boards draw these rows, taken from the rules' own
/// requirements, so what counts for a row is always what counts for the rule.
package struct CalendarRow: Sendable {
    package var rule: RuleID
    package var requirement: PeriodicRequirement
    /// How many periods of the window the requirement is evaluated in (docs/configuration.md,
    /// rules.window_months): the denominator of its completion rate (落实率).
    package var evaluated: Int
}

extension RuleRegistry {
    /// The rows of every branch's meeting calendar, by organization path, in the order of
    /// `MeetingRules.calendar`: whatever a site's severity overrides say, since the calendar
    /// shows what was held even where a rule is turned off.
    package static func meetingCalendar(_ site: Site, asOf: LocalDate) -> [String: [CalendarRow]] {
        rows(of: MeetingRules.calendar, site, asOf: asOf)
    }

    /// The rows of every periodic requirement of every organization, yearly ones included, in
    /// the order of `overviewRules`: what a committee's branch × requirement matrix counts.
    package static func requirementRows(_ site: Site, asOf: LocalDate) -> [String: [CalendarRow]] {
        rows(of: MeetingRules.overview, site, asOf: asOf)
    }

    /// The periodic rules a committee's overview has a column for, in column order.
    package static var overviewRules: [RuleID] { MeetingRules.overview.map { $0.descriptor.id } }

    private static func rows(
        of rules: [any PeriodicRule.Type], _ site: Site, asOf: LocalDate
    ) -> [String: [CalendarRow]] {
        let context = RuleContext(site: site, asOf: asOf)
        var rows: [String: [CalendarRow]] = [:]
        for rule in rules {
            for requirement in rule.requirements(context) {
                rows[requirement.org.path, default: []].append(
                    CalendarRow(
                        rule: rule.descriptor.id, requirement: requirement,
                        evaluated: context.evaluatedPeriods(requirement.kind, for: requirement.org)
                            .count))
            }
        }
        return rows
    }

    /// Every periodic rule whose requirements recur monthly or quarterly somewhere in `site`:
    /// a test holds them to `MeetingRules.calendar`, so a new one cannot be left off.
    package static func recurringMeetingRules(_ site: Site, asOf: LocalDate) -> [RuleID] {
        let context = RuleContext(site: site, asOf: asOf)
        return all.compactMap { $0 as? any PeriodicRule.Type }.filter { rule in
            rule.requirements(context).contains { $0.kind != .year }
        }.map { $0.descriptor.id }
    }

    /// The rules `meetingCalendar` draws rows for, in order.
    package static var calendarRules: [RuleID] { MeetingRules.calendar.map { $0.descriptor.id } }
}
