/// A calendar day with no time of day and no time zone: the business dates of the policy
/// (decision date, letter sent, appeal received) and "today".
///
/// Stored as the number of days since 1970-01-01, so that arithmetic and comparison are cheap.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The dates Casebook takes as input (business dates, "today", due dates): a register's
    /// history and its deadlines, with room either side. Arithmetic on them (three-year reviews,
    /// working days) stays far inside what `Day` can hold.
    public static let supported = Day(ordinal: -25_567)...Day(ordinal: 84_005)  // 1900-01-01...2199-12-31

    /// A day from its year, month and day of month; nil when no such day exists (2026-02-30).
    /// Years run far past what is ever typed (four digits), so that no computation from a date,
    /// however far off, can fail.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...1_000_000).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or an impossible date.
    public init?(_ text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = day
    }

    /// The same, from UTF-8 bytes where they lie (the journal's lean reader).
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var dayOfMonth: Int { civil.day }

    /// ISO weekday: 1 Monday ... 7 Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (ordinal + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The same day of the month `months` later, clamped to the month's last day
    /// (31 August + 6 months = 28 or 29 February).
    public func adding(months: Int) -> Day {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        let day = min(c.day, Day.daysIn(month: month, year: year))
        return Day(ordinal: Day.ordinal(year: year, month: month, day: day))
    }

    public func adding(years: Int) -> Day { adding(months: years * 12) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = civil
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The British way: "27 January 2026".
    public var british: String { "\(dayOfMonth) \(Day.monthNames[month - 1]) \(year)" }

    public var weekdayName: String { Day.weekdayNames[weekday - 1] }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Day: TextCodable {
    public var text: String { description }
}
