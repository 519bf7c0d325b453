import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// The search index answers a cold `find` exactly as the register would, and only when nothing
/// after it could change the answer.
@Suite struct SearchIndexTests {
    static let queries = ["smith", "zoe", "st4", "hope street", "case-0003", "khan st1", "wójcik", "nothing-like-this", "cust-0007",
                          "leek road", "REG",
                          // A digit is also in every line's row offset; one letter matches nearly every line;
                          // the rarest letter is in the second word.
                          "1", "7", "e", "brown zoe", "a b", "x"]

    func syntheticStore(_ folder: TemporaryFolder) throws -> (Store, Day) {
        try CasebookStoreTests.syntheticStore(folder, cases: 80, seed: 3)
    }

    func expectSameAsTheRegister(_ store: Store, today: Day, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for query in Self.queries {
            let quick = try #require(Store.quickFind(at: store.path, query: query), "no quick answer for \(query)",
                                     sourceLocation: sourceLocation)
            let full = Search.find(query, in: Search.records(in: store.register))
            #expect(quick.results.map(\.hit) == full.map(\.hit), "\(query)", sourceLocation: sourceLocation)
            #expect(quick.results.map(\.record) == full.map(\.record), "\(query)", sourceLocation: sourceLocation)
            #expect(quick.results.map { $0.record.flags(on: today) } == full.map { $0.record.flags(on: today) }, sourceLocation: sourceLocation)
        }
    }

    @Test func theIndexAnswersAsTheRegisterDoes() throws {
        let folder = TemporaryFolder()
        let (store, today) = try syntheticStore(folder)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)  // no index yet
        try store.writeSearchIndex()
        try expectSameAsTheRegister(store, today: today)
        #expect(Search.find("smith", in: Search.records(in: store.register)).count > 0)
    }

    /// An index of many records is written a share at a time on every core: read back, every
    /// share and every block of rows answers as the records themselves do, in their order.
    @Test func anIndexWrittenInSharesAnswersAsItsRecordsDo() throws {
        let surnames = ["Smith", "Khan", "Wójcik", "Brown", "O'Neill"]
        let records = (1...30_000).map { number in
            let name = "Person\(number) \(surnames[number % surnames.count])"
            return SearchRecord(kind: number % 3 == 0 ? .case : .customer, id: "CUST-\(number)", title: name,
                                fields: [name, "CUST-\(number)", "\(number) Mill Lane\tBack"], onRegister: number % 7 == 0,
                                restrictions: number % 5 == 0 ? [.init(from: Day(year: 2026, month: 1, day: 2)!, ended: nil)]
                                    : number % 13 == 0 ? [.init(from: Day(year: 1950, month: 6, day: 1)!, ended: Day(year: 1969, month: 12, day: 31))] : [],
                                reviewDue: number % 11 == 0 ? Day(year: 2027, month: 3, day: 4) : nil)
        }
        let bytes = try SearchIndex.encode(records, sequence: 9, offset: 99, hash: "h")
        guard case .success(let (header, body)) = AnchoredFile.open(bytes, format: SearchIndex.format) else {
            Issue.record("the index does not open")
            return
        }
        let digests = try #require(header.pieces)
        #expect(digests.count > 3)
        for query in ["person29999", "smith", "wójcik", "person1 ", "mill lane back", "person14", "nobody"] {
            let found = bytes.withUnsafeBytes { all in
                SearchIndex.find(Search.words(query), in: UnsafeRawBufferPointer(rebasing: all[body...]), digests: digests)
            }
            #expect(found == Search.find(query, in: records).map(\.record), "\(query)")
        }
        // One byte changed in any block of the folded section (each checked on a core of its own),
        // in the rows' digests, or in a block of rows an answer reads: no answer.
        let layout = try #require(bytes.withUnsafeBytes { SearchIndex.Layout(UnsafeRawBufferPointer(rebasing: $0[body...])) })
        #expect(layout.parts.count > 3)
        for place in layout.parts.map({ $0.upperBound - 1 }) + [layout.rows.lowerBound + 5, layout.rows.upperBound - 2] {
            var damaged = bytes
            damaged[body + place] ^= 0x01
            let found = damaged.withUnsafeBytes { all in
                SearchIndex.find(Search.words("person"), in: UnsafeRawBufferPointer(rebasing: all[body...]), digests: digests)
            }
            #expect(found == nil, "a byte changed at \(place)")
        }
    }

    /// Row offsets and day ordinals are read digit by digit: a day before 1970 has a minus sign;
    /// anything else is not a number.
    @Test func numbersAreReadAsWritten() {
        func number(_ text: String) -> Int? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { SearchIndex.number(in: $0, 0..<bytes.count) }
        }
        #expect(number("0") == 0)
        #expect(number("12998810") == 12_998_810)
        #expect(number("-25567") == -25_567)
        #expect(number(String(repeating: "9", count: 18)) == 999_999_999_999_999_999)
        for text in ["", "-", "+5", "12a", " 1", "1 ", "--1", String(repeating: "9", count: 19), "١٢"] {
            #expect(number(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func theSearchStartsFromTheWordsRarestLetter() {
        #expect(SearchIndex.rarestByte(of: [Array("brown".utf8), Array("zoe".utf8)])! == (1, 0))
        #expect(SearchIndex.rarestByte(of: [Array("st4".utf8)])! == (0, 2))
        #expect(SearchIndex.rarestByte(of: [Array("wójcik".utf8)])! == (0, 1))
        #expect(SearchIndex.rarestByte(of: []) == nil)
    }

    @Test func recordsThatCannotChangeAnAnswerAreReadPast() throws {
        let folder = TemporaryFolder()
        let (store, today) = try syntheticStore(folder)
        try store.writeSearchIndex()
        let someCase = try #require(store.register.cases.keys.sorted().first)
        try store.execute(.logContact(someCase, date: today, channel: .email, kind: .routine, summary: "Again.", behaviours: [],
                                      significantNewInformation: false), actor: "oadams", today: today)
        try expectSameAsTheRegister(store, today: today)
    }

    @Test func aNewNameAfterTheIndexSendsFindToTheRegisterUntilItIsWritten() throws {
        let folder = TemporaryFolder()
        let (store, today) = try syntheticStore(folder)
        try store.writeSearchIndex()
        try store.execute(.addCustomer(name: "Quentin Quickfind", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                          actor: "oadams", today: today)
        #expect(Store.quickFind(at: store.path, query: "quentin") == nil)
        store.searchIndexIfStale()
        let quick = try #require(Store.quickFind(at: store.path, query: "quentin"))
        #expect(quick.results.map(\.hit.title) == ["Quentin Quickfind"])
        try expectSameAsTheRegister(store, today: today)
    }

    @Test func aDamagedOrForeignIndexIsNotTrusted() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder)
        try store.writeSearchIndex()
        let path = store.path + "/" + SearchIndex.fileName
        let original = Array(FileManager.default.contents(atPath: path)!)
        func damaged(at offset: Int) {
            var bytes = original
            bytes[offset] ^= 0x20
            FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o660])
        }
        // In the folded texts (all checked at once): no answer from the index.
        let folded = original.firstIndex(of: UInt8(ascii: "\n"))! + 40
        damaged(at: folded)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        // In a row the answer needs (each row checked as it is read): no answer from the index.
        let rowText = Array("Smith\t".utf8)
        let lastSmith = (0...(original.count - rowText.count)).last { Array(original[$0..<($0 + rowText.count)]) == rowText }!
        damaged(at: lastSmith)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        // Elsewhere in the block of rows it lies in: that block's SHA-256 is not the one the rows'
        // digests (which the header vouches for, and the mark for the header) give.
        let bodyStart = try #require(original.firstIndex(of: UInt8(ascii: "\n"))) + 1
        let layout = try #require(original.withUnsafeBytes { SearchIndex.Layout(UnsafeRawBufferPointer(rebasing: $0[bodyStart...])) })
        let rowStart = try #require(original[..<lastSmith].lastIndex(of: UInt8(ascii: "\n"))) + 1
        let rowEnd = try #require(original[lastSmith...].firstIndex(of: UInt8(ascii: "\n")))
        let block = layout.rowBlock((lastSmith - bodyStart - layout.rows.lowerBound) / SearchIndex.rowBlock)
        let beside = bodyStart + block.lowerBound < rowStart ? bodyStart + block.lowerBound : bodyStart + block.upperBound - 1
        #expect(beside < rowStart || beside > rowEnd)
        damaged(at: beside)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        // Anywhere in the rows' digests, even one of a block no answer reads.
        damaged(at: bodyStart + layout.rowDigests.lowerBound)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        // A row forged with its block's SHA-256 worked out again in the rows' digests, as anyone who
        // can write the file could: still not the digests the header vouches for.
        var forged = original
        forged[lastSmith] = UInt8(ascii: "Z")
        let forgedDigest = forged.withUnsafeBytes { SearchIndex.digest(of: UnsafeRawBufferPointer(rebasing: $0[(bodyStart + block.lowerBound)..<(bodyStart + block.upperBound)])) }
        let recorded = bodyStart + layout.rowDigests.lowerBound + (block.lowerBound - layout.rows.lowerBound) / SearchIndex.rowBlock * SearchIndex.digestSize
        #expect(Array(original[recorded..<(recorded + SearchIndex.digestSize)]) != forgedDigest)
        forged.replaceSubrange(recorded..<(recorded + SearchIndex.digestSize), with: forgedDigest)
        FileManager.default.createFile(atPath: path, contents: Data(forged), attributes: [.posixPermissions: 0o660])
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        // And a header naming other digests is not the header the mark vouches for.
        var header = original
        let digestStart = try #require(String(decoding: header, as: UTF8.self).range(of: "\"pieces\":[\""))
        let at = String(decoding: header, as: UTF8.self).utf8.distance(from: String(decoding: header, as: UTF8.self).startIndex,
                                                                        to: digestStart.upperBound)
        header[at] = header[at] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        FileManager.default.createFile(atPath: path, contents: Data(header), attributes: [.posixPermissions: 0o660])
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        // Whole again, it answers as the register does.
        FileManager.default.createFile(atPath: path, contents: Data(original), attributes: [.posixPermissions: 0o660])
        let quick = try #require(Store.quickFind(at: store.path, query: "smith"))
        #expect(quick.results.map(\.hit) == Search.find("smith", in: Search.records(in: store.register)).map(\.hit))
        // An index from another store's journal.
        let other = TemporaryFolder()
        let (otherStore, _) = try syntheticStore(other)
        try otherStore.execute(.addCustomer(name: "Someone Else", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                               actor: "oadams", today: day("2026-03-02"))
        try otherStore.writeSearchIndex()
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: otherStore.path + "/" + SearchIndex.fileName, toPath: path)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
    }

    /// A header listing many digests runs past a page: it is read whole, and an index just
    /// written is not taken for one that is behind (and written again by every command).
    @Test func aHeaderLongerThanAPageIsReadWhole() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder)
        try store.writeSearchIndex()
        #expect(!store.searchIndexIsBehind())
        let digests = (0..<300).map { String(repeating: String(format: "%02x", $0 % 256), count: 32) }
        let bytes = try AnchoredFile.encode(format: SearchIndex.format, sequence: 1, offset: 0, hash: "h", body: [1, 2, 3], checked: 0,
                                            pieces: digests)
        #expect(try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) > 4 * 4096)
        let path = folder.path + "/long-header"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fs = PosixFileSystem()
        let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
        defer { fs.close(fd) }
        #expect(AnchoredFile.header(fs: fs, fd: fd, path: path, format: SearchIndex.format)?.pieces == digests)
        #expect(AnchoredFile.header(fs: fs, fd: fd, path: path, format: SearchIndex.format + 1) == nil)
    }

    @Test func anIndexReadableByOthersIsNotUsed() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder)
        try store.writeSearchIndex()
        chmod(store.path + "/" + SearchIndex.fileName, 0o664)
        #expect(Store.quickFind(at: store.path, query: "smith") == nil)
        #expect(throws: StoreError.self) { try Store.open(at: store.path) }
    }

    @Test func textsWithTabsAndNewlinesSurvive() {
        func escaped(_ text: String) -> String {
            var bytes: [UInt8] = []
            SearchIndex.escape(text, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        for text in ["plain", "tab\there", "line\nbreak", "back\\slash", "unit\u{1F}sep", "\\t literally", "", "cr\r\nlf",
                     "Zoë\\\u{301}", "\\\\n"] {
            #expect(SearchIndex.unescape(escaped(text)) == text, "\(text.debugDescription)")
            #expect(!escaped(text).utf8.contains(where: { [0x09, 0x0A, 0x0D, 0x1F].contains($0) }), "\(text.debugDescription)")
        }
    }
}
