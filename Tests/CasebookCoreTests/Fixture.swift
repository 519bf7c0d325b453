import Testing
@testable import CasebookCore

func day(_ text: String) -> Day {
    guard let value = Day(text) else { fatalError("bad test date \(text)") }
    return value
}

/// A register with a staff directory holding every role, and helpers to act as any of them.
struct Fixture {
    var register = Register()
    var today = day("2026-03-02")
    var calendar = WorkingDayCalendar()
    /// Every event recorded, with its actor, as a journal would hold them.
    var journal: [(actor: Login, event: Event)] = []

    init() {
        do {
            try run(.initialise(name: "Ada Admin"), as: "admin")
            try addStaff("olivia", "Olivia Officer", [.officer], area: "customer-services")
            try addStaff("omar", "Omar Okafor", [.officer], area: "customer-services")
            try addStaff("harriet", "Harriet Head", [.headOfService], area: "customer-services", head: true)
            try addStaff("henry", "Henry Hughes", [.headOfService], area: "housing")
            try addStaff("diana", "Diana Director", [.director], area: "housing")
            try addStaff("derek", "Derek Dunn", [.director], area: "environment")
            try addStaff("ian", "Ian Rights", [.informationRights])
            try addStaff("lena", "Lena Legal", [.legal])
            try addStaff("sam", "Sam Manager", [.serviceManager], area: "housing")
            try addStaff("wasim", "Wasim Waste", [.serviceManager], area: "waste")
        } catch {
            fatalError("fixture: \(error)")
        }
    }

    mutating func addStaff(_ login: Login, _ name: String, _ roles: [Role], area: String? = nil, head: Bool = false) throws {
        try run(.addStaff(login: login, name: name, roles: roles, serviceArea: area, customerServicesHead: head), as: "admin")
    }

    func context(_ actor: Login, on date: Day? = nil) -> Context {
        Context(actor: actor, today: date ?? today, calendar: calendar)
    }

    @discardableResult
    mutating func run(_ command: Command, as actor: Login, on date: Day? = nil) throws -> Outcome {
        let outcome = try register.perform(command, in: context(actor, on: date))
        journal += outcome.events.map { (actor, $0) }
        return outcome
    }

    /// The refusal `command` meets; records a test failure if it is accepted. Checks that nothing changed.
    mutating func refusal(_ command: Command, as actor: Login, on date: Day? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) -> Refusal? {
        let before = register
        switch register.execute(command, in: context(actor, on: date)) {
        case .success:
            Issue.record("expected \(command) to be refused", sourceLocation: sourceLocation)
            return nil
        case .failure(let refusal):
            do throws(Refusal) {
                _ = try register.perform(command, in: context(actor, on: date))
            } catch {}
            #expect(register == before, "a refused command changed the register", sourceLocation: sourceLocation)
            return refusal
        }
    }

    // MARK: - Building blocks

    mutating func customer(_ name: String = "Zoë Brown", postcode: String? = "ST4 1HH") throws -> CustomerID {
        let outcome = try run(.addCustomer(name: name, address: "1 Hope Street, Hanley", postcode: postcode,
                                           email: nil, phone: nil, adjustments: nil), as: "olivia")
        return CustomerID(outcome.created!)!
    }

    mutating func openCase(services: [String] = ["housing"], customer: CustomerID? = nil) throws -> CaseID {
        let who = try customer ?? self.customer()
        let outcome = try run(.openCase(customer: who, title: "Repairs complaint", serviceAreas: services), as: "olivia")
        return CaseID(outcome.created!)!
    }

    mutating func contact(_ id: CaseID, on date: String = "2026-02-10", channel: Channel = .phone,
                          kind: ContactKind = .complaint, behaviours: [Behaviour] = [.repeatComplaints, .swearing],
                          newInformation: Bool = false, as actor: Login = "olivia") throws {
        try run(.logContact(id, date: day(date), channel: channel, kind: kind, summary: "Called again about repairs",
                            behaviours: behaviours, significantNewInformation: newInformation), as: actor)
    }

    mutating func propose(_ id: CaseID, _ categories: [Category] = [.persistent],
                          behaviours: [Behaviour] = [.repeatComplaints], as actor: Login = "olivia") throws {
        try run(.propose(id, categories: categories, reason: "Twelve calls in a month on a settled complaint",
                         behaviours: behaviours), as: actor)
    }

    mutating func checkAll(_ id: CaseID, as actor: Login = "omar") throws {
        for item in CheckItem.allCases {
            try run(.confirmCheck(id, item: item, evidence: "Evidence for \(item.rawValue)"), as: actor)
        }
    }

    /// A case decided persistent by Harriet on `decided`, proposed by Olivia.
    mutating func appliedCase(services: [String] = ["housing"], decided: String = "2026-03-02") throws -> CaseID {
        let id = try openCase(services: services)
        try contact(id)
        try propose(id)
        try checkAll(id)
        try run(.decide(id, outcome: .apply, consulted: "olivia", date: day(decided), reason: "Persistent contact"),
                as: "harriet", on: max(today, day(decided)))
        return id
    }
}
