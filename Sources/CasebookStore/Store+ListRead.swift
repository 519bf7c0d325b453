import CasebookCore
import Foundation
import Synchronization

/// Every case, a piece of the snapshot at a time, without the whole register in memory: what a
/// cold `casebook list` reads (`Store.listRead`). Each share is a register holding the other
/// parts whole (as the journal after the snapshot left them), that piece's cases and their
/// customers, so that whatever is derived from one case (its queue rows, its summary) is what the
/// whole register derives.
public final class CaseListing: RecordsReadAlone, @unchecked Sendable {
    /// The store's settings as the journal last recorded them.
    public let settings: StoreSettings
    /// The register's other parts, and the customers (with all their cases) the journal after the
    /// snapshot touched, as it left them.
    public let register: Register
    private let contents: FileContents
    private let records: SnapshotRecords
    /// Each share: the snapshot's cases in it (in id order, untouched by the journal after it),
    /// and the touched register's cases that fall in its range of ids.
    private let shares: [(places: [SnapshotIndex.Place], touched: [CaseID])]

    fileprivate init(settings: StoreSettings, register: Register, contents: FileContents, records: SnapshotRecords,
                     shares: [(places: [SnapshotIndex.Place], touched: [CaseID])]) {
        (self.settings, self.register, self.contents, self.records, self.shares) = (settings, register, contents, records, shares)
    }

    /// `transform` applied to each share (on several cores at once, a few shares at a time), each
    /// result handed to `emit` in id order as soon as its turn comes; the ids are the share's
    /// cases in id order. Throws when a record does not read (nothing is emitted after it).
    public func forEachShare<Result: Sendable>(_ transform: @Sendable (Register, [CaseID]) -> Result, emit: (Result) -> Void) throws {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for batch in stride(from: 0, to: shares.count, by: width) {
            let indices = Array(batch..<min(shares.count, batch + width))
            let results = Mutex([Swift.Result<Result, RecordReader.Failure>?](repeating: nil, count: indices.count))
            DispatchQueue.concurrentPerform(iterations: indices.count) { slot in
                let result = Swift.Result { () throws(RecordReader.Failure) -> Result in
                    let (register, ids) = try self.share(indices[slot])
                    return transform(register, ids)
                }
                results.withLock { $0[slot] = result }
            }
            for result in results.withLock({ $0 }) { emit(try result!.get()) }
        }
    }

    private func share(_ index: Int) throws(RecordReader.Failure) -> (Register, [CaseID]) {
        var records = records  // every piece is vouched for already: reading changes nothing
        let (places, touched) = shares[index]
        var cases: [Case] = []
        cases.reserveCapacity(places.count + touched.count)
        for place in places { cases.append(try records.case(at: place)) }
        for id in touched { if let value = register.cases[id] { cases.append(value) } }
        cases.sort { $0.id < $1.id }
        var customers: [Customer] = []
        for owner in Set(cases.map(\.customer)) {
            if let customer = register.customers[owner] {
                customers.append(customer)
            } else if let customer = try records.customer(owner.number) {
                customers.append(customer)
            }
        }
        let ids = cases.map(\.id)
        return (Register(parts: register.parts, customers: customers, cases: cases), ids)
    }
}

extension Store {
    /// Every case for a listing, without the whole register in memory (`CaseListing`): nil
    /// whenever this cannot answer exactly as the whole register would (as `queueRead`), and the
    /// caller opens the store instead. Never changes anything.
    public static func listRead(at path: String, fs: any FileSystem = PosixFileSystem(), protection: ProcessIdentity? = nil) -> CaseListing? {
        guard let snapshot = snapshotAndTail(at: path, fs: fs, protection: protection) else { return nil }
        // The bytes stay mapped while the listing is read: the listing keeps them.
        let contents = snapshot.file.contents
        return contents.withUnsafeBytes { bytes -> CaseListing? in
            do throws(RecordReader.Failure) {
                var records = try SnapshotRecords(bytes, body: snapshot.file.body, digests: snapshot.digests)
                try records.vouchAll()
                guard let touched = customersTouched(by: snapshot.events.map(\.event), records: records) else { return nil }
                // The customers the journal after the snapshot touched, with all their cases, as it left them.
                var customers: [Customer] = []
                for number in touched.sorted() { if let customer = try records.customer(number) { customers.append(customer) } }
                var register = Register(parts: records.parts, customers: customers, cases: try records.cases(at: records.cases(of: touched)))
                for (event, actor) in snapshot.events { register.apply(event, by: actor) }
                // A share for each of the snapshot's case pieces (their cases run in id order, a piece
                // after another), less the touched customers' cases; each of those goes to the share
                // whose ids it falls among (a new one, to the last).
                var shares: [(places: [SnapshotIndex.Place], touched: [CaseID])] = [], lowest: [Int] = [], piece: Int?
                for place in records.index.cases {
                    if place.piece != piece {
                        piece = place.piece
                        shares.append(([], []))
                        lowest.append(place.id)
                    }
                    if !touched.contains(place.owner) { shares[shares.count - 1].places.append(place) }
                }
                if shares.isEmpty { shares = [([], [])] }
                for id in register.cases.keys { shares[lowest.lastIndex { $0 <= id.number } ?? 0].touched.append(id) }
                return CaseListing(settings: snapshot.settings, register: register, contents: contents, records: records, shares: shares)
            } catch {
                return nil
            }
        }
    }
}
