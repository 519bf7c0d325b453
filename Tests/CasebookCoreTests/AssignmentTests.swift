import Testing
@testable import CasebookCore

/// 17: a case's officer work is assigned to an officer, handed over with a reason, and passed on
/// when they leave.
@Suite struct AssignmentTests {
    @Test func anAssignedCasesOfficerWorkIsInTheAssigneesOwnQueue() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        // The decision letter is owed: any officer's, until the case is assigned.
        #expect(f.register.queue(on: f.today, for: "omar", calendar: f.calendar).contains { $0.kind == .letter && $0.subject == id.description })
        try f.run(.assign(id, to: "olivia", reason: nil), as: "harriet")
        #expect(f.register.cases[id]?.assignee == "olivia")
        let olivia = f.register.queue(on: f.today, for: "olivia", calendar: f.calendar)
        #expect(olivia.contains { $0.kind == .letter && $0.subject == id.description })
        #expect(!f.register.queue(on: f.today, for: "omar", calendar: f.calendar).contains { $0.kind == .letter && $0.subject == id.description })
    }

    @Test func aHandoverSaysWhyAndKeepsWhoAndWhy() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.run(.assign(id, to: "olivia", reason: nil), as: "omar")
        #expect(f.refusal(.assign(id, to: "omar", reason: nil), as: "harriet")?.field == .reason)
        #expect(f.refusal(.assign(id, to: "olivia", reason: "again"), as: "harriet")?.message.contains("already assigned") == true)
        #expect(f.refusal(.assign(id, to: "harriet", reason: "leave"), as: "harriet")?.field == .to, "a head of service is not an officer")
        #expect(f.refusal(.assign(id, to: "omar", reason: "leave"), as: "ian")?.paragraph == "7.1")
        try f.run(.assign(id, to: "omar", reason: "Olivia on leave until January"), as: "harriet")
        let assignments = try #require(f.register.cases[id]?.assignments)
        #expect(assignments.map(\.to) == ["olivia", "omar"])
        #expect(assignments.last?.by == "harriet" && assignments.last?.reason == "Olivia on leave until January")
    }

    @Test func aLeaverHandsOverWhatTheyHold() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.run(.assign(id, to: "olivia", reason: nil), as: "harriet")
        try f.run(.setReminder(id, on: f.today, text: "Has the contractor replied?"), as: "olivia")
        let refusal = f.refusal(.staffLeaves(login: "olivia", on: f.today), as: "admin")
        let refused = try #require(refusal)
        #expect(refused.paragraph == "7.1" && refused.message.contains("holds \(id)") && refused.field == .reassignTo)
        #expect(f.refusal(.staffLeaves(login: "olivia", on: f.today, reassignTo: "olivia"), as: "admin")?.field == .reassignTo)
        let outcome = try f.run(.staffLeaves(login: "olivia", on: f.today, reassignTo: "omar"), as: "admin")
        #expect(outcome.warnings.contains { $0.message.contains("reminder 1 on \(id)") })
        #expect(f.register.cases[id]?.assignee == "omar")
        #expect(f.register.cases[id]?.assignments.last?.reason == "Olivia Officer left on \(f.today)")
        // Her reminder reaches the new assignee, who may close it.
        let omar = f.register.queue(on: f.today, for: "omar", calendar: f.calendar)
        #expect(omar.contains { $0.kind == .reminder && $0.summary.contains("who has left") })
        try f.run(.closeReminder(id, number: 1, cancelled: false), as: "omar")
    }
}

/// 17: a contact logged wrongly is corrected by a Head of Service or an administrator; the
/// original stays in the journal and deadlines follow the corrected value.
@Suite struct ContactCorrectionTests {
    @Test func aLateLoggedDateIsCorrectedAndDeadlinesFollow() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id, on: "2026-02-10", kind: .sar, behaviours: [])
        let before = try #require(f.register.cases[id]?.contact(1))
        #expect(f.refusal(.correctContact(id, contact: 1, date: day("2026-02-03"), toCase: nil, summary: nil, reason: "Logged late"),
                          as: "olivia")?.paragraph == "7.1")
        #expect(f.refusal(.correctContact(id, contact: 9, date: day("2026-02-03"), toCase: nil, summary: nil, reason: "x"),
                          as: "harriet")?.field == .contact)
        #expect(f.refusal(.correctContact(id, contact: 1, date: day("2026-09-03"), toCase: nil, summary: nil, reason: "x"),
                          as: "harriet")?.kind == .badInput, "not after today")
        #expect(f.refusal(.correctContact(id, contact: 1, date: nil, toCase: nil, summary: nil, reason: "x"), as: "harriet") != nil)
        try f.run(.correctContact(id, contact: 1, date: day("2026-02-03"), toCase: nil, summary: "Asked for a copy of her file",
                                  reason: "Logged a week late; letter dated 3 February"), as: "harriet")
        let value = try #require(f.register.cases[id])
        #expect(value.contact(1)?.date == day("2026-02-03") && value.contact(1)?.summary == "Asked for a copy of her file")
        #expect(value.contactCorrections.count == 2)
        #expect(value.contactCorrections[0].change == .date(was: before.date, now: day("2026-02-03")))
        #expect(value.contactCorrections[0].description.contains("corrected by harriet on \(f.today)"))
        #expect(f.journal.contains { if case .contactLogged(let e) = $0.event { e.date == before.date } else { false } },
                "the original stays in the journal")
    }

    @Test func aContactOnTheWrongCaseIsMovedToTheCustomersOtherCase() throws {
        var f = Fixture()
        let customer = try f.customer()
        let wrong = try f.openCase(customer: customer)
        let right = try f.openCase(customer: customer)
        let stranger = try f.openCase()
        try f.contact(wrong, on: "2026-02-10")
        try f.contact(wrong, on: "2026-02-11")
        try f.contact(right, on: "2026-02-12")
        #expect(f.refusal(.correctContact(wrong, contact: 1, date: nil, toCase: stranger, summary: nil, reason: "x"),
                          as: "harriet")?.field == .toCase)
        try f.run(.correctContact(wrong, contact: 1, date: nil, toCase: right, summary: nil, reason: "Was about the bins"), as: "admin")
        let from = try #require(f.register.cases[wrong]), to = try #require(f.register.cases[right])
        #expect(from.contacts.map(\.number) == [2])
        #expect(to.contacts.map(\.number) == [1, 2] && to.contact(2)?.date == day("2026-02-10"))
        #expect(from.contactCorrections.last?.change == .movedTo(right, number: 2))
        #expect(to.contactCorrections.last?.change == .movedFrom(wrong, number: 1))
        // Numbers are never reused: the next contact on the first case is 3.
        try f.contact(wrong, on: "2026-02-13")
        #expect(f.register.cases[wrong]?.contacts.map(\.number) == [2, 3])
        // Replaying the journal gives the same register.
        var replayed = Register()
        for (actor, event) in f.journal { replayed.apply(event, by: actor) }
        #expect(replayed == f.register)
    }
}
