import Testing
@testable import CasebookCore

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
