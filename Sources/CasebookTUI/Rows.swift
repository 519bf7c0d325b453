import CasebookCore
import Foundation
import Synchronization

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
        /// About a property (an address), not a person.
        public let isProperty: Bool
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
    /// Every queue row, overdue first: the acting user's queue is filtered from it, not recomputed.
    public var queue: [QueueRow] = []

    public init() {}

    public init(register: Register, today: Day, calendar: WorkingDayCalendar) {
        // The people's rows on one core while the queue and the cases' rows are made on the other.
        let made = Mutex<(queueAndCases: Rows, people: [PersonRow])>((Rows(), []))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var rows = Rows()
                rows.setQueue(register.queue(on: today, calendar: calendar), register)
                // In id order, each case looked up once (sorting the cases themselves moved every one about).
                rows.cases = register.cases.keys.sorted().compactMap { id in
                    register.cases[id].map { Self.caseRow($0, register, today, due: rows.nextDue) }
                }
                made.withLock { $0.queueAndCases = rows }
            } else {
                let people = Self.peopleRows(register, today: today)
                made.withLock { $0.people = people }
            }
        }
        self = made.withLock { $0.queueAndCases }
        people = made.withLock { $0.people }
        entries = register.registerEntries.values.sorted { $0.id < $1.id }.map { Self.entryRow($0, register, today) }
        conferences = register.conferences.values.sorted { $0.id < $1.id }.map { Self.conferenceRow($0, register, today) }
    }

    /// Replaces the rows of the records in `changes` (and their queue rows) alone: a change made in
    /// another terminal redraws in milliseconds whatever the size of the register.
    public mutating func update(_ changes: RecordChanges, register: Register, today: Day, calendar: WorkingDayCalendar) {
        guard !changes.everything else {
            self = Rows(register: register, today: today, calendar: calendar)
            return
        }
        guard !changes.isEmpty else { return }
        let subjects = Set(changes.cases.map(\.description) + changes.entries.map(\.description)
            + changes.appeals.map(\.description) + changes.conferences.map(\.description))
        let fresh = register.queueRows(of: changes, on: today, calendar: calendar)
        setQueue((queue.filter { !subjects.contains($0.subject) } + fresh).sorted(by: QueueRow.precedes), register)
        // A case's next due date counts its appeals' and conferences' clocks too.
        let touched = Set(changes.cases).union(changes.appeals.compactMap { register.appeals[$0].flatMap(\.subject.caseID) })
            .union(changes.conferences.compactMap { register.conferences[$0]?.caseID })
        for id in touched.sorted() {
            guard let value = register.cases[id] else { continue }
            replace(&cases, Self.caseRow(value, register, today, due: nextDue), id: \.id, order: { $0.id < $1.id })
        }
        for id in changes.customers {
            guard let customer = register.customers[id] else { continue }
            let live = register.registerEntries.values.contains { $0.state == .live && $0.subject == .person(id) }
            let restricted = (register.casesByCustomer[id] ?? []).contains { register.cases[$0]?.restrictionsInForce(on: today).isEmpty == false }
            let row = Self.personRow(customer, onRegister: live, restricted: restricted)
            if let old = people.firstIndex(where: { $0.id == id }) { people.remove(at: old) }
            let position = people.partitioningIndex { ($0.name, $0.id) > (row.name, row.id) }
            people.insert(row, at: position)
        }
        for id in changes.entries.sorted() {
            guard let entry = register.registerEntries[id] else { continue }
            replace(&entries, Self.entryRow(entry, register, today), id: \.id, order: { $0.id < $1.id })
        }
        for id in changes.conferences.sorted() {
            guard let conference = register.conferences[id] else { continue }
            replace(&conferences, Self.conferenceRow(conference, register, today), id: \.id, order: { $0.id < $1.id })
        }
    }

    /// Replaces a row kept in id order, or inserts it in its place.
    private func replace<Row, ID: Equatable>(_ rows: inout [Row], _ row: Row, id: KeyPath<Row, ID>, order: (Row, Row) -> Bool) {
        let position = rows.partitioningIndex { !order($0, row) }
        if rows.indices.contains(position), rows[position][keyPath: id] == row[keyPath: id] {
            rows[position] = row
        } else {
            rows.insert(row, at: position)
        }
    }

    /// The earliest due date of each record's queue rows; a case's includes every clock running on
    /// it: its appeals' outcomes and its conferences' actions as well as its own.
    private var nextDue: [String: Day] = [:]

    private mutating func setQueue(_ rows: [QueueRow], _ register: Register) {
        queue = rows
        nextDue = [:]
        for row in rows {
            var keys = [row.subject]
            switch AnyRecordID(row.subject) {
            case .appeal(let id): if let owner = register.appeals[id]?.subject.caseID { keys.append(owner.description) }
            case .conference(let id): if let owner = register.conferences[id]?.caseID { keys.append(owner.description) }
            default: break
            }
            for key in keys where nextDue[key].map({ row.due < $0 }) ?? true { nextDue[key] = row.due }
        }
    }

    /// Every person's row, by name then id. The names and ids are sorted, not the customers.
    static func peopleRows(_ register: Register, today: Day) -> [PersonRow] {
        var onRegister: Set<CustomerID> = []
        for entry in register.registerEntries.values where entry.state == .live {
            if case .person(let id) = entry.subject { onRegister.insert(id) }
        }
        let restricted = register.customersUnderRestriction(on: today)
        let order = register.customers.values.map { (name: $0.name, id: $0.id) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        return order.compactMap { key in
            register.customers[key.id].map {
                personRow($0, onRegister: onRegister.contains(key.id), restricted: restricted.contains(key.id))
            }
        }
    }

    static func caseRow(_ value: Case, _ register: Register, _ today: Day, due: [String: Day]) -> CaseRow {
        let customer = register.customers[value.customer]?.name ?? value.customer.description
        let categories = (value.isStatusInForce ? value.status?.categories : value.pendingProposal?.categories) ?? []
        let text = categories.sorted().map(\.rawValue).joined(separator: ",")
        return CaseRow(id: value.id, customer: customer, title: value.title, categories: text, status: value.stage.rawValue,
                       nextDue: due[value.id.description], restricted: !value.restrictionsInForce(on: today).isEmpty,
                       folded: Search.fold("\(value.id) \(customer) \(value.title) \(text) \(value.stage.rawValue)"))
    }

    static func personRow(_ customer: Customer, onRegister: Bool, restricted: Bool) -> PersonRow {
        var flags: [String] = []
        if onRegister { flags.append("[!] REGISTER") }
        if restricted { flags.append("[!] RESTRICTED") }
        let address = customer.addresses.first?.description ?? ""
        var search = "\(customer.name) \(customer.id) \(address)"
        for postcode in customer.addresses.compactMap(\.postcode) { search += " " + postcode.value.replacingOccurrences(of: " ", with: "") }
        return PersonRow(id: customer.id, name: customer.name, address: address, flags: flags.joined(separator: " "),
                         folded: Search.fold(search))
    }

    static func entryRow(_ entry: RegisterEntry, _ register: Register, _ today: Day) -> EntryRow {
        let subject = entry.subjectName(in: register)
        var review = "", overdue = false
        if let next = entry.nextReviewDue {
            overdue = next < today
            review = overdue ? "review OVERDUE since \(next)" : "review due \(next)"
        } else if entry.state == .pending {
            review = "awaiting approval"
        }
        let isProperty = if case .property = entry.subject { true } else { false }
        return EntryRow(id: entry.id, subject: subject, state: entry.state.rawValue, review: review, overdue: overdue, isProperty: isProperty,
                        folded: Search.fold("\(entry.id) \(subject) \(entry.state.rawValue)"))
    }

    static func conferenceRow(_ conference: CaseConference, _ register: Register, _ today: Day) -> ConferenceRow {
        let customer = register.customer(of: conference.caseID)?.name ?? ""
        return ConferenceRow(id: conference.id, caseID: conference.caseID, customer: customer, date: conference.date,
                             openActions: conference.openActions.count,
                             overdueActions: conference.openActions.filter { $0.due < today }.count,
                             folded: Search.fold("\(conference.id) \(conference.caseID) \(customer)"))
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array partitioned by it.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension String {
    /// Every occurrence of `target` replaced (any length; an empty target changes nothing).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = "", rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
