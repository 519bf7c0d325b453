import Testing
@testable import CasebookCore
import CasebookSynthetic

/// A listing reads each case's outline (`Register.outline(of:calendar:)`), which a snapshot keeps:
/// on every day, its next due date must be the earliest due among the rows the queue holds for the
/// case that day, and its other fields the case's own.
@Suite struct CaseOutlineTests {
    /// The earliest due date among `value`'s own rows in the whole register's queue on `today`.
    static func nextDueInQueue(_ register: Register, _ value: Case, on today: Day, calendar: WorkingDayCalendar) -> Day? {
        register.queue(on: today, calendar: calendar).filter { $0.subject == value.id.description }.map(\.due).min()
    }

    static func expectOutlines(_ register: Register, days extra: [Day] = [], calendar: WorkingDayCalendar,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let outlines = register.cases.values.map { register.outline(of: $0, calendar: calendar) }
        // Every day a row appears from, the day before and the day after, and a day a month apart over years.
        var days = Set(extra)
        for outline in outlines {
            for row in outline.dues.later { days.formUnion([row.from.adding(days: -1), row.from, row.from.adding(days: 1)]) }
        }
        for offset in stride(from: -1_500, through: 1_500, by: 30) { days.insert(Day("2026-09-30")!.adding(days: offset)) }
        for today in days.sorted() {
            var expected: [String: Day] = [:]
            for row in register.queue(on: today, calendar: calendar) where expected[row.subject].map({ row.due < $0 }) ?? true {
                expected[row.subject] = row.due
            }
            for outline in outlines {
                #expect(outline.dues.nextDue(on: today) == expected[outline.id.description], "\(outline.id) on \(today)",
                        sourceLocation: sourceLocation)
            }
        }
        for outline in outlines {
            let value = register.cases[outline.id]!
            #expect(outline.customer == value.customer && outline.title == value.title && outline.serviceAreas == value.serviceAreas
                    && outline.stage == value.stage && outline.customerName == register.customers[value.customer]!.name,
                    sourceLocation: sourceLocation)
            #expect(outline.categories == value.status?.categories ?? value.pendingProposal?.categories ?? [],
                    sourceLocation: sourceLocation)
        }
    }

    @Test func aGeneratedRegistersOutlinesGiveTheQueuesDueDatesOnEveryDay() throws {
        var register = Register()
        _ = try register.perform(.initialise(name: "Admin"), in: Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!))
        for step in SyntheticRegister(cases: 150, seed: 7) {
            _ = try register.perform(step.command, in: Context(actor: step.actor, today: step.today))
        }
        let outlines = register.cases.values.map { register.outline(of: $0, calendar: WorkingDayCalendar()) }
        #expect(outlines.contains { !$0.dues.later.isEmpty } && outlines.contains { $0.dues.always != nil })
        #expect(outlines.contains { $0.dues.always == nil && $0.dues.later.isEmpty })
        Self.expectOutlines(register, calendar: WorkingDayCalendar())
    }

    @Test func remindersAndThreeYearReviewsCountFromTheDayTheyReachTheQueue() throws {
        var f = Fixture()
        let applied = try f.appliedCase(decided: "2026-03-02")
        try f.run(.setReminder(applied, on: day("2026-06-01"), text: "Ring back"), as: "olivia")
        try f.run(.setReminder(applied, on: day("2026-04-01"), text: "Write again"), as: "olivia")
        let quiet = try f.openCase()
        try f.run(.setReminder(quiet, on: day("2026-05-05"), text: "Check in"), as: "olivia")
        try f.run(.closeReminder(quiet, number: 1, cancelled: true), as: "olivia")
        let outline = f.register.outline(of: f.register.cases[applied]!, calendar: f.calendar)
        // The decision letter waits from the day of the decision; a reminder from its own day.
        #expect(outline.dues.nextDue(on: day("2026-03-31")) == outline.dues.always)
        #expect(outline.dues.later.contains { $0.from == day("2026-04-01") && $0.due == day("2026-04-01") })
        // 5.2.5: the three-year review appears a month before it falls due.
        let review = try #require(outline.dues.later.first { $0.due == day("2029-03-02") })
        #expect(review.from == day("2029-01-31"))
        // A cancelled reminder puts nothing in the queue on any day.
        #expect(f.register.outline(of: f.register.cases[quiet]!, calendar: f.calendar).dues == DueSchedule())
        try f.run(.recordLetterSent(.case(applied), kind: .decision, sentOn: day("2026-03-03")), as: "olivia", on: day("2026-03-03"))
        Self.expectOutlines(f.register, days: [day("2026-04-01"), day("2026-06-01"), day("2029-01-31")], calendar: f.calendar)
    }

    @Test func aCalendarsClosureDaysMoveTheDueDates() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        let closed = WorkingDayCalendar(closureDays: [day("2026-03-04"), day("2026-03-05")])
        let open = f.register.outline(of: f.register.cases[id]!, calendar: f.calendar)
        let shut = f.register.outline(of: f.register.cases[id]!, calendar: closed)
        #expect(open.dues.always! < shut.dues.always!)
        Self.expectOutlines(f.register, calendar: closed)
    }
}
