import Testing
@testable import CasebookCore

@Suite struct StandingTests {
    @Test func beforeACallAnOfficerSeesRestrictionsAndEntries() throws {
        var f = Fixture()
        let id = try f.appliedCase(services: ["customer-services"])
        let person = f.register.cases[id]!.customer
        #expect(f.register.standing(of: person, on: f.today)?.isClear == true)
        try f.run(.restrict(id, type: .singleChannel, details: "Email to complaints@ only", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        try f.run(.restrict(id, type: .noFaceToFace, details: "No meetings", from: f.today, escalationReason: nil,
                            statutoryBasis: "Health and Safety at Work etc. Act 1974 s2"), as: "harriet")
        let entry = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "Shouted at staff on 1 March",
                                                                    communication: "Email only", restrictions: nil),
                                              as: "omar").created!)!
        var standing = try #require(f.register.standing(of: person, on: f.today))
        #expect(standing.restrictions.map(\.restriction.type) == [.noFaceToFace, .singleChannel])
        #expect(standing.pendingEntries.map(\.id) == [entry])
        #expect(standing.liveEntries.isEmpty)
        #expect(standing.casesWithStatus == [id])
        try f.run(.approveRegisterEntry(entry, date: f.today, notToldReason: nil), as: "henry")
        standing = try #require(f.register.standing(of: person, on: f.today))
        #expect(standing.liveEntries.map(\.id) == [entry])
        #expect(f.register.entries(atPostcode: Postcode("ST4 1HH")!).map(\.id) == [entry])
        #expect(f.register.standing(of: CustomerID(number: 99), on: f.today) == nil)
    }
}
