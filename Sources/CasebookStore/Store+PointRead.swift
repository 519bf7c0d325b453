import CasebookCore
#if canImport(Glibc)
import Glibc
#endif

/// The records one answer needs, read alone from the newest snapshot through its index with the
/// journal after it applied (`Store.pointRead`): what a cold `casebook show ID` reads instead of
/// the whole register.
public struct PointRead: RecordsReadAlone {
    /// The store's settings as the journal last recorded them.
    public let settings: StoreSettings
    /// A register holding the register's other parts (staff, entries, appeals, conferences)
    /// whole, and of the customers and cases only those the record needs: the customer it
    /// concerns and all of their cases, each exactly as the whole register holds it.
    public let register: Register
}

/// Records read alone, without the whole register (`PointRead`, `CaseListing`): the settings
/// the journal last recorded, and a register with the other parts and the records the answer needs.
public protocol RecordsReadAlone {
    var settings: StoreSettings { get }
    var register: Register { get }
}

extension Store {
    /// The customers and cases a view of `record` reads: its customer and all of their cases.
    /// nil when the record is not in the snapshot (the whole register then answers, or says why
    /// not) or its view is not only a read (a register entry's view is recorded, 5.3).
    static func customerWanted(for record: AnyRecordID, parts: Register.Parts, index: SnapshotIndex) -> Int? {
        switch record {
        case .customer(let id): return SnapshotIndex.place(of: id.number, in: index.customers).map { _ in id.number }
        case .case(let id): return SnapshotIndex.place(of: id.number, in: index.cases)?.owner
        case .conference(let id):
            return parts.conferences[id].flatMap { customerWanted(for: .case($0.caseID), parts: parts, index: index) }
        case .appeal(let id):
            switch parts.appeals[id]?.subject {
            case .case(let caseID): return customerWanted(for: .case(caseID), parts: parts, index: index)
            case .registerEntry(let entry):
                guard case .person(let customer) = parts.registerEntries[entry]?.subject else { return nil }
                return customerWanted(for: .customer(customer), parts: parts, index: index)
            case nil: return nil
            }
        case .registerEntry: return nil
        }
    }

    /// The records `record`'s view needs, without reading the whole register: nil whenever this
    /// path cannot answer exactly as the whole register would (no snapshot the high-water mark
    /// vouches for, a journal after it that is long, damaged, changes settings or staff, or touches
    /// these records together with others), and the caller opens the store instead. The same
    /// checks as opening: the snapshot's SHA-256 is the one the mark recorded, it follows a record
    /// of this journal, and the journal holds at least what the mark says was saved. Never changes
    /// anything.
    public static func pointRead(at path: String, _ record: AnyRecordID, fs: any FileSystem = PosixFileSystem(),
                                 protection: ProcessIdentity? = nil) -> PointRead? {
        guard let snapshot = snapshotAndTail(at: path, fs: fs, protection: protection),
              var register = snapshot.file.contents.withUnsafeBytes({ bytes in
                  readRegister(for: record, bytes, body: snapshot.file.body, digests: snapshot.digests)
              })
        else { return nil }
        let customers = Set(register.customers.keys), cases = Set(register.cases.keys)
        for (event, actor) in snapshot.events {
            var changes = RecordChanges()
            changes.note(event)
            let touched = changes.closed(over: register)
            guard !touched.everything else { return nil }
            let others = !touched.cases.isSubset(of: cases) || !touched.customers.isSubset(of: customers)
            let these = !touched.cases.isDisjoint(with: cases) || !touched.customers.isDisjoint(with: customers)
            // These records together with others (a contact moved from another customer's case):
            // only the whole register knows what they now hold.
            if others && these { return nil }
            // Otherwise the event is applied as opening would apply it: the other parts stay whole,
            // and what it does to customers and cases not read falls on nothing.
            register.apply(event, by: actor)
        }
        return PointRead(settings: snapshot.settings, register: register)
    }

    /// The register's other parts, the customer `record` concerns and their cases, read through
    /// the snapshot's index; nil when the record is not there or the bytes do not read.
    static func readRegister(for record: AnyRecordID, _ bytes: UnsafeRawBufferPointer, body: Int, digests: [String]) -> Register? {
        do throws(RecordReader.Failure) {
            var records = try SnapshotRecords(bytes, body: body, digests: digests)
            guard let owner = customerWanted(for: record, parts: records.parts, index: records.index),
                  let customer = try records.customer(owner) else { return nil }
            return Register(parts: records.parts, customers: [customer], cases: try records.cases(at: records.cases(of: [owner])))
        } catch {
            return nil
        }
    }

    /// The newest snapshot the high-water mark vouches for, its settings and its pieces' SHA-256,
    /// and the journal after it as the events it records: what every read alone starts from. nil
    /// when any is missing or that journal holds more than casework (settings, a repair: the long way).
    static func snapshotAndTail(at path: String, fs: any FileSystem, protection: ProcessIdentity?) -> SnapshotAndTail? {
        guard let file = vouchedFile(at: path, format: Snapshot.format, fs: fs, protection: protection, name: { mark in
                  mark.derived.keys.filter { $0.hasPrefix("snapshots/") && Snapshot.sequence(ofFile: String($0.dropFirst(10))) != nil }.max()
              }),
              let settings = file.header.settings, let digests = file.header.pieces else { return nil }
        var events: [(event: Event, actor: Login)] = []
        for good in file.tail {
            guard case .domain(let event) = good.line.entry else { return nil }
            events.append((event, good.line.actor))
        }
        return SnapshotAndTail(file: file, settings: settings, digests: digests, events: events)
    }
}

/// What `Store.snapshotAndTail` finds.
struct SnapshotAndTail {
    let file: VouchedFile
    let settings: StoreSettings
    /// Each piece's SHA-256, as the header (which the mark vouches for) gives them.
    let digests: [String]
    let events: [(event: Event, actor: Login)]
}
