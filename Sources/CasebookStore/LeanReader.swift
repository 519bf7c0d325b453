import CasebookCore
import Foundation

/// The journal's lean reader: a line read where it lies, field after field in the order the
/// store writes them (the line's fixed order, each payload's keys sorted), for the few record
/// types that are nearly all of a journal (contacts, checks, cases, customers...), so that opening
/// without a snapshot does not decode a million lines through Foundation's JSONDecoder and Codable.
///
/// It is deliberately narrow, and builds nothing on the way: no tree of values, no key table.
/// Strings are taken only when they hold no escape; numbers only as plain integers; an object
/// only with exactly the fields expected, in the order expected, and no space between tokens.
/// Anything else (a summary with a quotation mark or a new line, an unknown field, fields in
/// another order, a record type it does not know) makes it give up on that line, and the full
/// decoder reads it instead, with the same result and the same errors. `LeanJournalTests` holds
/// the two to the same answers.
struct LeanReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    /// Consumes `byte` when it comes next.
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes the literal `word` (`null`, `true`, a key with its quotes) when it comes next.
    @inline(__always)
    mutating func take(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count, let base = bytes.baseAddress,
              sameBytes(base + position, word.utf8Start, count) else { return false }
        position += count
        return true
    }

    /// Consumes `"name":` when it comes next. In line wherever a field is read, so that each
    /// name's length is known where it is compared (a name is read for every field of every line).
    @inline(__always)
    private mutating func key(_ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard position + count + 3 <= bytes.count, bytes[position] == UInt8(ascii: "\""),
              bytes[position + count + 1] == UInt8(ascii: "\""), bytes[position + count + 2] == UInt8(ascii: ":"),
              let base = bytes.baseAddress, sameBytes(base + position + 1, name.utf8Start, count) else { return false }
        position += count + 3
        return true
    }

    /// The start of an object.
    mutating func begin() -> Bool { take(UInt8(ascii: "{")) }

    /// The field `name` when it comes next: `"name":` just after the object's start, else
    /// `,"name":`. Nothing is consumed when it is not next (an optional field left out).
    @inline(__always)
    mutating func field(_ name: StaticString) -> Bool {
        let start = position
        let first = position > 0 && bytes[position - 1] == UInt8(ascii: "{")
        if (first || take(UInt8(ascii: ","))) && key(name) { return true }
        position = start
        return false
    }

    /// The end of an object.
    mutating func end() -> Bool { take(UInt8(ascii: "}")) }

    /// A string's bytes, between its quotes, or nil if it holds an escape or a control character.
    mutating func raw() -> UnsafeRawBufferPointer? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        // Eight bytes at a time while none of them is a quote, a backslash or a control character;
        // then straight to the first that is (the lowest flag of each test is exact), not byte by byte.
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                // A byte below 0x20, or equal to `"` (0x22) or `\` (0x5C).
                let special = ((word &- ones &* 0x20) & ~word & highs) | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C))
                guard special == 0 else {
                    position += special.trailingZeroBitCount / 8
                    break
                }
                position += 8
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<(position - 1)])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// A string as text: ASCII needs no validating; anything else must be well-formed UTF-8, as
    /// JSONDecoder insists.
    mutating func string() -> String? {
        guard let text = raw() else { return nil }
        if !text.contains(where: { $0 >= 0x80 }) { return String(decoding: text, as: UTF8.self) }
        return String(validating: text, as: UTF8.self)
    }

    /// Whether a string's bytes are exactly `word` (a record type, a letter's subject).
    static func raw(_ text: UnsafeRawBufferPointer, is word: StaticString) -> Bool {
        text.count == word.utf8CodeUnitCount && (text.isEmpty || sameBytes(text.baseAddress!, word.utf8Start, text.count))
    }

    mutating func id<ID: RecordID>(_: ID.Type = ID.self) -> ID? { raw().flatMap { ID(utf8: $0) } }

    mutating func day() -> Day? { raw().flatMap { Day(utf8: $0) } }

    /// A value written as text: an enum case, a service area, a postcode.
    mutating func parsed<Value>(_ parse: (String) -> Value?) -> Value? { string().flatMap(parse) }

    /// An enum case, by its raw value's bytes.
    mutating func parsed<Value>(_ cases: RawCases<Value>) -> Value? {
        guard let text = raw() else { return nil }
        return cases.value(of: text)
    }

    /// A plain integer: an optional minus, then digits without a leading zero; no fraction or exponent.
    mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
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
        return negative ? -magnitude : magnitude
    }

    mutating func bool() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// A list of values written as text.
    mutating func list<Value>(_ parse: (String) -> Value?) -> [Value]? { items { $0.parsed(parse) } }

    /// A list of enum cases, each by its raw value's bytes.
    mutating func list<Value>(_ cases: RawCases<Value>) -> [Value]? { items { $0.parsed(cases) } }

    /// A list of plain integers.
    mutating func integers() -> [Int]? { items { $0.integer() } }

    /// A list's items, each read by `read`, comma after comma between brackets.
    private mutating func items<Value>(_ read: (inout LeanReader) -> Value?) -> [Value]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var values: [Value] = []
        if take(UInt8(ascii: "]")) { return values }
        repeat {
            guard let value = read(&self) else { return nil }
            values.append(value)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? values : nil
    }

    /// An optional field, when it comes next: nil inside when it is left out or null; nil outside
    /// when it is there but unreadable.
    mutating func optional<Value>(_ name: StaticString, _ read: (inout LeanReader) -> Value?) -> Value?? {
        guard field(name) else { return .some(nil) }
        if take("null") { return .some(nil) }
        return read(&self).map { .some($0) }
    }
}

/// Whether `count` bytes at `a` and `b` are the same: eight at a time, then one at a time. What
/// the lean reader compares (a field's name, a record type, an enum's raw value) is a few bytes
/// long, too few for a call to `memcmp` to be worth its cost.
@inline(__always)
func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        guard a.loadUnaligned(fromByteOffset: index, as: UInt64.self) == b.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        else { return false }
        index += 8
    }
    while index < count {
        guard a.load(fromByteOffset: index, as: UInt8.self) == b.load(fromByteOffset: index, as: UInt8.self) else { return false }
        index += 1
    }
    return true
}
