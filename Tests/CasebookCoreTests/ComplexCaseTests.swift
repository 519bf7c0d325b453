import Testing
@testable import CasebookCore
import CasebookDocuments

@Suite struct ComplexCaseTests {
    func complexCase(_ f: inout Fixture) throws -> CaseID {
        let id = try f.openCase(services: ["housing", "waste"])
        try f.contact(id, channel: .phone, kind: .complaint, behaviours: [])
        try f.contact(id, channel: .email, kind: .foi, behaviours: [])
        try f.run(.propose(id, categories: [.complex], reason: "Spans housing and waste", behaviours: []), as: "olivia")
        try f.checkAll(id)
        return id
    }

    /// 5.1.1: "where complex customers are identified ... the relevant Director will then call a case
    /// conference": the decision comes first, and owes the relevant Director a conference to call.
    @Test func complexIsDecidedFirstAndThenTheRelevantDirectorCallsTheConference() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        let decided = try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "Spans two services"), as: "harriet")
        #expect(decided.warnings.contains { $0.paragraph == "5.1.1" })
        #expect(f.register.cases[id]?.status?.categories == [.complex])
        let row = try #require(f.register.queue(on: f.today, calendar: f.calendar).first { $0.kind == .conferenceToCall })
        #expect(row.assignee == .person("diana"), "the Director of the case's service (housing)")
        #expect(f.register.queue(on: f.today, for: "diana", calendar: f.calendar).contains { $0.kind == .conferenceToCall })
        // An informative letter: no appeal or review it does not give.
        let letter = try LetterText(register: f.register, council: CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre, Glebe Street", customerServicesAddress: "Civic Centre, Glebe Street", email: "cft@stoke.example.org", phone: "01782 234567", privacyNotice: "p", dataProtectionOfficer: "DPO"), calendar: f.calendar).render(.decision, on: .case(id), date: f.today)
        #expect(letter.contains("complex case") && !letter.contains("appeal") && !letter.contains("review"))
        try f.run(.callConference(id, date: day("2026-03-09"), chair: "diana", invitees: ["olivia", "ian", "lena", "wasim"]), as: "diana")
        #expect(!f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .conferenceToCall })
        // Complex status is not appealed (6.1 covers persistent and unreasonable status and the register).
        #expect(f.refusal(.lodgeAppeal(.case(id), received: f.today, grounds: "g", lateReason: nil), as: "olivia") != nil)
    }

    /// The conference closes when it has met, agreed its actions and seen them done; the complex
    /// status ends with it, and the customer is told.
    @Test func theComplexStatusEndsWhenTheConferenceCloses() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "Spans two services"), as: "harriet")
        let conferenceID = ConferenceID(try f.run(.callConference(id, date: f.today, chair: "diana",
                                                                  invitees: ["olivia", "ian", "lena", "wasim"]), as: "diana").created!)!
        try f.run(.conferenceMeets(conferenceID, date: f.today), as: "olivia")
        try f.run(.agreeConferenceAction(conferenceID, owner: "sam", due: day("2026-03-20"), text: "Single repairs plan"), as: "olivia")
        let done = try f.run(.completeConferenceAction(conferenceID, number: 1, date: f.today), as: "sam")
        #expect(done.warnings.contains { $0.description.contains("ends with the conference") })
        #expect(f.register.cases[id]?.status?.lifted == f.today)
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).contains { $0.kind == .lifted && !$0.sent })
    }

    /// Or a Director reviews it and lifts it.
    @Test func aDirectorsReviewEndsAComplexStatus() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "Spans two services"), as: "harriet")
        #expect(f.refusal(.recordReview(.case(id), outcome: .lift, date: f.today, reason: "r"), as: "harriet")?.paragraph == "5.1")
        try f.run(.recordReview(.case(id), outcome: .lift, date: f.today, reason: "Resolved by the services"), as: "derek")
        #expect(f.register.cases[id]?.status?.lifted == f.today)
        #expect(!f.register.cases[id]!.isStatusInForce)
    }

    @Test func theConferenceIsCalledAndChairedByADirector() throws {
        var f = Fixture()
        let id = try complexCase(&f)
        #expect(f.refusal(.callConference(id, date: f.today, chair: "diana", invitees: ["olivia"]), as: "harriet")?
            .paragraph == "5.1.1")
        #expect(f.refusal(.callConference(id, date: f.today, chair: "harriet", invitees: ["olivia"]), as: "diana")?
            .field == .chair)
        #expect(f.refusal(.callConference(id, date: f.today, chair: "diana", invitees: []), as: "diana")?.field == .invite)
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
        #expect(outcome.warnings.count == 4, "three missing, and derek is not the relevant Director (housing's is diana)")
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
        #expect(f.register.conferences[conferenceID]?.summary == "", "made when it meets, not when it is called")
        #expect(f.refusal(.agreeConferenceAction(conferenceID, owner: "sam", due: day("2026-03-20"), text: "x"), as: "olivia")?
            .paragraph == "5.1.2", "actions are agreed when it meets")
        try f.contact(id, on: "2026-03-02", channel: .letter, kind: .complaint, behaviours: [])
        try f.run(.conferenceMeets(conferenceID, date: day("2026-03-02")), as: "olivia")
        let summary = try #require(f.register.conferences[conferenceID]?.summary)
        #expect(summary.contains("Contacts: 3 between 2026-02-10 and 2026-03-02"), "as of the day it met")
        #expect(summary.contains("Open issues: proposal 1 (complex) awaiting decision"))
        #expect(f.refusal(.agreeConferenceAction(conferenceID, owner: "sam", due: day("2026-03-01"), text: "x"), as: "olivia")?
            .field == .due)
        try f.run(.agreeConferenceAction(conferenceID, owner: "sam", due: day("2026-03-20"), text: "Single repairs plan"), as: "olivia")
        try f.run(.agreeConferenceAction(conferenceID, owner: "wasim", due: day("2026-03-27"), text: "Bin collection note"), as: "olivia")
        #expect(f.register.conferences[conferenceID]?.isClosed == false)
        #expect(f.refusal(.completeConferenceAction(conferenceID, number: 3, date: f.today), as: "sam")?.field == .action)
        #expect(f.refusal(.completeConferenceAction(conferenceID, number: 1, date: day("2026-03-03")), as: "sam")?.kind == .badInput)
        try f.run(.completeConferenceAction(conferenceID, number: 1, date: f.today), as: "sam")
        let last = try f.run(.completeConferenceAction(conferenceID, number: 2, date: f.today), as: "wasim")
        #expect(last.warnings.first?.paragraph == "5.1.2")
        #expect(f.register.conferences[conferenceID]?.isClosed == true)
    }
}
