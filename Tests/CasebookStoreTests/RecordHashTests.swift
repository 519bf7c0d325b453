import Crypto
import Foundation
import Testing
@testable import CasebookStore

/// A record's hash kept as bytes reads back as the digits the journal writes, and takes nothing else.
@Suite struct RecordHashTests {
    @Test func aDigestWrittenOutReadsBackTheSame() throws {
        for text in ["", "a", "{\"v\":1}", String(repeating: "x", count: 1000)] {
            let digits = JournalLine.sha256Hex(Array(text.utf8))
            let hash = try #require(RecordHash(digits))
            #expect(hash.hex == digits)
            #expect(hash == RecordHash(SHA256.hash(data: Array(text.utf8))))
        }
        #expect(RecordHash.genesis.hex == JournalLine.genesisHash)
        #expect(RecordHash(JournalLine.genesisHash) == .genesis)
    }

    /// The hash of the record ending at an offset is read back from the journal through windows
    /// that grow until one holds the whole record: a short record, one longer than the first
    /// windows, the first record of the file; one longer than a megabyte is not read.
    /// A line's hash worked out in place (BoringSSL's state on the stack, where it is there) is the
    /// SHA-256 of the line's bytes and its closing byte, at every length either side of a 64-byte block.
    @Test func aLineHashedInPlaceHasTheDigestOfItsBytesAndItsClosingByte() {
        var generator = SystemRandomNumberGenerator()
        let lengths = Array(0...300) + [1_000, 4_095, 4_096, 65_536, 1_000_003]
        for length in lengths {
            let content = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let last = UInt8.random(in: 0...255, using: &generator)
            let expected = RecordHash(SHA256.hash(data: content + [last]))
            let worked = content.withUnsafeBytes { RecordHash.sha256(of: $0, closedWith: last) }
            #expect(worked == expected, "length \(length)")
            #expect(worked.hex == JournalLine.sha256Hex(content + [last]))
        }
        // Nothing at all before the closing byte, with no buffer behind it.
        #expect(RecordHash.sha256(of: UnsafeRawBufferPointer(start: nil, count: 0), closedWith: 0x7D)
            == RecordHash(SHA256.hash(data: [UInt8(0x7D)])))
    }

    @Test func theRecordEndingAtAnOffsetIsFoundHoweverLong() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/journal.jsonl"
        var bytes: [UInt8] = [], previous = JournalLine.genesisHash
        var ends: [(offset: Int, hash: String)] = []
        for (sequence, length) in [10, 20_000, 70_000, 300_000, 5, 1_200_000].enumerated() {
            let entry = JournalEntry.store(.tailQuarantined(TailQuarantined(file: String(repeating: "q", count: length), offset: 0,
                                                                            bytes: length, reason: "test")))
            let (line, encoded) = try JournalLine.encode(sequence: sequence + 1, recorded: "2026-12-03T09:00:00Z", actor: "admin",
                                                          entry: entry, previousHash: previous)
            bytes += encoded
            previous = line.hash
            ends.append((bytes.count, line.hash))
        }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fs = PosixFileSystem()
        let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
        defer { fs.close(fd) }
        for (index, end) in ends.enumerated() {
            let found = Store.recordHash(fs: fs, fd: fd, path: path, endingAt: end.offset)
            #expect(found == (index == ends.count - 1 ? nil : end.hash), "record \(index + 1)")
        }
        // Not at the end of a record: no hash.
        #expect(Store.recordHash(fs: fs, fd: fd, path: path, endingAt: ends[1].offset - 1) == nil)
        #expect(Store.recordHash(fs: fs, fd: fd, path: path, endingAt: 0) == nil)
    }

    @Test func anythingButSixtyFourLowerCaseHexDigitsIsNoHash() {
        let digits = JournalLine.sha256Hex(Array("a".utf8))
        let short = String(digits.dropLast()), shorter = String(digits.dropFirst(2))
        var spoilt: [String] = [digits.uppercased(), short, digits + "0", "", String(repeating: "g", count: 64)]
        spoilt += [" ", "/", ":", "`", "G"].map { short + $0 }
        spoilt.append(shorter + "é")
        for spoilt in spoilt {
            #expect(RecordHash(spoilt) == nil, "\(spoilt)")
        }
        #expect(RecordHash(digits) != RecordHash(JournalLine.sha256Hex(Array("b".utf8))))
    }

    /// Digits are read eight at a time: every byte value, at every place of the 64, is taken
    /// exactly when it is a lower-case hex digit, and then as that digit's value at that place.
    @Test func everyByteAtEveryPlaceIsReadAsOneDigitWouldBe() {
        let digits = Array(JournalLine.sha256Hex(Array("a".utf8)).utf8)
        let hexDigits = Array("0123456789abcdef".utf8)
        var wrong: [String] = []
        for place in 0..<64 {
            for byte in UInt8.min...UInt8.max {
                var changed = digits
                changed[place] = byte
                let read = changed.withUnsafeBytes { RecordHash(hex: $0) }
                let expected: String? = hexDigits.contains(byte) ? String(decoding: changed, as: UTF8.self) : nil
                if read?.hex != expected { wrong.append("byte \(byte) at \(place)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}

/// A line's recorded time kept in three words reads back as the text it was, and so does any other text:
/// shorter, exactly 24 bytes as the journal writes a time, one byte longer, not ASCII, or holding a zero byte.
@Suite struct RecordedTimeTests {
    @Test(arguments: ["2026-12-03T06:10:20Z", "", "2026-12-03", "2026-12-03T06:10:20.123Z", "2026-12-03T06:10:20.1234Z", "ÿ026-12-03T06:10:2Z",
                      "a b c d e f g h i j ", "2026-12-03T06:10:20.12\u{0}", "2026-12-03T06:10:20.12", "é026-12-03T06:10:20.123Z"])
    func readsBackAsItWas(text: String) {
        #expect(RecordedTime(text).text == text)
        var copy = text
        #expect(copy.withUTF8 { RecordedTime(utf8: UnsafeRawBufferPointer($0)) } == RecordedTime(text))
        #expect(RecordedTime(text) != RecordedTime(text + "x"))
        #expect(RecordedTime(text) != RecordedTime(text + "\u{0}"), "a zero byte after the text is part of it, not padding")
    }

    @Test func aTimeAsTheJournalWritesItHasNoStringOfItsOwn() {
        #expect(RecordedTime(Store.timestamp(Date(timeIntervalSince1970: 1_796_000_000.123))).isPacked)
        #expect(RecordedTime("2026-12-03T06:10:20Z").isPacked)
        #expect(!RecordedTime("2026-12-03T06:10:20.1234Z").isPacked)
    }
}
