import Testing
import ZhibuModel

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("2026-11-05", true), ("2026-02-28", true), ("2026-02-29", false), ("2024-02-29", true),
        ("2000-02-29", true), ("1900-02-29", false), ("2026-02-30", false), ("2026-04-31", false),
        ("2026-13-01", false), ("2026-00-10", false), ("2026-1-5", false), ("2026/11/05", false),
        ("20261105", false), ("2026-11-05 ", false),
    ])
    func parsesOnlyRealDatesInTheFileFormat(text: String, valid: Bool) {
        #expect((LocalDate(parsing: text) != nil) == valid)
    }

    @Test func dateShapeIsToldApartFromRealDates() {
        #expect(LocalDate.hasDateShape("2026-02-30"))
        #expect(!LocalDate.hasDateShape("2026/02/03"))
    }

    @Test func daysSinceEpochRoundTrips() throws {
        for text in ["1970-01-01", "1921-07-01", "2024-02-29", "2026-12-31", "2100-03-01"] {
            let date = try #require(LocalDate(parsing: text))
            #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
            #expect(date.description == text)
        }
        #expect(LocalDate(parsing: "1970-01-02")?.daysSinceEpoch == 1)
        #expect(LocalDate(parsing: "2026-03-01")?.addingDays(-1).description == "2026-02-28")
    }

    @Test func addingMonthsClampsToTheLastDay() throws {
        let january31 = try #require(LocalDate(parsing: "2024-01-31"))
        #expect(january31.addingMonths(1).description == "2024-02-29")
        #expect(january31.addingMonths(13).description == "2025-02-28")
        #expect(january31.addingMonths(-2).description == "2023-11-30")
    }

    @Test func ordersChronologically() throws {
        let dates = ["2026-11-05", "2025-12-31", "2026-01-01"].compactMap(LocalDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-01", "2026-11-05"])
    }
}
