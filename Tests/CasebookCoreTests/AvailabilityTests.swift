import Testing
@testable import CasebookCore

/// `Register.refusal(_:by:)` is the domain's answer to "may this actor take this step on this record
/// now?", asked by the terminal before it opens a form. It must be the same refusal the command meets.
@Suite struct AvailabilityTests {
    @Test func decidingWaitsForAProposalAndFollowsFourEyes() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        #expect(f.register.refusal(.decide(id), by: "harriet")?.message.contains("has no proposal awaiting a decision") == true)
        try f.propose(id, as: "olivia")
        #expect(f.register.refusal(.decide(id), by: "harriet") == nil)
        #expect(f.register.refusal(.decide(id), by: "olivia")?.paragraph == "4.2")
        #expect(f.register.refusal(.propose(id), by: "omar")?.message.contains("already has proposal 1") == true)

        // A head of service who proposed may not decide: the same refusal the command meets.
        try f.run(.addStaff(login: "hana", name: "Hana Head", roles: [.headOfService, .officer], serviceArea: "housing",
                            customerServicesHead: false), as: "admin")
        let other = try f.openCase()
        try f.contact(other)
        try f.propose(other, as: "hana")
        let asked = try #require(f.register.refusal(.decide(other), by: "hana"))
        #expect(asked.message.contains("four eyes"))
        let met = f.refusal(.decide(other, outcome: .decline, consulted: "olivia", date: f.today, reason: "No"), as: "hana")
        #expect(met == asked)
    }

    @Test func checksAreOfferedUntilAllFourHold() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        #expect(f.register.refusal(.confirmCheck(id), by: "omar") == nil)
        try f.checkAll(id)
        let refusal = try #require(f.register.refusal(.confirmCheck(id), by: "omar"))
        #expect(refusal.message.contains("All four checks"))
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: "again"), as: "omar") == refusal)
    }

    @Test func aConferenceIsCalledByADirectorOnAComplexCase() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        #expect(f.register.refusal(.callConference(id), by: "olivia")?.message.contains("not a Director") == true)
        let notComplex = try #require(f.register.refusal(.callConference(id), by: "diana"))
        #expect(notComplex.paragraph == "5.1.1" && notComplex.message.contains("no complex proposal or status"))
        #expect(f.refusal(.callConference(id, date: f.today, chair: "diana", invitees: ["sam"]), as: "diana") == notComplex)
    }

    @Test func restrictionsAndTheirEndNeedAStatusAndADecisionMaker() throws {
        var f = Fixture()
        let open = try f.openCase()
        #expect(f.register.refusal(.restrict(open), by: "harriet")?.paragraph == "5.2")
        #expect(f.register.refusal(.notify(open), by: "olivia")?.paragraph == "5.2.4")
        #expect(f.register.refusal(.requestReview(open), by: "olivia")?.paragraph == "5.2.5")
        let id = try f.appliedCase()
        #expect(f.register.refusal(.restrict(id), by: "henry") == nil)
        #expect(f.register.refusal(.restrict(id), by: "olivia")?.paragraph == "4.2")
        #expect(f.register.refusal(.endRestriction(id), by: "henry")?.message.contains("no restriction in force") == true)
    }

    @Test func staffAreManagedByAnAdministratorAndLeaversMayDoNothing() throws {
        var f = Fixture()
        #expect(f.register.refusal(.manageStaff, by: "admin") == nil)
        let refusal = try #require(f.register.refusal(.manageStaff, by: "harriet"))
        #expect(refusal.paragraph == "7.1")
        #expect(f.refusal(.updateStaff(login: "olivia", roles: [.legal], serviceArea: nil, customerServicesHead: nil), as: "harriet")
            == refusal)
        let id = try f.appliedCase()
        try f.run(.staffLeaves(login: "omar", on: f.today), as: "admin")
        #expect(f.register.refusal(.notify(id), by: "omar")?.paragraph == "7.1")
        #expect(f.register.refusal(.manageStaff, by: "nobody")?.kind == .badInput)
    }

    @Test func aRegisterEntryIsApprovedOnceAndSharedWhenLive() throws {
        var f = Fixture()
        let person = try f.customer()
        let created = try f.run(.proposeRegisterEntry(.person(person), facts: "Threatened staff at the counter on 2 February.",
                                                      communication: "Writing only", restrictions: nil), as: "olivia")
        let id = try #require(RegisterEntryID(created.created!))
        #expect(f.register.refusal(.shareEntry(id), by: "olivia")?.paragraph == "5.3.2")
        #expect(f.register.refusal(.approveEntry(id), by: "olivia")?.paragraph == "5.3.2")
        #expect(f.register.refusal(.approveEntry(id), by: "harriet") == nil)
        try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "harriet")
        #expect(f.register.refusal(.approveEntry(id), by: "henry")?.message.contains("not awaiting approval") == true)
        #expect(f.register.refusal(.shareEntry(id), by: "olivia") == nil)
        #expect(f.register.refusal(.amendEntry(id), by: "olivia") == nil)
    }
}
