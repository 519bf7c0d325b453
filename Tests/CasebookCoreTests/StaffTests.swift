import Testing
@testable import CasebookCore

@Suite struct StaffTests {
    @Test func initialiseMakesTheActorTheFirstAdmin() throws {
        var register = Register()
        let outcome = try register.perform(.initialise(name: "Ada Admin"), in: Context(actor: "ada", today: day("2026-01-05")))
        #expect(outcome.created == "ada")
        #expect(register.staff["ada"]?.roles == [.admin])
        #expect(throws: Refusal.self) {
            try register.perform(.initialise(name: "Again"), in: Context(actor: "bob", today: day("2026-01-05")))
        }
    }

    @Test func nothingBeforeInitialisation() {
        let register = Register()
        let result = register.execute(.addCustomer(name: "A", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                                      in: Context(actor: "ada", today: day("2026-01-05")))
        guard case .failure(let refusal) = result else { Issue.record("accepted"); return }
        #expect(refusal.kind == .badInput)
        #expect(refusal.message.contains("casebook init"))
    }

    @Test func onlyAnAdminAddsStaff() {
        var f = Fixture()
        let refusal = f.refusal(.addStaff(login: "zed", name: "Zed", roles: [.officer], serviceArea: nil, customerServicesHead: false),
                                as: "olivia")
        #expect(refusal?.kind == .rule)
        #expect(refusal?.paragraph == "7.1")
    }

    @Test func unknownActorIsBadInput() {
        var f = Fixture()
        let refusal = f.refusal(.addCustomer(name: "A", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                                as: "nobody")
        #expect(refusal?.kind == .badInput)
        #expect(refusal?.message.contains("staff add nobody") == true)
    }

    @Test func loginsAreUniqueAndWellFormed() {
        var f = Fixture()
        #expect(f.refusal(.addStaff(login: "olivia", name: "Other", roles: [.officer], serviceArea: nil,
                                    customerServicesHead: false), as: "admin")?.field == .login)
        #expect(f.refusal(.addStaff(login: "bad login", name: "Other", roles: [.officer], serviceArea: nil,
                                    customerServicesHead: false), as: "admin")?.field == .login)
        #expect(f.refusal(.addStaff(login: "newbie", name: "Newbie", roles: [], serviceArea: nil,
                                    customerServicesHead: false), as: "admin")?.field == .role)
    }

    @Test func customerServicesHeadMustBeAHeadOfServiceAndIsUnique() throws {
        var f = Fixture()
        #expect(f.register.customerServicesHead?.login == "harriet")
        let refusal = f.refusal(.addStaff(login: "x", name: "X", roles: [.director], serviceArea: nil, customerServicesHead: true),
                                as: "admin")
        #expect(refusal?.paragraph == "6.1")
        let outcome = try f.run(.addStaff(login: "hope", name: "Hope Hall", roles: [.headOfService], serviceArea: nil,
                                          customerServicesHead: true), as: "admin")
        #expect(outcome.warnings.count == 1)
        #expect(f.register.customerServicesHead?.login == "hope")
        #expect(f.register.staff["harriet"]?.isCustomerServicesHead == false)
    }

    @Test func staffWhoHaveLeftCannotAct() throws {
        var f = Fixture()
        try f.run(.staffLeaves(login: "omar", on: day("2026-03-01")), as: "admin")
        #expect(f.register.staff["omar"]?.active == false)
        let refusal = f.refusal(.addCustomer(name: "A", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                                as: "omar")
        #expect(refusal?.kind == .rule)
        // Nor may they be named as the officer consulted, a chair, an owner...
        #expect(throws: Refusal.self) { try f.register.namedStaff("omar", field: .to) }
    }

    @Test func theLastAdminCannotLeave() {
        var f = Fixture()
        #expect(f.refusal(.staffLeaves(login: "admin", on: day("2026-03-01")), as: "admin")?.kind == .rule)
    }
}
