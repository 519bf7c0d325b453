import CasebookCore
@testable import CasebookTUI
import Testing

/// Rows updated from the records a change touched are the rows derived afresh from the whole register.
@Suite struct IncrementalRowsTests {
    let today = referenceDate
    let calendar = WorkingDayCalendar(closureDays: [day("2026-12-29"), day("2026-12-30"), day("2026-12-31")])

    func expectSame(_ a: Rows, _ b: Rows, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.cases == b.cases, sourceLocation: sourceLocation)
        #expect(a.people == b.people, sourceLocation: sourceLocation)
        #expect(a.entries == b.entries, sourceLocation: sourceLocation)
        #expect(a.conferences == b.conferences, sourceLocation: sourceLocation)
        #expect(a.queue == b.queue, sourceLocation: sourceLocation)
    }

    /// 16: a case's next due date is the earliest of every clock running on it, its appeals' and
    /// conferences' included.
    @Test func aCasesNextDueCountsItsAppealsAndConferences() throws {
        let register = sampleRegister
        let rows = Rows(register: register, today: today, calendar: calendar)
        for value in register.cases.values {
            let appeals = register.appeals.values.filter { $0.subject == .case(value.id) }.map(\.id.description)
            let conferences = register.conferences.values.filter { $0.caseID == value.id }.map(\.id.description)
            let subjects = Set([value.id.description] + appeals + conferences)
            let earliest = rows.queue.filter { subjects.contains($0.subject) }.map(\.due).min()
            #expect(rows.cases.first { $0.id == value.id }?.nextDue == earliest, "\(value.id)")
        }
        let appealed = try #require(register.appeals[AppealID("APL-0001")!]?.subject.caseID)
        let appealDue = try #require(rows.queue.first { $0.subject == "APL-0001" }?.due)
        #expect(try #require(rows.cases.first { $0.id == appealed }?.nextDue) <= appealDue)
    }

    @Test func everyKindOfChangeUpdatesExactlyAsAFullRebuild() throws {
        var register = sampleRegister
        var rows = Rows(register: register, today: today, calendar: calendar)
        let steps: [(Login, Command)] = [
            ("ofarrell", .addCustomer(name: "Ana Lima", address: "1 Hope Street, Hanley", postcode: "ST1 5AA", email: nil, phone: nil, adjustments: nil)),
            ("ofarrell", .openCase(customer: CustomerID("CUST-0001")!, title: "Another matter", serviceAreas: ["waste"])),
            ("ofarrell", .logContact(CaseID("CASE-0001")!, date: today, channel: .phone, kind: .complaint, summary: "Again.",
                                     behaviours: [.repeatComplaints], significantNewInformation: false)),
            ("ofarrell", .confirmFiledContact(CaseID("CASE-0024")!, contact: 9)),
            ("hbanks", .decide(CaseID("CASE-0013")!, outcome: .apply, consulted: "ofarrell", date: today, reason: "Checks done.")),
            ("hbanks", .restrict(CaseID("CASE-0013")!, type: .singleChannel, details: "Email only.", from: today,
                                 escalationReason: nil, statutoryBasis: nil)),
            ("ofarrell", .recordLetterSent(.case(CaseID("CASE-0016")!), kind: .decision, sentOn: today)),
            ("hbanks", .approveRegisterEntry(RegisterEntryID("REG-0001")!, date: today, notToldReason: nil)),
            ("hbanks", .declineRegisterEntry(RegisterEntryID("REG-0002")!, date: today, reason: "Wrong address.")),
            ("dkaur", .decideAppeal(AppealID("APL-0001")!, outcome: .upheld, date: today, reason: "Proportionate.")),
            ("snguyen", .completeConferenceAction(ConferenceID("CONF-0001")!, number: 2, date: today)),
            ("tlewis", .recordReview(.case(CaseID("CASE-0031")!), outcome: .lift, date: today, reason: "Quiet.")),
            ("hbanks", .endRestriction(CaseID("CASE-0018")!, number: 1, on: today, reason: "Calm.")),
            ("sysadmin", .addStaff(login: "sjones", name: "Sam Jones", roles: [.officer], serviceArea: nil, customerServicesHead: false)),
        ]
        for (actor, command) in steps {
            let outcome = try register.perform(command, in: Context(actor: actor, today: today, calendar: calendar))
            var changes = RecordChanges()
            for event in outcome.events { changes.note(event) }
            rows.update(changes.closed(over: register), register: register, today: today, calendar: calendar)
            expectSame(rows, Rows(register: register, today: today, calendar: calendar))
        }
    }

    @Test func aChangeToACaseAlsoRedrawsItsCustomerAppealsAndConferences() throws {
        var register = sampleRegister
        let outcome = try register.perform(.endRestriction(CaseID("CASE-0025")!, number: 1, on: referenceDate, reason: "x"),
                                           in: Context(actor: "gokafor", today: referenceDate, calendar: calendar))
        var changes = RecordChanges()
        for event in outcome.events { changes.note(event) }
        let closed = changes.closed(over: sampleRegister)
        #expect(closed.cases == [CaseID("CASE-0025")!])
        #expect(closed.customers == [sampleRegister.cases[CaseID("CASE-0025")!]!.customer])
        #expect(closed.appeals == [AppealID("APL-0001")!])
    }
}

import CasebookStore

@Suite struct StoreChangeFeedTests {
    @Test func theStoreNamesTheRecordsOthersChanged() throws {
        let copy = try HeadlessRunTests.SampleCopy()
        let mine = try Store.open(at: copy.store)
        #expect(mine.takeChanges().isEmpty)  // opening is not a change
        let theirs = try Store.open(at: copy.store)
        let outcome = try theirs.execute(.logContact(CaseID("CASE-0025")!, date: referenceDate, channel: .email, kind: .routine,
                                                     summary: "Hello.", behaviours: [], significantNewInformation: false),
                                         actor: "ofarrell", today: referenceDate)
        #expect(outcome.events.count == 1)
        #expect(try mine.refresh())
        let changes = mine.takeChanges()
        #expect(changes.cases == [CaseID("CASE-0025")!])
        #expect(changes.appeals == [AppealID("APL-0001")!])
        #expect(!changes.everything)
        #expect(mine.takeChanges().isEmpty)  // taken once
    }
}
