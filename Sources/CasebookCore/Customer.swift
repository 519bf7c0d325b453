/// A member of the public the council deals with.
public struct Customer: Equatable, Sendable, Codable {
    public let id: CustomerID
    public var name: String
    public var addresses: [Address]
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var email: Optional<String>
    public var phone: Optional<String>
    /// Reasonable adjustments the council has agreed (e.g. large print, calls only in the morning).
    public var adjustments: Optional<String>
    /// UK GDPR Art 16: every correction of these details, with the value it replaced.
    public var corrections: [CustomerCorrection]
    /// UK GDPR Art 15: every subject access export made for them.
    public var subjectAccess: [SubjectAccessRecord]

    public init(id: CustomerID, name: String, addresses: [Address] = [], email: String? = nil,
                phone: String? = nil, adjustments: String? = nil, corrections: [CustomerCorrection] = [],
                subjectAccess: [SubjectAccessRecord] = []) {
        self.id = id
        self.name = name
        self.addresses = addresses
        self.email = email
        self.phone = phone
        self.adjustments = adjustments
        self.corrections = corrections
        self.subjectAccess = subjectAccess
    }
}

/// A subject access export made for the customer: when, by whom, what was withheld.
public struct SubjectAccessRecord: Equatable, Sendable, Codable {
    public let on: Day
    public let by: Login
    public let withheld: [Withholding]
    public let thirdPartiesRedacted: Int

    public init(on: Day, by: Login, withheld: [Withholding], thirdPartiesRedacted: Int) {
        self.on = on
        self.by = by
        self.withheld = withheld
        self.thirdPartiesRedacted = thirdPartiesRedacted
    }
}

/// One correction of a customer's details: what the field was and became, by whom, when and why.
public struct CustomerCorrection: Equatable, Sendable, Codable {
    public let field: String
    public let was: String?
    public let now: String?
    public let reason: String
    public let on: Day
    public let by: Login

    public init(field: String, was: String?, now: String?, reason: String, on: Day, by: Login) {
        self.field = field
        self.was = was
        self.now = now
        self.reason = reason
        self.on = on
        self.by = by
    }
}

/// A postal address; the postcode is kept apart so that it can be searched.
public struct Address: Hashable, Sendable, Codable, CustomStringConvertible {
    public var text: String
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var postcode: Optional<Postcode>

    public init(text: String, postcode: Postcode? = nil) {
        self.text = text
        self.postcode = postcode
    }

    public var description: String {
        guard let postcode else { return text }
        return text.isEmpty ? postcode.description : "\(text), \(postcode)"
    }
}

/// A UK postcode in its standard form ("ST4 1HH").
public struct Postcode: Hashable, Sendable, TextCodable, CustomStringConvertible {
    public let value: String

    /// Accepts any spacing and case; nil unless it has the shape of a UK postcode
    /// (outward code A9, A99, AA9, AA99, A9A or AA9A, then 9AA).
    public init?(_ text: String) {
        guard let value = Postcode.isWrittenOut(text) ? text : Postcode.normalised(text) else { return nil }
        self.value = value
    }

    /// The postcode in `text` written out (upper case, one space before the inward code), or nil.
    static func normalised(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        let inward = Array(compact.suffix(3)), outward = Array(compact.dropLast(3))
        guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter else { return nil }
        let shape = String(outward.map { $0.isLetter ? "A" : "9" })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return nil }
        return String(outward) + " " + String(inward)
    }

    public var description: String { value }

    /// Whether `text` is a postcode exactly as `description` writes one (upper case, one space
    /// before the inward code), as a journal holds every postcode: checked byte by byte, with no
    /// new text made. Anything else takes the long way above, which gives the same answer.
    static func isWrittenOut(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            guard (6...8).contains(count), bytes[count - 4] == UInt8(ascii: " ") else { return false }
            func letter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
            func digit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            guard digit(bytes[count - 3]), letter(bytes[count - 2]), letter(bytes[count - 1]) else { return false }
            // The outward code's shape, a bit a character (1 a letter), after a leading 1 for its length.
            var shape = 1
            for byte in bytes[0..<(count - 4)] {
                guard letter(byte) || digit(byte) else { return false }
                shape = shape << 1 | (letter(byte) ? 1 : 0)
            }
            // A9, A99, AA9, AA99, A9A, AA9A
            switch shape {
            case 0b110, 0b1100, 0b1110, 0b11100, 0b1101, 0b11101: return true
            default: return false
            }
        } ?? false
    }

    /// A postcode as `description` wrote it (already in its one spelling).
    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(written value: String) {
        self.value = value
    }
}

extension Postcode {
    public var text: String { value }
}
