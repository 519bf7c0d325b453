import CasebookCore

/// A snapshot's body opened for reading records alone through its index (`SnapshotIndex`): the
/// register's other parts read whole, and customers and cases one at a time, each from where the
/// index says it begins, rather than the hundred thousand of each before it.
struct SnapshotRecords {
    typealias Failure = RecordReader.Failure
    typealias Place = SnapshotIndex.Place

    let bytes: UnsafeRawBufferPointer
    let ranges: [Range<Int>]
    let index: SnapshotIndex
    /// Staff, register entries, appeals, conferences and the rest, whole.
    let parts: Register.Parts

    /// Only for use while `bytes` stays valid.
    init(_ bytes: UnsafeRawBufferPointer, body: Int) throws(Failure) {
        let ranges = try Snapshot.pieceRanges(bytes, at: body)
        var indexReader = Self.reader(bytes, ranges[ranges.count - 1])
        let index = try SnapshotIndex.read(from: &indexReader)
        guard indexReader.isAtEnd, index.symbols.count == ranges.count - 2 else {
            throw Failure(description: "the index does not fill its piece or names \(index.symbols.count) pieces")
        }
        var partsReader = Self.reader(bytes, ranges[0])
        let parts = try Register.Parts.read(from: &partsReader)
        guard partsReader.isAtEnd else { throw Failure(description: "the register's parts do not fill their piece") }
        (self.bytes, self.ranges, self.index, self.parts) = (bytes, ranges, index, parts)
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
    func customer(_ number: Int) throws(Failure) -> Customer? {
        guard let place = SnapshotIndex.place(of: number, in: index.customers) else { return nil }
        let customer = try read(place, Customer.read)
        guard customer.id.number == number else { throw Failure(description: "the index puts another customer at \(place.id)'s place") }
        return customer
    }

    /// The case at `place`, which must be the one the index says is there.
    func `case`(at place: Place) throws(Failure) -> Case {
        let value = try read(place, Case.read)
        guard value.id.number == place.id, value.customer.number == place.owner else {
            throw Failure(description: "the index puts another case at \(place.id)'s place")
        }
        return value
    }

    private func read<Record>(_ place: Place, _ read: (inout RecordReader) throws(Failure) -> Record) throws(Failure) -> Record {
        guard place.piece > 0, place.piece < ranges.count - 1 else { throw Failure(description: "an index entry names piece \(place.piece)") }
        var reader = Self.reader(bytes, ranges[place.piece], at: place.offset, symbols: index.symbols[place.piece - 1])
        return try read(&reader)
    }
}
