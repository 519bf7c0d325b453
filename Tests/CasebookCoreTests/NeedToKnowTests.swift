import Testing
@testable import CasebookCore

/// 5.2.4, 1.3, 2.2: every member of staff may know whether someone is restricted or on the
/// register; a case's file is for those who need it.
@Suite struct NeedToKnowTests {
    @Test func theCaseFileIsReadByTheRolesWhoseWorkItIs() throws {
        var fixture = Fixture()
        let id = try fixture.appliedCase()
        try fixture.run(.restrict(id, type: .singleChannel, details: "Email only", from: fixture.today, escalationReason: nil,
                                  statutoryBasis: nil), as: "henry")
        for login in ["olivia", "ian", "lena", "henry", "harriet", "diana"] {
            let (value, access) = try #require(fixture.register.visibleCase(id, for: login))
            #expect(access == .whole, "\(login)")
            #expect(value == fixture.register.cases[id])
        }
        for login in ["sam", "wasim", "admin"] {
            let (value, access) = try #require(fixture.register.visibleCase(id, for: login))
            guard case .restrictionsOnly(let why) = access else {
                Issue.record("\(login) reads the whole file")
                continue
            }
            #expect(why.contains("5.2.4"))
            #expect(why.contains("casebook notify CASE --to \(login)"))
            // That the case exists, its status and its restrictions: nothing of its file.
            #expect(value.id == id && value.title == "Repairs complaint")
            #expect(value.status == fixture.register.cases[id]?.status)
            #expect(value.restrictions.map(\.details) == ["Email only"])
            #expect(value.contacts.isEmpty && value.proposals.isEmpty && value.letters.isEmpty && value.appeals.isEmpty
                && value.reviews.isEmpty && value.notifications.isEmpty, "\(login)")
        }
    }

    @Test func staffToldOfACaseReadItsFile() throws {
        var fixture = Fixture()
        let id = try fixture.appliedCase()
        #expect(!fixture.register.caseFileAccess(id, for: "sam").isWhole)
        try fixture.run(.notify(id, recipients: ["sam"]), as: "olivia")
        #expect(fixture.register.caseFileAccess(id, for: "sam").isWhole)
        #expect(!fixture.register.caseFileAccess(id, for: "wasim").isWhole, "only those told")
    }

    @Test func appealsAndConferencesFollowTheirCase() throws {
        var fixture = Fixture()
        let id = try fixture.appliedCase()
        try fixture.run(.recordLetterSent(.case(id), kind: .decision, sentOn: fixture.today), as: "olivia")
        try fixture.run(.lodgeAppeal(.case(id), received: fixture.today, grounds: "Unfair", lateReason: nil), as: "olivia")
        let appeal = AppealID(number: 1)
        #expect(fixture.register.access(to: .appeal(appeal), for: "olivia").isWhole)
        #expect(!fixture.register.access(to: .appeal(appeal), for: "wasim").isWhole)
        // Anyone on the staff looks a person up.
        let customer = try #require(fixture.register.cases[id]?.customer)
        #expect(fixture.register.access(to: .customer(customer), for: "wasim").isWhole)
        #expect(!fixture.register.access(to: .customer(customer), for: "nobody").isWhole)
    }

    @Test func staffWhoHaveLeftReadNothing() throws {
        var fixture = Fixture()
        let id = try fixture.appliedCase()
        try fixture.run(.staffLeaves(login: "olivia", on: fixture.today), as: "admin")
        #expect(!fixture.register.caseFileAccess(id, for: "olivia").isWhole)
    }
}
