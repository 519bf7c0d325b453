import CasebookCore

// The whole register (customers and cases, nearly all of a snapshot, and its other parts in
// RecordCoding+Parts.swift) is written and read by hand: through Codable
// each field cost a container and a runtime type lookup, and a register of 100,000 cases took
// seconds to read. Fields go in declaration order: integers as zig-zag varints, days as their
// ordinal, ids as their number, free text as length and UTF-8, short repeated strings (logins,
// the names of enum cases) once and then by number, an optional as a presence byte, a collection
// as its count, a set in order. `RecordCodingTests` fails when a field is added to one of these
// records and not here; then bump `Snapshot.format`.

struct RecordWriter {
    private(set) var bytes: [UInt8] = []
    private var symbols = SymbolNumbers()
    /// The symbols written so far, by number: what a reader starting part-way needs (`Snapshot`'s index).
    var symbolTable: [String] { symbols.symbols }

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func day(_ value: Day) { int(value.ordinal) }
    mutating func id(_ value: some RecordID) { int(value.number) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A short string met again and again: written once, then by its number.
    mutating func symbol(_ value: String) {
        if let number = symbols.number(of: value) { return varint(UInt64(number + 1)) }
        varint(0)
        string(value)
        symbols.add(value)
    }

    mutating func symbol<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String { symbol(value.rawValue) }

    mutating func optional<Value>(_ value: Value?, _ write: (inout RecordWriter, Value) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<Value>(_ values: [Value], _ write: (inout RecordWriter, Value) -> Void) {
        varint(UInt64(values.count))
        // Each value lent where it lies: a for-in loop would copy (and retain) every one.
        for index in values.indices { write(&self, values[index]) }
    }

    mutating func symbols<Value: RawRepresentable>(_ values: [Value]) where Value.RawValue == String {
        array(values) { $0.symbol($1) }
    }
}

struct RecordReader {
    /// Bytes that do not read as a record: the snapshot is passed over and the journal read instead.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private var symbols: [String] = []
    /// The enums read once or more per contact, proposal or view, by symbol number: looked up, not parsed again.
    let channels = SymbolValues<Channel>(), contactKinds = SymbolValues<ContactKind>(), behaviours = SymbolValues<Behaviour>()
    let categories = SymbolValues<Category>()

    final class SymbolValues<Value> {
        var values: [Value?] = []
    }

    /// `symbols`: the symbols of the piece `bytes` belongs to, when reading starts part-way
    /// through it (a record read alone through a snapshot's index). A symbol a record defines
    /// again is then added after them, so no number read later is taken for another.
    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0, symbols: [String] = []) {
        self.bytes = bytes
        self.position = position
        self.symbols = symbols
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func varint() throws(Failure) -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while position < bytes.count {
            let next = bytes[position]
            position += 1
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw Failure(description: "a number too long at byte \(position)") }
        }
        throw Failure(description: "ends early at byte \(position)")
    }

    mutating func int() throws(Failure) -> Int {
        let raw = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// How many of something follow; never more than the bytes left could hold.
    mutating func count() throws(Failure) -> Int {
        let count = try varint()
        guard count <= UInt64(bytes.count - position) else { throw Failure(description: "a count of \(count) at byte \(position)") }
        return Int(count)
    }

    mutating func bool() throws(Failure) -> Bool {
        guard position < bytes.count else { throw Failure(description: "ends early at byte \(position)") }
        defer { position += 1 }
        switch bytes[position] {
        case 0: return false
        case 1: return true
        default: throw Failure(description: "not a yes or no at byte \(position)")
        }
    }

    mutating func day() throws(Failure) -> Day { Day(ordinal: try int()) }
    mutating func id<ID: RecordID>(_: ID.Type = ID.self) throws(Failure) -> ID { ID(number: try int()) }

    mutating func string() throws(Failure) -> String {
        let count = try count()
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
    }

    mutating func symbol() throws(Failure) -> String {
        let number = try varint()
        if number > 0 {
            guard number <= UInt64(symbols.count) else { throw Failure(description: "an unknown name at byte \(position)") }
            return symbols[Int(number - 1)]
        }
        let value = try string()
        symbols.append(value)
        return value
    }

    mutating func symbol<Value: RawRepresentable>(_: Value.Type = Value.self) throws(Failure) -> Value where Value.RawValue == String {
        let name = try symbol()
        guard let value = Value(rawValue: name) else { throw Failure(description: "no \(Value.self) called \(name)") }
        return value
    }

    /// An enum's value, remembered in `known` by its symbol number.
    mutating func symbol<Value: RawRepresentable>(_ known: SymbolValues<Value>) throws(Failure) -> Value where Value.RawValue == String {
        let start = position
        let number = Int(try varint())
        if number > 0, number <= known.values.count, let value = known.values[number - 1] { return value }
        position = start
        let value: Value = try symbol()
        let index = number > 0 ? number - 1 : symbols.count - 1
        if known.values.count <= index { known.values += repeatElement(nil, count: index + 1 - known.values.count) }
        known.values[index] = value
        return value
    }

    mutating func optional<Value>(_ read: (inout RecordReader) throws(Failure) -> Value) throws(Failure) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Value>(_ read: (inout RecordReader) throws(Failure) -> Value) throws(Failure) -> [Value] {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func symbols<Value: RawRepresentable>(_: Value.Type = Value.self) throws(Failure) -> [Value] where Value.RawValue == String {
        try array { reader throws(Failure) in try reader.symbol(Value.self) }
    }

    /// An enum's values, each remembered in `known` by its symbol number.
    mutating func symbols<Value: RawRepresentable>(_ known: SymbolValues<Value>) throws(Failure) -> [Value] where Value.RawValue == String {
        try array { reader throws(Failure) in try reader.symbol(known) }
    }
}

// MARK: - Customers

extension Customer {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        writer.string(name)
        writer.array(addresses) { $0.address($1) }
        writer.optional(email) { $0.string($1) }
        writer.optional(phone) { $0.string($1) }
        writer.optional(adjustments) { $0.string($1) }
        writer.array(corrections) { writer, correction in
            writer.symbol(correction.field)
            writer.optional(correction.was) { $0.string($1) }
            writer.optional(correction.now) { $0.string($1) }
            writer.string(correction.reason)
            writer.day(correction.on)
            writer.symbol(correction.by)
        }
        writer.array(subjectAccess) { writer, answer in
            writer.day(answer.on)
            writer.symbol(answer.by)
            writer.array(answer.withheld) { writer, item in
                writer.string(item.what)
                writer.string(item.exemption)
            }
            writer.int(answer.thirdPartiesRedacted)
        }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Customer {
        Customer(id: try reader.id(), name: try reader.string(),
                 addresses: try reader.array { reader throws(RecordReader.Failure) in try reader.address() },
                 email: try reader.optional { reader throws(RecordReader.Failure) in try reader.string() },
                 phone: try reader.optional { reader throws(RecordReader.Failure) in try reader.string() },
                 adjustments: try reader.optional { reader throws(RecordReader.Failure) in try reader.string() },
                 corrections: try reader.array { reader throws(RecordReader.Failure) in
                     CustomerCorrection(field: try reader.symbol(),
                                        was: try reader.optional { reader throws(RecordReader.Failure) in try reader.string() },
                                        now: try reader.optional { reader throws(RecordReader.Failure) in try reader.string() },
                                        reason: try reader.string(), on: try reader.day(), by: try reader.symbol())
                 },
                 subjectAccess: try reader.array { reader throws(RecordReader.Failure) in
                     SubjectAccessRecord(on: try reader.day(), by: try reader.symbol(),
                                         withheld: try reader.array { reader throws(RecordReader.Failure) in
                                             Withholding(what: try reader.string(), exemption: try reader.string())
                                         },
                                         thirdPartiesRedacted: try reader.int())
                 })
    }
}

// MARK: - Cases

extension Case {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        writer.id(customer)
        writer.string(title)
        writer.array(serviceAreas) { $0.symbol($1.name) }
        writer.symbol(openedBy)
        writer.day(openedOn)
        writer.array(contacts) { $1.write(to: &$0) }
        writer.optional(settled) { writer, settled in
            writer.day(settled.on)
            writer.string(settled.note)
            writer.symbol(settled.recordedBy)
        }
        writer.array(proposals) { $1.write(to: &$0) }
        writer.optional(status) { writer, status in
            writer.symbols(status.categories.sorted())
            writer.int(status.proposalNumber)
            writer.symbol(status.proposedBy)
            writer.symbol(status.decidedBy)
            writer.day(status.decisionDate)
            writer.optional(status.lifted) { $0.day($1) }
        }
        writer.array(restrictions) { $1.write(to: &$0) }
        writer.array(letters) { $0.letter($1) }
        writer.array(notifications) { writer, notification in
            writer.array(notification.recipients) { $0.symbol($1) }
            writer.symbol(notification.by)
            writer.day(notification.on)
        }
        writer.array(conferences) { $0.id($1) }
        writer.array(appeals) { $0.id($1) }
        writer.array(reviewRequests) { writer, request in
            writer.day(request.received)
            writer.symbol(request.recordedBy)
            writer.optional(request.answered) { $0.day($1) }
        }
        writer.array(reviews) { $0.review($1) }
        writer.array(statutoryAnswers) { writer, answer in
            writer.int(answer.contact)
            writer.day(answer.on)
            writer.string(answer.note)
            writer.symbol(answer.by)
        }
        writer.array(notes) { writer, note in
            writer.int(note.number)
            writer.day(note.on)
            writer.symbol(note.by)
            writer.string(note.text)
        }
        writer.array(reminders) { writer, reminder in
            writer.int(reminder.number)
            writer.day(reminder.due)
            writer.symbol(reminder.by)
            writer.string(reminder.text)
            writer.optional(reminder.closed) { $0.symbol($1) }
            writer.optional(reminder.closedOn) { $0.day($1) }
        }
        writer.array(files) { $0.file($1) }
        writer.array(assignments) { writer, assignment in
            writer.symbol(assignment.to)
            writer.symbol(assignment.by)
            writer.day(assignment.on)
            writer.optional(assignment.reason) { $0.string($1) }
        }
        writer.array(contactCorrections) { writer, correction in
            writer.int(correction.contact)
            switch correction.change {
            case .date(let was, let now):
                writer.int(0)
                writer.day(was)
                writer.day(now)
            case .summary(let was, let now):
                writer.int(1)
                writer.string(was)
                writer.string(now)
            case .movedTo(let other, let number):
                writer.int(2)
                writer.id(other)
                writer.int(number)
            case .movedFrom(let other, let number):
                writer.int(3)
                writer.id(other)
                writer.int(number)
            }
            writer.symbol(correction.by)
            writer.day(correction.on)
            writer.string(correction.reason)
        }
        writer.optional(imported) { $0.imported($1) }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Case {
        typealias Failure = RecordReader.Failure
        var value = Case(id: try reader.id(), customer: try reader.id(), title: try reader.string(),
                         serviceAreas: try reader.array { reader throws(Failure) in ServiceArea(written: try reader.symbol()) },
                         openedBy: try reader.symbol(), openedOn: try reader.day())
        value.contacts = try reader.array(Contact.read)
        value.settled = try reader.optional { reader throws(Failure) in
            Settlement(on: try reader.day(), note: try reader.string(), recordedBy: try reader.symbol())
        }
        value.proposals = try reader.array(Proposal.read)
        value.status = try reader.optional { reader throws(Failure) in
            AppliedStatus(categories: Set(try reader.symbols(reader.categories)), proposalNumber: try reader.int(),
                          proposedBy: try reader.symbol(), decidedBy: try reader.symbol(), decisionDate: try reader.day(),
                          lifted: try reader.optional { reader throws(Failure) in try reader.day() })
        }
        value.restrictions = try reader.array(Restriction.read)
        value.letters = try reader.array { reader throws(Failure) in try reader.letter() }
        value.notifications = try reader.array { reader throws(Failure) in
            Notification(recipients: try reader.array { reader throws(Failure) in try reader.symbol() },
                         by: try reader.symbol(), on: try reader.day())
        }
        value.conferences = try reader.array { reader throws(Failure) in try reader.id(ConferenceID.self) }
        value.appeals = try reader.array { reader throws(Failure) in try reader.id(AppealID.self) }
        value.reviewRequests = try reader.array { reader throws(Failure) in
            ReviewRequest(received: try reader.day(), recordedBy: try reader.symbol(),
                          answered: try reader.optional { reader throws(Failure) in try reader.day() })
        }
        value.reviews = try reader.array { reader throws(Failure) in try reader.review() }
        value.statutoryAnswers = try reader.array { reader throws(Failure) in
            StatutoryAnswer(contact: try reader.int(), on: try reader.day(), note: try reader.string(), by: try reader.symbol())
        }
        value.notes = try reader.array { reader throws(Failure) in
            CaseNote(number: try reader.int(), on: try reader.day(), by: try reader.symbol(), text: try reader.string())
        }
        value.reminders = try reader.array { reader throws(Failure) in
            Reminder(number: try reader.int(), due: try reader.day(), by: try reader.symbol(), text: try reader.string(),
                     closed: try reader.optional { reader throws(Failure) in try reader.symbol(Reminder.Outcome.self) },
                     closedOn: try reader.optional { reader throws(Failure) in try reader.day() })
        }
        value.files = try reader.array { reader throws(Failure) in try reader.file() }
        value.assignments = try reader.array { reader throws(Failure) in
            Assignment(to: try reader.symbol(), by: try reader.symbol(), on: try reader.day(),
                       reason: try reader.optional { reader throws(Failure) in try reader.string() })
        }
        value.contactCorrections = try reader.array { reader throws(Failure) in
            let contact = try reader.int()
            let change: ContactCorrection.Change
            switch try reader.int() {
            case 0: change = .date(was: try reader.day(), now: try reader.day())
            case 1: change = .summary(was: try reader.string(), now: try reader.string())
            case 2: change = .movedTo(try reader.id(), number: try reader.int())
            case 3: change = .movedFrom(try reader.id(), number: try reader.int())
            default: throw Failure(description: "an unknown kind of contact correction")
            }
            return ContactCorrection(contact: contact, change: change, by: try reader.symbol(), on: try reader.day(),
                                     reason: try reader.string())
        }
        value.imported = try reader.optional { reader throws(Failure) in try reader.imported() }
        return value
    }
}

extension Contact {
    func write(to writer: inout RecordWriter) {
        writer.int(number)
        writer.day(date)
        writer.symbol(channel)
        writer.symbol(kind)
        writer.symbol(officer)
        writer.string(summary)
        writer.symbols(behaviours)
        writer.bool(significantNewInformation)
        writer.bool(underReadAndFile)
        writer.optional(filedConfirmation) { writer, filed in
            writer.symbol(filed.by)
            writer.day(filed.on)
        }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Contact {
        Contact(number: try reader.int(), date: try reader.day(), channel: try reader.symbol(reader.channels),
                kind: try reader.symbol(reader.contactKinds), officer: try reader.symbol(), summary: try reader.string(),
                behaviours: try reader.array { reader throws(RecordReader.Failure) in try reader.symbol(reader.behaviours) },
                significantNewInformation: try reader.bool(), underReadAndFile: try reader.bool(),
                filedConfirmation: try reader.optional { reader throws(RecordReader.Failure) in
                    FiledConfirmation(by: try reader.symbol(), on: try reader.day())
                })
    }
}

extension Proposal {
    func write(to writer: inout RecordWriter) {
        writer.int(number)
        writer.symbols(categories.sorted())
        writer.symbols(behaviours)
        writer.string(reason)
        writer.symbol(proposedBy)
        writer.day(proposedOn)
        writer.array(checks.sorted { $0.key.rawValue < $1.key.rawValue }) { writer, check in
            writer.symbol(check.key)
            writer.symbol(check.value.item)
            writer.string(check.value.evidence)
            writer.symbol(check.value.confirmedBy)
            writer.day(check.value.confirmedOn)
            writer.optional(check.value.reopenedByContact) { $0.int($1) }
        }
        writer.optional(decision) { writer, decision in
            writer.symbol(decision.outcome)
            writer.symbol(decision.decidedBy)
            writer.symbol(decision.consulted)
            writer.day(decision.date)
            writer.string(decision.reason)
            writer.day(decision.recordedOn)
            writer.optional(decision.adjustmentsConsidered) { $0.string($1) }
        }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Proposal {
        typealias Failure = RecordReader.Failure
        let number = try reader.int(), categories = Set(try reader.symbols(reader.categories))
        let behaviours: [Behaviour] = try reader.symbols(), reason = try reader.string()
        let proposedBy = try reader.symbol(), proposedOn = try reader.day()
        let checkCount = try reader.count()
        var checks: [CheckItem: PreDecisionCheck] = [:]
        checks.reserveCapacity(checkCount)
        for _ in 0..<checkCount {
            let key: CheckItem = try reader.symbol()
            checks[key] = PreDecisionCheck(item: try reader.symbol(), evidence: try reader.string(), confirmedBy: try reader.symbol(),
                                           confirmedOn: try reader.day(),
                                           reopenedByContact: try reader.optional { reader throws(Failure) in try reader.int() })
        }
        let decision = try reader.optional { reader throws(Failure) in
            Decision(outcome: try reader.symbol(), decidedBy: try reader.symbol(), consulted: try reader.symbol(),
                     date: try reader.day(), reason: try reader.string(), recordedOn: try reader.day(),
                     adjustmentsConsidered: try reader.optional { reader throws(Failure) in try reader.string() })
        }
        return Proposal(number: number, categories: categories, behaviours: behaviours, reason: reason, proposedBy: proposedBy,
                        proposedOn: proposedOn, checks: checks, decision: decision)
    }
}

extension Restriction {
    func write(to writer: inout RecordWriter) {
        writer.int(number)
        writer.symbol(type)
        writer.string(details)
        writer.day(from)
        writer.optional(escalationReason) { $0.string($1) }
        writer.optional(statutoryBasis) { $0.string($1) }
        writer.symbol(recordedBy)
        writer.optional(ended) { $0.day($1) }
        writer.optional(endReason) { $0.string($1) }
        writer.optional(reason) { $0.string($1) }
        writer.optional(changedOn) { $0.day($1) }
        writer.optional(endChangedOn) { $0.day($1) }
        writer.optional(endedBy) { $0.symbol($1) }
        writer.optional(adjustmentReason) { $0.string($1) }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Restriction {
        typealias Failure = RecordReader.Failure
        return Restriction(number: try reader.int(), type: try reader.symbol(), details: try reader.string(), from: try reader.day(),
                           escalationReason: try reader.optional { reader throws(Failure) in try reader.string() },
                           statutoryBasis: try reader.optional { reader throws(Failure) in try reader.string() },
                           recordedBy: try reader.symbol(),
                           ended: try reader.optional { reader throws(Failure) in try reader.day() },
                           endReason: try reader.optional { reader throws(Failure) in try reader.string() },
                           reason: try reader.optional { reader throws(Failure) in try reader.string() },
                           changedOn: try reader.optional { reader throws(Failure) in try reader.day() },
                           endChangedOn: try reader.optional { reader throws(Failure) in try reader.day() },
                           endedBy: try reader.optional { reader throws(Failure) in try reader.symbol() },
                           adjustmentReason: try reader.optional { reader throws(Failure) in try reader.string() })
    }
}
