import Testing
@testable import CasebookCore

@Suite struct DecisionTests {
    func readyCase(_ f: inout Fixture, proposer: Login = "olivia") throws -> CaseID {
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id, as: proposer)
        try f.checkAll(id)
        return id
    }

    @Test func allFourChecksMustHold() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        try f.checkAll(id: id, except: .communications)
        let refusal = f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        #expect(refusal?.paragraph == "4.1")
        #expect(refusal?.message.contains("communications") == true)
        // Declining needs no checks.
        try f.run(.decide(id, outcome: .decline, consulted: "olivia", date: f.today, reason: "Not yet"), as: "harriet")
        #expect(f.register.cases[id]?.stage == .declined)
        #expect(f.register.cases[id]?.status == nil)
    }

    @Test(arguments: ["olivia", "ian", "lena", "sam", "admin"])
    func onlyAHeadOfServiceOrDirectorDecides(who: Login) throws {
        var f = Fixture()
        let id = try readyCase(&f)
        let refusal = f.refusal(.decide(id, outcome: .apply, consulted: "omar", date: f.today, reason: "r"), as: who)
        #expect(refusal?.paragraph == "4.2")
    }

    @Test func fourEyes() throws {
        var f = Fixture()
        let id = try readyCase(&f, proposer: "henry")
        let refusal = f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "henry")
        #expect(refusal?.kind == .rule)
        #expect(refusal?.message.contains("four eyes") == true)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "diana")
        #expect(f.register.cases[id]?.status?.decidedBy == "diana")
    }

    @Test func theOfficerConsultedIsFromTheCustomerFeedbackTeam() throws {
        var f = Fixture()
        let id = try readyCase(&f)
        #expect(f.refusal(.decide(id, outcome: .apply, consulted: "lena", date: f.today, reason: "r"), as: "harriet")?
            .paragraph == "4.2")
        #expect(f.refusal(.decide(id, outcome: .apply, consulted: "ghost", date: f.today, reason: "r"), as: "harriet")?
            .kind == .badInput)
    }

    @Test func theDecisionDateIsABusinessDate() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try readyCase(&f)
        let future = f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: day("2026-03-03"), reason: "r"),
                               as: "harriet")
        #expect(future?.kind == .badInput)
        #expect(future?.message.contains("after today") == true)
        let early = f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: day("2026-03-01"), reason: "r"),
                              as: "harriet")
        #expect(early?.message.contains("before the proposal") == true)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: day("2026-03-05"), reason: "r"), as: "harriet",
                  on: day("2026-03-10"))
        let status = try #require(f.register.cases[id]?.status)
        #expect(status.decisionDate == day("2026-03-05"))
        #expect(f.register.cases[id]?.currentProposal?.decision?.recordedOn == day("2026-03-10"))
        #expect(status.minimumUntil == day("2026-09-05"))
    }

    @Test func aDecisionNeedsAPendingProposal() throws {
        var f = Fixture()
        let id = try f.openCase()
        #expect(f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")?
            .kind == .badInput)
    }

    @Test func applyingWithoutAWarningLetterWarns() throws {
        var f = Fixture()
        let id = try readyCase(&f)
        try f.run(.recordLetterSent(.case(id), kind: .warning, sentOn: day("2026-02-20")), as: "olivia")
        let warned = try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        #expect(warned.warnings.isEmpty)
        var g = Fixture()
        let other = try readyCase(&g)
        let unwarned = try g.run(.decide(other, outcome: .apply, consulted: "olivia", date: g.today, reason: "r"), as: "harriet")
        #expect(unwarned.warnings.contains { $0.message.contains("warning letter") })
    }
}
