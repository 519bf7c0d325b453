import CasebookCore
import Foundation

/// A snapshot of the register after journal record `sequence`, for fast opening: an
/// `AnchoredFile` whose body is the register in `BinaryCoding`'s compact form (a JSON body took
/// ten times longer to read).
struct Snapshot {
    typealias Header = AnchoredFile.Header

    // 2: register entries record disclosures. 3: the register in binary, not JSON. 4: dates and
    // ids in binary as numbers. 5: field names written once, then by number. 6: customers and
    // cases in pieces, read on several cores at once. 7: checked with XXH64, not SHA-256.
    static let format = 7
    /// How many pieces the customers and the cases are written in.
    static let customerPieces = 2, casePieces = 4
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

    static func encode(_ register: Register, sequence: Int, offset: Int, hash: String) throws -> [UInt8] {
        try AnchoredFile.encode(format: format, sequence: sequence, offset: offset, hash: hash, body: encodeBody(register))
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
        guard let pieces = try? decodePieces(bytes, at: body) else { return .failure(.init("unreadable register")) }
        bytes = []
        return .success((header, Register(parts: pieces.parts, customers: pieces.customers, cases: pieces.cases)))
    }

    /// The body: the number of pieces, then each piece's length and bytes: the register's other
    /// parts, the customers' pieces, the cases' pieces (each in id order, encoded on its own).
    static func encodeBody(_ register: Register) throws -> [UInt8] {
        let customers = register.customers.values.sorted { $0.id < $1.id }
        let cases = register.cases.values.sorted { $0.id < $1.id }
        var pieces = [try BinaryCoding.encode(register.parts)]
        for piece in split(customers, into: customerPieces) { pieces.append(try BinaryCoding.encode(Array(piece))) }
        for piece in split(cases, into: casePieces) { pieces.append(try BinaryCoding.encode(Array(piece))) }
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

    static func decodeBody(_ bytes: [UInt8], at start: Int) throws -> Register {
        let pieces = try decodePieces(bytes, at: start)
        return Register(parts: pieces.parts, customers: pieces.customers, cases: pieces.cases)
    }

    static func decodePieces(_ bytes: [UInt8], at start: Int) throws -> (parts: Register.Parts, customers: [Customer], cases: [Case]) {
        let source = Source(bytes: bytes, position: start)
        let count = try source.uint32()
        guard count == 1 + customerPieces + casePieces else { throw BinaryCoding.Failure(description: "\(count) pieces") }
        var ranges: [Range<Int>] = []
        for _ in 0..<count {
            let length = try source.uint32()
            guard source.position + length <= bytes.count else { throw BinaryCoding.Failure(description: "a piece runs past the end") }
            ranges.append(source.position..<(source.position + length))
            source.position += length
        }
        guard source.position == bytes.count else { throw BinaryCoding.Failure(description: "bytes after the last piece") }
        // Each piece is read on its own, on as many cores as there are.
        let results = PieceResults(count: ranges.count)
        let pieces = ranges
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let range = pieces[index]
            do {
                let value: any Sendable = switch index {
                case 0: try BinaryCoding.decode(Register.Parts.self, from: bytes, at: range.lowerBound, end: range.upperBound)
                case 1...customerPieces: try BinaryCoding.decode([Customer].self, from: bytes, at: range.lowerBound, end: range.upperBound)
                default: try BinaryCoding.decode([Case].self, from: bytes, at: range.lowerBound, end: range.upperBound)
                }
                results.set(index, .success(value))
            } catch {
                results.set(index, .failure(BinaryCoding.Failure(description: "\(error)")))
            }
        }
        let values = try results.values()
        guard let parts = values[0] as? Register.Parts else { throw BinaryCoding.Failure(description: "no parts") }
        let customers = values[1...customerPieces].flatMap { ($0 as? [Customer]) ?? [] }
        let cases = values[(customerPieces + 1)...].flatMap { ($0 as? [Case]) ?? [] }
        return (parts, customers, cases)
    }

    typealias SnapshotProblem = AnchoredFile.Problem
}

/// What the pieces of a snapshot read to, each set once by the thread that read it.
final class PieceResults: @unchecked Sendable {
    private var results: [Result<any Sendable, BinaryCoding.Failure>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<any Sendable, BinaryCoding.Failure>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func values() throws -> [any Sendable] {
        lock.lock()
        defer { lock.unlock() }
        return try results.map { result in
            guard let result else { throw BinaryCoding.Failure(description: "a piece was not read") }
            return try result.get()
        }
    }
}
