import Testing
@testable import CasebookCore

@Suite struct DayTests {
    @Test func parsesOnlyRealDates() {
        #expect(Day("2026-01-27")?.description == "2026-01-27")
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2026-02-30") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("2026-00-10") == nil)
        #expect(Day("2026-1-5") == nil)
        #expect(Day("26-01-05") == nil)
        #expect(Day("2026/01/05") == nil)
        #expect(Day("tomorrow") == nil)
        #expect(Day("") == nil)
    }

    @Test func weekdays() {
        #expect(day("1970-01-01").weekday == 4)
        #expect(day("2026-11-29").weekday == 7)
        #expect(day("2026-11-30").weekdayName == "Monday")
        #expect(day("1969-12-29").weekday == 1)
    }

    @Test func arithmetic() {
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2026-01-01").days(until: day("2026-12-31")) == 364)
        #expect(day("2025-08-31").adding(months: 6) == day("2026-02-28"))
        #expect(day("2023-08-31").adding(months: 6) == day("2024-02-29"))
        #expect(day("2026-03-02").adding(months: 6) == day("2026-09-02"))
        #expect(day("2024-02-29").adding(years: 1) == day("2025-02-28"))
        #expect(day("2026-11-15").adding(months: 2) == day("2027-01-15"))
    }

    @Test func britishFormat() {
        #expect(day("2026-01-27").british == "27 January 2026")
        #expect(day("2026-12-05").british == "5 December 2026")
    }

    @Test func roundTripsEveryDayOfSeveralYears() {
        var value = day("2017-12-25")
        for _ in 0..<(366 * 12) {
            #expect(Day(value.description) == value)
            value = value.adding(days: 1)
        }
    }
}
