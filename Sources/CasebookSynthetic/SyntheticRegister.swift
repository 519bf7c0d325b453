import CasebookCore
import Foundation

/// A large, deterministic synthetic register for benchmarks, produced as the same domain commands
/// the front ends give, so that every record passes every rule. The same seed gives the same register.
public struct SyntheticRegister: Sequence {
    public struct Step: Sendable {
        public let command: Command
        public let actor: Login
        public let today: Day
    }

    public let cases: Int
    public let seed: UInt64
    /// The day the register is "as of"; every business date lies on or before it.
    public let referenceDate: Day

    public static let admin: Login = "admin"
    static let officers: [Login] = ["oadams", "obrown", "ochen", "okowalski", "okhan", "omurphy"]
    static let heads: [(Login, String)] = [("hcs", "customer-services"), ("hhousing", "housing"), ("hwaste", "waste"),
                                           ("henv", "environmental-health")]
    static let directors: [(Login, String)] = [("dplace", "housing"), ("dpeople", "adult-social-care"), ("dcorp", "customer-services")]
    static let areas = ["housing", "waste", "council-tax", "planning", "adult-social-care", "highways",
                        "environmental-health", "customer-services", "parks", "licensing"]
    static let firstNames = ["Amelia", "Oliver", "Zoë", "Krzysztof", "Agnieszka", "Muhammad", "Fatima", "Ahmed", "Aisha",
                             "Wei", "Li", "Siobhán", "Seán", "Chloé", "José", "Łucja", "Tomasz", "Priya", "Imran", "Yusuf",
                             "Grace", "Jack", "Harry", "Olivia", "Noah", "Mia", "Bartłomiej", "Zainab", "Hamza", "Mei"]
    static let lastNames = ["Smith", "Jones", "Wójcik", "Kowalski", "Nowak", "Khan", "Hussain", "Iqbal", "Al-Sayed",
                            "Zhang", "Wang", "O'Neill", "Murphy", "Brown", "Taylor", "Wright", "Walker", "Ahmed", "Begum",
                            "Patel", "Lewandowski", "Chen", "Davies", "Evans", "Hughes", "Bennett", "Shaw", "Ali", "Liu", "Dąbrowski"]
    static let streets = ["Hope Street", "Leek Road", "Victoria Road", "Church Street", "Trentham Road", "King Street",
                          "Bucknall New Road", "Waterloo Road", "Etruria Road", "Uttoxeter Road"]
    static let postcodeAreas = ["ST1", "ST2", "ST3", "ST4", "ST6"]

    public init(cases: Int, seed: UInt64 = 1, referenceDate: Day = Day(year: 2026, month: 9, day: 30)!) {
        self.cases = cases
        self.seed = seed
        self.referenceDate = referenceDate
    }

    public func makeIterator() -> AnyIterator<Step> {
        var generator = Generator(cases: cases, seed: seed, reference: referenceDate)
        var pending: [Step] = generator.staffSteps()
        var index = 0
        return AnyIterator {
            while index >= pending.count {
                guard let next = generator.nextCase() else { return nil }
                pending = next
                index = 0
            }
            defer { index += 1 }
            return pending[index]
        }
    }

    /// SplitMix64: small, fast and the same on every machine; tests draw from it with a seed they
    /// print, so that a failing run can be repeated.
    public struct Random: RandomNumberGenerator {
        var state: UInt64
        public init(state: UInt64) { self.state = state }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    struct Generator {
        let cases: Int
        let reference: Day
        var random: Random
        var made = 0
        var customers = 0
        var entries = 0
        var appeals = 0
        /// Customers with a register entry already (one entry per person at a time).
        var entered: Set<CustomerID> = []
        let start: Day

        init(cases: Int, seed: UInt64, reference: Day) {
            self.cases = cases
            self.reference = reference
            self.random = Random(state: seed)
            self.start = reference.adding(days: -3 * 365)
        }

        func staffSteps() -> [Step] {
            var steps: [Step] = []
            func add(_ login: Login, _ name: String, _ roles: [Role], _ area: String?, head: Bool = false) {
                steps.append(Step(command: .addStaff(login: login, name: name, roles: roles, serviceArea: area,
                                                     customerServicesHead: head), actor: admin, today: start))
            }
            for (index, login) in officers.enumerated() { add(login, "Officer \(index + 1)", [.officer], "customer-services") }
            for (index, (login, area)) in heads.enumerated() {
                add(login, "Head of Service \(index + 1)", [.headOfService], area, head: index == 0)
            }
            for (index, (login, area)) in directors.enumerated() { add(login, "Director \(index + 1)", [.director], area) }
            add("irights", "Information Rights", [.informationRights], nil)
            add("legal", "Legal Services", [.legal], nil)
            add("smhousing", "Service Manager Housing", [.serviceManager], "housing")
            return steps
        }

        mutating func nextCase() -> [Step]? {
            guard made < cases else { return nil }
            made += 1
            var steps: [Step] = []
            let span = start.days(until: reference) - 120
            var date = start.adding(days: random.below(Swift.max(1, span)))
            let officer = random.pick(officers)
            func step(_ command: Command, _ actor: Login) { steps.append(Step(command: command, actor: actor, today: date)) }

            let customer: CustomerID
            if customers == 0 || random.chance(70) {
                customers += 1
                customer = CustomerID(number: customers)
                let name = "\(random.pick(firstNames)) \(random.pick(lastNames))"
                let postcode = "\(random.pick(postcodeAreas)) \(1 + random.below(9))\(["A", "B", "D", "E", "F", "H", "J"][random.below(7)])\(["A", "B", "D", "E", "F", "H", "J"][random.below(7)])"
                step(.addCustomer(name: name, address: "\(1 + random.below(240)) \(random.pick(streets)), Stoke-on-Trent",
                                  postcode: postcode, email: nil, phone: nil, adjustments: nil), officer)
            } else {
                customer = CustomerID(number: 1 + random.below(customers))
            }
            let caseID = CaseID(number: made)
            var areas = [random.pick(SyntheticRegister.areas)]
            if random.chance(25) { areas.append(random.pick(SyntheticRegister.areas)) }
            step(.openCase(customer: customer, title: "Complaint about \(areas[0].replacingHyphens) service", serviceAreas: areas), officer)

            let contacts = 4 + random.below(6)
            for index in 0..<contacts {
                var behaviours: [Behaviour] = []
                if index == 0 { behaviours.append(.repeatComplaints) }
                if random.chance(20) { behaviours.append(random.pick(Behaviour.allCases)) }
                step(.logContact(caseID, date: date, channel: random.pick(Channel.allCases),
                                 kind: random.pick(ContactKind.allCases), summary: "Contact \(index + 1) about the same matter",
                                 behaviours: behaviours, significantNewInformation: false), random.pick(officers))
                date = Swift.min(reference, date.adding(days: 1 + random.below(6)))
            }
            let stage = random.below(100)
            guard stage >= 50 else { return steps }
            step(.propose(caseID, categories: [.persistent], reason: "Repeated complaints on a matter already investigated",
                          behaviours: [.repeatComplaints]), officer)
            let checker = random.pick(officers)
            let checks = stage < 70 ? random.below(4) : 4
            for item in CheckItem.allCases.prefix(checks) {
                step(.confirmCheck(caseID, item: item, evidence: "Checked the case file and complaint history"), checker)
            }
            guard stage >= 70 else { return steps }
            date = Swift.min(reference, date.adding(days: random.below(10)))
            let (decider, _) = random.pick(heads)
            let apply = random.chance(80)
            step(.decide(caseID, outcome: apply ? .apply : .decline, consulted: officer, date: date,
                         reason: apply ? "Contact hinders the handling of this and other matters" : "Checks not yet met"), decider)
            guard apply else { return steps }
            step(.restrict(caseID, type: .singleChannel, details: "Email to the complaints team only", from: date,
                           escalationReason: nil, statutoryBasis: nil), decider)
            if random.chance(30) {
                step(.restrict(caseID, type: .noFaceToFace, details: "No meetings at the contact centre", from: date,
                               escalationReason: nil, statutoryBasis: "Health and Safety at Work etc. Act 1974, s2: the safety of staff"),
                     decider)
            }
            guard random.chance(80) else { return steps }
            date = Swift.min(reference, date.adding(days: 1 + random.below(3)))
            step(.recordLetterSent(.case(caseID), kind: .decision, sentOn: date), officer)
            if random.chance(10) {
                date = Swift.min(reference, date.adding(days: 1 + random.below(10)))
                step(.lodgeAppeal(.case(caseID), received: date, grounds: "I disagree with the decision", lateReason: "Accepted"), officer)
                appeals += 1
                if random.chance(60) {
                    let appeal = AppealID(number: appeals)
                    date = Swift.min(reference, date.adding(days: 1 + random.below(14)))
                    let varied = !random.chance(70)
                    step(.decideAppeal(appeal, outcome: varied ? .varied : .upheld, date: date,
                                       reason: "The decision was properly taken", end: varied ? [1] : [],
                                       add: varied ? [NewRestriction(type: .namedOfficer, details: "Through the case officer only", from: date)] : []),
                         random.pick(directors).0)
                }
            }
            if random.chance(10), !entered.contains(customer) {
                entered.insert(customer)
                entries += 1
                step(.proposeRegisterEntry(.person(customer), facts: "Raised voice and made threats at reception on \(date)",
                                           communication: "Two officers at any visit; phone first", restrictions: nil), officer)
                date = Swift.min(reference, date.adding(days: random.below(5)))
                step(.approveRegisterEntry(RegisterEntryID(number: entries), date: date, notToldReason: nil), decider)
            }
            return steps
        }
    }
}

extension String {
    var replacingHyphens: String { String(map { $0 == "-" ? " " : $0 }) }
}

/// A generator for a test's random inputs: seeded from `CASEBOOK_SEED` or else a fixed seed, and
/// the seed printed with the test's name, so that a failure can be run again exactly.
public func seededGenerator(_ test: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> SyntheticRegister.Random {
    let seed = environment["CASEBOOK_SEED"].flatMap { UInt64($0) } ?? 20_261_201
    print("\(test): random seed \(seed) (repeat with CASEBOOK_SEED=\(seed))")
    return SyntheticRegister.Random(state: seed)
}
