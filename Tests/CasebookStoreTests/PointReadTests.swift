import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

/// A cold `show ID` reads one customer and their cases through the snapshot's index and applies
/// the journal after it (`Store.pointRead`). Wherever it answers, it must answer exactly as the
/// whole register does; wherever it cannot, it must say so (nil) and leave it to the whole register.
@Suite struct PointReadTests {
    /// What a view of `record` reads, the same in the records read alone as in the whole register.
    static func expectSame(_ read: Register, _ full: Register, for record: AnyRecordID, today: Day,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let owner: CustomerID?
        switch record {
        case .customer(let id): owner = id
        case .case(let id): owner = full.cases[id]?.customer
        case .appeal(let id):
            switch full.appeals[id]?.subject {
            case .case(let caseID): owner = full.cases[caseID]?.customer
            case .registerEntry(let entry):
                if case .person(let customer) = full.registerEntries[entry]?.subject { owner = customer } else { owner = nil }
            case nil: owner = nil
            }
        case .conference(let id): owner = full.conferences[id].flatMap { full.cases[$0.caseID]?.customer }
        case .registerEntry: owner = nil
        }
        guard let owner else { Issue.record("\(record) has no customer", sourceLocation: sourceLocation); return }
        #expect(read.customers[owner] == full.customers[owner], "\(record)", sourceLocation: sourceLocation)
        #expect(read.casesByCustomer[owner] == full.casesByCustomer[owner], "\(record)", sourceLocation: sourceLocation)
        for id in full.casesByCustomer[owner] ?? [] {
            #expect(read.cases[id] == full.cases[id], "\(record): \(id)", sourceLocation: sourceLocation)
        }
        #expect(read.staff == full.staff && read.registerEntries == full.registerEntries && read.appeals == full.appeals
                && read.conferences == full.conferences, "\(record): the other parts", sourceLocation: sourceLocation)
        #expect(read.standing(of: owner, on: today) == full.standing(of: owner, on: today), "\(record)", sourceLocation: sourceLocation)
        let calendar = WorkingDayCalendar()
        let subjects = Set((full.casesByCustomer[owner] ?? []).map(\.description))
        #expect(read.queue(on: today, calendar: calendar).filter { subjects.contains($0.subject) }
                == full.queue(on: today, calendar: calendar).filter { subjects.contains($0.subject) }, "\(record): queue rows",
                sourceLocation: sourceLocation)
    }

    static func records(of register: Register) -> [AnyRecordID] {
        register.customers.keys.sorted().map { .customer($0) } + register.cases.keys.sorted().map { .case($0) }
            + register.appeals.keys.sorted().map { .appeal($0) } + register.conferences.keys.sorted().map { .conference($0) }
    }

    @Test func readAloneAnswersAsTheWholeRegisterAfterEveryKindOfEvent() throws {
        let folder = TemporaryFolder()
        let (store, rest, today) = try halfSyntheticStore(folder, cases: 80, seed: 12)
        // No snapshot yet: nothing to read alone.
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 1))) == nil)
        try store.writeSnapshot()
        // Straight after the snapshot, every record reads alone, as the whole register has it.
        for record in Self.records(of: store.register) {
            let read = try #require(Store.pointRead(at: folder.store, record), "\(record)")
            Self.expectSame(read.register, store.register, for: record, today: today)
        }
        // Then the journal after it grows, event by event: each record either reads alone exactly
        // or is left to the whole register.
        var answered = 0, leftToTheRegister = 0, kinds = Set<String>()
        var random = seededGenerator(#function)
        for (number, step) in rest.enumerated() {
            let outcome = try store.execute(step.command, actor: step.actor, today: step.today)
            kinds.formUnion(outcome.events.map(\.type))
            guard number % 5 == 0 else { continue }
            var changes = RecordChanges()
            for event in outcome.events { changes.note(event) }
            let touched = changes.closed(over: store.register)
            var records = touched.cases.map { AnyRecordID.case($0) } + touched.customers.map { .customer($0) }
                + touched.appeals.map { .appeal($0) } + touched.conferences.map { .conference($0) }
            let all = Self.records(of: store.register)
            for _ in 0..<4 { records.append(all.randomElement(using: &random)!) }
            for record in records {
                if let read = Store.pointRead(at: folder.store, record) {
                    answered += 1
                    Self.expectSame(read.register, store.register, for: record, today: today)
                } else {
                    leftToTheRegister += 1
                }
            }
        }
        #expect(kinds.isSuperset(of: ["customer-added", "case-opened", "contact-logged", "classification-proposed", "check-confirmed",
                                      "decision-recorded", "restriction-added", "letter-sent", "register-entry-proposed",
                                      "register-entry-approved"]), "\(kinds.sorted())")
        #expect(!store.register.appeals.isEmpty, "appeals are read too")
        #expect(answered > 100 && leftToTheRegister > 0, "answered \(answered), left \(leftToTheRegister)")
        // Later steps of other kinds on a case read alone: still the same answers.
        let decided = try #require(store.register.cases.values.filter { $0.status != nil && $0.appeals.isEmpty }.map(\.id).min())
        for command in [Command.addNote(decided, text: "Called back."), .assign(decided, to: "oadams", reason: nil),
                        .lodgeAppeal(.case(decided), received: today, grounds: "I disagree.", lateReason: "Accepted")] {
            _ = try? store.execute(command, actor: SyntheticRegister.admin, today: today)
            let read = try #require(Store.pointRead(at: folder.store, .case(decided)))
            Self.expectSame(read.register, store.register, for: .case(decided), today: today)
        }
        // A new case for a customer already read: the whole register answers for them.
        let customer = try #require(store.register.customers.keys.min())
        _ = try store.execute(.openCase(customer: customer, title: "Another matter", serviceAreas: ["waste"]),
                              actor: SyntheticRegister.admin, today: today)
        #expect(Store.pointRead(at: folder.store, .customer(customer)) == nil)
        // Staff changes shape every queue and access: the whole register answers.
        _ = try store.execute(.addStaff(login: "newofficer", name: "New Officer", roles: [.officer], serviceArea: nil,
                                        customerServicesHead: false), actor: SyntheticRegister.admin, today: today)
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 2))) == nil)
        // A fresh snapshot: all read alone again, as the register is.
        try store.writeSnapshot()
        for record in Self.records(of: store.register) {
            let read = try #require(Store.pointRead(at: folder.store, record), "\(record)")
            Self.expectSame(read.register, store.register, for: record, today: today)
        }
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 100_000))) == nil, "no such case: the register says so")
        #expect(Store.pointRead(at: folder.store, .registerEntry(RegisterEntryID(number: 1))) == nil, "a view of an entry is recorded")
    }

    /// The mark vouches for a snapshot's header line, and the header for each piece by its
    /// SHA-256: a piece changed in place (the mark and header untouched) is never read, alone or
    /// on opening.
    @Test func aPieceThatIsNotTheOneItsHeaderVouchesForIsNotRead() throws {
        let folder = TemporaryFolder()
        let (store, today) = try syntheticStore(folder, cases: 40, seed: 5)
        try store.writeSnapshot()
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.store + "/snapshots").first)
        let path = folder.store + "/snapshots/" + name
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        let body = try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 1
        let header = try #require(AnchoredFile.header(bytes, format: Snapshot.format))
        let (piece, range) = try bytes.withUnsafeBytes { all in
            let records = try SnapshotRecords(all, body: body, digests: try #require(header.pieces))
            let piece = try #require(records.place(ofCase: 1)).piece
            return (piece, records.ranges[piece])
        }
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 1))) != nil)
        bytes[range.upperBound - 2] ^= 0x20  // inside CASE-0001's piece, within its last record
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 1))) == nil, "piece \(piece) is not read")
        // A queue that needs nothing from that piece is still read alone, and exactly.
        for login in store.register.staff.keys {
            guard let read = Store.queueRead(at: folder.store, for: login) else { continue }
            #expect(read.register.queue(on: today, for: login, calendar: store.settings.calendar)
                    == store.register.queue(on: today, for: login, calendar: store.settings.calendar), "\(login)")
        }
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register == store.register)
        #expect(reopened.notices.contains { $0.contains(name) && $0.contains("SHA-256") }, "\(reopened.notices)")
    }

    @Test func aSnapshotTheMarkDoesNotVouchForOrADamagedIndexIsNotRead() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder, cases: 20, seed: 3)
        try store.writeSnapshot()
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 1))) != nil)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.store + "/snapshots").first)
        let path = folder.store + "/snapshots/" + name
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 3] ^= 0x40  // inside the index, the last piece
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(Store.pointRead(at: folder.store, .case(CaseID(number: 1))) == nil)
        // The whole register is still there, from the journal.
        #expect(try Store.open(at: folder.store).register.cases.count == 20)
    }
}
