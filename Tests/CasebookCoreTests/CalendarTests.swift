import Testing
@testable import CasebookCore

/// Published England and Wales bank holidays, typed in from the published lists independently of
/// the data in BankHolidays.swift.
let publishedBankHolidays: [Int: [String]] = [
    2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
]

@Suite struct CalendarTests {
    let calendar = WorkingDayCalendar()

    @Test(arguments: 2018...2027)
    func bankHolidaysMatchThePublishedList(year: Int) {
        let expected = Set(publishedBankHolidays[year]!.map { day("\(year)-\($0)") })
        #expect(BankHolidays.holidays(in: year) == expected)
        for holiday in expected { #expect(!calendar.isWorkingDay(holiday)) }
    }

    @Test func oneOffAndMovedDays() {
        #expect(calendar.isBankHoliday(day("2020-05-08")))   // VE Day
        #expect(!calendar.isBankHoliday(day("2020-05-04")))  // the usual early May Monday, moved
        #expect(calendar.isBankHoliday(day("2022-06-02")))
        #expect(calendar.isBankHoliday(day("2022-06-03")))   // Platinum Jubilee
        #expect(!calendar.isBankHoliday(day("2022-05-30")))  // spring holiday moved
        #expect(calendar.isBankHoliday(day("2022-09-19")))   // State Funeral
        #expect(calendar.isBankHoliday(day("2023-05-08")))   // Coronation
    }

    @Test(arguments: [2018: "04-01", 2019: "04-21", 2020: "04-12", 2021: "04-04", 2022: "04-17",
                      2023: "04-09", 2024: "03-31", 2025: "04-20", 2026: "04-05", 2027: "03-28",
                      2028: "04-16", 2029: "04-01", 2030: "04-21", 2038: "04-25"].map { ($0.key, $0.value) })
    func easter(year: Int, date: String) {
        #expect(BankHolidays.easterSunday(year: year) == day("\(year)-\(date)"))
    }

    @Test(arguments: [2018, 2019, 2021, 2024, 2025, 2026, 2027, 2028])
    func usualRulesAgreeWithOrdinaryYears(year: Int) {
        #expect(BankHolidays.byUsualRules(year: year) == BankHolidays.holidays(in: year))
    }

    @Test func laterYearsUseTheRulesWithAWarning() {
        #expect(BankHolidays.holidays(in: 2029).contains(day("2029-03-30")))  // Good Friday
        #expect(BankHolidays.holidays(in: 2032).contains(day("2032-12-27")))  // Christmas on Saturday
        #expect(BankHolidays.holidays(in: 2032).contains(day("2032-12-28")))
        #expect(BankHolidays.holidays(in: 2033).contains(day("2033-01-03")))  // New Year on Saturday
        #expect(calendar.warnings(from: day("2028-12-20"), to: day("2029-01-15")).count == 1)
        #expect(calendar.warnings(from: day("2026-12-20"), to: day("2027-01-15")).isEmpty)
    }

    @Test func dayZeroIsTheDayOfSending() {
        // Sent Monday 2 March 2026: day 1 is Tuesday, day 5 the next Monday.
        #expect(calendar.adding(workingDays: 0, to: day("2026-03-02")) == day("2026-03-02"))
        #expect(calendar.adding(workingDays: 1, to: day("2026-03-02")) == day("2026-03-03"))
        #expect(calendar.adding(workingDays: 5, to: day("2026-03-02")) == day("2026-03-09"))
        // Sent on a Saturday: day 1 is the Monday.
        #expect(calendar.adding(workingDays: 1, to: day("2026-03-07")) == day("2026-03-09"))
        #expect(calendar.adding(workingDays: 15, to: day("2026-03-02")) == day("2026-03-23"))
    }

    @Test func acrossChristmasAndNewYear() {
        // 2026: 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute), 1 Jan 2027 (Fri).
        #expect(calendar.adding(workingDays: 1, to: day("2026-12-24")) == day("2026-12-29"))
        #expect(calendar.adding(workingDays: 15, to: day("2026-12-14")) == day("2027-01-07"))
        // 2027-28: 27 and 28 Dec substitutes, 3 Jan 2028 substitute for New Year's Day.
        #expect(calendar.adding(workingDays: 3, to: day("2027-12-23")) == day("2027-12-30"))
        #expect(calendar.adding(workingDays: 5, to: day("2027-12-23")) == day("2028-01-04"))
    }

    @Test func acrossEaster() {
        // Good Friday 3 April, Easter Monday 6 April 2026.
        #expect(calendar.adding(workingDays: 1, to: day("2026-04-02")) == day("2026-04-07"))
        #expect(calendar.adding(workingDays: 15, to: day("2026-03-25")) == day("2026-04-17"))
    }

    @Test func localClosureDays() {
        let closed = WorkingDayCalendar(closureDays: [day("2026-12-29"), day("2026-12-30"), day("2026-12-31")])
        #expect(!closed.isWorkingDay(day("2026-12-30")))
        #expect(closed.adding(workingDays: 1, to: day("2026-12-24")) == day("2027-01-04"))
    }
}

struct BankHolidayBitsTests {
    /// The one-bit-a-day table answers exactly as the year-by-year sets do, inside it and around it.
    @Test func theBitsAnswerAsTheYearlySetsDo() {
        var day = Day(year: 1985, month: 1, day: 1)!
        let end = Day(year: 2105, month: 12, day: 31)!
        var holidays = 0
        while day <= end {
            let expected = BankHolidays.table[day.year]?.contains(day) ?? BankHolidays.byUsualRules(year: day.year).contains(day)
            #expect(BankHolidays.isHoliday(day) == expected, "\(day)")
            if expected { holidays += 1 }
            day = day.adding(days: 1)
        }
        #expect(holidays > 121 * 8)
    }
}
