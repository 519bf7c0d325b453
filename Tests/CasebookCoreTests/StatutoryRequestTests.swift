import Testing
@testable import CasebookCore

/// 1.2, 5.2.1: a SAR or FOI request on a restricted case is never read-and-filed; Information
/// Rights answers it under its own law, by its statutory deadline.
@Suite struct StatutoryRequestTests {
    func readAndFileCase(_ f: inout Fixture) throws -> CaseID {
        let id = try f.appliedCase(services: ["customer-services"])
        try f.run(.settleMatter(id, on: f.today, note: "Stage 2 answered"), as: "olivia")
        try f.run(.restrict(id, type: .singleChannel, details: "Email only", from: f.today, escalationReason: nil, statutoryBasis: nil),
                  as: "harriet")
        try f.run(.restrict(id, type: .readAndFile, details: "Repairs matter settled", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        return id
    }

    @Test func aSARUnderReadAndFileIsNeverFiledAndGoesToInformationRights() throws {
        var f = Fixture()
        let id = try readAndFileCase(&f)
        let received = day("2026-03-10")
        let outcome = try f.run(.logContact(id, date: received, channel: .email, kind: .sar, summary: "Asks for all his records",
                                            behaviours: [], significantNewInformation: false), as: "olivia", on: received)
        let contact = try #require(f.register.cases[id]?.contacts.last)
        #expect(!contact.underReadAndFile, "never filed")
        #expect(f.register.cases[id]?.unansweredStatutoryRequests.map(\.number) == [contact.number])
        #expect(f.register.cases[id]?.hasUnansweredStatutoryRequest == true)
        #expect(outcome.warnings.contains { $0.description.contains("Information Rights") && $0.description.contains("10 April 2026") })
        #expect(f.refusal(.confirmFiledContact(id, contact: contact.number), as: "olivia", on: received)?.paragraph == "1.2")
        // One calendar month for a SAR, in Information Rights' queue, not an officer's.
        let row = try #require(f.register.queue(on: received, calendar: f.calendar).first { $0.kind == .statutoryRequest })
        #expect(row.due == day("2026-04-10"))
        #expect(row.assignee == .anyOf([.informationRights]))
        #expect(f.register.queue(on: received, for: "ian", calendar: f.calendar).contains { $0.kind == .statutoryRequest })
        #expect(!f.register.queue(on: received, for: "olivia", calendar: f.calendar).contains { $0.kind == .statutoryRequest })
        // Only Information Rights records it answered; then it leaves the queue.
        #expect(f.refusal(.answerStatutoryRequest(id, contact: contact.number, on: received, note: "Sent"), as: "olivia", on: received)?
            .paragraph == "1.2")
        try f.run(.answerStatutoryRequest(id, contact: contact.number, on: day("2026-04-01"), note: "Disclosed in full"), as: "ian",
                  on: day("2026-04-01"))
        #expect(!f.register.queue(on: day("2026-04-01"), calendar: f.calendar).contains { $0.kind == .statutoryRequest })
        #expect(f.register.cases[id]?.unansweredStatutoryRequests.isEmpty == true)
        #expect(f.register.cases[id]?.hasUnansweredStatutoryRequest == false)
    }

    @Test func anFOIRequestHasTwentyWorkingDays() throws {
        var f = Fixture()
        let id = try readAndFileCase(&f)
        let received = day("2026-03-10")
        try f.run(.logContact(id, date: received, channel: .email, kind: .foi, summary: "Asks for the repairs budget",
                              behaviours: [], significantNewInformation: false), as: "olivia", on: received)
        let row = try #require(f.register.queue(on: received, calendar: f.calendar).first { $0.kind == .statutoryRequest })
        #expect(row.due == f.calendar.adding(workingDays: 20, to: received))
        // An ordinary contact on the same case is still read-and-filed.
        try f.run(.logContact(id, date: received, channel: .email, kind: .complaint, summary: "Same again", behaviours: [],
                              significantNewInformation: false), as: "olivia", on: received)
        #expect(f.register.cases[id]?.contacts.last?.underReadAndFile == true)
    }
}
