import Testing
@testable import CasebookCore

@Suite struct RestrictionTests {
    func restrict(_ type: RestrictionType, escalation: String? = nil, basis: String? = nil,
                  details: String = "Email to the named officer only") -> (CaseID) -> Command {
        { .restrict($0, type: type, details: details, from: day("2026-03-02"), escalationReason: escalation, statutoryBasis: basis) }
    }

    @Test func tiersFollowThePolicysOrderOfSeverity() {
        #expect(RestrictionType.singleChannel.tier == 1)
        #expect(RestrictionType.namedOfficer.tier == 1)
        #expect(RestrictionType.noFaceToFace.tier == 2)
        #expect(RestrictionType.refuseNewComplaints.tier == 2)
        #expect(RestrictionType.readAndFile.tier == 2)
        #expect(RestrictionType.ceaseAndDesist.tier == 3)
        #expect(RestrictionType.injunction.tier == 4)
        #expect(RestrictionType.premisesBan.tier == 4)
    }

    @Test func restrictionsFollowADecisionToApply() throws {
        var f = Fixture()
        let id = try f.openCase(services: ["customer-services"])
        #expect(f.refusal(restrict(.singleChannel)(id), as: "harriet")?.paragraph == "5.2")
    }

    @Test func recordedByAHeadOfServiceOrDirectorOtherThanTheProposer() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        #expect(f.refusal(restrict(.singleChannel)(id), as: "olivia")?.paragraph == "4.2")
        try f.run(restrict(.singleChannel)(id), as: "diana")
        #expect(f.register.cases[id]?.restrictions.first?.recordedBy == "diana")
    }

    @Test func skippingATierNeedsAnEscalationReason() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        // No restriction yet counts as tier 0: tier 2 skips tier 1.
        let refusal = f.refusal(restrict(.noFaceToFace)(id), as: "harriet")
        #expect(refusal?.paragraph == "5.2.1")
        #expect(refusal?.field == .escalationReason)
        try f.run(restrict(.singleChannel)(id), as: "harriet")
        try f.run(restrict(.noFaceToFace)(id), as: "harriet")          // 1 -> 2: no reason needed
        try f.run(restrict(.ceaseAndDesist)(id), as: "harriet")        // 2 -> 3
        #expect(f.register.cases[id]?.highestActiveTier == 3)
    }

    @Test func escalationReasonAllowsASkip() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(restrict(.ceaseAndDesist, escalation: "Threats to staff on 3 occasions")(id), as: "harriet")
        #expect(f.register.cases[id]?.restrictions.first?.escalationReason == "Threats to staff on 3 occasions")
    }

    /// 5.2.1: only restrictions that withhold a service the customer is legally entitled to need a
    /// legislative basis: a premises ban, an injunction, no face-to-face on a service delivered in
    /// person. Refusing repeat complaints about a settled matter withholds no service.
    @Test func onlyWithholdingAStatutoryServiceNeedsALegislativeBasis() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["housing"])
        try f.run(restrict(.singleChannel)(id), as: "harriet")
        try f.run(restrict(.refuseNewComplaints)(id), as: "harriet")
        let refusal = f.refusal(restrict(.noFaceToFace)(id), as: "harriet")
        #expect(refusal?.paragraph == "5.2.1")
        #expect(refusal?.field == .statutoryBasis)
        #expect(refusal?.message.contains("delivered in person (housing)") == true)
        try f.run(restrict(.noFaceToFace, basis: "Health and Safety at Work etc. Act 1974 s2")(id), as: "harriet")
        // A premises ban touches every service delivered on council premises.
        #expect(f.refusal(restrict(.premisesBan, escalation: "Assault on staff")(id), as: "harriet")?.field == .statutoryBasis)
        for type in RestrictionType.allCases {
            let withholds = type.withholdsAccess(in: [ServiceArea("housing")!]) != nil
            #expect(withholds == [.premisesBan, .injunction, .noFaceToFace].contains(type), "\(type)")
        }
        #expect(RestrictionType.noFaceToFace.withholdsAccess(in: [ServiceArea("waste")!]) == nil, "waste is not delivered in person")
    }

    @Test func nonStatutoryServiceNeedsNoBasis() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(restrict(.singleChannel)(id), as: "harriet")
        try f.run(restrict(.refuseNewComplaints)(id), as: "harriet")
    }

    @Test func readAndFileOnlyOnASettledMatter() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(restrict(.singleChannel)(id), as: "harriet")
        #expect(f.refusal(restrict(.readAndFile)(id), as: "harriet")?.paragraph == "5.2.2")
        try f.run(.settleMatter(id, on: day("2026-01-15"), note: "Stage 2 answered"), as: "olivia")
        try f.run(restrict(.readAndFile)(id), as: "harriet")
    }

    @Test func underReadAndFileContactsAreLoggedAndMustBeConfirmed() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(.settleMatter(id, on: day("2026-01-15"), note: "Stage 2 answered"), as: "olivia")
        try f.run(restrict(.singleChannel)(id), as: "harriet")
        try f.run(restrict(.readAndFile)(id), as: "harriet")
        let outcome = try f.run(.logContact(id, date: day("2026-03-02"), channel: .email, kind: .complaint, summary: "Same again",
                                            behaviours: [], significantNewInformation: false), as: "omar")
        #expect(outcome.warnings.first?.paragraph == "5.2.2")
        let contact = try #require(f.register.cases[id]?.contacts.last)
        #expect(contact.underReadAndFile)
        #expect(f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .filedContact })
        try f.run(.confirmFiledContact(id, contact: contact.number), as: "olivia")
        #expect(f.register.cases[id]?.contacts.last?.filedConfirmation?.by == "olivia")
        #expect(!f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .filedContact })
        #expect(f.refusal(.confirmFiledContact(id, contact: contact.number), as: "olivia")?.kind == .badInput)
        #expect(f.refusal(.confirmFiledContact(id, contact: 1), as: "olivia")?.kind == .badInput)
        // New information is never simply filed.
        try f.run(.logContact(id, date: day("2026-03-02"), channel: .email, kind: .complaint, summary: "New evidence",
                              behaviours: [], significantNewInformation: true), as: "omar")
        #expect(f.refusal(.confirmFiledContact(id, contact: 3), as: "olivia")?.paragraph == "5.2.2")
    }

    @Test func scopedToTheIssueNotEveryService() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        let outcome = try f.run(restrict(.singleChannel, details: "Email only for all services")(id), as: "harriet")
        #expect(outcome.warnings.first?.paragraph == "5.2.1")
    }

    @Test func startDateIsABusinessDateAfterTheDecision() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        #expect(f.refusal(.restrict(id, type: .singleChannel, details: "x", from: day("2026-03-01"), escalationReason: nil,
                                    statutoryBasis: nil), as: "harriet")?.kind == .badInput)
        #expect(f.refusal(.restrict(id, type: .singleChannel, details: "x", from: day("2026-03-03"), escalationReason: nil,
                                    statutoryBasis: nil), as: "harriet")?.kind == .badInput)
    }

    @Test func endingARestrictionLowersTheTier() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(restrict(.singleChannel)(id), as: "harriet")
        #expect(f.refusal(.endRestriction(id, number: 1, on: f.today, reason: "x"), as: "olivia")?.paragraph == "4.2")
        #expect(f.refusal(.endRestriction(id, number: 2, on: f.today, reason: "x"), as: "harriet")?.field == .restriction)
        try f.run(.endRestriction(id, number: 1, on: f.today, reason: "Varied on review"), as: "harriet")
        #expect(f.register.cases[id]?.highestActiveTier == 0)
        #expect(f.refusal(.endRestriction(id, number: 1, on: f.today, reason: "again"), as: "harriet")?.kind == .badInput)
    }
}

@Suite struct RestrictionFourEyesTests {
    @Test func theProposerMayNotRestrict() throws {
        var f = Fixture()
        let id = try f.openCase(services: ["customer-services"])
        try f.contact(id)
        try f.propose(id, as: "henry")
        try f.checkAll(id)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        let refusal = f.refusal(.restrict(id, type: .singleChannel, details: "Email only", from: f.today, escalationReason: nil,
                                          statutoryBasis: nil), as: "henry")
        #expect(refusal?.paragraph == "4.2")
        #expect(refusal?.message.contains("four eyes") == true)
    }
}
