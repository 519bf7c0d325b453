/// The result of reading journal bytes from some offset: the good lines, and what stopped the
/// reading, if anything.
struct JournalScan {
    struct Good {
        let line: JournalLine
        /// Offset just past the line's newline.
        let end: Int
    }

    /// A problem with the last line only: it was torn by a crash or a failed write.
    struct Tail {
        let offset: Int
        let reason: String
    }

    /// A problem before the last line: tampering or a disk fault.
    struct Damage {
        let sequence: Int
        let offset: Int
        let reason: String

        var description: String { "record \(sequence) (byte \(offset) of journal.jsonl): \(reason)" }
    }

    var lines: [Good] = []
    var tail: Tail?
    var damage: Damage?

    /// Scans `bytes`, which start at journal offset `base`, expecting `sequence` and `previousHash` next.
    static func scan(_ bytes: [UInt8], base: Int, sequence: Int, previousHash: String) -> JournalScan {
        var lines: [Good] = []
        var result = scan(bytes, base: base, sequence: sequence, previousHash: previousHash) { lines.append($0) }
        result.lines = lines
        return result
    }

    /// The same, handing each good line to `each` as it is read rather than keeping them all (a
    /// million decoded lines took more memory than the register they make); `lines` stays empty.
    static func scan(_ bytes: [UInt8], base: Int, sequence: Int, previousHash: String, each: (Good) -> Void) -> JournalScan {
        var result = JournalScan()
        var expected = sequence, previous = previousHash
        var start = 0
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: newline) else {
                result.tail = Tail(offset: base + start, reason: JournalLine.Damage.incomplete.description)
                return result
            }
            let isLast = end == bytes.count - 1
            let problem: String?
            var decoded: JournalLine?
            do throws(JournalLine.Damage) {
                let line = try JournalLine.decode(bytes[start..<end])
                if line.sequence != expected {
                    problem = "its sequence number is \(line.sequence), but \(expected) was expected"
                } else if line.previousHash != previous {
                    problem = "it does not follow the record before it (the hash chain is broken)"
                } else {
                    problem = nil
                    decoded = line
                }
            } catch {
                problem = error.description
            }
            if let problem {
                if isLast, decoded == nil {
                    result.tail = Tail(offset: base + start, reason: problem)
                } else {
                    result.damage = Damage(sequence: expected, offset: base + start, reason: problem)
                }
                return result
            }
            let line = decoded!
            each(Good(line: line, end: base + end + 1))
            expected += 1
            previous = line.hash
            start = end + 1
        }
        return result
    }
}
