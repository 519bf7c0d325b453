/// England and Wales bank holidays as published, including substitute days, the moved early May
/// holiday of 2020, the moved spring holiday of 2022 and the one-off days of 2022 and 2023.
/// Years outside `publishedYears` are computed by `BankHolidays.byUsualRules(year:)`, with a warning.
public enum BankHolidays {
    public static let publishedYears: ClosedRange<Int> = 2018...2028

    static let published: [Int: [String]] = [
        2018: ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"],
        2019: ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"],
        // 8 May 2020: early May holiday moved to VE Day's 75th anniversary.
        2020: ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"],
        2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
        // 2 June 2022 spring holiday moved; 3 June Platinum Jubilee; 19 September the State Funeral.
        2022: ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
               "2022-09-19", "2022-12-26", "2022-12-27"],
        // 8 May 2023: the Coronation.
        2023: ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
               "2023-12-25", "2023-12-26"],
        2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
        2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
        2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
        2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
        2028: ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
    ]

    /// The bank holidays of `year`: published data where there is some, else the usual rules.
    public static func holidays(in year: Int) -> Set<Day> {
        table[year] ?? byUsualRules(year: year)
    }

    /// Whether `day` is a bank holiday (the working-day calendar asks this for every day it counts).
    public static func isHoliday(_ day: Day) -> Bool {
        let offset = day.ordinal - bits.first
        if offset >= 0, offset < bits.days { return bits.words[offset >> 6] & (1 << UInt64(offset & 63)) != 0 }
        return byUsualRules(year: day.year).contains(day)
    }

    /// The table's holidays as one bit a day from 1 January 1990: a question is a shift and a mask,
    /// where a set lookup (and working out the day's year) was most of what counting working days cost.
    static let bits: (first: Int, days: Int, words: [UInt64]) = {
        let first = Day(year: 1990, month: 1, day: 1)!.ordinal, last = Day(year: 2100, month: 12, day: 31)!.ordinal
        var words = [UInt64](repeating: 0, count: (last - first) / 64 + 1)
        for days in table.values {
            for day in days where day.ordinal >= first && day.ordinal <= last {
                let offset = day.ordinal - first
                words[offset >> 6] |= 1 << UInt64(offset & 63)
            }
        }
        return (first, last - first + 1, words)
    }()

    /// Every year's holidays from 1990 to 2100, worked out once: working them out on every question
    /// was most of the time the queues took.
    static let table: [Int: Set<Day>] = {
        var table: [Int: Set<Day>] = [:]
        for year in 1990...2100 { table[year] = published[year].map { Set($0.compactMap(Day.init)) } ?? byUsualRules(year: year) }
        return table
    }()

    public static func isPublished(_ year: Int) -> Bool { published[year] != nil }

    /// The usual rules: New Year's Day, Good Friday, Easter Monday, first Monday of May, last
    /// Monday of May, last Monday of August, Christmas Day and Boxing Day, with a weekday
    /// substitute when one falls at a weekend.
    public static func byUsualRules(year: Int) -> Set<Day> {
        var days: Set<Day> = []
        let newYear = Day(year: year, month: 1, day: 1)!
        days.insert(nextWeekday(onOrAfter: newYear))
        let easter = easterSunday(year: year)
        days.insert(easter.adding(days: -2))
        days.insert(easter.adding(days: 1))
        days.insert(firstMonday(onOrAfter: Day(year: year, month: 5, day: 1)!))
        days.insert(lastMonday(onOrBefore: Day(year: year, month: 5, day: 31)!))
        days.insert(lastMonday(onOrBefore: Day(year: year, month: 8, day: 31)!))
        let christmas = Day(year: year, month: 12, day: 25)!
        let boxing = christmas.adding(days: 1)
        switch christmas.weekday {
        case 6: days.formUnion([christmas.adding(days: 2), christmas.adding(days: 3)])  // Sat: Mon, Tue
        case 7: days.formUnion([boxing, christmas.adding(days: 2)])                     // Sun: Boxing Mon, Tue
        case 5: days.formUnion([christmas, christmas.adding(days: 3)])                  // Fri: Boxing moves to Mon
        default: days.formUnion([christmas, boxing])
        }
        return days
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    static func nextWeekday(onOrAfter day: Day) -> Day {
        var day = day
        while day.isWeekend { day = day.adding(days: 1) }
        return day
    }

    static func firstMonday(onOrAfter day: Day) -> Day { day.adding(days: (8 - day.weekday) % 7) }

    static func lastMonday(onOrBefore day: Day) -> Day { day.adding(days: -((day.weekday + 6) % 7)) }
}
