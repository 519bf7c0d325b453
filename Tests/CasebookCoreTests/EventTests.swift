import Foundation
import Testing
@testable import CasebookCore

@Suite struct EventTests {
    /// A register that has been through every kind of event.
    func everything() throws -> Fixture {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.appliedCase(services: ["housing", "waste"])
        try f.run(.settleMatter(id, on: day("2026-01-15"), note: "Stage 2 answered"), as: "olivia")
        try f.run(.restrict(id, type: .singleChannel, details: "Email only", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        try f.run(.restrict(id, type: .readAndFile, details: "Repairs matter settled", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        try f.contact(id, on: "2026-03-02", behaviours: [])
        try f.run(.confirmFiledContact(id, contact: 2), as: "omar")
        try f.run(.endRestriction(id, number: 1, on: f.today, reason: "Varied"), as: "harriet")
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: f.today), as: "olivia")
        try f.run(.notify(id, recipients: ["sam", "wasim"]), as: "olivia")
        let complex = try f.openCase(services: ["housing", "waste"])
        try f.run(.propose(complex, categories: [.complex], reason: "r", behaviours: []), as: "olivia")
        try f.checkAll(complex)
        try f.run(.decide(complex, outcome: .apply, consulted: "olivia", date: f.today, reason: "Spans two services"), as: "harriet")
        let conference = ConferenceID(try f.run(.callConference(complex, date: f.today, chair: "diana", invitees: ["olivia"]),
                                                as: "diana").created!)!
        try f.run(.conferenceMeets(conference, date: f.today), as: "olivia")
        try f.run(.agreeConferenceAction(conference, owner: "sam", due: day("2026-03-20"), text: "Plan"), as: "olivia")
        try f.run(.completeConferenceAction(conference, number: 1, date: f.today), as: "sam")
        try f.run(.logContact(id, date: f.today, channel: .email, kind: .sar, summary: "Asks for his records", behaviours: [],
                              significantNewInformation: false), as: "olivia")
        try f.run(.answerStatutoryRequest(id, contact: 3, on: f.today, note: "Disclosed"), as: "ian")
        try f.run(.updateStaff(login: "sam", roles: nil, serviceArea: "waste", customerServicesHead: nil), as: "admin")
        let person = try f.customer("Li Wei")
        try f.run(.updateCustomer(person, name: nil, address: nil, postcode: nil, email: "li@example.org", phone: nil,
                                  adjustments: nil, reason: "Given at reception"), as: "olivia")
        let entry = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Facts", communication: "Letter",
                                                                    restrictions: nil), as: "olivia").created!)!
        try f.run(.approveRegisterEntry(entry, date: f.today, notToldReason: nil), as: "henry")
        try f.run(.viewRegisterEntry(entry), as: "sam")
        try f.run(.discloseRegisterEntry(entry, to: "Kier Repairs", reason: "Gas safety visit", date: f.today), as: "olivia")
        let property = RegisterEntryID(try f.run(.proposeRegisterEntry(.property(Address(text: "2 Bank St ST1 1AA")),
                                                                       facts: "Dog", communication: "Phone", restrictions: nil),
                                                 as: "olivia").created!)!
        try f.run(.declineRegisterEntry(property, date: f.today, reason: "Dog rehomed"), as: "diana")
        let appeal = AppealID(try f.run(.lodgeAppeal(.case(id), received: f.today, grounds: "g", lateReason: nil),
                                        as: "olivia").created!)!
        try f.run(.decideAppeal(appeal, outcome: .varied, date: f.today, reason: "r", end: [2],
                                add: [NewRestriction(type: .namedOfficer, details: "Through Olivia only", from: f.today)]), as: "diana")
        try f.run(.referToOmbudsman(appeal, body: .housing, date: f.today), as: "olivia")
        let later = day("2026-09-10")
        try f.run(.requestReview(id, received: later), as: "olivia", on: later)
        try f.run(.recordReview(.case(id), outcome: .lift, date: later, reason: "Settled down"), as: "harriet", on: later)
        try f.run(.staffLeaves(login: "omar", on: later), as: "admin", on: later)
        return f
    }

    @Test func everyEventTypeRoundTripsThroughJSON() throws {
        let f = try everything()
        let types = Set(f.journal.map(\.event.type))
        #expect(types.count == 33, "every event type is exercised: \(types.sorted())")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (_, event) in f.journal {
            let data = try encoder.encode(event)
            #expect(try JSONDecoder().decode(Event.self, from: data) == event)
        }
    }

    @Test func stateIsTheFoldOfEvents() throws {
        let f = try everything()
        let replayed = Register(replaying: f.journal)
        #expect(replayed == f.register)
        // And from decoded events, as a store would replay them.
        let decoded = try f.journal.map { actor, event in
            (actor: actor, event: try JSONDecoder().decode(Event.self, from: try JSONEncoder().encode(event)))
        }
        #expect(Register(replaying: decoded) == f.register)
    }

    @Test func unknownEventTypesAreRejected() {
        let data = Data(#"{"type":"case-deleted","payload":{}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Event.self, from: data) }
    }

    @Test func idsParseAndPrint() {
        #expect(CaseID("CASE-0042")?.number == 42)
        #expect(CaseID("case-7")?.description == "CASE-0007")
        #expect(CaseID("CUST-0001") == nil)
        #expect(CaseID("CASE-") == nil)
        #expect(CaseID("CASE-00x1") == nil)
        #expect(CaseID("CASE-0000") == nil)
        #expect(CustomerID(number: 12345).description == "CUST-12345")
        #expect(AnyRecordID("APL-0003") == .appeal(AppealID(number: 3)))
        #expect(AnyRecordID("CONF-0001") == .conference(ConferenceID(number: 1)))
        #expect(AnyRecordID("NOPE-1") == nil)
    }
}

@Suite struct SortedSetEncodingTests {
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func setsAreWrittenSortedWhateverTheirOrder() throws {
        let proposal = Proposal(number: 1, categories: [.unreasonable, .persistent, .complex], behaviours: [], reason: "r",
                                proposedBy: "a", proposedOn: Day("2026-01-05")!)
        #expect(try json(proposal).contains(#""categories":["complex","persistent","unreasonable"]"#))
        let member = StaffMember(login: "x", name: "X", roles: [.director, .admin, .officer])
        #expect(try json(member).contains(#""roles":["officer","director","admin"]"#))
        let status = AppliedStatus(categories: [.unreasonable, .persistent], proposalNumber: 1, proposedBy: "a", decidedBy: "b",
                                   decisionDate: Day("2026-01-05")!)
        #expect(try json(status).contains(#""categories":["persistent","unreasonable"]"#))
        // And they read back the same.
        #expect(try JSONDecoder().decode(Proposal.self, from: Data(json(proposal).utf8)) == proposal)
        #expect(try JSONDecoder().decode(StaffMember.self, from: Data(json(member).utf8)) == member)
    }
}
