/// What a listing of cases shows of one (`casebook list`): a few fields worked out from the case
/// and the register, on any day. A snapshot keeps one for each case, so that a listing of a
/// hundred thousand reads these rather than whole cases (issue 19).
public struct CaseOutline: Equatable, Sendable {
    public var id: CaseID
    public var customer: CustomerID
    /// The customer's name ("" when the register has no such customer).
    public var customerName: String
    public var title: String
    public var serviceAreas: [ServiceArea]
    /// The status's categories, else a pending proposal's.
    public var categories: Set<Category>
    public var stage: CaseStage
    /// When the case's queue rows fall due, on whichever day it is asked.
    public var dues: DueSchedule

    public init(id: CaseID, customer: CustomerID, customerName: String, title: String, serviceAreas: [ServiceArea],
                categories: Set<Category>, stage: CaseStage, dues: DueSchedule) {
        (self.id, self.customer, self.customerName, self.title) = (id, customer, customerName, title)
        (self.serviceAreas, self.categories, self.stage, self.dues) = (serviceAreas, categories, stage, dues)
    }
}

/// When a record's queue rows fall due, whatever the day: most rows wait from the day they are
/// made, and some only from a later day (a reminder on its day, a three-year review as it nears,
/// 5.2.5). What `nextDue(on:)` answers is the earliest due date among the rows the queue holds on
/// that day, as `Register.queueRows(of:on:calendar:)` would give them.
public struct DueSchedule: Equatable, Sendable {
    /// A row that reaches the queue only from `from`.
    public struct Later: Equatable, Sendable {
        public var from: Day
        public var due: Day

        public init(from: Day, due: Day) { (self.from, self.due) = (from, due) }
    }

    /// The earliest due date of the rows waiting whatever the day.
    public var always: Day?
    /// The rows that wait only from a day, in the order they were made.
    public var later: [Later]

    public init(always: Day? = nil, later: [Later] = []) { (self.always, self.later) = (always, later) }

    /// A row due on `due`, in the queue from `from` (from the day it is made when nil).
    mutating func note(due: Day, from: Day?) {
        if let from { later.append(Later(from: from, due: due)) } else { always = min(always ?? due, due) }
    }

    /// The earliest due date among the rows in the queue on `today`; nil when there are none.
    public func nextDue(on today: Day) -> Day? {
        var next = always
        for row in later where row.from <= today { next = min(next ?? row.due, row.due) }
        return next
    }
}

extension Register {
    /// The outline of `value` as this register holds it, for a listing on any day.
    public func outline(of value: borrowing Case, calendar: WorkingDayCalendar, timescales: ProcedureTimescales = .standard,
                        lookAheadDays: Int = 30) -> CaseOutline {
        var builder = QueueBuilder(register: self, today: Day.supported.upperBound, calendar: calendar, timescales: timescales,
                                   lookAheadDays: lookAheadDays)
        builder.schedule = DueSchedule()
        builder.add(value)
        return CaseOutline(id: value.id, customer: value.customer, customerName: customers[value.customer]?.name ?? "",
                           title: value.title, serviceAreas: value.serviceAreas,
                           categories: value.status?.categories ?? value.pendingProposal?.categories ?? [],
                           stage: value.stage, dues: builder.schedule!)
    }
}
