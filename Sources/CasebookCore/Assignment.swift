/// Who owns a case's officer work: its letters, its read-and-file contacts and reminders whose
/// author has left come to the assignee's own queue. Each assignment keeps who made it and why.
public struct Assignment: Equatable, Sendable, Codable {
    public let to: Login
    public let by: Login
    public let on: Day
    public let reason: String?

    public init(to: Login, by: Login, on: Day, reason: String?) {
        self.to = to
        self.by = by
        self.on = on
        self.reason = reason
    }
}

/// A contact corrected after it was logged: a wrong date, a wrong summary, or logged against the
/// wrong case. The original stays in the journal; the case shows the corrected value and this
/// record of who corrected it, when, why and what it was.
public struct ContactCorrection: Equatable, Sendable, Codable {
    public enum Change: Equatable, Sendable, Codable {
        case date(was: Day, now: Day)
        case summary(was: String, now: String)
        /// Moved from this case to another, where it has a new number.
        case movedTo(CaseID, number: Int)
        /// Moved here from another case, where it had another number.
        case movedFrom(CaseID, number: Int)
    }

    /// The contact's number on this case (for one moved away, the number it had here).
    public let contact: Int
    public let change: Change
    public let by: Login
    public let on: Day
    public let reason: String

    public init(contact: Int, change: Change, by: Login, on: Day, reason: String) {
        self.contact = contact
        self.change = change
        self.by = by
        self.on = on
        self.reason = reason
    }

    /// "corrected by hbanks on 2026-12-01: date was 2026-11-03 (logged late)".
    public var description: String {
        let what = switch change {
        case .date(let was, let now): "date \(now), was \(was)"
        case .summary(let was, _): "summary was \"\(was)\""
        case .movedTo(let other, let number): "moved to \(other) as contact \(number)"
        case .movedFrom(let other, let number): "moved here from \(other), where it was contact \(number)"
        }
        return "contact \(contact) corrected by \(by) on \(on): \(what) — \(reason)"
    }
}

extension Case {
    /// The assignee whose queue the case's officer work goes to, if anyone holds it.
    public var assignee: Login? { assignments.last?.to }

    /// The place of contact `number` in `contacts` (numbers rise; one moved away leaves a gap).
    public func contactIndex(_ number: Int) -> Int? {
        var low = 0, high = contacts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let found = contacts[middle].number
            if found == number { return middle }
            if found < number { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    public func contact(_ number: Int) -> Contact? { contactIndex(number).map { contacts[$0] } }

    /// The next contact's number: numbers are never reused, even of a contact moved away.
    public var nextContactNumber: Int {
        let moved = contactCorrections.compactMap { if case .movedTo = $0.change { $0.contact } else { nil } }
        return max(contacts.last?.number ?? 0, moved.max() ?? 0) + 1
    }
}
