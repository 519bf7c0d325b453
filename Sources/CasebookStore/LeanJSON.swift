import CasebookCore

/// The journal's lean reader: a JSON line parsed where it lies, for the few record types that are
/// nearly all of a journal (contacts, checks, cases, customers...), so that opening without a
/// snapshot does not decode a million lines through Foundation's JSONDecoder and Codable.
///
/// It is deliberately narrow. Strings are taken only when they hold no escape; numbers only as
/// plain integers; an object only when it has exactly the fields expected. Anything else (a
/// summary with a quotation mark or a new line, an unknown field, a record type it does not know)
/// makes it give up on that line, and the full decoder reads it instead, with the same result
/// and the same errors. `LeanJournalTests` holds the two to the same answers.
enum LeanJSON: Equatable {
    /// The bytes between the quotes (no escapes among them).
    case string(Range<Int>)
    case integer(Int)
    case bool(Bool)
    case null
    indirect case array([LeanJSON])
    indirect case object([Field])

    struct Field: Equatable {
        let key: Range<Int>
        let value: LeanJSON
    }

    /// Parses one JSON value filling `bytes` exactly; nil for anything the lean reader leaves to
    /// the full decoder.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> LeanJSON? {
        var parser = Parser(bytes: bytes)
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.position == bytes.count ? value : nil
    }

    private struct Parser {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> LeanJSON? {
            skipSpace()
            guard position < bytes.count, depth < 16 else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""): return string().map(LeanJSON.string)
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
            default: return nil
            }
        }

        mutating func literal(_ word: StaticString, _ value: LeanJSON) -> LeanJSON? {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return nil }
            for index in 0..<count where bytes[position + index] != word.utf8Start[index] { return nil }
            position += count
            return value
        }

        /// A string's bytes, or nil if it holds an escape or a control character (or never ends).
        mutating func string() -> Range<Int>? {
            position += 1
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return start..<(position - 1)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                position += 1
            }
            return nil
        }

        /// A plain integer: an optional minus, then digits without a leading zero; no fraction or exponent.
        mutating func integer() -> LeanJSON? {
            let negative = bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            let start = position
            var magnitude = 0
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[position] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                magnitude = sum
                position += 1
            }
            let digits = position - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) { return nil }
            return .integer(negative ? -magnitude : magnitude)
        }

        mutating func array(depth: Int) -> LeanJSON? {
            items(closedBy: UInt8(ascii: "]")) { parser in parser.value(depth: depth + 1) }.map(LeanJSON.array)
        }

        mutating func object(depth: Int) -> LeanJSON? {
            items(closedBy: UInt8(ascii: "}")) { parser -> Field? in
                parser.skipSpace()
                guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "\""),
                      let key = parser.string() else { return nil }
                parser.skipSpace()
                guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: ":") else { return nil }
                parser.position += 1
                return parser.value(depth: depth + 1).map { Field(key: key, value: $0) }
            }.map(LeanJSON.object)
        }

        /// An array's values or an object's fields: after the opening bracket, items separated by
        /// commas up to `close`; nil when anything is out of place.
        mutating func items<Item>(closedBy close: UInt8, _ item: (inout Parser) -> Item?) -> [Item]? {
            position += 1
            var items: [Item] = []
            skipSpace()
            if position < bytes.count, bytes[position] == close {
                position += 1
                return items
            }
            while true {
                guard let next = item(&self) else { return nil }
                items.append(next)
                skipSpace()
                guard position < bytes.count else { return nil }
                defer { position += 1 }
                switch bytes[position] {
                case UInt8(ascii: ","): continue
                case close: return items
                default: return nil
                }
            }
        }
    }
}

/// An object's fields read by name, each once; `complete` says whether every field was read
/// (an object with a field the reader did not expect is left to the full decoder).
struct LeanObject {
    let bytes: UnsafeRawBufferPointer
    private let fields: [LeanJSON.Field]
    private var read = 0

    init?(_ value: LeanJSON?, in bytes: UnsafeRawBufferPointer) {
        guard case .object(let fields)? = value else { return nil }
        self.bytes = bytes
        self.fields = fields
    }

    var complete: Bool { read == fields.count }
    var count: Int { fields.count }

    /// The value of field `name`; nil when absent (a field given twice is refused).
    mutating func value(_ name: StaticString) -> LeanJSON? {
        var found: LeanJSON?
        for field in fields where matches(field.key, name) {
            guard found == nil else { return nil }
            found = field.value
        }
        if found != nil { read += 1 }
        return found
    }

    private func matches(_ key: Range<Int>, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        for index in 0..<key.count where bytes[key.lowerBound + index] != name.utf8Start[index] { return false }
        return true
    }

    func text(_ value: LeanJSON?) -> String? {
        guard case .string(let range)? = value else { return nil }
        let text = UnsafeRawBufferPointer(rebasing: bytes[range])
        // ASCII needs no validating; anything else must be well-formed UTF-8, as JSONDecoder insists.
        if !text.contains(where: { $0 >= 0x80 }) { return String(decoding: text, as: UTF8.self) }
        return String(validating: text, as: UTF8.self)
    }

    private func raw(_ value: LeanJSON?) -> UnsafeRawBufferPointer? {
        guard case .string(let range)? = value else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[range])
    }

    mutating func id<ID: RecordID>(_ name: StaticString, _: ID.Type = ID.self) -> ID? { raw(value(name)).flatMap { ID(utf8: $0) } }

    mutating func day(_ name: StaticString) -> Day? { raw(value(name)).flatMap { Day(utf8: $0) } }

    mutating func string(_ name: StaticString) -> String? { text(value(name)) }

    /// An optional string: nil inside when the field is absent or null; nil outside when it is
    /// something else.
    mutating func optionalString(_ name: StaticString) -> String?? {
        switch value(name) {
        case nil, .null?: .some(nil)
        case let other: text(other).map { .some($0) }
        }
    }

    mutating func integer(_ name: StaticString) -> Int? {
        guard case .integer(let value)? = value(name) else { return nil }
        return value
    }

    mutating func bool(_ name: StaticString) -> Bool? {
        guard case .bool(let value)? = value(name) else { return nil }
        return value
    }

    /// A value written as text: an id, a date, an enum case, a service area.
    mutating func parsed<Value>(_ name: StaticString, _ parse: (String) -> Value?) -> Value? {
        string(name).flatMap(parse)
    }

    mutating func list<Value>(_ name: StaticString, _ parse: (String) -> Value?) -> [Value]? {
        guard case .array(let items)? = value(name) else { return nil }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard let value = text(item).flatMap(parse) else { return nil }
            values.append(value)
        }
        return values
    }
}
