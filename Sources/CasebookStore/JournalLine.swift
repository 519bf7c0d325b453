import CasebookCore
import Crypto
import Foundation

/// What a journal line records: a domain event, or an event of the store itself.
public enum JournalEntry: Equatable, Sendable {
    case domain(Event)
    case store(StoreEvent)

    public var type: String {
        switch self {
        case .domain(let event): event.type
        case .store(let event): event.type
        }
    }
}

/// Events the store records about itself, so that its own repairs are on the record too.
public enum StoreEvent: Equatable, Sendable {
    /// A torn or corrupt last line was copied to quarantine and truncated off.
    case tailQuarantined(TailQuarantined)
    /// A person's personal data was erased from the store (docs/erasure.md).
    case erasure(ErasureRecord)
    /// The store's settings as they are from this record on (identity, closure days, the
    /// council's details, retention): settings.json is only a cache of the last of these.
    indirect case settings(StoreSettings)

    public var type: String {
        switch self {
        case .tailQuarantined: "store.tail-quarantined"
        case .erasure: "store.erasure"
        case .settings: "store.settings"
        }
    }
}

public struct TailQuarantined: Equatable, Sendable, Codable {
    /// The file in `quarantine/` holding the bytes set aside.
    public var file: String
    public var offset: Int
    public var bytes: Int
    public var reason: String
}

/// The record an erasure leaves: who, when, why, how much was redacted, and the chain's head
/// before the rewrite (to recognise backups that still hold the data). No personal data.
public struct ErasureRecord: Equatable, Sendable, Codable {
    public var customer: CustomerID
    public var reason: String
    public var recordsRedacted: Int
    public var previousHead: String
    public var on: Day
}

/// One line of the journal: format version, sequence number, recorded time (UTC), actor, event
/// type, payload, the previous line's hash and its own SHA-256, in that fixed order.
///
/// The hash covers the line's bytes up to and excluding `,"hash":`, closed with `}`; since the
/// hash is always last and of fixed length, a line is verified without being parsed.
public struct JournalLine: Equatable, Sendable {
    public static let formatVersion = 1
    public static let genesisHash = String(repeating: "0", count: 64)
    /// `,"hash":"` + 64 hex digits + `"}`.
    static let hashSuffixLength = 9 + 64 + 2

    public let sequence: Int
    /// When the line was recorded (UTC), as the journal writes it.
    public var recorded: String { time.text }
    let time: RecordedTime
    public let actor: Login
    public var entry: JournalEntry { held! }
    /// The entry, until a replay moves it on to the register (`takeEntry`).
    /// Spelt out as `Optional`, which (unlike `JournalEntry?`) is not first set to nil by every
    /// initialiser: set to nil and then to the entry, the line was built, copied (every text in
    /// it retained) and the first built released again, for each line a replay reads.
    private var held: Optional<JournalEntry>
    /// The hash of the record this one follows; nil when its `prev` is not a SHA-256 written as
    /// the journal writes one (then it follows no record).
    public let previous: RecordHash?
    /// The line's own SHA-256, checked against its bytes when it was read or written.
    public let digest: RecordHash

    public init(sequence: Int, recorded: String, actor: Login, entry: JournalEntry, previous: RecordHash?, digest: RecordHash) {
        self.init(sequence: sequence, time: RecordedTime(recorded), actor: actor, entry: entry, previous: previous, digest: digest)
    }

    init(sequence: Int, time: RecordedTime, actor: Login, entry: JournalEntry, previous: RecordHash?, digest: RecordHash) {
        (self.sequence, self.time, self.actor, self.held, self.previous, self.digest) = (sequence, time, actor, entry, previous, digest)
    }

    /// Moves the entry out of the line, which is then used up: a replay hands each line's event on to
    /// the register, where a copy would retain every text in it, and the line's end release them all again.
    mutating func takeEntry() -> JournalEntry { held.take()! }

    public var previousHash: String { previous?.hex ?? "" }
    public var hash: String { digest.hex }

    /// Encodes a new line; returns it with its bytes (ending in a newline).
    public static func encode(sequence: Int, recorded: String, actor: Login, entry: JournalEntry,
                              previousHash: String) throws -> (line: JournalLine, bytes: [UInt8]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload: Data
        switch entry {
        case .domain(let event): payload = try encoder.encode(AnyPayload(event.payload))
        case .store(.tailQuarantined(let value)): payload = try encoder.encode(value)
        case .store(.erasure(let value)): payload = try encoder.encode(value)
        case .store(.settings(let value)): payload = try encoder.encode(value)
        }
        let actorJSON = try encoder.encode(actor)
        var text = "{\"v\":\(formatVersion),\"seq\":\(sequence),\"at\":\"\(recorded)\",\"actor\":"
        text += String(decoding: actorJSON, as: UTF8.self)
        text += ",\"type\":\"\(entry.type)\",\"payload\":" + String(decoding: payload, as: UTF8.self)
        text += ",\"prev\":\"\(previousHash)\""
        // Canonical: Unicode NFC, so that the same text always hashes the same.
        let typed = Array(text.utf8)
        text = text.precomposedStringWithCanonicalMapping
        var bytes = Array(text.utf8)
        let digest = RecordHash(SHA256.hash(data: bytes + [UInt8(ascii: "}")]))
        bytes += Array(",\"hash\":\"\(digest.hex)\"}\n".utf8)
        // Text typed in another normal form is recorded in NFC: what is applied is what was recorded
        // (Swift compares such strings as equal, but their bytes, and what is derived from them, differ).
        if typed != Array(bytes.prefix(typed.count)) || bytes.count - typed.count != hashSuffixLength + 1 {
            return (try decodeFully(bytes.dropLast()), bytes)
        }
        return (JournalLine(sequence: sequence, recorded: recorded, actor: actor, entry: entry,
                            previous: RecordHash(previousHash), digest: digest), bytes)
    }

    /// Why a line could not be accepted.
    public enum Damage: Error, Equatable, Sendable, CustomStringConvertible {
        case incomplete
        case badHash
        case unreadable(String)

        public var description: String {
            switch self {
            case .incomplete: "the line is incomplete (no end of line)"
            case .badHash: "its checksum does not match its content"
            case .unreadable(let why): "it cannot be read: \(why)"
            }
        }
    }

    static let hashMarker = Array(",\"hash\":\"".utf8)

    /// Verifies and decodes one line (without its newline): by the lean reader when it can, else
    /// by the full decoder.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws(Damage) -> JournalLine {
        let count = bytes.count
        guard count > hashSuffixLength + 2 else { throw .unreadable("too short") }
        let suffixStart = bytes.startIndex + count - hashSuffixLength
        let marker = hashMarker
        guard bytes.withUnsafeBytes({ memcmp($0.baseAddress! + (count - hashSuffixLength), marker, marker.count) == 0 }),
              bytes[bytes.endIndex - 2] == UInt8(ascii: "\""), bytes[bytes.endIndex - 1] == UInt8(ascii: "}") else {
            throw .unreadable("no hash at the end")
        }
        guard let written = bytes[(suffixStart + marker.count)..<(bytes.endIndex - 2)].withUnsafeBytes({ RecordHash(hex: $0) }),
              digest(of: bytes[bytes.startIndex..<suffixStart]) == written else { throw .badHash }
        if let line = bytes.withUnsafeBytes({ leanDecode($0, digest: written) }) { return line }
        return try decodeFully(bytes)
    }

    /// The full decoder: Foundation's JSONDecoder and the records' Codable conformances.
    static func decodeFully(_ bytes: ArraySlice<UInt8>) throws(Damage) -> JournalLine {
        do {
            let raw = try JSONDecoder().decode(RawLine.self, from: Data(bytes))
            guard raw.v == formatVersion else { throw Damage.unreadable("format version \(raw.v) is not \(formatVersion)") }
            guard let digest = RecordHash(raw.hash) else { throw Damage.badHash }
            return JournalLine(sequence: raw.seq, recorded: raw.at, actor: raw.actor, entry: raw.entry,
                               previous: RecordHash(raw.prev), digest: digest)
        } catch let damage as Damage {
            throw damage
        } catch {
            throw .unreadable(Self.describe(error))
        }
    }

    /// The SHA-256 of `content` closed with `}`, worked out without copying the line: the line
    /// where it lies, then its `}`.
    static func digest(of content: ArraySlice<UInt8>) -> RecordHash {
        content.withUnsafeBytes { RecordHash.sha256(of: $0, closedWith: UInt8(ascii: "}")) }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.keyNotFound(let key, _): "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context): "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let context): "missing value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }

    public static func sha256Hex(_ bytes: some DataProtocol) -> String { RecordHash(SHA256.hash(data: bytes)).hex }
}

private struct RawLine: Decodable {
    let v: Int
    let seq: Int
    let at: String
    let actor: String
    let prev: String
    let hash: String
    let entry: JournalEntry

    enum CodingKeys: String, CodingKey { case v, seq, at, actor, type, payload, prev, hash }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        v = try container.decode(Int.self, forKey: .v)
        seq = try container.decode(Int.self, forKey: .seq)
        at = try container.decode(String.self, forKey: .at)
        actor = try container.decode(String.self, forKey: .actor)
        prev = try container.decode(String.self, forKey: .prev)
        hash = try container.decode(String.self, forKey: .hash)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "store.tail-quarantined":
            entry = .store(.tailQuarantined(try container.decode(TailQuarantined.self, forKey: .payload)))
        case "store.erasure":
            entry = .store(.erasure(try container.decode(ErasureRecord.self, forKey: .payload)))
        case "store.settings":
            entry = .store(.settings(try container.decode(StoreSettings.self, forKey: .payload)))
        default:
            entry = .domain(try Event(from: decoder))
        }
    }
}

private struct AnyPayload: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
