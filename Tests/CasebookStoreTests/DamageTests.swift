import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// Bit flips and truncation at every byte of the last records; a full disk; a read-only folder.
@Suite struct DamageTests {
    /// A store of five records; returns the journal and the offset where record 4 starts.
    func fiveRecords(_ folder: TemporaryFolder) throws -> (bytes: [UInt8], lastTwo: Int) {
        let store = try makeStore(folder)
        for name in ["Amelia Jones", "Wei Zhang", "Fatima Al-Sayed", "Zoë Brown"] { try store.addCustomer(name) }
        let bytes = journalBytes(folder)
        let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        #expect(newlines.count == 5)
        return (bytes, newlines[2] + 1)
    }

    /// Read whole, and in blocks smaller than a record or of a record or two (cut at a line's end).
    static let blocks = [Store.Options().journalBlock, 50, 333]

    func options(_ block: Int) -> Store.Options {
        var options = Store.Options()
        options.journalBlock = block
        return options
    }

    @Test(arguments: blocks)
    func aBitFlipAnywhereInTheLastRecordsIsDetectedOrSetAside(block: Int) throws {
        let folder = TemporaryFolder()
        let (original, start) = try fiveRecords(folder)
        let lastStart = original[..<(original.count - 1)].lastIndex(of: UInt8(ascii: "\n"))! + 1
        for offset in start..<original.count {
            for bit in [0, 5] {
                var bytes = original
                bytes[offset] ^= UInt8(1 << bit)
                writeJournal(folder, bytes)
                try? FileManager.default.removeItem(atPath: folder.store + "/quarantine")
                try FileManager.default.createDirectory(atPath: folder.store + "/quarantine", withIntermediateDirectories: false,
                                                        attributes: [.posixPermissions: 0o770])
                let store = try Store.open(at: folder.store, options: options(block))
                if offset < lastStart - 1 {
                    // Damage before the last record: read-only, naming record 4.
                    #expect(store.readOnlyReason?.contains("record 4") == true, "flip at \(offset)")
                    #expect(journalBytes(folder) == bytes, "never repaired silently (flip at \(offset))")
                    #expect(store.register.customers.count == 2)
                } else {
                    // The last line (or the newline that ends the one before): set aside, recorded, nothing else lost.
                    #expect(store.readOnlyReason == nil, "flip at \(offset)")
                    let names = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine")
                    #expect(names.count == 1, "flip at \(offset)")
                    let kept = Array(FileManager.default.contents(atPath: folder.store + "/quarantine/" + names[0]) ?? Data())
                    let journal = journalBytes(folder)
                    #expect(Array(journal.prefix(bytes.count - kept.count)) == Array(bytes.prefix(bytes.count - kept.count)))
                    #expect(Array(bytes.suffix(kept.count)) == kept, "the bytes set aside are the damaged ones (flip at \(offset))")
                    #expect(store.verify().isSound, "flip at \(offset)")
                    #expect(store.register.customers.count >= 2)
                }
            }
        }
    }

    @Test(arguments: blocks)
    func truncationAtEveryByteOfTheLastRecordsIsRepaired(block: Int) throws {
        let folder = TemporaryFolder()
        let (original, start) = try fiveRecords(folder)
        let newlines = Set(original.indices.filter { original[$0] == UInt8(ascii: "\n") }.map { $0 + 1 })
        for length in start..<original.count {
            writeJournal(folder, Array(original.prefix(length)))
            let store = try Store.open(at: folder.store, options: options(block))
            #expect(store.readOnlyReason == nil, "truncated to \(length)")
            #expect(store.verify().isSound, "truncated to \(length)")
            let whole = newlines.filter { $0 <= length }.count
            #expect(store.register.customers.count == whole - 1, "truncated to \(length): every whole record kept")
        }
    }

    @Test func aFullDiskSaysNotSavedAndChangesNothing() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        let before = journalBytes(folder)
        let full = FaultyFileSystem(failAt: 1, fault: .failForever, code: ENOSPC, only: ["write"])
        let store = try Store.open(at: folder.store, fs: full)
        #expect(throws: StoreError.notSaved("the disk is full")) { try store.addCustomer("Nowhere") }
        #expect(StoreError.notSaved("the disk is full").description.hasPrefix("NOT SAVED"))
        #expect(journalBytes(folder) == before)
        #expect(store.readOnlyReason != nil)
        #expect(throws: StoreError.self) { try store.addCustomer("Still nowhere") }
    }

    @Test func aFailedSyncIsNotRetriedAndTheRecordIsTakenBack() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        let before = journalBytes(folder)
        let failing = FaultyFileSystem(failAt: 1, fault: .failOnce, code: EIO, only: ["fdatasync"])
        let store = try Store.open(at: folder.store, fs: failing)
        #expect(throws: StoreError.self) { try store.addCustomer("Unsynced") }
        #expect(journalBytes(folder) == before, "the unsynced record was truncated back")
        #expect(store.readOnlyReason?.contains("write failed") == true)
    }

    @Test func aReadOnlyFolderOpensForReadingAndRefusesWritesClearly() throws {
        let folder = TemporaryFolder()
        let original = try makeStore(folder)
        try original.addCustomer("Zoë Brown")
        let store = try Store.open(at: folder.store, fs: ReadOnlyFileSystem())
        #expect(store.register.customers.count == 1)
        #expect(store.readOnlyReason != nil)
        do {
            try store.addCustomer("Nowhere")
            Issue.record("wrote to a read-only folder")
        } catch let error as StoreError {
            #expect(error.exitStatus == 3)
            #expect(error.description.contains("read-only"))
            #expect(error.description.contains("permissions"))
        }
    }
}
