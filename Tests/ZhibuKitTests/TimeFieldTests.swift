import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// A record's `time`, read once for the loader's check and the calendar's event times: what one
/// accepts the other must place, and what it refuses is a `load.field-type` error.
@Suite struct TimeFieldTests {
    let path = "Content/orgs/first/activities/2026/11-05-committee.md"

    /// The DTSTART and DTEND lines the calendar writes for a record with this `time`.
    func eventTimes(_ time: String) throws -> (errors: Int, lines: [String]) {
        let loaded = TestSite.load([
            path: TestSite.record(
                "type: committee-meeting\ntitle: 支委会\ndate: 2026-11-05\ntime: \"\(time)\"\n")
        ])
        let org = try #require(loaded.site.organization("first"))
        let text = FeedAndSearchTests.calendar(
            org: org, site: loaded.site, urls: FeedAndSearchTests.urls(loaded.site),
            asOf: try #require(LocalDate(parsing: "2026-11-24")))
        let lines = text.components(separatedBy: "\r\n").filter {
            $0.hasPrefix("DTSTART;") || $0.hasPrefix("DTEND;")
        }
        return (loaded.diagnostics(.fieldType).count, lines)
    }

    @Test(
        arguments: [
            ("14:30", "20261105T143000", nil),
            ("9:00", "20261105T090000", nil),
            ("14:30-16:00", "20261105T143000", "20261105T160000"),
            ("14:30–16:00", "20261105T143000", "20261105T160000"),
            ("14:30—16:00", "20261105T143000", "20261105T160000"),
            ("14:30~16:00", "20261105T143000", "20261105T160000"),
            ("14:30～16:00", "20261105T143000", "20261105T160000"),
            ("14:30至16:00", "20261105T143000", "20261105T160000"),
            ("\u{3000}14:30 - 16:00 ", "20261105T143000", "20261105T160000"),
            ("22:00-01:00", "20261105T220000", "20261106T010000"),
            ("23:00-24:00", "20261105T230000", "20261106T000000"),
        ] as [(String, String, String?)])
    func acceptedTimesBecomeEventTimes(time: String, start: String, end: String?) throws {
        let result = try eventTimes(time)
        #expect(result.errors == 0, "\(time)")
        var expected = ["DTSTART;TZID=Asia/Shanghai:" + start]
        if let end { expected.append("DTEND;TZID=Asia/Shanghai:" + end) }
        #expect(result.lines == expected, "\(time)")
    }

    @Test(arguments: [
        "1430", "14:3", "14:300", "24:00", "24:30", "25:00", "14:60", "14:30-", "-14:30",
        "1 4:30", "14:30-16:00-17:00", "下午2点", "14：30",
    ])
    func unreadableTimesAreReportedAndMakeAllDayEvents(time: String) throws {
        let result = try eventTimes(time)
        #expect(result.errors == 1, "\(time)")
        #expect(
            result.lines == ["DTSTART;VALUE=DATE:20261105", "DTEND;VALUE=DATE:20261106"], "\(time)")
    }
}
