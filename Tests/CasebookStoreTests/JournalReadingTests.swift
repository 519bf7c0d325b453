import Foundation
import Testing
@testable import CasebookStore

/// The journal is read block by block, each cut at a line's end, in order, with nothing left out
/// or read twice, whatever the lines' lengths and the blocks' size.
@Suite struct JournalReadingTests {
    func blocks(of bytes: [UInt8], from start: Int = 0, largest: Int) throws -> [JournalReading.Block] {
        let folder = TemporaryFolder()
        let path = folder.path + "/journal.jsonl"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fs = PosixFileSystem()
        let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
        defer { close(fd) }
        let reading = JournalReading(fs: fs, fd: fd, path: path, from: start, to: bytes.count, largest: largest)
        var blocks: [JournalReading.Block] = []
        while let block = try reading.nextBlock() {
            blocks.append(block)
            try #require(blocks.count <= bytes.count + 1, "the reading ends")
        }
        #expect(try reading.nextBlock() == nil, "nothing more once the journal is read")
        return blocks
    }

    @Test(arguments: [1, 7, 64, 333, 4_096, 1 << 20])
    func theBlocksCoverTheJournalInOrderEachEndingAtALinesEnd(largest: Int) throws {
        var generator = SystemRandomNumberGenerator()
        for torn in [false, true] {
            var bytes: [UInt8] = []
            for _ in 0..<200 {
                // Lines of one byte to several blocks long.
                bytes += Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 0...900, using: &generator)) + [0x0A]
            }
            if torn { bytes += Array("{\"v\":1,\"seq\"".utf8) }
            for start in [0, bytes.firstIndex(of: 0x0A)! + 1] {
                let blocks = try blocks(of: bytes, from: start, largest: largest)
                var offset = start
                for (index, block) in blocks.enumerated() {
                    #expect(block.offset == offset)
                    #expect(Array(bytes[offset..<(offset + block.bytes.count)]) == block.bytes)
                    let isLast = index == blocks.count - 1
                    #expect(block.endsJournal == isLast)
                    if !isLast { #expect(block.bytes.last == 0x0A, "cut at a line's end") }
                    offset += block.bytes.count
                }
                #expect(offset == bytes.count, "nothing left out")
            }
        }
    }

    /// Blocks are shorter near either end of the scan, and never more than the largest.
    @Test func blocksTaperTowardsEitherEnd() {
        let largest = 16 << 20, size = 480 << 20
        #expect(JournalReading.blockSize(at: 0, from: 0, to: size, largest: largest) == largest / 16)
        #expect(JournalReading.blockSize(at: size / 2, from: 0, to: size, largest: largest) == largest)
        #expect(JournalReading.blockSize(at: size - 100, from: 0, to: size, largest: largest) == largest / 16)
        #expect(JournalReading.blockSize(at: 8 << 20, from: 0, to: size, largest: largest) == 2 << 20)
        #expect(JournalReading.blockSize(at: 0, from: 0, to: 10, largest: 3) == 1)
    }
}

extension JournalReading.Block: Equatable {
    public static func == (left: Self, right: Self) -> Bool {
        left.bytes == right.bytes && left.offset == right.offset && left.endsJournal == right.endsJournal
    }
}
