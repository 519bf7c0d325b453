import Testing
@testable import CasebookCore

/// Casework after the decision letter (5.2.3, 6.1, 6.2): a later restriction is a decision of its
/// own — reasons, a letter, a new right of appeal — decided on appeal by someone independent of it,
/// and a varied outcome records exactly what it changed.
@Suite struct LaterChangeTests {
    /// Decided by Harriet on 2 March 2026 with a single-channel restriction; the decision letter sent
    /// on 3 March. Dora is a second housing Director.
    func decidedAndWritten(_ f: inout Fixture) throws -> CaseID {
        try f.addStaff("dora", "Dora Dale", [.director], area: "housing")
        let id = try f.appliedCase()
        try f.run(.restrict(id, type: .singleChannel, details: "Email only, to the CFT inbox.", from: day("2026-03-02"),
                            escalationReason: nil, statutoryBasis: nil), as: "harriet")
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: day("2026-03-03")), as: "olivia", on: day("2026-03-03"))
        return id
    }

    @Test func aRestrictionAddedAfterTheLetterNeedsReasonsAndOwesALetter() throws {
        var f = Fixture()
        let id = try decidedAndWritten(&f)
        let on = day("2026-04-01")
        let bare = Command.restrict(id, type: .namedOfficer, details: "Contact through Omar only.", from: on,
                                    escalationReason: nil, statutoryBasis: nil)
        let refusal = f.refusal(bare, as: "diana", on: on)
        #expect(refusal?.paragraph == "5.2.3" && refusal?.field == .reason)
        #expect(!f.register.letterObligations(for: .case(id), calendar: f.calendar).contains { $0.kind == .restriction })
        try f.run(.restrict(id, type: .namedOfficer, details: "Contact through Omar only.", from: on, escalationReason: nil,
                            statutoryBasis: nil, reason: "Two visits in March ended with staff threatened."), as: "diana", on: on)
        let owed = try #require(f.register.letterObligations(for: .case(id), calendar: f.calendar).first { $0.kind == .restriction })
        #expect(!owed.sent)
        let added = try #require(f.register.cases[id]?.restrictions.last)
        #expect(added.reason == "Two visits in March ended with staff threatened." && added.recordedBy == "diana" && added.changedOn != nil)
        // Ending one later is a change too: it owes a letter of its own after the first is sent.
        try f.run(.recordLetterSent(.case(id), kind: .restriction, sentOn: day("2026-04-02")), as: "olivia", on: day("2026-04-02"))
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).allSatisfy { $0.sent })
        try f.run(.endRestriction(id, number: 1, on: day("2026-05-01"), reason: "Emails are now courteous."), as: "harriet",
                  on: day("2026-05-01"))
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).contains { $0.kind == .restriction && !$0.sent })
    }

    @Test func aLaterRestrictionMayBeAppealedEvenAfterTheFirstAppeal() throws {
        var f = Fixture()
        let id = try decidedAndWritten(&f)
        try f.run(.lodgeAppeal(.case(id), received: day("2026-03-10"), grounds: "Email is hard for me.", lateReason: nil),
                  as: "olivia", on: day("2026-03-10"))
        try f.run(.decideAppeal(AppealID("APL-0001")!, outcome: .upheld, date: day("2026-03-20"), reason: "Proportionate."),
                  as: "derek", on: day("2026-03-20"))
        #expect(f.refusal(.lodgeAppeal(.case(id), received: day("2026-03-25"), grounds: "Again.", lateReason: nil),
                          as: "olivia", on: day("2026-03-25")) != nil)
        let on = day("2026-04-01")
        try f.run(.restrict(id, type: .namedOfficer, details: "Contact through Omar only.", from: on, escalationReason: nil,
                            statutoryBasis: nil, reason: "Visits ended with staff threatened."), as: "diana", on: on)
        try f.run(.recordLetterSent(.case(id), kind: .restriction, sentOn: day("2026-04-02")), as: "olivia", on: day("2026-04-02"))
        let outcome = try f.run(.lodgeAppeal(.case(id), received: day("2026-04-10"), grounds: "I need to see someone.", lateReason: nil),
                                as: "olivia", on: day("2026-04-10"))
        let second = try #require(outcome.created.flatMap(AppealID.init).flatMap { f.register.appeals[$0] })
        #expect(second.against?.contains("restriction") == true)
        // 6.1: fifteen working days from the restriction letter, not from the decision letter.
        #expect(second.deadline == Register.appealDeadline(letterSent: day("2026-04-02"), calendar: f.calendar))
    }

    @Test func whoeverImposedWhatIsAppealedNeverDecidesItAndTheRelevantDirectorIsSuggested() throws {
        var f = Fixture()
        let id = try decidedAndWritten(&f)
        let on = day("2026-04-01")
        try f.run(.restrict(id, type: .namedOfficer, details: "Contact through Omar only.", from: on, escalationReason: nil, statutoryBasis: nil,
                            reason: "Visits ended with staff threatened."), as: "diana", on: on)
        try f.run(.recordLetterSent(.case(id), kind: .restriction, sentOn: day("2026-04-02")), as: "olivia", on: day("2026-04-02"))
        let lodged = try f.run(.lodgeAppeal(.case(id), received: day("2026-04-10"), grounds: "I need to see someone.", lateReason: nil),
                               as: "olivia", on: day("2026-04-10"))
        let appeal = try #require(lodged.created.flatMap(AppealID.init))
        let decide = Command.decideAppeal(appeal, outcome: .upheld, date: day("2026-04-20"), reason: "Proportionate.")
        let refusal = f.refusal(decide, as: "diana", on: day("2026-04-20"))
        #expect(refusal?.paragraph == "6.2" && refusal?.message.contains("decided or imposed") == true)
        // Derek (environment) may decide, with a word that Dora is the relevant Director for housing.
        let outcome = try f.run(decide, as: "derek", on: day("2026-04-20"))
        #expect(outcome.warnings.contains { $0.message.contains("Dora Dale (dora)") && $0.paragraph == "6.2" })
    }

    @Test func aVariedOutcomeRecordsWhatItEndsAndAdds() throws {
        var f = Fixture()
        let id = try decidedAndWritten(&f)
        try f.run(.lodgeAppeal(.case(id), received: day("2026-03-10"), grounds: "Email is hard for me.", lateReason: nil),
                  as: "olivia", on: day("2026-03-10"))
        let appeal = AppealID("APL-0001")!
        let on = day("2026-03-20")
        #expect(f.refusal(.decideAppeal(appeal, outcome: .varied, date: on, reason: "Change."), as: "dora", on: on)?.field == .end)
        #expect(f.refusal(.decideAppeal(appeal, outcome: .upheld, date: on, reason: "Same.", end: [1]), as: "dora", on: on)?
            .field == .outcome)
        let call = NewRestriction(type: .namedOfficer, details: "Calls to Omar only, Tuesdays.", from: on)
        try f.run(.decideAppeal(appeal, outcome: .varied, date: on, reason: "Email alone does not suit her.", end: [1], add: [call]),
                  as: "dora", on: on)
        let value = try #require(f.register.cases[id])
        #expect(value.restrictions[0].ended == on)
        #expect(value.activeRestrictions.map(\.type) == [.namedOfficer])
        let decision = try #require(f.register.appeals[appeal]?.decision)
        #expect(decision.ended == [1] && decision.added == [2])
    }

    @Test func aConflictedHeadOfCustomerServicesGivesWayAndTheRecordSaysWhy() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id, as: "harriet")  // the Head of Service – Customer Services proposed it
        try f.checkAll(id)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "henry")
        let on = day("2026-10-01")
        try f.run(.requestReview(id, received: on), as: "olivia", on: on)
        #expect(f.refusal(.recordReview(.case(id), outcome: .continue, date: on, reason: "r"), as: "harriet", on: on)?.paragraph == "5.2.5")
        try f.run(.recordReview(.case(id), outcome: .continue, date: on, reason: "Contact still frequent."), as: "diana", on: on)
        let review = try #require(f.register.cases[id]?.reviews.last)
        #expect(review.reviewedBy == "diana" && review.deputyReason?.contains("proposed this case") == true)
    }

    @Test func aRestrictionAgainstAnAdjustmentNeedsAReasonAndTheDecisionSaysHowTheyWereConsidered() throws {
        var f = Fixture()
        let customer = try f.customer()
        try f.run(.updateCustomer(customer, name: nil, address: nil, postcode: nil, email: nil, phone: nil,
                                  adjustments: "Deaf; BSL user; cannot use the telephone", reason: "Told us at the counter."), as: "olivia")
        let id = try f.openCase(customer: customer)
        try f.contact(id)
        try f.propose(id)
        try f.checkAll(id)
        let bare = Command.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "Persistent contact")
        #expect(f.refusal(bare, as: "harriet")?.field == .adjustmentsConsidered)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "Persistent contact",
                          adjustmentsConsidered: "Email and BSL video relay stay open."), as: "harriet")
        let phone = Command.restrict(id, type: .singleChannel, details: "Telephone only, Mondays.", from: f.today,
                                     escalationReason: nil, statutoryBasis: nil)
        #expect(f.refusal(phone, as: "harriet")?.field == .adjustmentReason)
        try f.run(.restrict(id, type: .singleChannel, details: "Email only, to the CFT inbox.", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
    }
}
