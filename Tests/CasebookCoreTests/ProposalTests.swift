import Testing
@testable import CasebookCore

@Suite struct ProposalTests {
    @Test func persistentNeedsABehaviourFromThreePointTwo() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        let refusal = f.refusal(.propose(id, categories: [.persistent], reason: "r", behaviours: [.swearing]), as: "olivia")
        #expect(refusal?.paragraph == "3.2")
        #expect(refusal?.field == "behaviour")
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
                          as: "olivia")?.field == "reason")
        #expect(f.refusal(.propose(id, categories: [], reason: "r", behaviours: []), as: "olivia")?.field == "category")
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

@Suite struct PreDecisionCheckTests {
    @Test func checksNeedAPendingProposalAndEvidence() throws {
        var f = Fixture()
        let id = try f.openCase()
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: "e"), as: "omar")?.kind == .badInput)
        try f.contact(id)
        try f.propose(id)
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: " "), as: "omar")?.field == "evidence")
        try f.run(.confirmCheck(id, item: .facts, evidence: "Contact log"), as: "omar")
        #expect(f.register.cases[id]?.stage == .proposed)
        #expect(f.refusal(.confirmCheck(id, item: .facts, evidence: "again"), as: "omar")?.field == "item")
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

@Suite struct ComplexCaseTests {
    func complexCase(_ f: inout Fixture) throws -> CaseID {
        let id = try f.openCase(services: ["housing", "waste"])
        try f.contact(id, channel: .phone, kind: .complaint, behaviours: [])
        try f.contact(id, channel: .email, kind: .foi, behaviours: [])
        try f.run(.propose(id, categories: [.complex], reason: "Spans housing and waste", behaviours: []), as: "olivia")
        try f.checkAll(id)
        return id
    }

    @Test func applyingComplexNeedsAConferenceChairedByADirector() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        let refusal = f.refusal(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "diana")
        #expect(refusal?.paragraph == "5.1.1")
        try f.run(.callConference(id, date: day("2026-03-09"), chair: "diana", invitees: ["olivia", "ian", "lena", "sam", "wasim"]),
                  as: "diana")
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        #expect(f.register.cases[id]?.status?.categories == [.complex])
    }

    @Test func theConferenceIsCalledAndChairedByADirector() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        #expect(f.refusal(.callConference(id, date: f.today, chair: "diana", invitees: ["olivia"]), as: "harriet")?
            .paragraph == "5.1.1")
        #expect(f.refusal(.callConference(id, date: f.today, chair: "harriet", invitees: ["olivia"]), as: "diana")?
            .field == "chair")
        #expect(f.refusal(.callConference(id, date: f.today, chair: "diana", invitees: []), as: "diana")?.field == "invite")
    }

    @Test func aConferenceNeedsAComplexProposalOrStatus() throws {
        var f = Fixture()
        let id = try f.openCase()
        #expect(f.refusal(.callConference(id, date: f.today, chair: "diana", invitees: ["olivia"]), as: "diana")?
            .paragraph == "5.1.1")
    }

    @Test func missingInviteesAreFlagged() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        let outcome = try f.run(.callConference(id, date: f.today, chair: "derek", invitees: ["olivia", "sam"]), as: "derek")
        let conference = try #require(f.register.conferences[ConferenceID(outcome.created!)!])
        #expect(conference.missingInvitees == ["Information Rights", "Legal", "the waste service"])
        #expect(outcome.warnings.count == 3)
        #expect(outcome.warnings.allSatisfy { $0.paragraph == "5.1.1" })
        let full = try f.run(.callConference(id, date: f.today, chair: "diana", invitees: ["olivia", "ian", "lena", "wasim"]),
                             as: "diana")
        #expect(full.warnings.isEmpty)  // the chair represents housing
    }

    @Test func theConferenceStartsFromASummaryAndClosesWhenActionsAreDone() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        let outcome = try f.run(.callConference(id, date: day("2026-03-02"), chair: "diana",
                                                invitees: ["olivia", "ian", "lena", "wasim"]), as: "diana")
        let conferenceID = ConferenceID(outcome.created!)!
        let summary = try #require(f.register.conferences[conferenceID]?.summary)
        #expect(summary.contains("Contacts: 2 between 2026-02-10 and 2026-02-10"))
        #expect(summary.contains("Open issues: proposal 1 (complex) awaiting decision"))
        #expect(f.refusal(.agreeConferenceAction(conferenceID, owner: "sam", due: day("2026-03-01"), text: "x"), as: "olivia")?
            .field == "due")
        try f.run(.agreeConferenceAction(conferenceID, owner: "sam", due: day("2026-03-20"), text: "Single repairs plan"), as: "olivia")
        try f.run(.agreeConferenceAction(conferenceID, owner: "wasim", due: day("2026-03-27"), text: "Bin collection note"), as: "olivia")
        #expect(f.register.conferences[conferenceID]?.isClosed == false)
        #expect(f.refusal(.completeConferenceAction(conferenceID, number: 3, date: f.today), as: "sam")?.field == "action")
        #expect(f.refusal(.completeConferenceAction(conferenceID, number: 1, date: day("2026-03-03")), as: "sam")?.kind == .badInput)
        try f.run(.completeConferenceAction(conferenceID, number: 1, date: f.today), as: "sam")
        let last = try f.run(.completeConferenceAction(conferenceID, number: 2, date: f.today), as: "wasim")
        #expect(last.warnings.first?.paragraph == "5.1.2")
        #expect(f.register.conferences[conferenceID]?.isClosed == true)
    }
}
