import Testing
@testable import CasebookCore
import CasebookDocuments

@Suite struct LetterTextTests {
    let council = CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre, Glebe Street", customerServicesAddress: "Civic Centre, Glebe Street",
                                 email: "cft@example.gov.uk", phone: "01782 234567", privacyNotice: "We keep it six years.",
                                 dataProtectionOfficer: "DPO, Civic Centre, dpo@stoke.example.org")

    @Test func theDecisionLetterStatesWhatThePolicyRequires() throws {
        var f = Fixture()
        f.today = day("2026-12-14")
        let id = try f.appliedCase(services: ["housing"], decided: "2026-12-14")
        try f.run(.restrict(id, type: .singleChannel, details: "Email the housing team only", from: f.today,
                            escalationReason: nil, statutoryBasis: nil), as: "harriet")
        let text = try LetterText(register: f.register, council: council, calendar: f.calendar)
            .render(.decision, on: .case(id), date: day("2026-12-14"))
        #expect(text.contains("14 December 2026"))                       // the decision, dated the British way
        #expect(text.contains("persistent"))
        #expect(text.contains("Email the housing team only"))
        #expect(text.contains("for this matter only"))                   // 5.2.1 scope
        #expect(text.contains("at least six months"))                    // 5.2.5
        #expect(text.contains("From 14 June 2027"))                      // when a review may be asked for
        #expect(text.contains("Harriet Head, Head of Service – Customer Services"))  // to whom (5.2.5, 6.1)
        #expect(text.contains("by 7 January 2027"))                      // 15 working days across Christmas (6.1)
        #expect(text.contains("Housing Ombudsman"))                      // a housing matter (6.3)
        #expect(text.contains("We keep it six years."))                  // 5.2.3 information use
        #expect(text.contains("Olivia Officer"))                         // a named contact
    }

    @Test func aLetterThatCannotStateToWhomToAppealIsRefused() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["waste"])
        try f.run(.staffLeaves(login: "harriet", on: f.today), as: "admin")
        do throws(Refusal) {
            _ = try LetterText(register: f.register, council: council, calendar: f.calendar).render(.decision, on: .case(id), date: f.today)
            Issue.record("rendered without a Head of Service – Customer Services")
        } catch {
            #expect(error.message.contains("Head of Service – Customer Services"))
        }
    }

    @Test func lettersOnlyForTheirSubjects() throws {
        var f = Fixture()
        let id = try f.openCase()
        let writer = LetterText(register: f.register, council: council, calendar: f.calendar)
        #expect(throws: Refusal.self) { try writer.render(.decision, on: .case(id), date: f.today) }
        #expect(throws: Refusal.self) { try writer.render(.appealOutcome, on: .case(id), date: f.today) }
        #expect(try writer.render(.warning, on: .case(id), date: f.today).contains("Repairs complaint".lowercased()))
    }
}

/// Every other kind of letter, from a case in a known state, with the statements each must make.
@Suite struct LetterKindsTests {
    let council = CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre, Glebe Street", customerServicesAddress: "Civic Centre, Glebe Street",
                                 email: "cft@example.gov.uk", phone: "01782 234567", privacyNotice: "We keep it six years.",
                                 dataProtectionOfficer: "DPO, Civic Centre, dpo@stoke.example.org")

    func writer(_ f: Fixture) -> LetterText { LetterText(register: f.register, council: council, calendar: f.calendar) }

    func assertFrame(_ letter: Letter, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(text.contains("We keep it six years."), sourceLocation: sourceLocation)
        #expect(text.contains("Zoë Brown"), sourceLocation: sourceLocation)
        // UK GDPR Art 13, in every kind of letter.
        for item in ["DPO, Civic Centre, dpo@stoke.example.org", "Article 6(1)(e)", "Who sees it:", "How long we keep it:",
                     "restrict how we use it", "Information Commissioner's Office"] {
            #expect(text.contains(item), "the \(letter.kind.title) does not say \(item)", sourceLocation: sourceLocation)
        }
        #expect(letter.missingStatements(in: text).isEmpty, sourceLocation: sourceLocation)
    }

    @Test func warning() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id, behaviours: [.swearing])
        let letter = try writer(f).letter(.warning, on: .case(id), date: f.today)
        let text = letter.plainText
        assertFrame(letter, text)
        #expect(text.contains(Behaviour.swearing.policyWording))
        #expect(text.contains("may decide to apply"))
    }

    @Test func lifted() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        let on = day("2026-10-01")
        try f.run(.recordReview(.case(id), outcome: .lift, date: on, reason: "Settled"), as: "harriet", on: on)
        let letter = try writer(f).letter(.lifted, on: .case(id), date: on)
        assertFrame(letter, letter.plainText)
        #expect(letter.plainText.contains("On 1 October 2026 the council lifted"))
        #expect(letter.plainText.contains("ended on that date"))
    }

    @Test func reviewOutcome() throws {
        var f = Fixture()
        let id = try f.appliedCase()
        let on = day("2026-10-01")
        try f.run(.recordReview(.case(id), outcome: .continue, date: on, reason: "Contact still weekly"), as: "harriet", on: on)
        let letter = try writer(f).letter(.reviewOutcome, on: .case(id), date: on)
        assertFrame(letter, letter.plainText)
        #expect(letter.plainText.contains("to continue the status"))
        #expect(letter.plainText.contains("Contact still weekly"))
    }

    @Test func registerEntry() throws {
        var f = Fixture()
        f.today = day("2026-12-21")
        let person = try f.customer()
        let entry = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Shouted at staff on 1 December",
                                                                    communication: "Two officers at any visit", restrictions: nil),
                                              as: "olivia").created!)!
        try f.run(.approveRegisterEntry(entry, date: f.today, notToldReason: nil), as: "henry")
        let letter = try writer(f).letter(.registerEntry, on: .registerEntry(entry), date: f.today)
        let text = letter.plainText
        assertFrame(letter, text)
        #expect(text.contains("Two officers at any visit"))
        #expect(text.contains("by 14 January 2027"))  // 15 working days over Christmas 2026 and New Year
        #expect(text.contains("Harriet Head, Head of Service – Customer Services"))
        #expect(text.contains("every year"))
    }

    @Test func appealAcknowledgementAndOutcome() throws {
        var f = Fixture()
        f.today = day("2026-12-21")
        let id = try f.appliedCase(decided: "2026-12-21")
        let appeal = AppealID(try f.run(.lodgeAppeal(.case(id), received: f.today, grounds: "g", lateReason: nil),
                                        as: "olivia").created!)!
        let acknowledgement = try writer(f).letter(.appealAcknowledgement, on: .appeal(appeal), date: f.today)
        assertFrame(acknowledgement, acknowledgement.plainText)
        #expect(acknowledgement.plainText.contains("by 14 January 2027"))  // outcome due, over the holidays
        try f.run(.decideAppeal(appeal, outcome: .overturned, date: f.today, reason: "Checks were thin"), as: "diana")
        let outcome = try writer(f).letter(.appealOutcome, on: .appeal(appeal), date: f.today)
        assertFrame(outcome, outcome.plainText)
        #expect(outcome.plainText.contains("overturned"))
        #expect(outcome.plainText.contains("Checks were thin"))
        #expect(outcome.plainText.contains("Housing Ombudsman"))
    }
}
