import Testing
@testable import CasebookCore

@Suite struct AppealTests {
    /// A case decided by Harriet (a Head of Service) on 14 December 2026, letter sent the same day.
    func decidedBeforeChristmas(_ f: inout Fixture, services: [String] = ["housing"], decider: Login = "harriet") throws -> CaseID {
        f.today = day("2026-12-14")
        let id = try f.openCase(services: services)
        try f.contact(id, on: "2026-12-01")
        try f.propose(id)
        try f.checkAll(id)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: decider)
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: f.today), as: "olivia")
        return id
    }

    func lodge(_ f: inout Fixture, _ id: CaseID, received: String, late: String? = nil) throws -> AppealID {
        let outcome = try f.run(.lodgeAppeal(.case(id), received: day(received), grounds: "I was only asking about repairs",
                                             lateReason: late), as: "olivia", on: day(received))
        return AppealID(outcome.created!)!
    }

    @Test func fifteenWorkingDaysFromTheLetterAcrossChristmas() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f)
        let appeal = try lodge(&f, id, received: "2027-01-07")
        #expect(f.register.appeals[appeal]?.deadline == day("2027-01-07"))
        #expect(f.register.appeals[appeal]?.lateReason == nil)
        // Outcome due 15 working days from receipt.
        #expect(f.register.appeals[appeal]?.outcomeDue == day("2027-01-28"))
    }

    @Test func aLateAppealNeedsARecordedReason() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f)
        let late = f.refusal(.lodgeAppeal(.case(id), received: day("2027-01-08"), grounds: "g", lateReason: nil), as: "olivia",
                             on: day("2027-01-08"))
        #expect(late?.paragraph == "6.1")
        #expect(late?.field == .lateReason)
        #expect(late?.message.contains("7 January 2027") == true)
        let appeal = try lodge(&f, id, received: "2027-01-08", late: "In hospital over Christmas")
        #expect(f.register.appeals[appeal]?.lateReason == "In hospital over Christmas")
    }

    @Test func appealsNeedAStatusAndAreLodgedOnce() throws {
        var f = Fixture()
        let open = try f.openCase()
        #expect(f.refusal(.lodgeAppeal(.case(open), received: f.today, grounds: "g", lateReason: nil), as: "olivia")?
            .paragraph == "6.1")
        let id = try decidedBeforeChristmas(&f)
        #expect(f.refusal(.lodgeAppeal(.case(id), received: day("2026-12-13"), grounds: "g", lateReason: nil), as: "olivia")?
            .kind == .badInput)
        #expect(f.refusal(.lodgeAppeal(.case(id), received: f.today, grounds: " ", lateReason: nil), as: "olivia")?
            .field == .grounds)
        _ = try lodge(&f, id, received: "2026-12-15")
        #expect(f.refusal(.lodgeAppeal(.case(id), received: day("2026-12-15"), grounds: "again", lateReason: nil), as: "olivia")?
            .kind == .badInput)
    }

    @Test func beforeTheLetterIsSentTheWindowHasNotStarted() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        let outcome = try f.run(.lodgeAppeal(.case(id), received: f.today, grounds: "g", lateReason: nil), as: "olivia")
        #expect(outcome.warnings.contains { $0.paragraph == "6.1" })
        #expect(f.register.appeals[AppealID(outcome.created!)!]?.deadline == nil)
    }

    @Test func aHeadOfServicesDecisionIsReviewedByADirector() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f)
        let appeal = try lodge(&f, id, received: "2026-12-15")
        #expect(f.refusal(.decideAppeal(appeal, outcome: .upheld, date: f.today.adding(days: 1), reason: "r"), as: "henry",
                          on: day("2026-12-16"))?.paragraph == "6.2")
        let row = try #require(f.register.queue(on: day("2026-12-16"), calendar: f.calendar).first { $0.kind == .appeal })
        #expect(row.due == day("2027-01-08"))
        #expect(row.assignee.includes(f.register.staff["diana"]!))
        #expect(!row.assignee.includes(f.register.staff["henry"]!))
        try f.run(.decideAppeal(appeal, outcome: .upheld, date: day("2026-12-16"), reason: "Sound"), as: "diana",
                  on: day("2026-12-16"))
        #expect(f.register.appeals[appeal]?.decision?.decidedBy == "diana")
    }

    @Test func aDirectorsDecisionIsReviewedByADifferentDirector() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f, decider: "diana")
        let appeal = try lodge(&f, id, received: "2026-12-15")
        let own = f.refusal(.decideAppeal(appeal, outcome: .upheld, date: day("2026-12-15"), reason: "r"), as: "diana",
                            on: day("2026-12-15"))
        #expect(own?.paragraph == "6.2")
        #expect(own?.message.contains("different Director") == true)
        let row = try #require(f.register.queue(on: day("2026-12-15"), calendar: f.calendar).first { $0.kind == .appeal })
        #expect(!row.assignee.includes(f.register.staff["diana"]!))
        try f.run(.decideAppeal(appeal, outcome: .upheld, date: day("2026-12-15"), reason: "Sound"), as: "derek",
                  on: day("2026-12-15"))
    }

    @Test func theProposerNeverDecidesTheAppeal() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id, as: "derek")
        try f.checkAll(id)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        let appeal = AppealID(try f.run(.lodgeAppeal(.case(id), received: f.today, grounds: "g", lateReason: nil), as: "olivia").created!)!
        #expect(f.refusal(.decideAppeal(appeal, outcome: .upheld, date: f.today, reason: "r"), as: "derek")?.paragraph == "6.2")
    }

    @Test func overturningLiftsTheStatusAndEndsRestrictions() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(.restrict(id, type: .singleChannel, details: "Email only", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        let appeal = AppealID(try f.run(.lodgeAppeal(.case(id), received: f.today, grounds: "g", lateReason: nil), as: "olivia").created!)!
        try f.run(.decideAppeal(appeal, outcome: .overturned, date: f.today, reason: "Checks were thin"), as: "diana")
        let value = try #require(f.register.cases[id])
        #expect(value.stage == .lifted)
        #expect(value.activeRestrictions.isEmpty)
        #expect(value.restrictions.first?.ended == f.today)
        // The appeal outcome letter tells the customer; no separate lifting letter is owed.
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).map(\.kind) == [.decision])
        #expect(f.register.letterObligations(for: .appeal(appeal), calendar: f.calendar).map(\.kind) == [.appealOutcome])
    }

    @Test func lateOutcomeWarns() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f)
        let appeal = try lodge(&f, id, received: "2026-12-15")
        let outcome = try f.run(.decideAppeal(appeal, outcome: .upheld, date: day("2027-01-11"), reason: "r"), as: "diana",
                                on: day("2027-01-11"))
        #expect(outcome.warnings.first?.paragraph == "6.2")
    }

    @Test func ombudsmanReferralFollowsTheOutcome() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f, services: ["housing"])
        let appeal = try lodge(&f, id, received: "2026-12-15")
        #expect(f.refusal(.referToOmbudsman(appeal, body: .housing, date: day("2026-12-15")), as: "olivia",
                          on: day("2026-12-15"))?.paragraph == "6.3")
        try f.run(.decideAppeal(appeal, outcome: .upheld, date: day("2026-12-16"), reason: "r"), as: "diana", on: day("2026-12-16"))
        #expect(f.refusal(.referToOmbudsman(appeal, body: .housing, date: day("2026-12-15")), as: "olivia",
                          on: day("2026-12-16"))?.kind == .badInput)
        try f.run(.referToOmbudsman(appeal, body: .housing, date: day("2026-12-16")), as: "olivia", on: day("2026-12-16"))
        #expect(f.register.appeals[appeal]?.referral?.body == .housing)
        #expect(f.refusal(.referToOmbudsman(appeal, body: .lgsco, date: day("2026-12-16")), as: "olivia",
                          on: day("2026-12-16"))?.kind == .badInput)
    }

    @Test func theHousingOmbudsmanIsForHousingMattersOnly() throws {
        var f = Fixture()
        let id = try decidedBeforeChristmas(&f, services: ["waste"])
        let appeal = try lodge(&f, id, received: "2026-12-15")
        try f.run(.decideAppeal(appeal, outcome: .upheld, date: day("2026-12-16"), reason: "r"), as: "diana", on: day("2026-12-16"))
        #expect(f.refusal(.referToOmbudsman(appeal, body: .housing, date: day("2026-12-16")), as: "olivia",
                          on: day("2026-12-16"))?.field == .body)
        let outcome = try f.run(.referToOmbudsman(appeal, body: .lgsco, date: day("2026-12-16")), as: "olivia", on: day("2026-12-16"))
        #expect(outcome.warnings.isEmpty)
    }

    @Test func registerEntriesCanBeAppealed() throws {
        var f = Fixture()
        let person = try f.customer("Ahmed Khan")
        let entry = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Threatened an officer on 1 March",
                                                                    communication: "Letter only", restrictions: nil),
                                              as: "olivia").created!)!
        #expect(f.refusal(.lodgeAppeal(.registerEntry(entry), received: f.today, grounds: "g", lateReason: nil), as: "olivia")?
            .paragraph == "6.1")
        try f.run(.approveRegisterEntry(entry, date: f.today, notToldReason: nil), as: "henry")
        try f.run(.recordLetterSent(.registerEntry(entry), kind: .registerEntry, sentOn: f.today), as: "olivia")
        let late = day("2026-03-24")  // sent Monday 2 March: the 15th working day is 23 March
        #expect(f.refusal(.lodgeAppeal(.registerEntry(entry), received: late, grounds: "g", lateReason: nil), as: "olivia",
                          on: late)?.paragraph == "6.1")
        let appeal = AppealID(try f.run(.lodgeAppeal(.registerEntry(entry), received: day("2026-03-23"), grounds: "g",
                                                     lateReason: nil), as: "olivia", on: late).created!)!
        #expect(f.refusal(.decideAppeal(appeal, outcome: .overturned, date: late, reason: "r"), as: "henry", on: late)?
            .paragraph == "6.2")
        try f.run(.decideAppeal(appeal, outcome: .overturned, date: late, reason: "Not enough facts"), as: "diana", on: late)
        #expect(f.register.registerEntries[entry]?.state == .removed)
    }
}
