import Testing
@testable import CasebookCore

@Suite struct ReviewTests {
    /// Decided by Henry (Head of Service, housing) on 2 March 2026; Harriet is Head of Service – Customer Services.
    func decided(_ f: inout Fixture) throws -> CaseID {
        f.today = day("2026-03-02")
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        try f.checkAll(id)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "henry")
        return id
    }

    @Test func aReviewMayBeAskedForOnlyAfterSixMonths() throws {
        var f = Fixture()
        let id = try decided(&f)
        let early = day("2026-09-01")
        let refusal = f.refusal(.requestReview(id, received: early), as: "olivia", on: early)
        #expect(refusal?.paragraph == "5.2.5")
        #expect(refusal?.message.contains("2 September 2026") == true)
        try f.run(.requestReview(id, received: day("2026-09-02")), as: "olivia", on: day("2026-09-02"))
        #expect(f.refusal(.requestReview(id, received: day("2026-09-02")), as: "olivia", on: day("2026-09-02"))?.kind == .badInput)
    }

    @Test func theCustomersRequestGoesToTheHeadOfCustomerServices() throws {
        var f = Fixture()
        let id = try decided(&f)
        let on = day("2026-10-01")
        try f.run(.requestReview(id, received: on), as: "olivia", on: on)
        let row = try #require(f.register.queue(on: on, calendar: f.calendar).first { $0.kind == .reviewRequest })
        #expect(row.assignee == .person("harriet"))
        #expect(f.refusal(.recordReview(.case(id), outcome: .continue, date: on, reason: "r"), as: "henry", on: on)?
            .paragraph == "5.2.5")
        try f.run(.recordReview(.case(id), outcome: .continue, date: on, reason: "Contact still frequent"), as: "harriet", on: on)
        #expect(f.register.cases[id]?.reviewRequests.first?.answered == on)
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).contains { $0.kind == .reviewOutcome })
    }

    @Test func threeYearReviewByTheDecisionMaker() throws {
        var f = Fixture()
        let id = try decided(&f)
        let soon = day("2029-02-10")
        #expect(!f.register.queue(on: day("2029-01-01"), calendar: f.calendar).contains { $0.kind == .statusReview })
        let row = try #require(f.register.queue(on: soon, calendar: f.calendar).first { $0.kind == .statusReview })
        #expect(row.due == day("2029-03-02"))
        #expect(row.assignee == .person("henry"))
        #expect(row.overdueDays == 0)
        let due = day("2029-03-12")
        #expect(f.register.queue(on: due, calendar: f.calendar).first { $0.kind == .statusReview }?.overdueDays == 10)
        #expect(f.refusal(.recordReview(.case(id), outcome: .continue, date: due, reason: "r"), as: "diana", on: due)?
            .paragraph == "5.2.5")
        try f.run(.recordReview(.case(id), outcome: .continue, date: due, reason: "Still needed"), as: "henry", on: due)
        // 5.2.5: the next falls three years after that, counted from the decision, not from this review.
        #expect(f.register.queue(on: day("2032-02-20"), calendar: f.calendar).first { $0.kind == .statusReview }?.due
            == day("2032-03-02"))
    }

    /// A review at the customer's request moves nothing: the decision-maker's review stays three
    /// years from the decision.
    @Test func aRequestedReviewDoesNotPushBackTheThreeYearReview() throws {
        var f = Fixture()
        let id = try decided(&f)
        let asked = day("2026-09-10")
        try f.run(.requestReview(id, received: asked), as: "olivia", on: asked)
        let answered = day("2027-03-10")
        try f.run(.recordReview(.case(id), outcome: .continue, date: answered, reason: "Still needed"), as: "harriet", on: answered)
        #expect(f.register.cases[id]?.threeYearReviewDue == day("2029-03-02"))
        #expect(f.register.queue(on: day("2029-02-20"), calendar: f.calendar).first { $0.kind == .statusReview }?.due
            == day("2029-03-02"))
    }

    @Test func whenTheDecisionMakerHasLeftAnotherMayReview() throws {
        var f = Fixture()
        let id = try decided(&f)
        try f.run(.staffLeaves(login: "henry", on: day("2027-01-01")), as: "admin", on: day("2027-01-01"))
        let due = day("2029-03-02")
        let row = try #require(f.register.queue(on: due, calendar: f.calendar).first { $0.kind == .statusReview })
        #expect(row.assignee.includes(f.register.staff["diana"]!))
        #expect(!row.assignee.includes(f.register.staff["olivia"]!))  // the proposer, and not a decision-maker
        try f.run(.recordReview(.case(id), outcome: .continue, date: due, reason: "Still needed"), as: "diana", on: due)
    }

    /// 5.2.5's six months bind the customer's request, not the council: a status imposed in error may
    /// be lifted earlier, with reasons, by a Head of Service or Director who did not decide it.
    @Test func liftingBeforeSixMonthsForAnErrorBySomeoneWhoDidNotDecide() throws {
        var f = Fixture()
        let id = try decided(&f)
        let early = day("2026-06-01")
        let refusal = f.refusal(.recordReview(.case(id), outcome: .lift, date: early, reason: "r"), as: "henry", on: early)
        #expect(refusal?.paragraph == "5.2.5")
        #expect(refusal?.message.contains("did not decide") == true)
        #expect(f.refusal(.recordReview(.case(id), outcome: .lift, date: early, reason: "r"), as: "olivia", on: early) != nil)
        let outcome = try f.run(.recordReview(.case(id), outcome: .lift, date: early,
                                              reason: "Imposed in error: the contacts were another customer's"), as: "diana", on: early)
        #expect(outcome.warnings.contains { $0.description.contains("error") })
        #expect(f.register.cases[id]?.status?.lifted == early)
        #expect(f.register.letterObligations(for: .case(id), calendar: f.calendar).contains { $0.kind == .lifted && !$0.sent })
    }

    @Test func nobodyReviewsWhatTheyProposed() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id, as: "harriet")
        try f.checkAll(id)
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "henry")
        let on = day("2026-10-01")
        try f.run(.requestReview(id, received: on), as: "olivia", on: on)
        #expect(f.refusal(.recordReview(.case(id), outcome: .continue, date: on, reason: "r"), as: "harriet", on: on)?
            .message.contains("four eyes") == true)
    }

    @Test func aReviewNeedsAStatusInForce() throws {
        var f = Fixture()
        let id = try f.openCase()
        #expect(f.refusal(.requestReview(id, received: f.today), as: "olivia")?.paragraph == "5.2.5")
        #expect(f.refusal(.recordReview(.case(id), outcome: .continue, date: f.today, reason: "r"), as: "henry")?
            .paragraph == "5.2.5")
    }
}

@Suite struct ComplexStatusReviewTests {
    @Test func aComplexOnlyStatusHasNoStatusReviewRow() throws {
        var f = Fixture()
        let id = try f.openCase(services: ["housing", "waste"])
        try f.run(.propose(id, categories: [.complex], reason: "Spans two services", behaviours: []), as: "olivia")
        try f.checkAll(id)
        try f.run(.callConference(id, date: f.today, chair: "diana", invitees: ["olivia", "ian", "lena", "wasim"]), as: "diana")
        try f.run(.decide(id, outcome: .apply, consulted: "olivia", date: f.today, reason: "r"), as: "harriet")
        let later = day("2029-03-10")
        #expect(!f.register.queue(on: later, calendar: f.calendar).contains { $0.kind == .statusReview && $0.subject == id.description })
        #expect(f.refusal(.recordReview(.case(id), outcome: .continue, date: later, reason: "r"), as: "harriet", on: later)?
            .paragraph == "5.1", "a complex status is reviewed by a Director")
    }
}
