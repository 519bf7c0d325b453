import CasebookCore
import Crypto
import Foundation
import Synchronization

/// `find`'s records as of one journal record, so that a cold `casebook find` reads a few megabytes
/// instead of the whole register. Like a snapshot it is an `AnchoredFile`; it is written after a
/// snapshot and after any command that changed what `find` shows, and read only when the journal
/// after it holds nothing that could change an answer.
///
/// The body: the lengths of the folded section and of the rows section, a space between, and a
/// newline; the folded section, one line per record: its folded text, a tab, and where its row
/// starts in the rows section; the rows section, one line per record: kind, id, title, fields
/// (separated by U+001F), on the register (0/1), restriction periods (`from:ended` as day
/// ordinals, by commas), entry state, review due; tab-separated, with `\`, tab, newline and U+001F
/// escaped in the texts; then the rows' digests: the SHA-256 of each `rowBlock` bytes of the rows
/// section, 32 bytes each. A search reads the folded section, and rows only for records that match.
///
/// The header carries the SHA-256 of the length line with the first `foldedBlock` bytes of the
/// folded section, then of each further `foldedBlock` bytes of it (checked on every core while
/// the section is searched), then of the rows' digests; the high-water mark records the SHA-256
/// of the header line. A search checks the folded section whole, and the blocks of the rows it reads alone.
enum SearchIndex {
    static let fileName = "search.index"
    // 3: checked with XXH64, not SHA-256; the folded texts in a section of their own. 4: each row
    // checked on its own, when read. 5: the settings and active staff at its record in the header;
    // believed only with the high-water mark's SHA-256. 6: register entries' review dates.
    // 7: each section and block of rows checked by its SHA-256 in the header, which the mark vouches for.
    // 8: the folded section checked in blocks, on every core; the rows in blocks of a kilobyte, their
    // SHA-256 in a table the header vouches for (a common name reads a fifth of the rows, not all
    // of them); no XXH64 on each row, which the blocks' SHA-256 makes needless.
    static let format = 8
    /// How many bytes of the folded section each SHA-256 in the header covers.
    static let foldedBlock = 1 << 19
    /// How many bytes of the rows section each SHA-256 in the rows' digests covers.
    static let rowBlock = 1 << 10
    static let digestSize = 32

    /// Where each section of a body lies, from its length line.
    struct Layout {
        /// The folded section.
        let folded: Range<Int>
        /// The rows section.
        let rows: Range<Int>
        /// The rows' digests, one for each `rowBlock` of rows.
        let rowDigests: Range<Int>

        init(foldedLength: Int, rowsLength: Int) {
            let start = "\(foldedLength) \(rowsLength)\n".utf8.count
            folded = start..<(start + foldedLength)
            rows = folded.upperBound..<(folded.upperBound + rowsLength)
            let blocks = (rowsLength + SearchIndex.rowBlock - 1) / SearchIndex.rowBlock
            rowDigests = rows.upperBound..<(rows.upperBound + blocks * SearchIndex.digestSize)
        }

        /// The layout `body`'s length line gives, if the body is exactly as long as it says.
        init?(_ body: UnsafeRawBufferPointer) {
            guard let lengthEnd = body.prefix(48).firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            guard let space = SearchIndex.first(UInt8(ascii: " "), in: body, 0..<lengthEnd),
                  let foldedLength = SearchIndex.number(in: body, 0..<space), let rowsLength = SearchIndex.number(in: body, (space + 1)..<lengthEnd),
                  foldedLength >= 0, rowsLength >= 0, foldedLength <= body.count, rowsLength <= body.count else { return nil }
            self.init(foldedLength: foldedLength, rowsLength: rowsLength)
            guard folded.lowerBound == lengthEnd + 1, rowDigests.upperBound == body.count else { return nil }
        }

        /// What the header's digests cover, in order: the length line with the first block of the
        /// folded section, each further block of it, the rows' digests.
        var parts: [Range<Int>] {
            let further = stride(from: folded.lowerBound + SearchIndex.foldedBlock, to: folded.upperBound, by: SearchIndex.foldedBlock)
                .map { $0..<min(folded.upperBound, $0 + SearchIndex.foldedBlock) }
            return [0..<min(folded.upperBound, folded.lowerBound + SearchIndex.foldedBlock)] + further + [rowDigests]
        }

        /// The bytes of rows block `index`.
        func rowBlock(_ index: Int) -> Range<Int> {
            (rows.lowerBound + index * SearchIndex.rowBlock)..<min(rows.upperBound, rows.lowerBound + (index + 1) * SearchIndex.rowBlock)
        }
    }

    static func encode(_ records: [SearchRecord], sequence: Int, offset: Int, hash: String,
                       settings: StoreSettings? = nil, activeStaff: [String]? = nil) throws -> [UInt8] {
        let (line, body) = try encodeParts(records, sequence: sequence, offset: offset, hash: hash, settings: settings,
                                           activeStaff: activeStaff)
        return AnchoredFile.file(line: line, body: body)
    }

    /// The file's header line and its body, apart: `verify` compares each with the file where it
    /// lies, and never makes a second copy of the whole index to do so.
    static func encodeParts(_ records: [SearchRecord], sequence: Int, offset: Int, hash: String,
                            settings: StoreSettings? = nil, activeStaff: [String]? = nil) throws -> (line: [UInt8], body: [UInt8]) {
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
        let layout = Layout(foldedLength: folded.reduce(0) { $0 + $1.count }, rowsLength: places[places.count - 1])
        var body: [UInt8] = []
        body.reserveCapacity(layout.rowDigests.upperBound)
        body += "\(layout.folded.count) \(layout.rows.count)\n".utf8
        for part in folded { body += part }
        for part in rows { body += part.bytes }
        // The body is handed to each step and back (`consume`), never held twice: a second
        // holder would make the next append copy all of it into fresh memory.
        let written = consume body, blocks = layout.rowDigests.count / digestSize
        let rowDigests = inOrder(count: blocks, atLeast: 1_024) { index in
            written.withUnsafeBytes { digest(of: UnsafeRawBufferPointer(rebasing: $0[layout.rowBlock(index)])) }
        }
        body = consume written
        for digest in rowDigests { body += digest }
        let parts = layout.parts, whole = consume body
        let digests = inOrder(count: parts.count, atLeast: 1) { index in
            whole.withUnsafeBytes { HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: $0[parts[index]])) }
        }
        // The XXH64 covers nothing (`checked` 0): the SHA-256 of each part does, where it is read.
        let line = try AnchoredFile.headerLine(format: format, sequence: sequence, offset: offset, hash: hash, body: whole,
                                               checked: 0, settings: settings, activeStaff: activeStaff, pieces: digests)
        return (line, whole)
    }

    /// A block of rows' SHA-256, as the rows' digests hold it.
    static func digest(of block: UnsafeRawBufferPointer) -> [UInt8] { Array(SHA256.hash(data: block)) }

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
            starts.append(rows.count)
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
            rows.append(newline)
        }
        return (rows, starts)
    }

    /// A line of the folded section that holds every word: where its folded text lies, and its row.
    typealias Match = (text: Range<Int>, row: Range<Int>)

    /// The records whose folded text holds every word, in the index's order. The folded section is
    /// searched for the word with the rarest letter (`WordFinder`), so most of it is never compared;
    /// meanwhile the other cores check it against the SHA-256 in `digests`, a block each. Then the
    /// rows' digests and each block of rows read are checked, and the matching rows read, on every
    /// core. nil when the body is not laid out as it should be or a part is not the one vouched for.
    static func find(_ words: [[UInt8]], in body: UnsafeRawBufferPointer, digests: [String]) -> [SearchRecord]? {
        find(words, in: body, digests: digests) { $0 }
    }

    /// The same, each record read handed to `each` on the core that read it (a hit worked out
    /// beside its record), in the index's order, keeping what it gives.
    static func find<Found: Sendable>(_ words: [[UInt8]], in body: UnsafeRawBufferPointer, digests: [String],
                                      each: @Sendable (SearchRecord) -> Found?) -> [Found]? {
        guard let layout = Layout(body) else { return nil }
        let parts = layout.parts, foldedParts = parts.count - 1
        guard digests.count == parts.count else { return nil }
        nonisolated(unsafe) let shared = body
        let found = Mutex<[Match]?>(nil), good = Mutex(true)
        // The search first (one core), every block of the folded section checked beside it.
        DispatchQueue.concurrentPerform(iterations: 1 + foldedParts) { index in
            if index == 0 {
                let matches = Self.matches(words, in: shared, layout: layout)
                found.withLock { $0 = matches }
            } else if HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: shared[parts[index - 1]])) != digests[index - 1] {
                good.withLock { $0 = false }
            }
        }
        guard good.withLock({ $0 }), let matched = found.withLock({ $0 }) else { return nil }
        guard !matched.isEmpty else { return [] }
        // The rows' digests, vouched for by the header, then each block of rows a match lies in.
        var needed = Set<Int>()
        for (_, row) in matched {
            for block in ((row.lowerBound - layout.rows.lowerBound) / rowBlock)...((row.upperBound - layout.rows.lowerBound) / rowBlock)
            where layout.rows.lowerBound + block * rowBlock < layout.rows.upperBound {
                needed.insert(block)
            }
        }
        let checks = [-1] + needed.sorted()
        let sound = inOrder(count: checks.count, atLeast: 64) { index -> Bool in
            let block = checks[index]
            guard block >= 0 else {
                return HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: shared[layout.rowDigests])) == digests[foldedParts]
            }
            let recorded = layout.rowDigests.lowerBound + block * digestSize
            return digest(of: UnsafeRawBufferPointer(rebasing: shared[layout.rowBlock(block)])).withUnsafeBytes {
                $0.holdsTheSameBytes(as: UnsafeRawBufferPointer(rebasing: shared[recorded..<(recorded + digestSize)]))
            }
        }
        guard sound.allSatisfy({ $0 }) else { return nil }
        // Each record read, then `each` of it: a row that cannot be read is no answer at all.
        let read = inOrder(count: matched.count, atLeast: 256) { index -> (readable: Bool, kept: Found?) in
            guard let record = record(UnsafeRawBufferPointer(rebasing: shared[matched[index].row]),
                                      folded: String(decoding: shared[matched[index].text], as: UTF8.self)) else { return (false, nil) }
            return (true, each(record))
        }
        guard read.allSatisfy(\.readable) else { return nil }
        return read.compactMap(\.kept)
    }

    /// The lines of the folded section holding every word, each with its row (without its newline);
    /// nil when a line is not laid out as it should be.
    private static func matches(_ words: [[UInt8]], in body: UnsafeRawBufferPointer, layout: Layout) -> [Match]? {
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        guard let base = body.baseAddress, let (anchor, _) = rarestByte(of: words), let finder = WordFinder(words[anchor]) else { return [] }
        let sectionStart = layout.folded.lowerBound, sectionEnd = layout.folded.upperBound, rowsStart = layout.rows.lowerBound
        let anchorWord = words[anchor]
        var matched: [Match] = []
        var position = sectionStart
        while position < sectionEnd, let start = finder.next(in: body, from: position, to: sectionEnd) {
            // The line holding the match: back to the previous newline, on to the next.
            var lineStart = start
            while lineStart > sectionStart && body[lineStart - 1] != newline { lineStart -= 1 }
            guard let lineEnd = first(newline, in: body, start..<sectionEnd) else { return nil }
            var separator = lineEnd - 1
            while separator >= lineStart && body[separator] != tab { separator -= 1 }
            guard separator >= lineStart else { return nil }
            position = lineEnd + 1
            // A match in the row's offset is no match; the folded text is before the tab.
            guard start + anchorWord.count <= separator else { continue }
            let text = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + lineStart, count: separator - lineStart)
            guard words.allSatisfy({ word in word.withUnsafeBufferPointer { FoldedText.find($0, in: text) } }) else { continue }
            guard let rowOffset = number(in: body, (separator + 1)..<lineEnd), rowOffset >= 0, rowsStart + rowOffset < layout.rows.upperBound,
                  let rowEnd = first(newline, in: body, (rowsStart + rowOffset)..<layout.rows.upperBound)
            else { return nil }
            matched.append((lineStart..<separator, (rowsStart + rowOffset)..<rowEnd))
        }
        return matched
    }

    /// Where `byte` is first met in `range` of `bytes` (by `memchr`), if it is.
    static func first(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress, let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// The number `range` of `bytes` holds, as the lean reader reads the journal's (a minus sign
    /// for a day before 1970, digits without a leading zero); nil for anything else.
    static func number(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var reader = LeanReader(UnsafeRawBufferPointer(rebasing: bytes[range]))
        guard let value = reader.integer(), reader.atEnd else { return nil }
        return value
    }

    /// Which word, and which byte of it, to look for first: the one least often met in names and
    /// addresses (letters by their frequency in English, digits as uncommon, beyond ASCII as rare).
    static func rarestByte(of words: [[UInt8]]) -> (word: Int, index: Int)? {
        let rarity = WordFinder.rarity
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
            found.reserveCapacity(8)
            var start = range.lowerBound
            while let index = first(separator, in: row, start..<range.upperBound) {
                found.append(start..<index)
                start = index + 1
            }
            found.append(start..<range.upperBound)
            return found
        }
        func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: row[range]) }
        func text(_ range: Range<Int>) -> String { unescape(bytes(range)) }
        func number(_ range: Range<Int>) -> Int? { SearchIndex.number(in: row, range) }
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
        -> (settings: StoreSettings, activeStaff: [Login], results: [(hit: Search.Hit, record: SearchRecord)], mapped: FileContents)? {
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
        guard !words.isEmpty else { return (settings, activeStaff, [], file.contents) }
        // Each record's hit worked out where it is read, by the rule `Search.find` follows.
        guard let results = file.contents.withUnsafeBytes({ bytes in
            SearchIndex.find(words, in: UnsafeRawBufferPointer(rebasing: bytes[file.body...]), digests: digests) { record in
                Search.hit(in: record, for: words).map { (hit: $0, record: record) }
            }
        }) else { return nil }
        // The index stays mapped for as long as the caller holds it (to the end of the process,
        // rather than unmap 30 MB only for the system to take back the rest a moment later).
        return (settings, activeStaff, results, file.contents)
    }
}
