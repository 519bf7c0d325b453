import Testing
@testable import CasebookCore

@Suite struct PreDecisionCheckTests {
    @Test func checksNeedAPendingProposalAndEvidence() throws {
        var f = Fixture()
        let id = try f.openCase()
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: "e"), as: "omar")?.kind == .badInput)
        try f.contact(id)
        try f.propose(id)
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: " "), as: "omar")?.field == .evidence)
        try f.run(.confirmCheck(id, item: .facts, evidence: "Contact log"), as: "omar")
        #expect(f.register.cases[id]?.stage == .proposed)
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: "again"), as: "omar")?.field == .item)
        try f.checkAll(id: id, except: .facts)
        #expect(f.register.cases[id]?.stage == .awaitingDecision)
    }

    @Test func significantNewInformationReopensTheFourthCheck() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        try f.checkAll(id)
        #expect(f.register.cases[id]?.pendingProposal?.checksComplete == true)
        let outcome = try f.run(.logContact(id, date: day("2026-03-01"), channel: .letter, kind: .complaint,
                                            summary: "New surveyor's report", behaviours: [],
                                            significantNewInformation: true), as: "olivia")
        #expect(outcome.warnings.contains { $0.paragraph == "4.1" })
        let proposal = try #require(f.register.cases[id]?.pendingProposal)
        #expect(proposal.outstandingChecks == [.noNewInformation])
        #expect(proposal.checks[.noNewInformation]?.reopenedByContact == 2)
        let refusal = f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        #expect(refusal?.paragraph == "4.1")
        #expect(refusal?.message.contains("no-new-information") == true)
        try f.run(.confirmCheck(id, item: .noNewInformation, evidence: "Report considered: no change"), as: "omar")
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
    }
}

extension Fixture {
    mutating func checkAll(id: CaseID, except skipped: CheckItem) throws {
        for item in CheckItem.allCases where item != skipped {
            try run(.confirmCheck(id, item: item, evidence: "Evidence"), as: "omar")
        }
    }
}
