import Testing
@testable import CasebookCore

@Suite struct RegisterEntryTests {
    func propose(_ f: inout Fixture, facts: String = "On 3 March 2026 he shouted at two officers at the housing office.",
                 as actor: Login = "olivia") throws -> (RegisterEntryID, Outcome) {
        let person = try f.customer("Tomasz Nowak")
        let outcome = try f.run(.proposeRegisterEntry(.person(person), facts: facts,
                                                      communication: "Two officers at every visit; phone first.",
                                                      restrictions: "No lone visits"), as: actor)
        return (RegisterEntryID(outcome.created!)!, outcome)
    }

    @Test func factualWordingPassesAndEmotiveWordingWarns() throws {
        var f = Fixture()
        let (_, plain) = try propose(&f)
        #expect(plain.warnings.isEmpty)
        var g = Fixture()
        let (_, emotive) = try propose(&g, facts: "He is a nutter and obviously dangerous; I think he is drunk most days")
        #expect(emotive.warnings.count == 4)
        #expect(emotive.warnings.allSatisfy { $0.paragraph == "5.3.1" })
        #expect(emotive.warnings.contains { $0.message.contains("\"nutter\"") })
    }

    @Test func anEntryIsLiveOnlyOnceApprovedByAHeadOfServiceOrDirector() throws {
        var f = Fixture()
        let (id, _) = try propose(&f)
        #expect(f.register.registerEntries[id]?.state == .pending)
        #expect(f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .registerApproval })
        #expect(f.refusal(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "sam")?.paragraph == "5.3.2")
        #expect(f.refusal(.approveRegisterEntry(id, date: day("2026-03-01"), notToldReason: nil), as: "henry")?.kind == .badInput)
        let outcome = try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")
        #expect(outcome.warnings.first?.paragraph == "5.3")
        #expect(f.register.registerEntries[id]?.state == .live)
        #expect(f.refusal(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "diana")?.kind == .badInput)
    }

    @Test func nobodyApprovesTheirOwnEntry() throws {
        var f = Fixture()
        let (id, _) = try propose(&f, as: "henry")
        #expect(f.refusal(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")?.paragraph == "5.3.2")
        #expect(f.refusal(.declineRegisterEntry(id, date: f.today, reason: "x"), as: "henry")?.paragraph == "5.3.2")
        try f.run(.declineRegisterEntry(id, date: f.today, reason: "Not factual enough"), as: "diana")
        #expect(f.register.registerEntries[id]?.state == .declined)
    }

    @Test func thePersonIsToldUnlessAReasonIsRecorded() throws {
        var f = Fixture()
        let (told, _) = try propose(&f)
        try f.run(.approveRegisterEntry(told, date: f.today, notToldReason: nil), as: "henry")
        #expect(f.register.letterObligations(for: .registerEntry(told), calendar: f.calendar).map(\.kind) == [.registerEntry])
        var g = Fixture()
        let (secret, _) = try propose(&g)
        try g.run(.approveRegisterEntry(secret, date: g.today, notToldReason: "Telling him risks serious harm to his neighbour"),
                  as: "henry")
        #expect(g.register.letterObligations(for: .registerEntry(secret), calendar: g.calendar).isEmpty)
        #expect(g.refusal(.recordLetterSent(.registerEntry(secret), kind: .registerEntry, sentOn: g.today), as: "olivia") != nil)
    }

    @Test func everyViewIsRecorded() throws {
        var f = Fixture()
        let (id, _) = try propose(&f)
        try f.run(.viewRegisterEntry(id), as: "sam")
        try f.run(.viewRegisterEntry(id), as: "olivia", on: day("2026-03-05"))
        #expect(f.register.registerEntries[id]?.views == [RegisterView(by: "sam", on: day("2026-03-02")),
                                                          RegisterView(by: "olivia", on: day("2026-03-05"))])
        #expect(f.refusal(.viewRegisterEntry(RegisterEntryID(number: 99)), as: "sam")?.kind == .badInput)
    }

    @Test func annualReviewByTheApproverOrAServiceManagerOrDirector() throws {
        var f = Fixture()
        let (id, _) = try propose(&f)
        try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")
        #expect(f.register.registerEntries[id]?.nextReviewDue == day("2027-03-02"))
        let later = day("2027-03-10")
        let row = try #require(f.register.queue(on: later, calendar: f.calendar).first { $0.kind == .registerReview })
        #expect(row.assignee == .person("henry"))
        #expect(row.overdueDays == 8)
        // 5.3.2: by the one who approved it, while they are in post.
        for other in ["harriet", "olivia", "sam", "diana"] {
            #expect(f.refusal(.recordReview(.registerEntry(id), outcome: .continue, date: later, reason: "r"), as: other,
                              on: later)?.paragraph == "5.3.2", "\(other)")
        }
        try f.run(.recordReview(.registerEntry(id), outcome: .continue, date: later, reason: "Still a risk"), as: "henry", on: later)
        #expect(f.register.registerEntries[id]?.nextReviewDue == day("2028-03-10"))
        #expect(!f.register.queue(on: later, calendar: f.calendar).contains { $0.kind == .registerReview })
    }

    /// 5.3.2: when the approver has left, a Service Manager or Director of the same service reviews it, recorded.
    @Test func whenTheApproverHasLeftTheirServiceReviews() throws {
        var f = Fixture()
        let (id, _) = try propose(&f)
        try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")
        let later = day("2027-03-10")
        try f.run(.staffLeaves(login: "henry", on: later), as: "admin", on: later)
        #expect(f.refusal(.recordReview(.registerEntry(id), outcome: .continue, date: later, reason: "r"), as: "wasim",
                          on: later)?.paragraph == "5.3.2", "a service manager of another service")
        try f.run(.recordReview(.registerEntry(id), outcome: .continue, date: later, reason: "Still a risk"), as: "sam", on: later)
        #expect(f.register.registerEntries[id]?.reviews.last?.deputyReason?.contains("has left") == true)
    }

    @Test func anEntryForOnePersonAtATime() throws {
        var f = Fixture()
        let (id, _) = try propose(&f)
        let person: CustomerID
        if case .person(let p) = f.register.registerEntries[id]!.subject { person = p } else { return }
        #expect(f.refusal(.proposeRegisterEntry(.person(person), facts: "f", communication: "c", restrictions: nil),
                          as: "omar")?.kind == .badInput)
    }

    @Test func propertyEntriesKeepTheirPostcode() throws {
        var f = Fixture()
        let outcome = try f.run(.proposeRegisterEntry(.property(Address(text: "14 Leek Road, Hanley ST4 2AR")),
                                                      facts: "Dog loose in the garden bit a meter reader on 2 Feb 2026",
                                                      communication: "Phone ahead", restrictions: nil), as: "omar")
        let entry = try #require(f.register.registerEntries[RegisterEntryID(outcome.created!)!])
        #expect(entry.subject == .property(Address(text: "14 Leek Road, Hanley", postcode: Postcode("ST4 2AR"))))
        #expect(f.refusal(.proposeRegisterEntry(.property(Address(text: " ")), facts: "f", communication: "c", restrictions: nil),
                          as: "omar")?.field == .property)
    }
}

@Suite struct DisclosureTests {
    @Test func approvedEntriesAreSharedOnTheRecord() throws {
        var f = Fixture()
        let person = try f.customer("Tomasz Nowak")
        let id = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Shouted at staff on 1 March",
                                                                 communication: "Two officers", restrictions: nil),
                                           as: "olivia").created!)!
        #expect(f.refusal(.discloseRegisterEntry(id, to: "Kier Repairs", reason: "Visiting", date: f.today), as: "olivia")?
            .paragraph == "5.3.2")
        try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")
        #expect(f.refusal(.discloseRegisterEntry(id, to: " ", reason: "r", date: f.today), as: "olivia")?.field == .to)
        #expect(f.refusal(.discloseRegisterEntry(id, to: "Kier", reason: " ", date: f.today), as: "olivia")?.field == .reason)
        #expect(f.refusal(.discloseRegisterEntry(id, to: "Kier", reason: "r", date: f.today.adding(days: 1)), as: "olivia")?
            .kind == .badInput)
        try f.run(.discloseRegisterEntry(id, to: "Kier Repairs Ltd", reason: "Gas safety visit on 9 March", date: f.today),
                  as: "olivia")
        let disclosure = try #require(f.register.registerEntries[id]?.disclosures.first)
        #expect(disclosure.to == "Kier Repairs Ltd")
        #expect(disclosure.by == "olivia")
        #expect(SubjectAccess(register: f.register, customer: person).document.contains("Shared with Kier Repairs Ltd"))
    }
}

@Suite struct RegisterEntryAmendmentTests {
    /// 5.3.1: facts are amended by a new version that is approved again; the old is kept, and the
    /// entry stands as it was meanwhile. The approver sees the wording warnings.
    @Test func anAmendmentIsApprovedAgainAndTheOldVersionKept() throws {
        var f = Fixture()
        let person = try f.customer("Harry Shaw")
        let id = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Shouted at reception on 3 March.",
                                                                 communication: "Two officers", restrictions: nil), as: "olivia").created!)!
        try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")
        try f.run(.amendRegisterEntry(id, facts: "Shouted at reception on 3 March; he is a nasty, aggressive man.", communication: nil,
                                      restrictions: nil, reason: "A second incident"), as: "omar")
        #expect(f.register.registerEntries[id]?.facts == "Shouted at reception on 3 March.", "stands as it was")
        #expect(f.register.queue(on: f.today, calendar: f.calendar).contains { $0.kind == .registerApproval && $0.subject == id.description })
        #expect(f.refusal(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "omar") == nil ? false : true,
                "not by the one who amended it")
        let approved = try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "diana")
        #expect(approved.warnings.contains { $0.description.lowercased().contains("nasty") || $0.description.contains("Facts") },
                "the approver sees the wording warnings: \(approved.warnings)")
        let entry = try #require(f.register.registerEntries[id])
        #expect(entry.facts.hasSuffix("nasty, aggressive man."))
        #expect(entry.versions.map(\.facts) == ["Shouted at reception on 3 March."])
        #expect(entry.amendment == nil)
    }

    @Test func anOverdueReviewIsSaidBesideTheWarning() throws {
        var f = Fixture()
        let person = try f.customer("Harry Shaw")
        let id = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Shouted at reception.", communication: "Two officers",
                                                                 restrictions: nil), as: "olivia").created!)!
        try f.run(.approveRegisterEntry(id, date: f.today, notToldReason: nil), as: "henry")
        let entry = try #require(f.register.registerEntries[id])
        #expect(entry.reviewOverdue(on: day("2027-03-01")).isEmpty)
        #expect(entry.reviewOverdue(on: day("2027-06-01")) == " — REVIEW OVERDUE since 2027-03-02")
        let record = try #require(Search.records(in: f.register).first { $0.id == person.description })
        #expect(record.flags(on: day("2027-06-01")).contains("ON THE REGISTER — REVIEW OVERDUE since 2027-03-02"))
    }
}
