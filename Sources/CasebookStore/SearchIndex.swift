import CasebookCore
import Foundation
import Synchronization

/// `find`'s records as of one journal record, so that a cold `casebook find` reads a few megabytes
/// instead of the whole register. Like a snapshot it is an `AnchoredFile`; it is written after a
/// snapshot and after any command that changed what `find` shows, and read only when the journal
/// after it holds nothing that could change an answer.
///
/// The body: the length of the folded section and a newline; the folded section, one line per
/// record: its folded text, a tab, and where its row starts in the rows section; then the rows
/// section, one line per record: kind, id, title, fields (separated by U+001F), on the register
/// (0/1), restriction periods (`from:ended` as day ordinals, by commas), entry state;
/// tab-separated, with `\`, tab, newline and U+001F escaped in the texts. A search reads only the
/// folded section, and a row only for a record that matches.
///
/// The header carries the SHA-256 of the length line and folded section together, then of each
/// block of `rowBlock` bytes of the rows section; the high-water mark records the SHA-256 of the
/// header line. A search checks the folded section and the blocks of the rows it reads alone.
enum SearchIndex {
    static let fileName = "search.index"
    // 3: checked with XXH64, not SHA-256; the folded texts in a section of their own. 4: each row
    // checked on its own, when read. 5: the settings and active staff at its record in the header;
    // believed only with the high-water mark's SHA-256. 6: register entries' review dates.
    // 7: each section and block of rows checked by its SHA-256 in the header, which the mark vouches for.
    static let format = 7
    /// How many bytes of the rows section each SHA-256 in the header covers.
    static let rowBlock = 1 << 18

    static func encode(_ records: [SearchRecord], sequence: Int, offset: Int, hash: String,
                       settings: StoreSettings? = nil, activeStaff: [String]? = nil) throws -> [UInt8] {
        // Written a share of records at a time, on every core: first each share's rows, then, once
        // where each share's rows begin is known, its folded lines, which name those places.
        let share = 8_192, shares = (records.count + share - 1) / share
        @Sendable func range(_ index: Int) -> Range<Int> { (index * share)..<min(records.count, (index + 1) * share) }
        let rows = inOrder(count: shares, atLeast: 1) { index in Self.rows(of: records[range(index)]) }
        var places = [0]
        for written in rows { places.append(places[places.count - 1] + written.bytes.count) }
        let folded = inOrder(count: shares, atLeast: 1) { [places] index in
            Self.folded(records[range(index)], rowsAt: rows[index].starts.map { places[index] + $0 })
        }
        let foldedLength = folded.reduce(0) { $0 + $1.count }
        let start = Array("\(foldedLength)\n".utf8)
        var body: [UInt8] = []
        body.reserveCapacity(start.count + foldedLength + places[places.count - 1])
        body += start
        for part in folded { body += part }
        let rowsStart = body.count
        for part in rows { body += part.bytes }
        let blocks = stride(from: rowsStart, to: body.count, by: rowBlock).map { $0..<min(body.count, $0 + rowBlock) }
        let parts = [0..<rowsStart] + blocks, written = body
        let digests = inOrder(count: parts.count, atLeast: 1) { index in
            written.withUnsafeBytes { HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: $0[parts[index]])) }
        }
        // The XXH64 covers nothing (`checked` 0): the SHA-256 of each part does, where it is read.
        return try AnchoredFile.encode(format: format, sequence: sequence, offset: offset, hash: hash, body: body,
                                       checked: 0, settings: settings, activeStaff: activeStaff, pieces: digests)
    }

    /// The folded section's lines for `records`: each one's folded text, a tab, and where its row starts.
    private static func folded(_ records: ArraySlice<SearchRecord>, rowsAt places: [Int]) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(records.count * 80)
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        for (record, place) in zip(records, places) {
            // Folding leaves letters, digits and single spaces; a tab or newline would break the line.
            for byte in record.folded.utf8 { folded.append(byte == tab || byte == newline ? UInt8(ascii: " ") : byte) }
            folded.append(tab)
            folded += String(place).utf8
            folded.append(newline)
        }
        return folded
    }

    /// The rows section's lines for `records`, and where in them each one's row starts.
    private static func rows(of records: ArraySlice<SearchRecord>) -> (bytes: [UInt8], starts: [Int]) {
        var rows: [UInt8] = [], starts: [Int] = []
        rows.reserveCapacity(records.count * 120)
        starts.reserveCapacity(records.count)
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        for record in records {
            // The row's columns written straight into the section, byte by byte (no text of each made first).
            let rowStart = rows.count
            starts.append(rowStart)
            let kind: UInt8 = switch record.kind {
            case .customer: UInt8(ascii: "c")
            case .case: UInt8(ascii: "k")
            case .registerEntry: UInt8(ascii: "e")
            }
            rows.append(kind)
            rows.append(tab)
            escape(record.id, into: &rows)
            rows.append(tab)
            escape(record.title, into: &rows)
            rows.append(tab)
            for (index, field) in record.fields.enumerated() {
                if index > 0 { rows.append(0x1F) }
                escape(field, into: &rows)
            }
            rows.append(tab)
            rows.append(record.onRegister ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            rows.append(tab)
            for (index, period) in record.restrictions.enumerated() {
                if index > 0 { rows.append(UInt8(ascii: ",")) }
                rows += String(period.from.ordinal).utf8
                rows.append(UInt8(ascii: ":"))
                if let ended = period.ended { rows += String(ended.ordinal).utf8 }
            }
            rows.append(tab)
            rows += (record.entryState?.rawValue ?? "").utf8
            rows.append(tab)
            if let due = record.reviewDue { rows += String(due.ordinal).utf8 }
            let check = rows.withUnsafeBytes { XXH64.hex(UnsafeRawBufferPointer(rebasing: $0[rowStart...])) }
            rows.append(tab)
            rows += check.utf8
            rows.append(newline)
        }
        return (rows, starts)
    }

    /// The records whose folded text holds every word, in the index's order. The folded section is
    /// searched for the word with the rarest letter by `memchr`, so most of it is never compared.
    /// The folded section, and each block of rows read, is first checked against its SHA-256 in
    /// `digests`. nil when the body is not laid out as it should be or a part is not the one vouched for.
    static func find(_ words: [[UInt8]], in body: UnsafeRawBufferPointer, digests: [String]) -> [SearchRecord]? {
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        guard let base = body.baseAddress, let lengthEnd = body.firstIndex(of: newline),
              let length = Int(String(decoding: body[..<lengthEnd], as: UTF8.self)), length >= 0,
              lengthEnd + 1 + length <= body.count else { return nil }
        let sectionStart = lengthEnd + 1, sectionEnd = sectionStart + length, rowsStart = sectionEnd
        let blocks = (body.count - rowsStart + rowBlock - 1) / rowBlock
        guard digests.count == 1 + blocks else { return nil }
        // First the matches are found, then everything they were read from is checked (the folded
        // section and each block of rows they lie in, on every core), then their rows are read.
        var matched: [(text: Range<Int>, row: Range<Int>)] = []
        var needed = Set<Int>()
        if let (anchor, anchorAt) = rarestByte(of: words) {
            let anchorWord = words[anchor]
            var position = sectionStart
            while position < sectionEnd,
                  let hit = memchr(base + position, Int32(anchorWord[anchorAt]), sectionEnd - position) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                let start = at - anchorAt
                guard start >= sectionStart, start + anchorWord.count <= sectionEnd,
                      matches(anchorWord, in: body, at: start) else {
                    position = at + 1
                    continue
                }
                // The line holding the match: back to the previous newline, on to the next.
                var lineStart = start
                while lineStart > sectionStart && body[lineStart - 1] != newline { lineStart -= 1 }
                guard let lineEnd = body[start..<sectionEnd].firstIndex(of: newline),
                      let separator = body[lineStart..<lineEnd].lastIndex(of: tab) else { return nil }
                position = lineEnd + 1
                // A match in the row's offset is no match; the folded text is before the tab.
                guard start + anchorWord.count <= separator else { continue }
                let text = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + lineStart, count: separator - lineStart)
                guard words.allSatisfy({ word in word.withUnsafeBufferPointer { FoldedText.find($0, in: text) } }) else { continue }
                guard let rowOffset = Int(String(decoding: body[(separator + 1)..<lineEnd], as: UTF8.self)),
                      rowOffset >= 0, rowsStart + rowOffset < body.count,
                      let rowEnd = body[(rowsStart + rowOffset)...].firstIndex(of: newline), rowEnd - 17 >= rowsStart + rowOffset
                else { return nil }
                let row = (rowsStart + rowOffset)..<(rowEnd + 1)
                for block in ((row.lowerBound - rowsStart) / rowBlock)...((row.upperBound - 1 - rowsStart) / rowBlock) {
                    needed.insert(block)
                }
                matched.append((lineStart..<separator, row))
            }
        }
        let checks = [-1] + needed.sorted()
        guard checks.allSatisfy({ $0 < blocks }) else { return nil }
        nonisolated(unsafe) let shared = body
        let good = Mutex(true)
        DispatchQueue.concurrentPerform(iterations: checks.count) { index in
            let block = checks[index]
            let range = block < 0 ? 0..<sectionEnd : (rowsStart + block * rowBlock)..<min(shared.count, rowsStart + (block + 1) * rowBlock)
            if HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: shared[range])) != digests[1 + block] {
                good.withLock { $0 = false }
            }
        }
        guard good.withLock({ $0 }) else { return nil }
        var found: [SearchRecord] = []
        found.reserveCapacity(matched.count)
        for (text, row) in matched {
            let rowEnd = row.upperBound - 1
            guard body[rowEnd - 17] == tab,
                  XXH64.hex(UnsafeRawBufferPointer(rebasing: body[row.lowerBound..<(rowEnd - 17)]))
                    == String(decoding: body[(rowEnd - 16)..<rowEnd], as: UTF8.self),
                  let record = record(UnsafeRawBufferPointer(rebasing: body[row.lowerBound..<(rowEnd - 17)]),
                                      folded: String(decoding: body[text], as: UTF8.self)) else { return nil }
            found.append(record)
        }
        return found
    }

    private static func matches(_ word: [UInt8], in body: UnsafeRawBufferPointer, at start: Int) -> Bool {
        for index in word.indices where body[start + index] != word[index] { return false }
        return true
    }

    /// Which word, and which byte of it, to look for first: the one least often met in names and
    /// addresses (letters by their frequency in English, digits as uncommon, beyond ASCII as rare).
    static func rarestByte(of words: [[UInt8]]) -> (word: Int, index: Int)? {
        let common = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)
        func rarity(_ byte: UInt8) -> Int {
            if let rank = common.firstIndex(of: byte) { return rank }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return 18 }
            return byte == UInt8(ascii: " ") ? -1 : 30
        }
        var best: (word: Int, index: Int, rarity: Int)?
        for (w, word) in words.enumerated() {
            for (i, byte) in word.enumerated() where best == nil || rarity(byte) > best!.rarity {
                best = (w, i, rarity(byte))
            }
        }
        return best.map { ($0.word, $0.index) }
    }

    /// A record from its row and its folded text.
    /// The row is read where it lies: its columns cut at each tab, each text made once from its bytes.
    static func record(_ row: UnsafeRawBufferPointer, folded: String) -> SearchRecord? {
        /// The row's bytes `range` split at each `separator` (every piece kept, empty or not).
        func pieces(_ range: Range<Int>, at separator: UInt8) -> [Range<Int>] {
            var found: [Range<Int>] = []
            var start = range.lowerBound
            for index in range where row[index] == separator {
                found.append(start..<index)
                start = index + 1
            }
            found.append(start..<range.upperBound)
            return found
        }
        func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: row[range]) }
        func text(_ range: Range<Int>) -> String { unescape(bytes(range)) }
        func number(_ range: Range<Int>) -> Int? { range.isEmpty ? nil : Int(String(decoding: bytes(range), as: UTF8.self)) }
        let columns = pieces(0..<row.count, at: UInt8(ascii: "\t"))
        guard columns.count == 8, columns[0].count == 1 else { return nil }
        let kind: Search.Hit.Kind
        switch row[columns[0].lowerBound] {
        case UInt8(ascii: "c"): kind = .customer
        case UInt8(ascii: "k"): kind = .case
        case UInt8(ascii: "e"): kind = .registerEntry
        default: return nil
        }
        let periods = columns[5].isEmpty ? [] : pieces(columns[5], at: UInt8(ascii: ",")).compactMap { piece -> SearchRecord.Period? in
            let parts = pieces(piece, at: UInt8(ascii: ":"))
            guard parts.count == 2, let from = number(parts[0]) else { return nil }
            return SearchRecord.Period(from: Day(ordinal: from), ended: number(parts[1]).map(Day.init(ordinal:)))
        }
        let register = bytes(columns[4])
        return SearchRecord(kind: kind, id: text(columns[1]), title: text(columns[2]),
                            fields: pieces(columns[3], at: 0x1F).map(text),
                            folded: folded, onRegister: register.count == 1 && register[0] == UInt8(ascii: "1"), restrictions: periods,
                            entryState: RegisterEntry.State(rawValue: String(decoding: bytes(columns[6]), as: UTF8.self)),
                            reviewDue: number(columns[7]).map(Day.init(ordinal:)))
    }

    /// A text as a column holds it: backslash, tab, new line, carriage return and the field
    /// separator (U+001F) escaped, byte by byte (each is one byte of UTF-8, never part of another).
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x1F: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
            default: bytes.append(byte)
            }
        }
    }

    /// A column's text back, byte by byte as `escape` wrote it.
    static func unescape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { unescape(UnsafeRawBufferPointer($0)) }
    }

    static func unescape(_ text: UnsafeRawBufferPointer) -> String {
        guard text.contains(UInt8(ascii: "\\")) else { return String(decoding: text, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var escaped = false
        for byte in text {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): result.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "u"): result.append(0x1F)
                default: result.append(byte)
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension Store {
    var searchIndexPath: String { path + "/" + SearchIndex.fileName }

    /// Whether the search index is missing or older than a change to what `find` shows (as far
    /// as this process can tell: it saw the journal only after its snapshot).
    func searchIndexIsBehind() -> Bool {
        guard let fd = try? fs.open(searchIndexPath, flags: O_RDONLY | O_CLOEXEC, mode: 0) else { return true }
        defer { fs.close(fd) }
        guard let header = AnchoredFile.header(fs: fs, fd: fd, path: searchIndexPath, format: SearchIndex.format) else { return true }
        return header.sequence < max(lastSearchChange, lastSnapshotSequence) || header.sequence > sequence
    }

    /// Writes the search index for the register as it is (atomically, its SHA-256 in the
    /// high-water mark), with the settings and the active staff at its record, so that a quick
    /// `find` knows who may look up.
    public func writeSearchIndex() throws(StoreError) {
        guard sequence > 0 else { return }
        let bytes: [UInt8]
        do {
            bytes = try SearchIndex.encode(Search.records(in: register), sequence: sequence, offset: appliedOffset, hash: lastHash,
                                           settings: journalSettings, activeStaff: register.activeStaffLogins)
        } catch {
            throw .io("the search index could not be encoded: \(error)")
        }
        try publishDerived(bytes, as: SearchIndex.fileName)
        searchIndexStale = false
    }

    /// After a command has been answered: writes the search index again if anything this process
    /// applied changed what `find` shows. A failure only costs speed, so it is a notice.
    public func searchIndexIfStale() {
        guard searchIndexStale, readOnlyReason == nil else { return }
        do throws(StoreError) {
            try writeSearchIndex()
        } catch {
            notices.append("\(error)")
        }
    }

    /// Past this much journal after the index, opening the store (from its snapshot) is quicker.
    static let maximumTail = 8 << 20

    /// `find` answered from the search index and the journal after it, without reading the
    /// register: nil when the index is missing, damaged, or behind a record that could change the
    /// answer (the caller then opens the store). Never changes anything.
    ///
    /// The index is believed only when its header's SHA-256 is the one the high-water mark
    /// recorded (and each part read, the one the header gives), it
    /// follows a record of this journal, and the journal holds at least what the mark says was
    /// saved; the settings and active staff are the index's own, so that nothing after it may
    /// change them either.
    public static func quickFind(at path: String, query: String, fs: any FileSystem = PosixFileSystem(),
                                 protection: ProcessIdentity? = nil)
        -> (settings: StoreSettings, activeStaff: [Login], results: [(hit: Search.Hit, record: SearchRecord)])? {
        guard let file = vouchedFile(at: path, format: SearchIndex.format, fs: fs, protection: protection,
                                     name: { _ in SearchIndex.fileName }),
              let settings = file.header.settings, let activeStaff = file.header.activeStaff, let digests = file.header.pieces
        else { return nil }
        // Nothing after the index may change an answer.
        for good in file.tail {
            switch good.line.entry {
            case .domain(let event): if Search.changesResults(event) || event.changesStaff { return nil }
            case .store: return nil
            }
        }
        let words = Search.words(query)
        guard !words.isEmpty else { return (settings, activeStaff, []) }
        guard let records = file.contents.withUnsafeBytes({ SearchIndex.find(words, in: UnsafeRawBufferPointer(rebasing: $0[file.body...]), digests: digests) })
        else { return nil }
        return (settings, activeStaff, Search.find(query, in: records))
    }
}
