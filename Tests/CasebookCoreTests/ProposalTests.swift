import Testing
@testable import CasebookCore

@Suite struct ProposalTests {
    @Test func persistentNeedsABehaviourFromThreePointTwo() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        let refusal = f.refusal(.propose(id, categories: [.persistent], reason: "r", behaviours: [.swearing]), as: "olivia")
        #expect(refusal?.paragraph == "3.2")
        #expect(refusal?.field == .behaviour)
    }

    @Test func unreasonableNeedsABehaviourFromThreePointFour() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        #expect(f.refusal(.propose(id, categories: [.unreasonable], reason: "r", behaviours: [.repeatComplaints]),
                          as: "olivia")?.paragraph == "3.4")
        try f.propose(id, [.persistent, .unreasonable], behaviours: [.repeatComplaints, .swearing])
        #expect(f.register.cases[id]?.pendingProposal?.categories == [.persistent, .unreasonable])
    }

    @Test func behavioursMustBeRecordedOnAContact() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id, behaviours: [.swearing])
        let refusal = f.refusal(.propose(id, categories: [.persistent], reason: "r", behaviours: [.repeatComplaints]),
                                as: "olivia")
        #expect(refusal?.paragraph == "4.1")
    }

    @Test func aReasonIsRequired() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        #expect(f.refusal(.propose(id, categories: [.persistent], reason: "", behaviours: [.repeatComplaints]),
                          as: "olivia")?.field == .reason)
        #expect(f.refusal(.propose(id, categories: [], reason: "r", behaviours: []), as: "olivia")?.field == .category)
    }

    @Test func oneProposalAtATime() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        #expect(f.refusal(.propose(id, categories: [.persistent], reason: "r", behaviours: [.repeatComplaints]),
                          as: "omar")?.kind == .badInput)
    }

    @Test func complexWithoutThePatternIsProposedWithAWarning() throws {
        var f = Fixture()
        let id = try f.openCase()
        let outcome = try f.run(.propose(id, categories: [.complex], reason: "Many services", behaviours: []), as: "olivia")
        #expect(outcome.warnings.first?.paragraph == "3.5")
    }
}
