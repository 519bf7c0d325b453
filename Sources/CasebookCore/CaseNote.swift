/// A note on a case: "spoke to the repairs manager, will call back Friday" — dated, by whom, in the
/// timeline, and the person's data like the rest of the case (UK GDPR Art 15).
public struct CaseNote: Equatable, Sendable, Codable {
    public let number: Int
    public let on: Day
    public let by: Login
    public let text: String

    public init(number: Int, on: Day, by: Login, text: String) {
        self.number = number
        self.on = on
        self.by = by
        self.text = text
    }
}

/// A bring-forward date: a row in its author's queue on that day, until the author marks it done or cancels it.
public struct Reminder: Equatable, Sendable, Codable {
    public enum Outcome: String, Sendable, Codable { case done, cancelled }

    public let number: Int
    public let due: Day
    public let by: Login
    public let text: String
    public var closed: Outcome?
    public var closedOn: Day?

    public init(number: Int, due: Day, by: Login, text: String, closed: Outcome? = nil, closedOn: Day? = nil) {
        self.number = number
        self.due = due
        self.by = by
        self.text = text
        self.closed = closed
        self.closedOn = closedOn
    }

    public var isOpen: Bool { closed == nil }
}
