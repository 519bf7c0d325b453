import Foundation
import Synchronization

/// A JSON array of flat objects written row by row as it is made, laid out byte for byte as
/// Foundation's `JSONEncoder` lays out `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`:
/// a listing of a hundred thousand cases goes out without a tree of the whole answer in memory
/// (issue 19), and reads the same as every other `--json` answer. A test holds the two to the same
/// bytes, hostile text included.
public struct JSONRows {
    /// A value of one field: JSON's scalars and a list of strings, all the rows need.
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int)
        case bool(Bool)
        case strings([String])
    }

    private let write: (String) -> Void
    private var rows = 0

    /// Starts the array; `write` receives the text in pieces, in order.
    public init(write: @escaping (String) -> Void) {
        self.write = write
        write("[\n")
    }

    /// One object: its fields in any order (written sorted by key, as `sortedKeys` does); a nil
    /// value is left out, as an absent optional is.
    public mutating func append(_ fields: [(key: String, value: Value?)]) {
        append(rendered: Self.object(fields))
    }

    /// One object already rendered by `object(_:)` (on another thread, say).
    public mutating func append(rendered object: String) {
        if rows > 0 { write(",\n") }
        write(object)
        rows += 1
    }

    /// Each row's object text (`object(_:)`), then `made` of it (made safe for a terminal, say),
    /// in order: a long listing is rendered a block of `block` rows at a time, on every core.
    public static func objects<Row: Sendable>(_ rows: [Row], block: Int = 512, made: @Sendable (String) -> String = { $0 },
                                              _ fields: @Sendable (Row) -> [(key: String, value: Value?)]) -> [String] {
        let blocks = (rows.count + block - 1) / max(1, block)
        guard blocks > 1 else { return rows.map { made(object(fields($0))) } }
        let rendered = Mutex([[String]](repeating: [], count: blocks))
        DispatchQueue.concurrentPerform(iterations: blocks) { index in
            let objects = rows[index * block..<min(rows.count, (index + 1) * block)].map { made(object(fields($0))) }
            rendered.withLock { $0[index] = objects }
        }
        return rendered.withLock { $0 }.flatMap { $0 }
    }

    /// One object's text, as `append` writes it (without what separates it from the one before).
    /// Made as UTF-8 bytes, then a string once: a common name's thousands of hits are rendered
    /// several times faster than by appending to a string piece by piece.
    public static func object(_ fields: [(key: String, value: Value?)]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(384)
        text += "  {\n".utf8
        var first = true
        func precedes(_ a: (key: String, value: Value?), _ b: (key: String, value: Value?)) -> Bool {
            a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        // Most rows give their fields in order already: sorted only when they are not.
        let inOrder = fields.indices.dropFirst().allSatisfy { !precedes(fields[$0], fields[$0 - 1]) }
        for (key, value) in inOrder ? fields : fields.sorted(by: precedes) {
            guard let value else { continue }
            text += (first ? "    \"" : ",\n    \"").utf8
            first = false
            Self.escape(key, into: &text)
            text += "\" : ".utf8
            switch value {
            case .string(let string):
                text.append(UInt8(ascii: "\""))
                Self.escape(string, into: &text)
                text.append(UInt8(ascii: "\""))
            case .int(let number): text += String(number).utf8
            case .bool(let flag): text += (flag ? "true" : "false").utf8
            case .strings(let strings):
                if strings.isEmpty {
                    text += "[\n\n    ]".utf8
                } else {
                    text += "[\n".utf8
                    for (index, string) in strings.enumerated() {
                        text += (index == 0 ? "      \"" : ",\n      \"").utf8
                        Self.escape(string, into: &text)
                        text.append(UInt8(ascii: "\""))
                    }
                    text += "\n    ]".utf8
                }
            }
        }
        text += "\n  }".utf8
        return String(decoding: text, as: UTF8.self)
    }

    /// Ends the array (an empty one is written as JSONEncoder writes it).
    public func finish() {
        write("\n]\n")
    }

    /// A string's JSON text: quote, backslash and every C0 control escaped as JSONEncoder does,
    /// byte by byte (each is one byte of UTF-8, never part of another character's).
    static func escape(_ string: String, into text: inout [UInt8]) {
        func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
        // Most texts need nothing escaped: copied whole.
        guard string.utf8.withContiguousStorageIfAvailable({ $0.contains(where: needsEscape) }) ?? string.utf8.contains(where: needsEscape)
        else {
            text += string.utf8
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): text += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): text += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): text += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): text += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): text += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: text += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: text += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                text += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: text.append(byte)
            }
        }
    }
}
