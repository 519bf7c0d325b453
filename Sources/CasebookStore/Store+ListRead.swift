import CasebookCore
import Foundation
import Synchronization

/// Every case's outline, a piece of the snapshot at a time, without the whole register in memory:
/// what a cold `casebook list` reads (`Store.listRead`). A case of a customer the journal after
/// the snapshot touched is outlined from the register that journal left; every other case's
/// outline is the one the snapshot keeps beside its piece of cases, worked out then by the same
/// rule (`Register.outline(of:calendar:)`) on the same calendar.
public final class CaseListing: RecordsReadAlone, @unchecked Sendable {
    /// The store's settings as the journal last recorded them.
    public let settings: StoreSettings
    /// The register's other parts, and the customers (with all their cases) the journal after the
    /// snapshot touched, as it left them.
    public let register: Register
    private let contents: FileContents
    private let records: SnapshotRecords
    /// Each share: a piece of the snapshot's cases (nil when it has none), the customers whose
    /// outlines in it are out of date, and the touched register's cases that fall in its range of ids.
    private let shares: [(piece: Int?, touched: [CaseID])]
    private let touchedCustomers: Set<Int>

    fileprivate init(settings: StoreSettings, register: Register, contents: FileContents, records: SnapshotRecords,
                     shares: [(piece: Int?, touched: [CaseID])], touchedCustomers: Set<Int>) {
        (self.settings, self.register, self.contents, self.records) = (settings, register, contents, records)
        (self.shares, self.touchedCustomers) = (shares, touchedCustomers)
    }

    /// `transform` applied to each share's outlines in id order (on several cores at once, a few
    /// shares at a time), each result handed to `emit` in id order as soon as its turn comes.
    /// Throws when a record does not read (nothing is emitted after it).
    public func forEachShare<Result: Sendable>(_ transform: @Sendable ([CaseOutline]) -> Result, emit: (Result) -> Void) throws {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for batch in stride(from: 0, to: shares.count, by: width) {
            let indices = Array(batch..<min(shares.count, batch + width))
            let results = Mutex([Swift.Result<Result, RecordReader.Failure>?](repeating: nil, count: indices.count))
            DispatchQueue.concurrentPerform(iterations: indices.count) { slot in
                let result = Swift.Result { () throws(RecordReader.Failure) -> Result in transform(try self.share(indices[slot])) }
                results.withLock { $0[slot] = result }
            }
            for result in results.withLock({ $0 }) { emit(try result!.get()) }
        }
    }

    private func share(_ index: Int) throws(RecordReader.Failure) -> [CaseOutline] {
        var records = records  // every piece is vouched for already: reading changes nothing
        let (piece, touched) = shares[index]
        var outlines = try piece.map { piece throws(RecordReader.Failure) in try records.outlines(ofCasePiece: piece) } ?? []
        if !touchedCustomers.isEmpty { outlines.removeAll { touchedCustomers.contains($0.customer.number) } }
        guard !touched.isEmpty else { return outlines }
        for id in touched { if let value = register.cases[id] { outlines.append(register.outline(of: value, calendar: settings.calendar)) } }
        outlines.sort { $0.id < $1.id }
        return outlines
    }
}

extension Store {
    /// Every case's outline for a listing, without the whole register in memory (`CaseListing`):
    /// nil whenever this cannot answer exactly as the whole register would (as `queueRead`), and
    /// the caller opens the store instead. Never changes anything.
    public static func listRead(at path: String, fs: any FileSystem = PosixFileSystem(), protection: ProcessIdentity? = nil) -> CaseListing? {
        guard let snapshot = snapshotAndTail(at: path, fs: fs, protection: protection) else { return nil }
        // The bytes stay mapped while the listing is read: the listing keeps them.
        let contents = snapshot.file.contents
        return contents.withUnsafeBytes { bytes -> CaseListing? in
            do throws(RecordReader.Failure) {
                // The outlines are checked before any is listed (a damaged piece is not half listed);
                // the touched customers and their cases, where they are read.
                var records = try SnapshotRecords(bytes, body: snapshot.file.body, digests: snapshot.digests)
                try records.vouchOutlines()
                guard let touched = customersTouched(by: snapshot.events.map(\.event), records: records) else { return nil }
                // The customers the journal after the snapshot touched, with all their cases, as it left them.
                var customers: [Customer] = []
                for number in touched.sorted() { if let customer = try records.customer(number) { customers.append(customer) } }
                var register = Register(parts: records.parts, customers: customers, cases: try records.cases(at: records.cases(of: touched)))
                for (event, actor) in snapshot.events { register.apply(event, by: actor) }
                // A share for each of the snapshot's case pieces (their cases run in id order, a piece
                // after another); each touched case goes to the share whose ids it falls among (a new
                // one, to the last).
                var shares: [(piece: Int?, touched: [CaseID])] = [], lowest: [Int] = []
                for place in records.index.cases where place.piece != shares.last?.piece {
                    shares.append((place.piece, []))
                    lowest.append(place.id)
                }
                if shares.isEmpty { shares = [(nil, [])] }
                for id in register.cases.keys { shares[lowest.lastIndex { $0 <= id.number } ?? 0].touched.append(id) }
                return CaseListing(settings: snapshot.settings, register: register, contents: contents, records: records,
                                   shares: shares, touchedCustomers: touched)
            } catch {
                return nil
            }
        }
    }
}
