import Foundation
import Testing
@testable import CasebookStore

/// The journal is read block by block, each cut at a line's end, in order, with nothing left out
/// or read twice, whatever the lines' lengths and the blocks' size.
@Suite struct JournalReadingTests {
    /// The blocks read, in order. Recycling, each block's memory is handed back as a scan does
    /// once its lines are decoded, and the block kept is a copy of its bytes made before that.
    func blocks(of bytes: [UInt8], from start: Int = 0, largest: Int, recycling: Bool = false,
                memory: ((UnsafeRawPointer?) -> Void)? = nil) throws -> [JournalReading.Block] {
        let folder = TemporaryFolder()
        let path = folder.path + "/journal.jsonl"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fs = PosixFileSystem()
        let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
        defer { close(fd) }
        let reading = JournalReading(fs: fs, fd: fd, path: path, from: start, to: bytes.count, largest: largest)
        var blocks: [JournalReading.Block] = []
        while let block = try reading.nextBlock() {
            memory?(block.bytes.withUnsafeBytes { UnsafeRawPointer($0.baseAddress) })
            if recycling {
                blocks.append(JournalReading.Block(bytes: block.bytes.map { $0 }, offset: block.offset,
                                                   endsJournal: block.endsJournal))
                reading.recycle(block)
            } else {
                blocks.append(block)
            }
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
                for recycling in [false, true] {
                let blocks = try blocks(of: bytes, from: start, largest: largest, recycling: recycling)
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
    }

    /// A long scan reads each block into the memory of the block before it once that is handed
    /// back: one allocation for the whole scan, however many blocks.
    @Test func aLongScanReadsEveryBlockIntoTheSameMemory() throws {
        var bytes: [UInt8] = []
        for index in 0..<20_000 { bytes += Array("{\"seq\":\(index),\"text\":\"\(String(repeating: "y", count: index % 97))\"}\n".utf8) }
        var places = Set<UnsafeRawPointer?>()
        let blocks = try blocks(of: bytes, largest: 64 << 10, recycling: true) { places.insert($0) }
        #expect(blocks.count > 20)
        #expect(blocks.flatMap(\.bytes) == bytes)
        #expect(places.count == 1, "every block read into the first block's memory")
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
