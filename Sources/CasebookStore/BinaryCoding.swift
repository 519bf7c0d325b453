import CasebookCore

/// A compact binary form of any Codable value, for snapshots: fields in declaration order without
/// their names, integers as varints, strings as length and UTF-8. Decoding reads fields in the
/// order encoding wrote them, as synthesised Codable conformances do; an optional carries a
/// presence byte; a container of unknown length (an array, a set, a dictionary) carries a count;
/// a dictionary keyed by strings carries each key and the length of its value.
///
/// The form has no schema: it is only ever read by the same build that could have written it
/// (the snapshot's format number and checksum guard that), and a snapshot that cannot be read is
/// passed over for the journal.
enum BinaryCoding {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = Sink()
        try value.encode(to: BinaryEncoder(sink: sink))
        return sink.bytes
    }

    /// Reads a value written by `encode` that fills `bytes[start..<end]` exactly (to the end by default).
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], at start: Int = 0, end: Int? = nil) throws -> T {
        let end = end ?? bytes.count
        let source = Source(bytes: bytes, position: start)
        let value = try T(from: BinaryDecoder(source: source))
        guard source.position == end else { throw Failure(description: "the value ends at byte \(source.position), not \(end)") }
        return value
    }

    /// Whether a keyed container is a dictionary's (its keys are data, not field names).
    static func isDictionaryKey<Key: CodingKey>(_ type: Key.Type) -> Bool { ObjectIdentifier(type) == dictionaryKey }

    /// The standard library's key type for dictionaries, found once by encoding one.
    static let dictionaryKey: ObjectIdentifier = {
        let probe = KeyTypeProbe()
        try? ["": 0].encode(to: probe)
        return probe.found ?? ObjectIdentifier(Never.self)
    }()
}

/// Notes the key type of the first keyed container asked for.
final class KeyTypeProbe: Encoder {
    var found: ObjectIdentifier?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if found == nil { found = ObjectIdentifier(type) }
        // Not BinaryEncoder's container: that asks for the key type being found here.
        return KeyedEncodingContainer(KeyedWriter<Key>(sink: Sink(), counter: nil))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { BinaryEncoder(sink: Sink()).unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { BinaryEncoder(sink: Sink()).singleValueContainer() }
}

// MARK: - Writing

final class Sink {
    var bytes: [UInt8] = []
    /// Field names already written, by number: a name is written once, then referred to.
    var names: [String: Int] = [:]

    /// A field's name: its number if written before, else 0 and the name.
    func name(_ name: String) {
        if let number = names[name] { return varint(UInt64(number)) }
        varint(0)
        string(name)
        names[name] = names.count + 1
    }

    init() { bytes.reserveCapacity(1 << 20) }

    func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Reserves four bytes for a count or length written later with `patch`.
    func reserve() -> Int {
        bytes.append(contentsOf: [0, 0, 0, 0])
        return bytes.count - 4
    }

    func patch(_ offset: Int, _ value: Int) {
        let value = UInt32(value)
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }
}

/// The count of a container being written, patched in as elements are added.
final class Counter {
    let offset: Int
    var count = 0
    init(offset: Int) { self.offset = offset }
}

struct BinaryEncoder: Encoder {
    let sink: Sink
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let counter = BinaryCoding.isDictionaryKey(type) ? Counter(offset: sink.reserve()) : nil
        return KeyedEncodingContainer(KeyedWriter<Key>(sink: sink, counter: counter))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(sink: sink, counter: Counter(offset: sink.reserve())) }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueWriter(sink: sink) }
}

/// Primitive values, shared by every kind of container.
protocol PrimitiveWriter {
    var sink: Sink { get }
}

extension PrimitiveWriter {
    func write<T: Encodable>(_ value: T) throws {
        switch value {
        case let v as String: sink.string(v)
        // Dates and ids as numbers: parsing their text was a tenth of the reading time.
        case let v as Day: sink.int(Int64(v.ordinal))
        case let v as CaseID: sink.int(Int64(v.number))
        case let v as CustomerID: sink.int(Int64(v.number))
        case let v as RegisterEntryID: sink.int(Int64(v.number))
        case let v as AppealID: sink.int(Int64(v.number))
        case let v as ConferenceID: sink.int(Int64(v.number))
        case let v as Int: sink.int(Int64(v))
        case let v as Bool: sink.bytes.append(v ? 1 : 0)
        case let v as Int64: sink.int(v)
        case let v as Int32: sink.int(Int64(v))
        case let v as UInt64: sink.varint(v)
        case let v as UInt32: sink.varint(UInt64(v))
        case let v as UInt8: sink.varint(UInt64(v))
        case let v as Double: sink.varint(v.bitPattern)
        case let v as Float: sink.varint(UInt64(v.bitPattern))
        default: try value.encode(to: BinaryEncoder(sink: sink))
        }
    }
}

struct ValueWriter: SingleValueEncodingContainer, PrimitiveWriter {
    let sink: Sink
    var codingPath: [any CodingKey] = []
    mutating func encodeNil() throws { sink.bytes.append(0) }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value) }
}

struct UnkeyedWriter: UnkeyedEncodingContainer, PrimitiveWriter {
    let sink: Sink
    let counter: Counter
    var codingPath: [any CodingKey] = []
    var count: Int { counter.count }

    private func added() {
        counter.count += 1
        sink.patch(counter.offset, counter.count)
    }

    mutating func encodeNil() throws { sink.bytes.append(0); added() }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value); added() }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        added()
        return BinaryEncoder(sink: sink).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        added()
        return BinaryEncoder(sink: sink).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        added()
        return BinaryEncoder(sink: sink)
    }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol, PrimitiveWriter {
    let sink: Sink
    /// Set for a dictionary: each entry is its key, its value's length, then its value.
    let counter: Counter?
    var codingPath: [any CodingKey] = []

    private func entry(_ key: Key, _ body: () throws -> Void) rethrows {
        guard let counter else {
            // A field's name goes first: an enum's case is read back by it (allKeys).
            sink.name(key.stringValue)
            return try body()
        }
        sink.string(key.stringValue)  // a dictionary's key is data, written whole
        let length = sink.reserve()
        try body()
        sink.patch(length, sink.bytes.count - length - 4)
        counter.count += 1
        sink.patch(counter.offset, counter.count)
    }

    mutating func encodeNil(forKey key: Key) throws { entry(key) { sink.bytes.append(0) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try entry(key) { try write(value) } }

    // Every optional carries a presence byte; the standard library's typed overloads would skip a nil.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

    private func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        try entry(key) {
            guard let value else { return sink.bytes.append(0) }
            sink.bytes.append(1)
            try write(value)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        precondition(counter == nil, "nested containers in a dictionary are not supported")
        sink.name(key.stringValue)
        return BinaryEncoder(sink: sink).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        precondition(counter == nil, "nested containers in a dictionary are not supported")
        sink.name(key.stringValue)
        return BinaryEncoder(sink: sink).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryEncoder(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.name(key.stringValue)
        return BinaryEncoder(sink: sink)
    }
}

// MARK: - Reading

/// The field names read so far, shared by every reader of one value (a dictionary's entries are
/// read by readers of their own, in the order they were written).
final class NameTable {
    var names: [String] = []
}

final class Source {
    let bytes: [UInt8]
    var position = 0
    let table: NameTable

    init(bytes: [UInt8], position: Int = 0, table: NameTable = NameTable()) {
        self.bytes = bytes
        self.position = position
        self.table = table
    }

    func byte() throws -> UInt8 {
        guard position < bytes.count else { throw BinaryCoding.Failure(description: "ends early at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    func varint() throws -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            let next = try byte()
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw BinaryCoding.Failure(description: "a number too long at byte \(position)") }
        }
    }

    func int() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    func string() throws -> String {
        let count = Int(try varint())
        guard count >= 0, position + count <= bytes.count else { throw BinaryCoding.Failure(description: "a string runs past the end") }
        defer { position += count }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[position..<(position + count)], as: UTF8.self) }
    }

    func uint32() throws -> Int {
        let b0 = Int(try byte()), b1 = Int(try byte()), b2 = Int(try byte()), b3 = Int(try byte())
        return b0 | b1 << 8 | b2 << 16 | b3 << 24
    }
}

struct BinaryDecoder: Decoder {
    let source: Source
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if BinaryCoding.isDictionaryKey(type) {
            // Read past every entry now, noting where each value lies, so that allKeys can be answered.
            let count = try source.uint32()
            var entries: [String: Int] = [:], keys: [Key] = []
            for _ in 0..<count {
                let name = try source.string()
                let length = try source.uint32()
                entries[name] = source.position
                if let key = Key(stringValue: name) { keys.append(key) }
                source.position += length
            }
            guard source.position <= source.bytes.count else { throw BinaryCoding.Failure(description: "a dictionary runs past the end") }
            return KeyedDecodingContainer(KeyedReader<Key>(source: source, entries: entries, allKeys: keys))
        }
        return KeyedDecodingContainer(KeyedReader<Key>(source: source, entries: nil, allKeys: []))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedReader(source: source, count: try source.uint32())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueReader(source: source) }
}

extension Source {
    /// Reads past a field's name, learning it if it is new.
    func skipName() throws {
        let number = Int(try varint())
        if number == 0 {
            table.names.append(try string())
        } else if number > table.names.count {
            throw BinaryCoding.Failure(description: "an unknown field name at byte \(position)")
        }
    }

    /// The next field's name, without reading past it (an enum's case).
    func peekName() -> String? {
        let start = position
        defer { position = start }
        guard let number = try? Int(varint()) else { return nil }
        if number == 0 { return try? string() }
        return table.names.indices.contains(number - 1) ? table.names[number - 1] : nil
    }
}

protocol PrimitiveReader {
    var source: Source { get }
}

extension PrimitiveReader {
    func read<T: Decodable>(_ type: T.Type, from source: Source? = nil) throws -> T {
        let source = source ?? self.source
        if T.self == String.self { return try source.string() as! T }
        if T.self == Int.self { return Int(try source.int()) as! T }
        if T.self == Bool.self { return (try source.byte() != 0) as! T }
        if T.self == Day.self { return Day(ordinal: Int(try source.int())) as! T }
        if T.self == CaseID.self { return CaseID(number: Int(try source.int())) as! T }
        if T.self == CustomerID.self { return CustomerID(number: Int(try source.int())) as! T }
        if T.self == RegisterEntryID.self { return RegisterEntryID(number: Int(try source.int())) as! T }
        if T.self == AppealID.self { return AppealID(number: Int(try source.int())) as! T }
        if T.self == ConferenceID.self { return ConferenceID(number: Int(try source.int())) as! T }
        if T.self == Int64.self { return try source.int() as! T }
        if T.self == Int32.self { return Int32(truncatingIfNeeded: try source.int()) as! T }
        if T.self == UInt64.self { return try source.varint() as! T }
        if T.self == UInt32.self { return UInt32(truncatingIfNeeded: try source.varint()) as! T }
        if T.self == UInt8.self { return UInt8(truncatingIfNeeded: try source.varint()) as! T }
        if T.self == Double.self { return Double(bitPattern: try source.varint()) as! T }
        if T.self == Float.self { return Float(bitPattern: UInt32(truncatingIfNeeded: try source.varint())) as! T }
        return try T(from: BinaryDecoder(source: source))
    }
}

struct ValueReader: SingleValueDecodingContainer, PrimitiveReader {
    let source: Source
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool {
        guard source.position < source.bytes.count, source.bytes[source.position] == 0 else { return false }
        source.position += 1
        return true
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type) }
}

struct UnkeyedReader: UnkeyedDecodingContainer, PrimitiveReader {
    let source: Source
    let total: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] = []

    init(source: Source, count: Int) {
        self.source = source
        total = count
    }

    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    mutating func decodeNil() throws -> Bool {
        guard source.position < source.bytes.count, source.bytes[source.position] == 0 else { return false }
        source.position += 1
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw BinaryCoding.Failure(description: "a list has fewer elements than read") }
        currentIndex += 1
        return try read(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try BinaryDecoder(source: source).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return try BinaryDecoder(source: source).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        return BinaryDecoder(source: source)
    }
}

struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol, PrimitiveReader {
    let source: Source
    /// A dictionary's entries: where each key's value starts.
    let entries: [String: Int]?
    let dictionaryKeys: [Key]
    var codingPath: [any CodingKey] = []

    init(source: Source, entries: [String: Int]?, allKeys: [Key]) {
        self.source = source
        self.entries = entries
        dictionaryKeys = allKeys
    }

    /// A dictionary's keys; for a struct or an enum, the next field's name (an enum has one).
    var allKeys: [Key] {
        if entries != nil { return dictionaryKeys }
        return source.peekName().flatMap(Key.init(stringValue:)).map { [$0] } ?? []
    }

    /// Where the value of `key` is read from: the stream itself for a struct's field (in order,
    /// after its name), or a reader at the entry's place for a dictionary.
    private func place(_ key: Key) throws -> Source {
        guard let entries else {
            try source.skipName()
            return source
        }
        guard let start = entries[key.stringValue] else { throw BinaryCoding.Failure(description: "no entry \(key.stringValue)") }
        return Source(bytes: source.bytes, position: start, table: source.table)
    }

    func contains(_ key: Key) -> Bool { entries.map { $0[key.stringValue] != nil } ?? true }

    func decodeNil(forKey key: Key) throws -> Bool {
        let from = try place(key)
        guard from.position < from.bytes.count, from.bytes[from.position] == 0 else { return false }
        from.position += 1
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try read(type, from: try place(key)) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type, key) }

    private func present<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        let from = try place(key)
        guard try from.byte() != 0 else { return nil }
        return try read(type, from: from)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try BinaryDecoder(source: try place(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryDecoder(source: try place(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { BinaryDecoder(source: source) }
    func superDecoder(forKey key: Key) throws -> any Decoder { BinaryDecoder(source: try place(key)) }
}
