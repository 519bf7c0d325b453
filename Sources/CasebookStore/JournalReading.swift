import Foundation

/// A scan's journal read one block after another, each cut at a line's end, from `start` to
/// `size`. Its place is kept here and moved on by each read, so blocks are read in order on one
/// serial queue (or on the scanning thread alone): the thread that applies the lines never waits
/// on a read.
final class JournalReading: @unchecked Sendable {
    struct Block {
        let bytes: [UInt8]
        /// Where `bytes` start in the journal.
        let offset: Int
        /// Whether the block reaches the journal's end (its last line may be torn).
        let endsJournal: Bool
    }

    private let fs: any FileSystem
    private let fd: Int32
    private let path: String
    private let start: Int, size: Int, largest: Int
    /// Where the next block starts; the size once the journal is read, or a read failed.
    private var next: Int
    /// The memory of the block read last, handed back once its lines are decoded (`recycle`) and
    /// read into next: each block of a long scan would otherwise be read into new memory, which the
    /// kernel clears page by page on first touch (a tenth of the decoding threads' time).
    private var spare: [UInt8] = []

    init(fs: any FileSystem, fd: Int32, path: String, from start: Int, to size: Int, largest: Int) {
        (self.fs, self.fd, self.path, self.start, self.size, self.largest, next) = (fs, fd, path, start, size, max(1, largest), start)
    }

    /// The first block's size at most: a scan this short is read and decoded on its own thread.
    var isOneBlock: Bool { size - start <= Self.blockSize(at: start, from: start, to: size, largest: largest) }

    /// How much of the journal a scan from `start` to `size` reads at `offset`: `largest`, but less
    /// near either end (down to a sixteenth of it). Near the start, so that the first lines are
    /// decoded on every core at once rather than after one long read; near the end, so that the
    /// last blocks, applied after the other threads have nothing left to decode, are short.
    static func blockSize(at offset: Int, from start: Int, to size: Int, largest: Int) -> Int {
        let nearestEnd = min(offset - start, size - offset)
        return max(1, min(largest, max(largest / 16, nearestEnd / 4)))
    }

    /// The next block: at most `blockSize` bytes cut after the last whole line (more when one line
    /// is longer), or to the journal's end; nil once nothing is left to read.
    func nextBlock() throws(StoreError) -> Block? {
        let offset = next
        guard offset < size else { return nil }
        var count = min(Self.blockSize(at: offset, from: start, to: size, largest: largest), size - offset)
        // Room for the largest block from the first of a long scan, whose blocks then all fit in it
        // (only what is read into is ever touched).
        if offset == start, !isOneBlock { spare.reserveCapacity(largest) }
        while true {
            var bytes = spare
            spare = []
            do throws(FileError) {
                try fs.read(fd, count: count, at: offset, path: path, into: &bytes)
            } catch {
                next = size  // nothing more is read after a failure
                throw .io("\(error)")
            }
            if bytes.isEmpty {
                next = size
                return nil
            }
            if offset + bytes.count >= size || bytes.count < count {
                next = size
                return Block(bytes: bytes, offset: offset, endsJournal: true)
            }
            if let last = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                bytes.removeSubrange((last + 1)...)
                next = offset + bytes.count
                return Block(bytes: bytes, offset: offset, endsJournal: false)
            }
            spare = bytes
            count = min(count * 2, size - offset)  // one line longer than a block
        }
    }

    /// A block's memory handed back once nothing needs its bytes, to read the next block into.
    func recycle(_ block: consuming Block) {
        spare = block.bytes
    }
}

/// A block of the journal read and decoded on another thread while the blocks before it are
/// applied.
final class BlockInDecoding: @unchecked Sendable {
    struct Decoded {
        /// Where the block starts in the journal, and whether it reaches the journal's end.
        let offset: Int, endsJournal: Bool
        let lines: JournalScan.Decoded
    }

    private var result: Result<Decoded?, StoreError>?
    private let group = DispatchGroup()

    /// The next block of `reading`, read and decoded on `queue` (serial: blocks are read in order
    /// and decoded one after another, each on every core), or at once on this thread and its
    /// helpers when `queue` is nil (a catch-up of a few records needs no other thread).
    init(_ reading: JournalReading, on queue: DispatchQueue?) {
        guard let queue else {
            result = Self.read(reading)
            return
        }
        queue.async(group: group) { self.result = Self.read(reading) }
    }

    private static func read(_ reading: JournalReading) -> Result<Decoded?, StoreError> {
        Result { () throws(StoreError) in
            guard let block = try reading.nextBlock() else { return nil }
            let decoded = Decoded(offset: block.offset, endsJournal: block.endsJournal, lines: JournalScan.decodeBlock(block.bytes))
            // The decoded lines hold none of the block's bytes: its memory is read into next.
            reading.recycle(block)
            return decoded
        }
    }

    /// The block and its decoded lines once they are ready (written by the other thread before the
    /// group is left); nil past the journal's end.
    func wait() throws(StoreError) -> Decoded? {
        group.wait()
        return try result!.get()
    }
}
