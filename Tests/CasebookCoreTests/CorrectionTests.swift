import Testing
@testable import CasebookCore

@Suite struct CustomerUpdateTests {
    /// UK GDPR Art 16: details corrected, each correction keeping what it replaced, who, when and why.
    @Test func aCustomersDetailsAreCorrectedKeepingTheOldValues() throws {
        var f = Fixture()
        let id = try f.customer()
        try f.run(.updateCustomer(id, name: "Zoë Browne", address: nil, postcode: nil, email: "zoe@example.org", phone: nil,
                                  adjustments: "Deaf; BSL user; cannot use the telephone", reason: "Corrected at her request"),
                  as: "omar")
        let customer = try #require(f.register.customers[id])
        #expect(customer.name == "Zoë Browne" && customer.email == "zoe@example.org")
        #expect(customer.addresses.first?.text == "1 Hope Street, Hanley", "not given, not changed")
        #expect(customer.corrections.map(\.field) == ["name", "email", "adjustments"])
        #expect(customer.corrections[0].was == "Zoë Brown" && customer.corrections[0].by == "omar")
        #expect(customer.corrections.allSatisfy { $0.reason == "Corrected at her request" })
        // Nothing changed is refused; so is a bad email; an empty value clears.
        #expect(f.refusal(.updateCustomer(id, name: "Zoë Browne", address: nil, postcode: nil, email: nil, phone: nil,
                                          adjustments: nil, reason: "r"), as: "omar") != nil)
        #expect(f.refusal(.updateCustomer(id, name: nil, address: nil, postcode: nil, email: "not an email", phone: nil,
                                          adjustments: nil, reason: "r"), as: "omar")?.field == .email)
        try f.run(.updateCustomer(id, name: nil, address: nil, postcode: nil, email: "", phone: nil, adjustments: nil,
                                  reason: "She asked us not to email"), as: "omar")
        #expect(f.register.customers[id]?.email == nil)
        #expect(Register(replaying: f.journal) == f.register)
    }
}

@Suite struct StaffUpdateTests {
    @Test func rolesServiceAndTheCustomerServicesMarkChangeByAnAdministrator() throws {
        var f = Fixture()
        #expect(f.refusal(.updateStaff(login: "henry", roles: [.director], serviceArea: nil, customerServicesHead: nil), as: "harriet")?
            .paragraph == "7.1")
        try f.run(.updateStaff(login: "henry", roles: [.headOfService], serviceArea: "waste", customerServicesHead: true), as: "admin")
        #expect(f.register.staff["henry"]?.serviceArea == ServiceArea("waste"))
        #expect(f.register.customerServicesHead?.login == "henry")
        #expect(f.register.staff["harriet"]?.isCustomerServicesHead == false, "only one holds the mark")
        #expect(f.refusal(.updateStaff(login: "diana", roles: nil, serviceArea: nil, customerServicesHead: true), as: "admin")?
            .paragraph == "6.1", "the mark needs the head-of-service role")
        #expect(f.refusal(.updateStaff(login: "admin", roles: [.officer], serviceArea: nil, customerServicesHead: nil), as: "admin")?
            .paragraph == "7.1", "the only administrator keeps the role")
        #expect(Register(replaying: f.journal) == f.register)
    }
}
