import CasebookCore
import Foundation
import Synchronization

/// A snapshot of the register after journal record `sequence`, for fast opening: an
/// `AnchoredFile` whose body is the register in `RecordCoding`'s compact hand-written form, in
/// pieces read on several cores at once (a JSON body took thirty times longer to read).
struct Snapshot {
    typealias Header = AnchoredFile.Header

    // 2: register entries record disclosures. 3: the register in binary, not JSON. 4: dates and
    // ids in binary as numbers. 5: field names written once, then by number. 6: customers and
    // cases in pieces, read on several cores at once. 7: checked with XXH64, not SHA-256.
    // 8: customers and cases written by hand (`RecordCoding`), not through Codable.
    // 9: the journal's settings in the header; believed only with the high-water mark's SHA-256.
    // 10: letters carry the copy as sent. 11: customers carry their subject access exports.
    // 12: cases carry notes and reminders. 13-14: assignments, corrections, evidence files.
    // 15: cases and entries carry what came in with an import; the register its imports.
    // 16: the register's other parts written by RecordCoding too (one codec; BinaryCoding removed).
    // 17: each customer's cases derived on opening, not kept.
    // 18: an index of where each customer and case is, for reading one record alone (`PointRead`).
    // 19: the index lists each member's cases that may be waiting, for reading their queue alone;
    // the header carries each piece's SHA-256 and the mark vouches for the header line (a piece
    // read alone is checked alone); customers in 4 pieces and cases in 16, not 2 and 4.
    // 20: each case piece followed by a piece of its cases' outlines, for listing them alone.
    // 21: the index keeps each case's decision-makers' view, for reading their queues alone.
    // 22: the index keeps the names of the views' customers, so those queues read no customers.
    static let format = 22
    /// How many pieces the customers and the cases are written in: enough for every core to
    /// read its share on opening, and small enough that a record read alone checks little else.
    /// Each case piece has a piece of its cases' outlines (`CaseOutline`) beside it: what a
    /// listing reads instead of whole cases.
    static let customerPieces = 4, casePieces = 16, outlinePieces = casePieces
    /// How many shares of the cases that may be waiting the members' queues are worked out in,
    /// beside the pieces (written nowhere as shares: the lists are put together in id order).
    static let queueShares = 8
    /// Where the outline pieces begin: after the parts, the customers' and the cases' pieces.
    static let firstOutlinePiece = 1 + customerPieces + casePieces
    static let suffix = ".snapshot"
    /// Names earlier formats used, removed when a new snapshot is written.
    static func isLegacy(_ name: String) -> Bool { name.hasPrefix("snapshot-") && name.hasSuffix(".json") }

    static func fileName(sequence: Int) -> String {
        let digits = String(sequence)
        return "snapshot-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + suffix
    }

    static func sequence(ofFile name: String) -> Int? {
        guard name.hasPrefix("snapshot-"), name.hasSuffix(suffix) else { return nil }
        return Int(name.dropFirst(9).dropLast(suffix.count))
    }

    /// The file: the header, with each piece's SHA-256, then the body. The body's XXH64 covers
    /// none of it (`checked` 0): each piece is checked by its SHA-256 where it is read.
    static func encode(_ register: Register, sequence: Int, offset: Int, hash: String, settings: StoreSettings?) throws -> [UInt8] {
        // Each piece's SHA-256 worked out where it was written, on its core, not one after another here.
        let pieces = try encodePieces(register, calendar: settings?.calendar ?? WorkingDayCalendar())
        return try AnchoredFile.encode(format: format, sequence: sequence, offset: offset, hash: hash, body: assemble(pieces.bytes),
                                       checked: 0, settings: settings, pieces: pieces.digests)
    }

    /// Whether piece `index` of a body, at `range` of `bytes`, is the one the header vouches for.
    static func pieceIsVouched(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, index: Int, digests: [String]) -> Bool {
        index < digests.count && HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: bytes[range])) == digests[index]
    }

    /// Decodes and checks a snapshot file; nil with a reason when it cannot be trusted.
    /// The bytes are taken (`consuming`) so that they can be let go before the register is put
    /// together: opening then needs the file's size less at its peak.
    static func decode(_ bytes: consuming [UInt8]) -> Result<(Header, Register), SnapshotProblem> {
        let header: Header, body: Int
        switch AnchoredFile.open(bytes, format: format) {
        case .success(let opened): (header, body) = opened
        case .failure(let problem): return .failure(problem)
        }
        guard let digests = header.pieces else { return .failure(.init("no SHA-256 for its pieces")) }
        let pieces: (parts: Register.Parts, customers: [Customer], cases: [Case], indexes: [QueueIndexes])
        do { pieces = try decodePieces(bytes, at: body, digests: digests) } catch {
            return .failure(.init((error as? Failure)?.description ?? "unreadable register"))
        }
        bytes = []
        return .success((header, Register(parts: pieces.parts, customers: pieces.customers, cases: pieces.cases, indexes: pieces.indexes)))
    }

    /// What comparing a snapshot with the register it should hold found.
    enum Comparison: Equatable {
        case same
        case different
        case unreadable(String)
    }

    /// Whether the snapshot file `bytes` (its body from `body`) holds `register`. The body is first
    /// compared byte for byte with the one `register` writes (a register always writes the same
    /// bytes) and its pieces with the SHA-256 digests its header vouches for them by; only when
    /// that fails is it read whole and compared record by record, so that a snapshot the same in
    /// content but not in bytes is not called different (as long as its outlines and index, which
    /// cold reads answer from, are the bytes those records give), and one that does not read says why.
    static func compare(_ bytes: [UInt8], body: Int, header: Header, with register: Register) -> Comparison {
        bytes.withUnsafeBytes { compare($0, body: body, header: header, with: register) }
    }

    /// The same over the file's bytes where they lie (mapped, for `verify`): each piece the
    /// register writes is compared with the file's piece in place, never put together into a
    /// second body first.
    static func compare(_ bytes: UnsafeRawBufferPointer, body: Int, header: Header, with register: Register) -> Comparison {
        let encoded = try? encodePieces(register, calendar: header.settings?.calendar ?? WorkingDayCalendar())
        let pieces = encoded?.bytes
        let ranges = try? pieceRanges(bytes, at: body)
        func same(_ index: Int) -> Bool {
            guard let pieces, let ranges, pieces.count == ranges.count else { return false }
            return pieces[index].withUnsafeBytes { $0.holdsTheSameBytes(as: UnsafeRawBufferPointer(rebasing: bytes[ranges[index]])) }
        }
        // The file's pieces are the register's, byte for byte, so the digests the register's
        // pieces were written with are the file's: its header must vouch for them by those.
        if let encoded, let ranges, let digests = header.pieces, ranges.count == encoded.bytes.count, encoded.digests == digests,
           ranges.indices.allSatisfy(same) {
            return .same
        }
        switch decode(Array(bytes)) {
        case .success(let (_, decoded)):
            // The same records in other bytes: what is worked out from them (the outlines a cold
            // `list` reads, the index a cold `queue` reads) must still be what the register gives.
            let derived = (1 + customerPieces + casePieces)..<(2 + customerPieces + casePieces + outlinePieces)
            return decoded == register && derived.allSatisfy(same) ? .same : .different
        case .failure(let problem):
            return .unreadable(problem.reason)
        }
    }

    /// The body: the number of pieces, then each piece's length and bytes: the register's other
    /// parts, the customers' pieces, the cases' pieces (each in id order, encoded on its own), a
    /// piece of outlines for each piece of cases (their due dates on `calendar`), and the index:
    /// each piece's symbols, and where in which piece each customer and case begins.
    static func encodeBody(_ register: Register, calendar: WorkingDayCalendar) throws -> [UInt8] {
        assemble(try encodePieces(register, calendar: calendar).bytes)
    }

    /// The body's pieces, in order, each written on its own, with its SHA-256.
    static func encodePieces(_ register: Register, calendar: WorkingDayCalendar) throws -> (bytes: [[UInt8]], digests: [String]) {
        // The ids are put in order, not the records: sorting the records themselves moved each one
        // many times, on one core, while the others waited. Each piece looks its own records up.
        let customers = split(register.customers.keys.sorted(), into: customerPieces)
        let cases = split(register.cases.keys.sorted(), into: casePieces)
        var parts = RecordWriter(capacity: 1 << 16)
        register.parts.write(to: &parts)
        // Each piece is written on its own, on every core, and the members' queues worked out
        // beside them, a share of the cases that may be waiting at a time; then all are put
        // together in order. The queues' shares go first: worked out as one, last, they had kept
        // one core busy alone after every piece was written.
        struct Written: Sendable {
            var bytes: [UInt8]
            var digest: String
            var symbols: [String]
            var places: [SnapshotIndex.Place]
            var outlines: (bytes: [UInt8], digest: String, symbols: [String])?
        }
        @Sendable func digest(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes(HighWaterMark.sha256) }
        let shares = customerPieces + casePieces
        let written = Mutex([Written?](repeating: nil, count: shares))
        let waiting = split(register.casesMayBeWaiting.sorted(), into: queueShares)
        let queueLists = Mutex([[String: [Int]]](repeating: [:], count: queueShares)), roster = StaffRoster(register.staff)
        DispatchQueue.concurrentPerform(iterations: queueShares + shares) { job in
            guard job >= queueShares else {
                var lists: [String: [Int]] = [:]
                for id in waiting[job] {
                    guard let value = register.cases[id] else { continue }
                    for login in register.queueMembers(of: value, roster: roster) { lists[login, default: []].append(id.number) }
                }
                queueLists.withLock { $0[job] = lists }
                return
            }
            let share = job - queueShares
            let piece = 1 + share
            var places: [SnapshotIndex.Place] = []
            var writer: RecordWriter
            if share < customerPieces {
                writer = RecordWriter()
                writer.varint(UInt64(customers[share].count))
                for id in customers[share] {
                    let customer = register.customers[id]!
                    places.append(.init(id: customer.id.number, owner: 0, piece: piece, offset: writer.bytes.count))
                    customer.write(to: &writer)
                }
            } else {
                let ids = cases[share - customerPieces]
                writer = RecordWriter(capacity: 8 << 20)
                writer.varint(UInt64(ids.count))
                var outlines = RecordWriter(capacity: 1 << 20)
                outlines.varint(UInt64(ids.count))
                for id in ids {
                    let value = register.cases[id]!
                    places.append(.init(id: value.id.number, owner: value.customer.number, piece: piece, offset: writer.bytes.count))
                    value.write(to: &writer)
                    register.outline(of: value, calendar: calendar).write(to: &outlines)
                }
                let done = Written(bytes: writer.bytes, digest: digest(writer.bytes), symbols: writer.symbolTable, places: places,
                                   outlines: (outlines.bytes, digest(outlines.bytes), outlines.symbolTable))
                written.withLock { $0[share] = done }
                return
            }
            let done = Written(bytes: writer.bytes, digest: digest(writer.bytes), symbols: writer.symbolTable, places: places)
            written.withLock { $0[share] = done }
        }
        var pieces = [parts.bytes], digests = [digest(parts.bytes)]
        var index = SnapshotIndex()
        let all = written.withLock { $0 }
        for (share, piece) in all.enumerated() {
            guard let piece else { continue }
            if share < customerPieces { index.customers += piece.places } else { index.cases += piece.places }
            index.symbols.append(piece.symbols)
            pieces.append(piece.bytes)
            digests.append(piece.digest)
        }
        for case let outlines? in all.map({ $0?.outlines }) {
            index.symbols.append(outlines.symbols)
            pieces.append(outlines.bytes)
            digests.append(outlines.digest)
        }
        // Each member's cases in id order: the shares' lists one after another.
        var queues: [String: [Int]] = [:]
        for login in register.staff.keys { queues[login] = [] }
        for lists in queueLists.withLock({ $0 }) {
            for (login, ids) in lists { queues[login, default: []] += ids }
        }
        index.queues = queues
        index.views = register.deciderViews.keys.sorted().map { register.deciderViews[$0]! }
        index.reminding = register.casesWithOpenReminders.map(\.number).sorted()
        index.names = Set(index.views.map(\.customer)).sorted().compactMap { id in
            register.customers[id].map { SnapshotIndex.Name(customer: id.number, name: $0.name) }
        }
        var indexWriter = RecordWriter()
        index.write(to: &indexWriter)
        pieces.append(indexWriter.bytes)
        digests.append(digest(indexWriter.bytes))
        return (pieces, digests)
    }

    /// The pieces put together as the body: their count, then each one's length and bytes.
    static func assemble(_ pieces: [[UInt8]]) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(pieces.reduce(4) { $0 + 4 + $1.count })
        func u32(_ value: Int) { for shift in stride(from: 0, to: 32, by: 8) { body.append(UInt8(truncatingIfNeeded: value >> shift)) } }
        u32(pieces.count)
        for piece in pieces {
            u32(piece.count)
            body += piece
        }
        return body
    }

    static func split<T>(_ items: [T], into count: Int) -> [ArraySlice<T>] {
        let size = (items.count + count - 1) / max(1, count)
        return (0..<count).map { index in items[min(items.count, index * size)..<min(items.count, (index + 1) * size)] }
    }

    /// Where each piece of the body lies in `bytes`: the parts, the customers', the cases' and the
    /// outlines' pieces, then the index.
    static func pieceRanges(_ bytes: UnsafeRawBufferPointer, at start: Int) throws(Failure) -> [Range<Int>] {
        var position = start
        func uint32() throws(Failure) -> Int {
            guard position + 4 <= bytes.count else { throw Failure(description: "ends early at byte \(position)") }
            defer { position += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[position + $1]) << (8 * $1) }
        }
        let count = try uint32()
        guard count == 2 + customerPieces + casePieces + outlinePieces else { throw Failure(description: "\(count) pieces") }
        var ranges: [Range<Int>] = []
        for _ in 0..<count {
            let length = try uint32()
            guard position + length <= bytes.count else { throw Failure(description: "a piece runs past the end") }
            ranges.append(position..<(position + length))
            position += length
        }
        guard position == bytes.count else { throw Failure(description: "bytes after the last piece") }
        return ranges
    }

    /// The register's pieces, each checked against its SHA-256 in `digests` and read on a core of
    /// its own; throws on the first that is not the one vouched for or does not read.
    static func decodePieces(_ bytes: [UInt8], at start: Int, digests: [String]) throws
        -> (parts: Register.Parts, customers: [Customer], cases: [Case], indexes: [QueueIndexes]) {
        // The index (the last piece) serves reading one record alone; opening reads them all.
        let all = try bytes.withUnsafeBytes { all throws(Failure) in try pieceRanges(all, at: start) }
        guard digests.count == all.count else { throw Failure(description: "\(digests.count) SHA-256 digests for \(all.count) pieces") }
        // Not read on opening, the index is checked all the same: a snapshot is believed whole or not at all.
        guard bytes.withUnsafeBytes({ pieceIsVouched($0, all[all.count - 1], index: all.count - 1, digests: digests) }) else {
            throw Failure(description: "the index's SHA-256 is not the one its header vouches for")
        }
        let ranges = Array(all.dropLast())
        // Each piece is read on its own, on as many cores as there are.
        let results = PieceResults(count: ranges.count)
        let pieces = ranges
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let range = pieces[index]
            do {
                guard bytes.withUnsafeBytes({ pieceIsVouched($0, range, index: index, digests: digests) }) else {
                    throw Failure(description: "piece \(index)'s SHA-256 is not the one its header vouches for")
                }
                switch index {
                case 0: results.set(parts: try readRecord(bytes, range, Register.Parts.read))
                case 1...customerPieces: results.set(index, customers: try readRecords(bytes, range, Customer.read))
                case firstOutlinePiece...: break  // for listings alone: checked (above), not read
                default:
                    // What the queues keep of each case is worked out here, on this core, as it is read.
                    var indexes = QueueIndexes()
                    let cases = try readRecords(bytes, range) { (reader: inout RecordReader) throws(Failure) -> Case in
                        let value = try Case.read(from: &reader)
                        indexes.note(value)
                        return value
                    }
                    results.set(index, cases: cases, indexes: indexes)
                }
            } catch {
                results.fail(Failure(description: "\(error)"))
            }
        }
        return try results.take()
    }

    typealias Failure = RecordReader.Failure

    /// The records a piece holds, which must fill it exactly.
    static func readRecords<Record>(_ bytes: [UInt8], _ range: Range<Int>,
                                    _ read: (inout RecordReader) throws(Failure) -> Record) throws -> [Record] {
        try readRecord(bytes, range) { reader throws(Failure) in try reader.array(read) }
    }

    /// The one record a piece holds, which must fill it exactly.
    static func readRecord<Record>(_ bytes: [UInt8], _ range: Range<Int>,
                                   _ read: (inout RecordReader) throws(Failure) -> Record) throws -> Record {
        try bytes.withUnsafeBytes { all in
            var reader = RecordReader(UnsafeRawBufferPointer(rebasing: all[range]))
            let record = try read(&reader)
            guard reader.isAtEnd else { throw Failure(description: "the records end at byte \(reader.position), not \(range.count)") }
            return record
        }
    }

    typealias SnapshotProblem = AnchoredFile.Problem
}

/// What the pieces of a snapshot read to, each set once by the thread that read it, then taken
/// whole: the records are moved on, not copied.
final class PieceResults: @unchecked Sendable {
    private var parts: Register.Parts?
    private var customers: [[Customer]?]
    private var cases: [[Case]?]
    private var indexes: [QueueIndexes?]
    private var failure: RecordReader.Failure?
    private let lock = NSLock()

    init(count: Int) {
        customers = Array(repeating: nil, count: count)
        cases = Array(repeating: nil, count: count)
        indexes = Array(repeating: nil, count: count)
    }

    func set(parts value: Register.Parts) { locked { parts = value } }
    func set(_ index: Int, customers value: [Customer]) { locked { customers[index] = value } }
    func set(_ index: Int, cases value: [Case], indexes: QueueIndexes) {
        locked {
            cases[index] = value
            self.indexes[index] = indexes
        }
    }
    func fail(_ value: RecordReader.Failure) { locked { failure = failure ?? value } }

    private func locked(_ body: () -> Void) {
        lock.lock()
        body()
        lock.unlock()
    }

    func take() throws -> (parts: Register.Parts, customers: [Customer], cases: [Case], indexes: [QueueIndexes]) {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        guard let parts else { throw RecordReader.Failure(description: "a piece was not read") }
        return (parts, Self.moveAll(&customers), Self.moveAll(&cases), indexes.compactMap { $0 })
    }

    /// The pieces' records in one array (in no particular order), each moved out of its piece.
    private static func moveAll<Record>(_ pieces: inout [[Record]?]) -> [Record] {
        var all: [Record] = []
        all.reserveCapacity(pieces.reduce(0) { $0 + ($1?.count ?? 0) })
        for index in pieces.indices {
            guard var piece = pieces[index].take() else { continue }
            while let record = piece.popLast() { all.append(record) }
        }
        return all
    }
}
