import CasebookCore
import Foundation

/// `find`'s records as of one journal record, one per line, so that a cold `casebook find` reads a
/// few megabytes instead of the whole register. Like a snapshot it is an `AnchoredFile`;
/// it is written after a snapshot and after any command that changed what `find` shows, and read
/// only when the journal after it holds nothing that could change an answer.
///
/// A line: folded text (first, so that a search finds it with one look for a tab), kind, id,
/// title, fields (separated by U+001F), on the register (0/1), restriction periods (`from:ended`
/// as day ordinals, by commas), entry state; tab-separated, with `\`, tab, newline and U+001F
/// escaped in the texts.
enum SearchIndex {
    static let fileName = "search.index"
    static let format = 2

    static func encode(_ records: [SearchRecord], sequence: Int, offset: Int, hash: String) throws -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(records.count * 120)
        for record in records {
            let kind: String = switch record.kind {
            case .customer: "c"
            case .case: "k"
            case .registerEntry: "e"
            }
            let periods = record.restrictions.map { "\($0.from.ordinal):\($0.ended.map { String($0.ordinal) } ?? "")" }
            let columns = [record.folded, kind, escape(record.id), escape(record.title),
                           record.fields.map(escape).joined(separator: "\u{1F}"), record.onRegister ? "1" : "0",
                           periods.joined(separator: ","), record.entryState?.rawValue ?? ""]
            body += Array(columns.joined(separator: "\t").utf8)
            body.append(UInt8(ascii: "\n"))
        }
        return try AnchoredFile.encode(format: format, sequence: sequence, offset: offset, hash: hash, body: body)
    }

    /// The records whose folded text holds every word, reading only the lines that match.
    static func find(_ words: [[UInt8]], in bytes: [UInt8], from start: Int) -> [SearchRecord] {
        var found: [SearchRecord] = []
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var lineStart = start
            while lineStart < all.count {
                let rest = all.count - lineStart
                let lineEnd = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), rest)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? all.count
                // The folded text is the first column.
                if let tab = memchr(base + lineStart, Int32(UInt8(ascii: "\t")), lineEnd - lineStart) {
                    let foldedEnd = base.distance(to: tab.assumingMemoryBound(to: UInt8.self))
                    let text = UnsafeBufferPointer(rebasing: all[lineStart..<foldedEnd])
                    if words.allSatisfy({ word in word.withUnsafeBufferPointer { FoldedText.find($0, in: text) } }),
                       let record = record(String(decoding: all[lineStart..<lineEnd], as: UTF8.self)) {
                        found.append(record)
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        return found
    }

    static func record(_ line: String) -> SearchRecord? {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard columns.count == 8 else { return nil }
        let kind: Search.Hit.Kind
        switch columns[1] {
        case "c": kind = .customer
        case "k": kind = .case
        case "e": kind = .registerEntry
        default: return nil
        }
        let periods = columns[6].split(separator: ",").compactMap { text -> SearchRecord.Period? in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let from = Int(parts[0]) else { return nil }
            return SearchRecord.Period(from: Day(ordinal: from), ended: Int(parts[1]).map(Day.init(ordinal:)))
        }
        return SearchRecord(kind: kind, id: unescape(columns[2]), title: unescape(columns[3]),
                            fields: columns[4].split(separator: "\u{1F}", omittingEmptySubsequences: false).map { unescape(String($0)) },
                            folded: columns[0], onRegister: columns[5] == "1", restrictions: periods,
                            entryState: RegisterEntry.State(rawValue: columns[7]))
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\u{1F}" || $0 == "\r" }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{1F}": result += "\\u"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = "", escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "u": result.append("\u{1F}")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension Store {
    var searchIndexPath: String { path + "/" + SearchIndex.fileName }

    /// Whether the search index is missing or older than a change to what `find` shows (as far
    /// as this process can tell: it saw the journal only after its snapshot).
    func searchIndexIsBehind() -> Bool {
        guard let fd = try? fs.open(searchIndexPath, flags: O_RDONLY | O_CLOEXEC, mode: 0) else { return true }
        defer { fs.close(fd) }
        guard let start = try? fs.read(fd, count: 4096, at: 0, path: searchIndexPath),
              let header = AnchoredFile.header(start, format: SearchIndex.format) else { return true }
        return header.sequence < max(lastSearchChange, lastSnapshotSequence) || header.sequence > sequence
    }

    /// Writes the search index for the register as it is (atomically).
    public func writeSearchIndex() throws(StoreError) {
        guard sequence > 0 else { return }
        do {
            let bytes = try SearchIndex.encode(Search.records(in: register), sequence: sequence, offset: appliedOffset, hash: lastHash)
            try fs.writeAtomically(bytes, to: searchIndexPath)
        } catch let error as FileError {
            throw .io("the search index could not be written: \(error)")
        } catch {
            throw .io("the search index could not be encoded: \(error)")
        }
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
    public static func quickFind(at path: String, query: String, fs: any FileSystem = PosixFileSystem())
        -> (settings: StoreSettings, results: [(hit: Search.Hit, record: SearchRecord)])? {
        let path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard fs.exists(path + "/" + markerName), (try? checkPermissions(path, fs: fs)) != nil,
              let settingsBytes = try? fs.readAll(path + "/settings.json"),
              let settings = try? StoreSettings.decode(settingsBytes, path: path + "/settings.json"),
              let bytes = try? fs.readAll(path + "/" + SearchIndex.fileName),
              case .success(let (header, body)) = AnchoredFile.open(bytes, format: SearchIndex.format),
              let journal = try? fs.open(path + "/journal.jsonl", flags: O_RDONLY | O_CLOEXEC, mode: 0) else { return nil }
        defer { fs.close(journal) }
        // The index must follow a record of this journal, and nothing after it may change an answer.
        guard recordHash(fs: fs, fd: journal, path: path + "/journal.jsonl", endingAt: header.offset) == header.hash,
              let size = try? fs.status(fd: journal, path: path + "/journal.jsonl").size, size >= header.offset,
              size - header.offset <= maximumTail,
              let tail = try? fs.read(journal, count: size - header.offset, at: header.offset, path: path + "/journal.jsonl")
        else { return nil }
        let scan = JournalScan.scan(tail, base: header.offset, sequence: header.sequence + 1, previousHash: header.hash)
        guard scan.damage == nil, scan.tail == nil else { return nil }
        for good in scan.lines {
            if case .domain(let event) = good.line.entry, Search.changesResults(event) { return nil }
        }
        let words = Search.words(query)
        guard !words.isEmpty else { return (settings, []) }
        let records = SearchIndex.find(words, in: bytes, from: body)
        return (settings, Search.find(query, in: records))
    }
}
