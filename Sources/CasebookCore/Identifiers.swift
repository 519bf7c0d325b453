/// Short typed ids: `CUST-0001`, `CASE-0001`, `REG-0001`, `APL-0001`, `CONF-0001`.
public protocol RecordID: Hashable, Comparable, Sendable, TextCodable, CustomStringConvertible {
    static var prefix: String { get }
    var number: Int { get }
    init(number: Int)
}

extension RecordID {
    public var description: String {
        let digits = String(number)
        return Self.prefix + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Parses `PREFIX-NNNN`, case-insensitively; nil for anything else.
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.hasPrefix(Self.prefix + "-") else { return nil }
        let digits = upper.dropFirst(Self.prefix.count + 1)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), let number = Int(digits),
              digits.allSatisfy(\.isNumber), number > 0 else { return nil }
        self.init(number: number)
    }

    /// The same, from UTF-8 bytes where they lie (the journal's lean reader): `PREFIX-` and digits
    /// are read directly, anything else as text. Inlinable, so that the journal's reader, in
    /// another module, calls it made for each kind of id, not through the generic form (which
    /// looked up the id type's metadata at run time, once for each id read).
    @inlinable public init?(utf8 bytes: UnsafeRawBufferPointer) {
        let prefix = Self.prefix.utf8
        let digits = bytes.count - prefix.count - 1
        // The prefix's bytes compared where they lie (a few bytes: no iterator over the text).
        func startsWithPrefix() -> Bool {
            prefix.withContiguousStorageIfAvailable { prefix in zip(prefix, bytes).allSatisfy { $0 == $1 } }
                ?? bytes.starts(with: prefix)
        }
        guard digits >= 1, digits <= 9, startsWithPrefix(), bytes[prefix.count] == UInt8(ascii: "-") else {
            self.init(String(decoding: bytes, as: UTF8.self))
            return
        }
        var number = 0
        for byte in bytes[(prefix.count + 1)...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                self.init(String(decoding: bytes, as: UTF8.self))
                return
            }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard number > 0 else { return nil }
        self.init(number: number)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }

    /// Hashed as its number alone, in one step, as an `Int` key is: the register's dictionaries
    /// and sets of ids are looked up for every record a replay applies and every row a screen
    /// shows, and the field-by-field hashing made for a struct took three calls a lookup.
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }
    public func _rawHashValue(seed: Int) -> Int { number._rawHashValue(seed: seed) }

    public var text: String { description }
}

public struct CustomerID: RecordID { public static let prefix = "CUST"; public let number: Int; public init(number: Int) { self.number = number } }
public struct CaseID: RecordID { public static let prefix = "CASE"; public let number: Int; public init(number: Int) { self.number = number } }
public struct RegisterEntryID: RecordID { public static let prefix = "REG"; public let number: Int; public init(number: Int) { self.number = number } }
public struct AppealID: RecordID { public static let prefix = "APL"; public let number: Int; public init(number: Int) { self.number = number } }
public struct ConferenceID: RecordID { public static let prefix = "CONF"; public let number: Int; public init(number: Int) { self.number = number } }

/// Any id a person may type, resolved to its kind.
public enum AnyRecordID: Hashable, Sendable, CustomStringConvertible {
    case customer(CustomerID), `case`(CaseID), registerEntry(RegisterEntryID), appeal(AppealID), conference(ConferenceID)

    public init?(_ text: String) {
        if let id = CustomerID(text) { self = .customer(id) }
        else if let id = CaseID(text) { self = .case(id) }
        else if let id = RegisterEntryID(text) { self = .registerEntry(id) }
        else if let id = AppealID(text) { self = .appeal(id) }
        else if let id = ConferenceID(text) { self = .conference(id) }
        else { return nil }
    }

    public var description: String {
        switch self {
        case .customer(let id): id.description
        case .case(let id): id.description
        case .registerEntry(let id): id.description
        case .appeal(let id): id.description
        case .conference(let id): id.description
        }
    }
}
