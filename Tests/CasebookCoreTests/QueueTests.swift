import Testing
@testable import CasebookCore

@Suite struct QueueTests {
    @Test func rowsCarryKindSubjectDueAssigneeAndDaysOverdue() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        let later = day("2026-03-20")
        let rows = f.register.queue(on: later, calendar: f.calendar)
        let row = try #require(rows.first)
        #expect(row.kind == .decision)
        #expect(row.subject == id.description)
        #expect(row.due == day("2026-03-16"))  // ten working days
        #expect(row.overdueDays == 4)
        #expect(row.assignee.description == "any head-of-service or director except olivia")
        #expect(f.register.queue(on: f.today, calendar: f.calendar).first?.overdueDays == 0)
    }

    @Test func mineMeansWhatICanAct() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id, as: "henry")
        #expect(f.register.queue(on: f.today, for: "harriet", calendar: f.calendar).count == 1)
        #expect(f.register.queue(on: f.today, for: "henry", calendar: f.calendar).isEmpty)  // four eyes
        #expect(f.register.queue(on: f.today, for: "olivia", calendar: f.calendar).isEmpty)
        #expect(f.register.queue(on: f.today, for: "ghost", calendar: f.calendar).isEmpty)
    }

    @Test func overdueFirstThenByDueDate() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let first = try f.openCase()
        try f.contact(first)
        try f.propose(first)
        let second = try f.openCase()
        try f.contact(second)
        try f.run(.propose(second, categories: [.persistent], reason: "r", behaviours: [.repeatComplaints]), as: "omar",
                  on: day("2026-03-10"))
        let conferenceCase = try f.openCase(services: ["housing", "waste"])
        try f.run(.propose(conferenceCase, categories: [.complex], reason: "r", behaviours: []), as: "olivia")
        let conference = ConferenceID(try f.run(.callConference(conferenceCase, date: f.today, chair: "diana",
                                                                invitees: ["olivia"]), as: "diana").created!)!
        try f.run(.agreeConferenceAction(conference, owner: "sam", due: day("2026-03-04"), text: "Call the tenant"), as: "olivia")
        let rows = f.register.queue(on: day("2026-03-18"), calendar: f.calendar)
        #expect(rows.map(\.kind) == [.conferenceAction, .decision, .decision, .decision])
        #expect(rows.map(\.overdueDays) == [14, 2, 2, 0])
        #expect(rows.first?.assignee == .person("sam"))
        #expect(QueueRow.Kind.conferenceAction.group == "Conference actions due")
    }
}

@Suite struct SuggestionTests {
    @Test func complexWhenSeveralServicesChannelsAndComplaints() throws {
        var f = Fixture()
        let id = try f.openCase(services: ["housing", "waste"])
        try f.contact(id, channel: .phone, kind: .complaint, behaviours: [])
        #expect(Suggestions.suggestions(for: f.register.cases[id]!).isEmpty)
        try f.contact(id, channel: .email, kind: .sar, behaviours: [])
        let suggestion = try #require(Suggestions.suggestions(for: f.register.cases[id]!).first)
        #expect(suggestion.kind == .complex)
        #expect(suggestion.label.hasPrefix("Suggestion (not a decision)"))
        // Nothing was decided or proposed by the suggestion.
        #expect(f.register.cases[id]?.proposals.isEmpty == true)
        try f.run(.propose(id, categories: [.complex], reason: "r", behaviours: []), as: "olivia")
        #expect(Suggestions.suggestions(for: f.register.cases[id]!).isEmpty)
    }

    @Test func oneServiceIsNotComplex() throws {
        var f = Fixture()
        let id = try f.openCase(services: ["housing"])
        try f.contact(id, channel: .phone, kind: .complaint, behaviours: [])
        try f.contact(id, channel: .email, kind: .foi, behaviours: [])
        #expect(!Suggestions.looksComplex(f.register.cases[id]!))
    }

    @Test func persistentWhenManyContactsOnASettledMatterInAShortTime() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.run(.settleMatter(id, on: day("2026-01-10"), note: "Stage 2 answered"), as: "olivia")
        for date in ["2026-01-05", "2026-01-12", "2026-01-20", "2026-02-01", "2026-02-05"] {
            try f.contact(id, on: date, kind: .routine, behaviours: [])
        }
        #expect(Suggestions.persistentPattern(f.register.cases[id]!) == nil)  // 4 after settling
        try f.contact(id, on: "2026-02-06", kind: .routine, behaviours: [])
        let pattern = try #require(Suggestions.persistentPattern(f.register.cases[id]!))
        #expect(pattern.count == 5)
        #expect(pattern.from == day("2026-01-12"))
        #expect(Suggestions.suggestions(for: f.register.cases[id]!).map(\.kind) == [.persistent])
    }

    @Test func spreadOutContactsAreNotAPattern() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.run(.settleMatter(id, on: day("2025-01-10"), note: "Answered"), as: "olivia")
        for date in ["2025-02-01", "2025-04-01", "2025-06-01", "2025-08-01", "2025-10-01", "2025-12-01"] {
            try f.contact(id, on: date, kind: .routine, behaviours: [])
        }
        #expect(Suggestions.persistentPattern(f.register.cases[id]!) == nil)
    }
}
