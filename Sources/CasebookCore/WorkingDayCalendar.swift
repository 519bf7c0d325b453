/// Working days: Monday to Friday, less England and Wales bank holidays and the store's local
/// closure days. Used for the 15-working-day appeal window and outcome (6.1, 6.2).
///
/// Counting convention: the day something is sent or received is day 0; day 1 is the next
/// working day, whatever day of the week the sending fell on.
public struct WorkingDayCalendar: Sendable, Equatable {
    public var closureDays: Set<Day>

    public init(closureDays: Set<Day> = []) { self.closureDays = closureDays }

    public func isBankHoliday(_ day: Day) -> Bool { BankHolidays.isHoliday(day) }

    public func isWorkingDay(_ day: Day) -> Bool {
        !day.isWeekend && !isBankHoliday(day) && (closureDays.isEmpty || !closureDays.contains(day))
    }

    /// The most working days counted at once (about forty years): the policy's periods are
    /// fifteen; anything asked beyond is counted only this far.
    public static let maximumWorkingDays = 10_000

    /// The date `count` working days after `start` (day 0). `count` may be zero; it is counted
    /// forwards and at most `maximumWorkingDays`.
    public func adding(workingDays count: Int, to start: Day) -> Day {
        var day = start, remaining = min(max(0, count), Self.maximumWorkingDays)
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// A warning when a computation touched years whose bank holidays are not published data.
    public func warnings(from start: Day, to end: Day) -> [Warning] {
        let years = Set([start.year, end.year]).filter { !BankHolidays.isPublished($0) }.sorted()
        return years.map {
            Warning(
                "Bank holidays for \($0) are not yet published in Casebook's data; the usual rules were used. "
                    + "Check the date against the published list.")
        }
    }
}
