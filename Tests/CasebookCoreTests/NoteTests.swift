import Testing
@testable import CasebookCore

/// Notes and reminders on a case (what a case system gives a team).
@Suite struct NoteTests {
    @Test func aNoteIsDatedByItsAuthorAndOnlyForThoseWhoReadTheFile() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.run(.addNote(id, text: "Spoke to the repairs manager; will call back Friday."), as: "olivia")
        let note = try #require(f.register.cases[id]?.notes.first)
        #expect(note.by == "olivia" && note.on == f.today && note.number == 1)
        #expect(f.refusal(.addNote(id, text: "  "), as: "olivia")?.field == .text)
        // A service manager who was not told of the case reads only that it exists: no note either.
        #expect(f.refusal(.addNote(id, text: "Looked."), as: "wasim")?.paragraph == "5.2.4")
        // The person's data: in the free text that subject access and erasure read.
        #expect(f.register.freeTexts().contains { $0.place == "\(id) note 1" })
    }

    @Test func aReminderReachesItsAuthorsQueueOnItsDayUntilClosed() throws {
        var f = Fixture()
        let id = try f.openCase()
        let due = day("2026-03-09")
        #expect(f.refusal(.setReminder(id, on: day("2026-03-01"), text: "Too late"), as: "olivia")?.field == .on)
        try f.run(.setReminder(id, on: due, text: "Has the contractor replied?"), as: "olivia")
        #expect(!f.register.queue(on: day("2026-03-06"), calendar: f.calendar).contains { $0.kind == .reminder })
        let row = try #require(f.register.queue(on: due, calendar: f.calendar).first { $0.kind == .reminder })
        #expect(row.assignee == .person("olivia") && row.subject == id.description && row.summary.contains("contractor"))
        #expect(f.register.filter([row], for: "omar").isEmpty, "only the author's")
        #expect(f.refusal(.closeReminder(id, number: 1, cancelled: false), as: "omar", on: due)?.paragraph == "7.1")
        try f.run(.closeReminder(id, number: 1, cancelled: false), as: "olivia", on: due)
        #expect(!f.register.queue(on: due, calendar: f.calendar).contains { $0.kind == .reminder })
        #expect(f.refusal(.closeReminder(id, number: 1, cancelled: true), as: "olivia", on: due)?.kind == .badInput)
        #expect(f.register.cases[id]?.reminders.first?.closed == .done)
    }

    @Test func aDecisionMakersReminderReachesTheirOwnQueue() throws {
        var f = Fixture()
        let id = try f.openCase()
        let due = day("2026-03-09")
        try f.run(.setReminder(id, on: due, text: "Ask housing for the repairs log"), as: "harriet")
        // A Head of Service's queue is made from what cases put before decision-makers, and their own reminders.
        let mine = f.register.queue(on: due, for: "harriet", calendar: f.calendar)
        #expect(mine.map(\.kind) == [.reminder] && mine.first?.assignee == .person("harriet"))
        #expect(f.register.queue(on: day("2026-03-06"), for: "harriet", calendar: f.calendar).isEmpty)
        #expect(mine == f.register.filter(f.register.queue(on: due, calendar: f.calendar), for: "harriet"))
        try f.run(.closeReminder(id, number: 1, cancelled: false), as: "harriet", on: due)
        #expect(f.register.queue(on: due, for: "harriet", calendar: f.calendar).isEmpty)
    }
}
