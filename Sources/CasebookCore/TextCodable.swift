/// A value written in the journal as one string (a date, an id, a postcode, a service area), and
/// refused on reading when the string is not a valid one.
public protocol TextCodable: Codable {
    init?(_ text: String)
    /// The string it is written as.
    var text: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a valid \(Self.self): \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
