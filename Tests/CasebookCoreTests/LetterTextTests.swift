import Testing
@testable import CasebookCore

@Suite struct LetterTextTests {
    let council = CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre", customerServicesAddress: "Civic Centre",
                                 email: "cft@example.gov.uk", phone: "01782 234567", privacyNotice: "We keep it six years.")

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
