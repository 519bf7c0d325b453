import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

/// verify compares a snapshot with the replay by the bytes the replay writes, and falls back to
/// reading the snapshot whole only when those differ.
@Suite struct SnapshotComparisonTests {
    func snapshotted(_ folder: TemporaryFolder) throws -> (store: Store, bytes: [UInt8], body: Int, header: AnchoredFile.Header) {
        let (store, _) = try syntheticStore(folder, cases: 120, seed: 5)
        try store.writeSnapshot()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/snapshots").filter { $0.hasSuffix(".snapshot") }
        let name = try #require(names.max())
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder.store + "/snapshots/" + name)))
        guard case .success(let (header, body)) = AnchoredFile.open(bytes, format: Snapshot.format) else {
            throw Failure("the snapshot does not open")
        }
        return (store, bytes, body, header)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func aRegisterReadFromItsSnapshotWritesTheSameBytes() throws {
        let folder = TemporaryFolder()
        let (store, bytes, body, header) = try snapshotted(folder)
        let decoded = try Snapshot.decode(bytes).get().1
        #expect(try Snapshot.encodeBody(decoded, calendar: header.settings!.calendar) == Array(bytes[body...]))
        #expect(try Snapshot.encodeBody(store.register, calendar: header.settings!.calendar) == Array(bytes[body...]))
        #expect(Snapshot.compare(bytes, body: body, header: header, with: store.register) == .same)
        #expect(Snapshot.compare(bytes, body: body, header: header, with: decoded) == .same)
    }

    @Test func aRegisterWithOneRecordChangedIsDifferent() throws {
        let folder = TemporaryFolder()
        let (store, bytes, body, header) = try snapshotted(folder)
        var changed = store.register
        changed.apply(.customerAdded(CustomerAdded(id: CustomerID(number: 99_999), name: "Someone Else", address: nil, email: nil,
                                                   phone: nil, adjustments: nil)), by: "admin")
        #expect(Snapshot.compare(bytes, body: body, header: header, with: changed) == .different)
    }

    /// A snapshot one byte away from the replay's, in any piece, under a header that vouches for
    /// its pieces as they now are, is never called the same: each piece is compared where it lies.
    @Test func oneByteChangedInAnyPieceIsNotTheSame() throws {
        let folder = TemporaryFolder()
        let (store, bytes, body, header) = try snapshotted(folder)
        let ranges = try bytes.withUnsafeBytes { all throws(Snapshot.Failure) in try Snapshot.pieceRanges(all, at: body) }
        for range in ranges where !range.isEmpty {
            var changed = Array(bytes[body...])
            changed[range.lowerBound - body + range.count / 2] ^= 0x01
            let digests = try changed.withUnsafeBytes { all throws(Snapshot.Failure) in
                try Snapshot.pieceRanges(all, at: 0).map { HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: all[$0])) }
            }
            let rewritten = try AnchoredFile.encode(format: Snapshot.format, sequence: header.sequence, offset: header.offset,
                                                    hash: header.hash, body: changed, checked: 0, settings: header.settings,
                                                    pieces: digests)
            guard case .success(let (reread, start)) = AnchoredFile.open(rewritten, format: Snapshot.format) else {
                Issue.record("the rewritten snapshot does not open")
                continue
            }
            #expect(Snapshot.compare(rewritten, body: start, header: reread, with: store.register) != .same, "piece \(ranges.firstIndex(of: range)!) of \(ranges.count)")
        }
    }

    /// A body the replay writes byte for byte, under a header vouching for other pieces, is not
    /// believed: the long way reads it and says why.
    @Test func theSameBytesUnderAHeaderThatVouchesForOthersDoNotRead() throws {
        let folder = TemporaryFolder()
        let (store, bytes, body, header) = try snapshotted(folder)
        var forged = header
        forged.pieces = header.pieces.map { digests in digests.map { _ in String(repeating: "0", count: 64) } }
        let rewritten = try AnchoredFile.encode(format: Snapshot.format, sequence: header.sequence, offset: header.offset,
                                                hash: header.hash, body: Array(bytes[body...]), checked: 0, settings: header.settings,
                                                pieces: forged.pieces)
        guard case .success(let (reread, start)) = AnchoredFile.open(rewritten, format: Snapshot.format) else {
            Issue.record("the rewritten snapshot does not open")
            return
        }
        guard case .unreadable(let why) = Snapshot.compare(rewritten, body: start, header: reread, with: store.register) else {
            Issue.record("a snapshot whose pieces are not the ones its header vouches for was believed")
            return
        }
        #expect(why.contains("SHA-256"), "\(why)")
    }

    /// A snapshot of a record past the journal's end is compared with nothing; one that does not
    /// read is still named in verify's notes.
    @Test func anUnreadableSnapshotPastTheJournalIsNamed() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder, cases: 20, seed: 5)
        let name = Snapshot.fileName(sequence: store.sequence + 100)
        let bytes = try AnchoredFile.encode(format: Snapshot.format, sequence: store.sequence + 100, offset: store.appliedOffset,
                                            hash: store.lastHash, body: [1, 2, 3], checked: 0, settings: nil, pieces: [])
        FileManager.default.createFile(atPath: folder.store + "/snapshots/" + name, contents: Data(bytes))
        let report = store.verify()
        #expect(report.snapshotsChecked == 0)
        #expect(report.notes.contains { $0.contains(name) && $0.contains("cannot be trusted") }, "\(report.notes)")
    }
}
