import CasebookCore

/// The rows each screen lists, derived from the register once per change (not per keystroke),
/// each with its folded search text so that filtering as you type is a cheap scan.
public struct Rows: Sendable {
    public struct CaseRow: Sendable, Equatable {
        public let id: CaseID
        public let customer: String
        public let title: String
        public let categories: String
        public let status: String
        public let nextDue: Day?
        public let restricted: Bool
        let folded: String
    }

    public struct PersonRow: Sendable, Equatable {
        public let id: CustomerID
        public let name: String
        public let address: String
        public let flags: String
        let folded: String
    }

    public struct EntryRow: Sendable, Equatable {
        public let id: RegisterEntryID
        public let subject: String
        public let state: String
        public let review: String
        public let overdue: Bool
        let folded: String
    }

    public struct ConferenceRow: Sendable, Equatable {
        public let id: ConferenceID
        public let caseID: CaseID
        public let customer: String
        public let date: Day
        public let openActions: Int
        public let overdueActions: Int
        let folded: String
    }

    public var cases: [CaseRow] = []
    public var people: [PersonRow] = []
    public var entries: [EntryRow] = []
    public var conferences: [ConferenceRow] = []
    /// Every queue row (for anyone), by subject: a case's next deadlines without recomputing the queue.
    public var deadlines: [String: [QueueRow]] = [:]
    /// Every queue row, overdue first: the acting user's queue is filtered from it, not recomputed.
    public var queue: [QueueRow] = []

    public init() {}

    public init(register: Register, today: Day, calendar: WorkingDayCalendar) {
        var due: [String: Day] = [:]
        queue = register.queue(on: today, calendar: calendar)
        for row in queue {
            deadlines[row.subject, default: []].append(row)
            if due[row.subject].map({ row.due < $0 }) ?? true { due[row.subject] = row.due }
        }
        cases = register.cases.values.sorted { $0.id < $1.id }.map { value in
            let customer = register.customers[value.customer]?.name ?? value.customer.description
            let categories = (value.isStatusInForce ? value.status?.categories : value.pendingProposal?.categories) ?? []
            let text = categories.sorted().map(\.rawValue).joined(separator: ",")
            return CaseRow(id: value.id, customer: customer, title: value.title, categories: text, status: value.stage.rawValue,
                           nextDue: due[value.id.description], restricted: !value.restrictionsInForce(on: today).isEmpty,
                           folded: Search.fold("\(value.id) \(customer) \(value.title) \(text) \(value.stage.rawValue)"))
        }
        // One pass over entries and cases, not one per person.
        var onRegister: Set<CustomerID> = [], restricted: Set<CustomerID> = []
        for entry in register.registerEntries.values where entry.state == .live {
            if case .person(let id) = entry.subject { onRegister.insert(id) }
        }
        for value in register.cases.values where !value.restrictionsInForce(on: today).isEmpty { restricted.insert(value.customer) }
        people = register.customers.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { customer in
            var flags: [String] = []
            if onRegister.contains(customer.id) { flags.append("[!] REGISTER") }
            if restricted.contains(customer.id) { flags.append("[!] RESTRICTED") }
            let address = customer.addresses.first?.description ?? ""
            var search = "\(customer.name) \(customer.id) \(address)"
            for postcode in customer.addresses.compactMap(\.postcode) { search += " " + postcode.value.replacingOccurrences(of: " ", with: "") }
            return PersonRow(id: customer.id, name: customer.name, address: address, flags: flags.joined(separator: " "),
                             folded: Search.fold(search))
        }
        entries = register.registerEntries.values.sorted { $0.id < $1.id }.map { entry in
            let subject = entry.subjectName(in: register)
            var review = "", overdue = false
            if let next = entry.nextReviewDue {
                overdue = next < today
                review = overdue ? "review OVERDUE since \(next)" : "review due \(next)"
            } else if entry.state == .pending {
                review = "awaiting approval"
            }
            return EntryRow(id: entry.id, subject: subject, state: entry.state.rawValue, review: review, overdue: overdue,
                            folded: Search.fold("\(entry.id) \(subject) \(entry.state.rawValue)"))
        }
        conferences = register.conferences.values.sorted { $0.id < $1.id }.map { conference in
            let customer = register.customer(of: conference.caseID)?.name ?? ""
            return ConferenceRow(id: conference.id, caseID: conference.caseID, customer: customer, date: conference.date,
                                 openActions: conference.openActions.count,
                                 overdueActions: conference.openActions.filter { $0.due < today }.count,
                                 folded: Search.fold("\(conference.id) \(conference.caseID) \(customer)"))
        }
    }

}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
