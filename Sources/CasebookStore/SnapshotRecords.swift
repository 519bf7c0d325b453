import CasebookCore
import Foundation
import Synchronization

/// A snapshot's body opened for reading records alone through its index (`SnapshotIndex`): the
/// register's other parts read whole, and customers and cases one at a time, each from where the
/// index says it begins, rather than the hundred thousand of each before it. Each piece is
/// checked against the SHA-256 its header vouches for before anything is read from it. Its
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
    private let indexRead: (sections: SnapshotIndex.Sections, end: Int)
    /// The pieces checked so far.
    private var vouched: Set<Int> = []

    /// Only for use while `bytes` stays valid. `digests`: each piece's SHA-256, from the header;
    /// `sections`: how much of the index is read (`SnapshotIndex.Sections`).
    init(_ bytes: UnsafeRawBufferPointer, body: Int, digests: [String], index sections: SnapshotIndex.Sections = .places) throws(Failure) {
        let ranges = try Snapshot.pieceRanges(bytes, at: body)
        guard digests.count == ranges.count else { throw Failure(description: "\(digests.count) SHA-256 digests for \(ranges.count) pieces") }
        for piece in [0, ranges.count - 1] where !Snapshot.pieceIsVouched(bytes, ranges[piece], index: piece, digests: digests) {
            throw Failure(description: "piece \(piece)'s SHA-256 is not the one its header vouches for")
        }
        var indexReader = Self.reader(bytes, ranges[ranges.count - 1])
        let index = try SnapshotIndex.read(from: &indexReader, sections)
        guard indexReader.isAtEnd || sections < .views, index.symbols.count == ranges.count - 2 else {
            throw Failure(description: "the index does not fill its piece or names \(index.symbols.count) pieces")
        }
        var partsReader = Self.reader(bytes, ranges[0])
        let parts = try Register.Parts.read(from: &partsReader)
        guard partsReader.isAtEnd else { throw Failure(description: "the register's parts do not fill their piece") }
        (self.bytes, self.ranges, self.index, self.parts, self.digests) = (bytes, ranges, index, parts, digests)
        indexRead = (sections, indexReader.position)
    }

    /// The index's last section (`SnapshotIndex.Sections.views`), when it was read as far as the
    /// members' queue lists: what a decision-maker's queue reads, and only theirs.
    mutating func readViews() throws(Failure) {
        guard indexRead.sections == .queues else { return }
        var reader = Self.reader(bytes, ranges[ranges.count - 1], at: indexRead.end)
        try index.readViews(from: &reader)
        guard reader.isAtEnd else { throw Failure(description: "the index does not fill its piece") }
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
        guard let place = SnapshotIndex.place(of: number, in: index.customers) else { return nil }
        let customer = try read(place, Customer.read)
        guard customer.id.number == number else { throw Failure(description: "the index puts another customer at \(place.id)'s place") }
        return customer
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
        try vouch(Set(places.map(\.piece)))
        let shares = places.count < 2_000 ? 1 : 2 * ProcessInfo.processInfo.activeProcessorCount
        let found = Mutex([Result<[Case], Failure>?](repeating: nil, count: shares))
        let records = self  // every piece is vouched for: reading changes nothing
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            var records = records
            let result = Result { () throws(Failure) -> [Case] in
                try places[places.count * share / shares..<places.count * (share + 1) / shares].map { (place) throws(Failure) in
                    try records.case(at: place)
                }
            }
            found.withLock { $0[share] = result }
        }
        var cases: [Case] = []
        cases.reserveCapacity(places.count)
        for result in found.withLock({ $0 }) { cases += try result!.get() }
        return cases
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
        let unchecked = pieces.subtracting(vouched).sorted()
        for piece in unchecked where !(0..<ranges.count).contains(piece) { throw Failure(description: "an index entry names piece \(piece)") }
        let good = Mutex([Bool](repeating: false, count: unchecked.count))
        let records = self
        DispatchQueue.concurrentPerform(iterations: unchecked.count) { index in
            let piece = unchecked[index]
            let sound = Snapshot.pieceIsVouched(records.bytes, records.ranges[piece], index: piece, digests: records.digests)
            good.withLock { $0[index] = sound }
        }
        if let bad = good.withLock({ $0 }).firstIndex(of: false) {
            throw Failure(description: "piece \(unchecked[bad])'s SHA-256 is not the one its header vouches for")
        }
        vouched.formUnion(unchecked)
    }

    private mutating func read<Record>(_ place: Place, _ read: (inout RecordReader) throws(Failure) -> Record) throws(Failure) -> Record {
        guard place.piece > 0, place.piece < Snapshot.firstOutlinePiece else { throw Failure(description: "an index entry names piece \(place.piece)") }
        try vouch([place.piece])
        var reader = Self.reader(bytes, ranges[place.piece], at: place.offset, symbols: index.symbols[place.piece - 1])
        return try read(&reader)
    }
}
