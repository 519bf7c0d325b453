import Testing
@testable import CasebookCore

@Suite struct LetterTests {
    @Test func theDecisionLetterIsOwedAfterADecisionToApply() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        let owed = f.register.letterObligations(for: .case(id), calendar: f.calendar)
        #expect(owed.map(\.kind) == [.decision])
        #expect(owed.first?.sent == false)
        #expect(owed.first?.due == day("2026-03-09"))  // five working days, a local procedure timescale
        #expect(f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .letter && $0.subject == id.description })
        #expect(f.refusal(.recordLetterSent(.case(id), kind: .decision, sentOn: day("2026-03-01")), as: "olivia")?.kind == .badInput)
        #expect(f.refusal(.recordLetterSent(.case(id), kind: .decision, sentOn: day("2026-03-03")), as: "olivia")?.kind == .badInput)
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: day("2026-03-02")), as: "olivia")
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).first?.sent == true)
        #expect(!f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .letter })
        #expect(f.refusal(.recordLetterSent(.case(id), kind: .decision, sentOn: day("2026-03-02")), as: "olivia")?.kind == .badInput)
    }

    @Test func noLetterIsOwedWithoutItsStep() throws {
        var f = Fixture()
        let id = try f.openCase()
        for kind in [LetterKind.decision, .lifted, .reviewOutcome] {
            #expect(f.refusal(.recordLetterSent(.case(id), kind: kind, sentOn: f.today), as: "olivia")?.field == .kind)
        }
        // A warning letter may be sent at any time before a decision.
        try f.run(.recordLetterSent(.case(id), kind: .warning, sentOn: day("2026-02-01")), as: "olivia")
        #expect(f.register.cases[id]?.letters(of: .warning).count == 1)
    }

    @Test func liftingIsToldByLetter() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.appliedCase()
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: f.today), as: "olivia")
        try f.run(.recordReview(.case(id), outcome: .lift, date: day("2026-10-01"), reason: "Contact has settled"),
                  as: "harriet", on: day("2026-10-01"))
        let owed = f.register.letterObligations(for: .case(id), calendar: f.calendar).filter { !$0.sent }
        #expect(owed.map(\.kind) == [.lifted])
        try f.run(.recordLetterSent(.case(id), kind: .lifted, sentOn: day("2026-10-02")), as: "olivia", on: day("2026-10-02"))
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).allSatisfy { $0.sent })
    }

    @Test func appealOutcomeLetterIsDueFifteenWorkingDaysFromReceipt() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: f.today), as: "olivia")
        let appeal = AppealID(try f.run(.lodgeAppeal(.case(id), received: day("2026-03-02"), grounds: "Unfair", lateReason: nil),
                                        as: "olivia").created!)!
        try f.run(.decideAppeal(appeal, outcome: .upheld, date: f.today, reason: "Sound decision"), as: "derek")
        let owed = try #require(f.register.letterObligations(for: .appeal(appeal), calendar: f.calendar).first)
        #expect(owed.kind == .appealOutcome)
        #expect(owed.due == day("2026-03-23"))
    }
}
