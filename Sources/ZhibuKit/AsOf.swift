import Foundation
import ZhibuModel

/// Decides the date periodic rules are evaluated at (docs/configuration.md, as_of): `--as-of`,
/// then `as_of` in `site.yml`, then `SOURCE_DATE_EPOCH`, then today in the site's time zone.
package enum AsOf {
    package static func resolve(
        option: LocalDate?, config: SiteConfig, environment: [String: String], now: Date
    ) -> LocalDate {
        if let option { return option }
        if let configured = config.asOf?.value { return configured }
        return today(in: config.timezone.value, environment: environment, now: now)
    }

    /// Today in `timezone`, or the day of `SOURCE_DATE_EPOCH` there when it is set.
    package static func today(in timezone: String, environment: [String: String], now: Date)
        -> LocalDate
    {
        let zone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")
        var instant = now
        if let epoch = environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            instant = Date(timeIntervalSince1970: seconds)
        }
        var calendar = Calendar(identifier: .gregorian)
        if let zone { calendar.timeZone = zone }
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(daysSinceEpoch: 0)
    }
}
