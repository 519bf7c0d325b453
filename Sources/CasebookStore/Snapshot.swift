import CasebookCore
import Foundation

/// A snapshot of the register after journal record `sequence`, for fast opening. The file is a
/// JSON header line then the register in `BinaryCoding`'s compact form (a JSON body took ten times
/// longer to read); the header carries the body's SHA-256 and the hash of the journal record it
/// follows, so that both are checked on load.
struct Snapshot {
    struct Header: Codable {
        var format: Int
        var sequence: Int
        /// Journal offset just past record `sequence`.
        var offset: Int
        /// The hash of record `sequence`.
        var hash: String
        /// SHA-256 of the encoded register that follows the header.
        var checksum: String
    }

    // 2: register entries record disclosures. 3: the register in binary, not JSON. 4: dates and
    // ids in binary as numbers. 5: field names written once, then by number.
    static let format = 5
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try BinaryCoding.encode(register)
        let header = Header(format: format, sequence: sequence, offset: offset, hash: hash,
                            checksum: JournalLine.sha256Hex(body))
        return Array(try encoder.encode(header)) + [UInt8(ascii: "\n")] + body
    }

    /// Decodes and checks a snapshot file; nil with a reason when it cannot be trusted.
    static func decode(_ bytes: [UInt8]) -> Result<(Header, Register), SnapshotProblem> {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return .failure(.init("no header")) }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[..<newline])) else {
            return .failure(.init("unreadable header"))
        }
        guard header.format == format else { return .failure(.init("format \(header.format)")) }
        // The body is checked and read where it lies: a copy would double the memory opening takes.
        guard JournalLine.sha256Hex(bytes[(newline + 1)...]) == header.checksum else { return .failure(.init("checksum does not match")) }
        guard let register = try? BinaryCoding.decode(Register.self, from: bytes, at: newline + 1) else {
            return .failure(.init("unreadable register"))
        }
        return .success((header, register))
    }

    struct SnapshotProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
