import CasebookCore
import Foundation
import Synchronization

/// A snapshot's body opened for reading records alone through its index (`SnapshotIndex`): the
/// register's other parts read whole, and customers and cases one at a time, each from where the
/// index says it begins, rather than the hundred thousand of each before it. Each piece is
/// checked against the SHA-256 its header vouches for before anything read from it is used. Its
/// threads only read the bytes, which stay mapped and unchanged while it is in use.
struct SnapshotRecords: @unchecked Sendable {
    typealias Failure = RecordReader.Failure
    typealias Place = SnapshotIndex.Place

    let bytes: UnsafeRawBufferPointer
    let ranges: [Range<Int>]
    private(set) var index: SnapshotIndex
    /// Staff, register entries, appeals, conferences and the rest, whole.
    let parts: Register.Parts
    let digests: [String]
    /// How much of the index was read, and where in it the sections not read begin.
    private var indexRead: (sections: SnapshotIndex.Sections, end: Int)
    /// The pieces checked so far.
    private var vouched: Set<Int> = []

    /// Only for use while `bytes` stays valid. `digests`: each piece's SHA-256, from the header;
    /// `sections`: how much of the index is read (`SnapshotIndex.Sections`).
    init(_ bytes: UnsafeRawBufferPointer, body: Int, digests: [String], index sections: SnapshotIndex.Sections = .places) throws(Failure) {
        let ranges = try Snapshot.pieceRanges(bytes, at: body)
        guard digests.count == ranges.count else { throw Failure(description: "\(digests.count) SHA-256 digests for \(ranges.count) pieces") }
        // The index and the register's parts, each checked against its SHA-256 while it is read
        // (reading bytes not yet vouched for is safe: every count and length is checked against
        // the piece's end, and nothing read is used unless both are vouched for).
        let index = Mutex<Result<(SnapshotIndex, end: Int), Failure>?>(nil), parts = Mutex<Result<Register.Parts, Failure>?>(nil)
        let good = Mutex([false, false]), mapped = Mapped(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            let bytes = mapped.bytes
            let (piece, checks) = (job < 2 ? ranges.count - 1 : 0, job % 2 == 0)
            if checks {
                let sound = Snapshot.pieceIsVouched(bytes, ranges[piece], index: piece, digests: digests)
                good.withLock { $0[job / 2] = sound }
            } else if job == 1 {
                let read = Result { () throws(Failure) -> (SnapshotIndex, end: Int) in
                    var reader = Self.reader(bytes, ranges[piece])
                    let index = try SnapshotIndex.read(from: &reader, sections)
                    guard reader.isAtEnd || sections < .views, index.symbols.count == ranges.count - 2 else {
                        throw Failure(description: "the index does not fill its piece or names \(index.symbols.count) pieces")
                    }
                    return (index, reader.position)
                }
                index.withLock { $0 = read }
            } else {
                let read = Result { () throws(Failure) -> Register.Parts in
                    var reader = Self.reader(bytes, ranges[piece])
                    let parts = try Register.Parts.read(from: &reader)
                    guard reader.isAtEnd else { throw Failure(description: "the register's parts do not fill their piece") }
                    return parts
                }
                parts.withLock { $0 = read }
            }
        }
        // Failures named in the order the pieces were once checked and read one after the other.
        for (check, piece) in [(1, 0), (0, ranges.count - 1)] where !good.withLock({ $0[check] }) {
            throw Failure(description: "piece \(piece)'s SHA-256 is not the one its header vouches for")
        }
        let (read, end) = try index.withLock { $0 }!.get()
        let readParts = try parts.withLock { $0 }!.get()
        (self.bytes, self.ranges, self.index, self.parts, self.digests) = (bytes, ranges, read, readParts, digests)
        indexRead = (sections, end)
    }

    private func readViews(into index: inout SnapshotIndex) throws(Failure) {
        var reader = Self.reader(bytes, ranges[ranges.count - 1], at: indexRead.end)
        try index.readViews(from: &reader)
        guard reader.isAtEnd else { throw Failure(description: "the index does not fill its piece") }
    }

    /// The pieces of customers and cases.
    var recordPieces: Set<Int> { Set(1..<min(Snapshot.firstOutlinePiece, ranges.count - 1)) }

    /// The index's last section (`SnapshotIndex.Sections.views`), when it was read as far as the
    /// members' queue lists: what a decision-maker's queue reads, and only theirs. Read on one
    /// core while `pieces` are checked on the other, with what `make` works out from the views on
    /// the core that read them (a decision-maker's queue keys them for the register while the
    /// pieces are hashed).
    mutating func readViews<Made: Sendable>(checking pieces: Set<Int>, then make: @Sendable (SnapshotIndex) -> Made) throws(Failure) -> Made {
        let unchecked = try self.unchecked(pieces)
        let made = Mutex<Result<(SnapshotIndex, Made), Failure>?>(nil)
        let good = Mutex([Bool](repeating: false, count: unchecked.count))
        let records = self
        DispatchQueue.concurrentPerform(iterations: 1 + unchecked.count) { job in
            guard job > 0 else {
                let result = Result { () throws(Failure) -> (SnapshotIndex, Made) in
                    var index = records.index
                    if records.indexRead.sections == .queues { try records.readViews(into: &index) }
                    return (index, make(index))
                }
                return made.withLock { $0 = result }
            }
            let piece = unchecked[job - 1]
            let sound = Snapshot.pieceIsVouched(records.bytes, records.ranges[piece], index: piece, digests: records.digests)
            good.withLock { $0[job - 1] = sound }
        }
        let (index, value) = try made.withLock { $0 }!.get()
        try markVouched(unchecked, good.withLock { $0 })
        self.index = index
        indexRead.sections = .views
        return value
    }

    /// The snapshot's bytes, for the threads that only read them while they stay mapped and unchanged.
    private struct Mapped: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }

    private static func reader(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, at offset: Int = 0,
                               symbols: [String] = []) -> RecordReader {
        RecordReader(UnsafeRawBufferPointer(rebasing: bytes[range]), at: offset, symbols: symbols)
    }

    /// Where the case numbered `number` is, and whose it is; nil when the snapshot has no such case.
    func place(ofCase number: Int) -> Place? { SnapshotIndex.place(of: number, in: index.cases) }

    /// The places of every case of the customers numbered `owners`, in id order.
    func cases(of owners: Set<Int>) -> [Place] {
        owners.isEmpty ? [] : index.cases.filter { owners.contains($0.owner) }
    }

    /// The customer numbered `number`; nil when the snapshot has none.
    mutating func customer(_ number: Int) throws(Failure) -> Customer? {
        guard let place = place(ofCustomer: number) else { return nil }
        return try customer(at: place)
    }

    /// Where the customer numbered `number` is; nil when the snapshot has no such customer.
    func place(ofCustomer number: Int) -> Place? { SnapshotIndex.place(of: number, in: index.customers) }

    /// The customer at `place`, who must be the one the index says is there.
    mutating func customer(at place: Place) throws(Failure) -> Customer {
        let customer = try read(place, Customer.read)
        guard customer.id.number == place.id else { throw Failure(description: "the index puts another customer at \(place.id)'s place") }
        return customer
    }

    /// The customers at `places`, in their order, read as `cases(at:)` reads cases.
    mutating func customers(at places: [Place]) throws(Failure) -> [Customer] {
        try records(at: places) { (records, place) throws(Failure) in try records.customer(at: place) }
    }

    /// The case at `place`, which must be the one the index says is there.
    mutating func `case`(at place: Place) throws(Failure) -> Case {
        let value = try read(place, Case.read)
        guard value.id.number == place.id, value.customer.number == place.owner else {
            throw Failure(description: "the index puts another case at \(place.id)'s place")
        }
        return value
    }

    /// The cases at `places`, in their order, read on several cores at once when there are many;
    /// each piece they are in is checked first, on several cores too.
    mutating func cases(at places: [Place]) throws(Failure) -> [Case] {
        try records(at: places) { (records, place) throws(Failure) in try records.case(at: place) }
    }

    /// What `read` reads at each of `places`, in their order, on several cores at once when there
    /// are many; each piece they are in is checked first, on several cores too.
    private mutating func records<Record: Sendable>(at places: [Place],
                                                    _ read: @Sendable (inout SnapshotRecords, Place) throws(Failure) -> Record) throws(Failure) -> [Record] {
        try vouch(Set(places.map(\.piece)))
        // A case takes tens of microseconds to read: a few hundred are worth a second core.
        let shares = places.count < 200 ? 1 : 2 * ProcessInfo.processInfo.activeProcessorCount
        let found = Mutex([Result<[Record], Failure>?](repeating: nil, count: shares))
        let records = self  // every piece is vouched for: reading changes nothing
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            var records = records
            let result = Result { () throws(Failure) -> [Record] in
                try places[places.count * share / shares..<places.count * (share + 1) / shares].map { (place) throws(Failure) in
                    try read(&records, place)
                }
            }
            found.withLock { $0[share] = result }
        }
        var all: [Record] = []
        all.reserveCapacity(places.count)
        for result in found.withLock({ $0 }) { all += try result!.get() }
        return all
    }

    /// The outlines of the cases in case piece `piece`, in id order: the piece of outlines beside
    /// it, which must name the same cases as the index puts there.
    mutating func outlines(ofCasePiece piece: Int) throws(Failure) -> [CaseOutline] {
        let outlinePiece = piece - (1 + Snapshot.customerPieces) + Snapshot.firstOutlinePiece
        guard piece > Snapshot.customerPieces, piece < Snapshot.firstOutlinePiece, outlinePiece < ranges.count - 1 else {
            throw Failure(description: "no piece of outlines for piece \(piece)")
        }
        try vouch([outlinePiece])
        var reader = Self.reader(bytes, ranges[outlinePiece])
        let outlines = try reader.array(CaseOutline.read)
        guard reader.isAtEnd else { throw Failure(description: "the outlines do not fill piece \(outlinePiece)") }
        let places = index.cases.filter { $0.piece == piece }
        guard outlines.count == places.count,
              zip(outlines, places).allSatisfy({ $0.id.number == $1.id && $0.customer.number == $1.owner }) else {
            throw Failure(description: "piece \(outlinePiece)'s outlines are not of piece \(piece)'s cases")
        }
        return outlines
    }

    /// Checks every piece not yet checked, each on a core of its own.
    mutating func vouchAll() throws(Failure) { try vouch(Set(ranges.indices)) }

    /// Checks every piece of outlines, each on a core of its own.
    mutating func vouchOutlines() throws(Failure) {
        try vouch(Set(Snapshot.firstOutlinePiece..<min(ranges.count - 1, Snapshot.firstOutlinePiece + Snapshot.outlinePieces)))
    }

    /// Checks `pieces` not yet checked, each on a core of its own.
    private mutating func vouch(_ pieces: Set<Int>) throws(Failure) {
        let unchecked = try self.unchecked(pieces)
        let good = Mutex([Bool](repeating: false, count: unchecked.count))
        let records = self
        DispatchQueue.concurrentPerform(iterations: unchecked.count) { index in
            let piece = unchecked[index]
            let sound = Snapshot.pieceIsVouched(records.bytes, records.ranges[piece], index: piece, digests: records.digests)
            good.withLock { $0[index] = sound }
        }
        try markVouched(unchecked, good.withLock { $0 })
    }

    /// Those of `pieces` not yet checked, in order; each must be one of the snapshot's.
    private func unchecked(_ pieces: Set<Int>) throws(Failure) -> [Int] {
        let unchecked = pieces.subtracting(vouched).sorted()
        for piece in unchecked where !(0..<ranges.count).contains(piece) { throw Failure(description: "an index entry names piece \(piece)") }
        return unchecked
    }

    /// `pieces` checked, each `good` or not: the first that is not is named.
    private mutating func markVouched(_ pieces: [Int], _ good: [Bool]) throws(Failure) {
        if let bad = good.firstIndex(of: false) {
            throw Failure(description: "piece \(pieces[bad])'s SHA-256 is not the one its header vouches for")
        }
        vouched.formUnion(pieces)
    }

    private mutating func read<Record>(_ place: Place, _ read: (inout RecordReader) throws(Failure) -> Record) throws(Failure) -> Record {
        guard place.piece > 0, place.piece < Snapshot.firstOutlinePiece else { throw Failure(description: "an index entry names piece \(place.piece)") }
        try vouch([place.piece])
        var reader = Self.reader(bytes, ranges[place.piece], at: place.offset, symbols: index.symbols[place.piece - 1])
        return try read(&reader)
    }
}
