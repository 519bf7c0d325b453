import Testing
@testable import CasebookCore

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
