import Foundation

/// The result of reading journal bytes from some offset: the good lines, and what stopped the
/// reading, if anything.
struct JournalScan {
    struct Good {
        var line: JournalLine
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
    static func scan(_ bytes: [UInt8], base: Int, sequence: Int, previous: RecordHash?) -> JournalScan {
        var lines: [Good] = []
        var result = scan(bytes, base: base, sequence: sequence, previous: previous) { lines.append($0) }
        result.lines = lines
        return result
    }

    /// The same, handing each good line to `each` as it is read rather than keeping them all (a
    /// million decoded lines took more memory than the register they make); `lines` stays empty.
    /// `endsJournal` is false for a block cut from the middle of the journal at a line's end: its
    /// last line is then not the journal's last, and a problem there is damage, not a torn tail.
    static func scan(_ bytes: [UInt8], base: Int, sequence: Int, previous: RecordHash?, endsJournal: Bool = true,
                     each: (consuming Good) -> Void) -> JournalScan {
        check(decodeBlock(bytes), base: base, sequence: sequence, previous: previous, endsJournal: endsJournal, each: each)
    }

    /// A block's lines, each decoded and its hash checked, but not yet checked in order.
    struct Decoded: Sendable {
        let ranges: [Range<Int>]
        /// Where bytes after the last newline start (an incomplete last line).
        let remainder: Int?
        /// Each line's result, moved out once by `check` (not copied, then freed a second time).
        let lines: DecodedLines
    }

    static func decodeBlock(_ bytes: [UInt8]) -> Decoded {
        let (ranges, remainder) = lineRanges(bytes)
        return Decoded(ranges: ranges, remainder: remainder, lines: decode(bytes, ranges))
    }

    /// The decoded lines checked one after another (sequence numbers, the hash chain), each good
    /// one handed to `each`, up to the first problem. `previous` nil follows no record (a header
    /// whose hash is not one): the first line is then out of the chain.
    static func check(_ decoded: Decoded, base: Int, sequence: Int, previous: RecordHash?, endsJournal: Bool,
                      each: (consuming Good) -> Void) -> JournalScan {
        var result = JournalScan()
        var expected = sequence, previous = previous
        let ranges = decoded.ranges, remainder = decoded.remainder
        for index in ranges.indices {
            let range = ranges[index]
            let isLast = endsJournal && index == ranges.count - 1 && remainder == nil
            let problem: String
            // Each line is moved out of its slot and on to `each`, never copied.
            if let line = decoded.lines.take(index) {
                if line.sequence != expected {
                    problem = "its sequence number is \(line.sequence), but \(expected) was expected"
                } else if line.previous == nil || line.previous != previous {
                    problem = "it does not follow the record before it (the hash chain is broken)"
                } else {
                    expected += 1
                    previous = line.digest
                    each(Good(line: consume line, end: base + range.upperBound + 1))
                    continue
                }
            } else {
                problem = decoded.lines.damage(index)?.description ?? JournalLine.Damage.incomplete.description
            }
            if isLast {
                result.tail = Tail(offset: base + range.lowerBound, reason: problem)
            } else {
                result.damage = Damage(sequence: expected, offset: base + range.lowerBound, reason: problem)
            }
            return result
        }
        if let remainder {
            result.tail = Tail(offset: base + remainder, reason: JournalLine.Damage.incomplete.description)
        }
        return result
    }

    /// The lines of `bytes` (without their newlines), and where bytes after the last newline start.
    static func lineRanges(_ bytes: [UInt8]) -> (lines: [Range<Int>], remainder: Int?) {
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBytes { all in
            guard let base = all.baseAddress else { return }
            while start < all.count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), all.count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                lines.append(start..<end)
                start = end + 1
            }
        }
        return (lines, start < bytes.count ? start : nil)
    }

    /// Each line decoded and its hash checked, on every core when there are many (each line stands
    /// alone; the order and the chain are checked afterwards, one line after another).
    static func decode(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> DecodedLines {
        @Sendable func decode(_ range: Range<Int>) -> Result<JournalLine, JournalLine.Damage> {
            Result { () throws(JournalLine.Damage) in try JournalLine.decode(bytes[range]) }
        }
        let results = DecodedLines(count: ranges.count)
        let blocks = ranges.count < 2_000 ? 1 : 4 * ProcessInfo.processInfo.activeProcessorCount
        guard blocks > 1 else {
            for (index, range) in ranges.enumerated() { results.set(index, decode(range)) }
            return results
        }
        let size = (ranges.count + blocks - 1) / blocks
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            for index in (block * size)..<min(ranges.count, (block + 1) * size) {
                results.set(index, decode(ranges[index]))
            }
        }
        return results
    }
}

/// Decoded lines, each slot written once by whichever thread decoded that line (no two threads
/// share a slot); once all are set, taken one after another, in order, on one thread. A line that
/// could not be read leaves its slot empty and its damage beside it.
final class DecodedLines: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<JournalLine?>
    private let damages: UnsafeMutablePointer<JournalLine.Damage?>
    private let count: Int
    /// Slots before this one have been taken (moved out); the rest are still held.
    private var taken = 0

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        damages = .allocate(capacity: max(1, count))
    }

    func set(_ index: Int, _ value: Result<JournalLine, JournalLine.Damage>) {
        switch consume value {
        case .success(let line):
            (slots + index).initialize(to: line)
            (damages + index).initialize(to: nil)
        case .failure(let damage):
            (slots + index).initialize(to: nil)
            (damages + index).initialize(to: damage)
        }
    }

    /// Moves out the line of slot `index`, which must be the next not yet taken; nil when it
    /// could not be read (`damage` says why).
    func take(_ index: Int) -> JournalLine? {
        precondition(index == taken, "decoded lines are taken in order, each once")
        taken += 1
        return (slots + index).move()
    }

    /// Why the line of slot `index` could not be read; nil when it was.
    func damage(_ index: Int) -> JournalLine.Damage? { damages[index] }

    deinit {
        (slots + taken).deinitialize(count: count - taken)
        slots.deallocate()
        damages.deinitialize(count: count)
        damages.deallocate()
    }
}
