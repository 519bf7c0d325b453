import Testing
@testable import CasebookCore

/// 16: the council keeps a list of its service areas; a case or member of staff in another is
/// recorded with a warning naming the nearest, since a typing slip would hide work from a service.
@Suite struct ServiceAreaTests {
    @Test func aCaseInAnAreaOffTheCouncilsListIsRecordedWithAWarning() throws {
        var f = Fixture()
        let customer = try f.customer()
        let list: Set<ServiceArea> = [ServiceArea("housing")!, ServiceArea("environmental-health")!]
        let context = Context(actor: "olivia", today: f.today, serviceAreas: list)
        let slip = try f.register.execute(.openCase(customer: customer, title: "Noise", serviceAreas: ["enviromental-health"]),
                                          in: context).get()
        let warning = try #require(slip.warnings.first)
        #expect(warning.message.contains("'enviromental-health' is not one of the council's service areas; did you mean 'environmental-health'?"))
        #expect(warning.message.contains("casebook settings add-service-area"))
        let listed = try f.register.execute(.openCase(customer: customer, title: "Noise", serviceAreas: ["environmental-health"]),
                                            in: context).get()
        #expect(listed.warnings.isEmpty)
        #expect(f.register.knownServiceAreas(list).map(\.name) == ["environmental-health", "housing"])
    }

    @Test func withoutAListTheAreasInUseStandIn() throws {
        var f = Fixture()
        let customer = try f.customer()
        let outcome = try f.run(.openCase(customer: customer, title: "Bins", serviceAreas: ["wastee"]), as: "olivia")
        #expect(outcome.warnings.first?.message.contains("a new service area for this register; did you mean 'waste'?") == true)
        #expect(f.register.knownServiceAreas(nil).contains(ServiceArea("housing")!))
    }

    @Test func aMemberOfStaffInANewAreaIsWarnedOfToo() throws {
        var f = Fixture()
        let context = Context(actor: "admin", today: f.today, serviceAreas: [ServiceArea("housing")!])
        let added = try f.register.execute(.addStaff(login: "hugh", name: "Hugh Hughes", roles: [.headOfService], serviceArea: "housng",
                                                     customerServicesHead: false), in: context).get()
        #expect(added.warnings.first?.message.contains("did you mean 'housing'?") == true)
        let moved = try f.register.execute(.updateStaff(login: "henry", roles: nil, serviceArea: "housing", customerServicesHead: nil),
                                           in: context)
        #expect(moved.failure?.message.contains("nothing was changed") == true, "his area already, so no warning and no change")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
