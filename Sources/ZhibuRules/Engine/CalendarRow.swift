import ZhibuModel

/// One row of a branch's meeting calendar: a periodic requirement and the rule it belongs to.
///
/// The portal's heat-map and the boards draw these rows, taken from the rules' own
/// requirements, so what counts for a row is always what counts for the rule.
package struct CalendarRow: Sendable {
    package var rule: RuleID
    package var requirement: PeriodicRequirement
}

extension RuleRegistry {
    /// The rows of every branch's meeting calendar, by organization path, in the order of
    /// `MeetingRules.calendar`: whatever a site's severity overrides say, since the calendar
    /// shows what was held even where a rule is turned off.
    package static func meetingCalendar(_ site: Site, asOf: LocalDate) -> [String: [CalendarRow]] {
        let context = RuleContext(site: site, asOf: asOf)
        var rows: [String: [CalendarRow]] = [:]
        for rule in MeetingRules.calendar {
            for requirement in rule.requirements(context) {
                rows[requirement.org.path, default: []].append(
                    CalendarRow(rule: rule.descriptor.id, requirement: requirement))
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
