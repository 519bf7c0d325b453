import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// Bit flips and truncation at every byte of the last records; a full disk; a read-only folder.
@Suite struct DamageTests {
    /// A store of six records (its settings, the administrator, four customers), all of them
    /// saved; returns the journal and the offset where record 4 starts.
    func sixRecords(_ folder: TemporaryFolder) throws -> (bytes: [UInt8], fromRecord4: Int) {
        let store = try makeStore(folder)
        for name in ["Amelia Jones", "Wei Zhang", "Fatima Al-Sayed", "Zoë Brown"] { try store.addCustomer(name) }
        let bytes = journalBytes(folder)
        let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        #expect(newlines.count == 6)
        return (bytes, newlines[2] + 1)
    }

    /// Read whole, and in blocks smaller than a record or of a record or two (cut at a line's end).
    static let blocks = [Store.Options().journalBlock, 50, 333]

    func options(_ block: Int) -> Store.Options {
        var options = Store.Options()
        options.journalBlock = block
        return options
    }

    /// Every record here was saved (the high-water mark says so): a flipped bit in any of them,
    /// the last included, is damage that names the record, never a torn write to set aside.
    @Test(arguments: blocks)
    func aBitFlipInASavedRecordIsDamageNamingIt(block: Int) throws {
        let folder = TemporaryFolder()
        let (original, start) = try sixRecords(folder)
        for offset in start..<original.count {
            for bit in [0, 5] {
                var bytes = original
                bytes[offset] ^= UInt8(1 << bit)
                writeJournal(folder, bytes)
                let damaged = 1 + original[..<offset].filter { $0 == UInt8(ascii: "\n") }.count
                let store = try Store.open(at: folder.store, options: options(block))
                #expect(store.readOnlyReason?.contains("record \(damaged)") == true, "flip at \(offset): \(store.readOnlyReason ?? "none")")
                #expect(journalBytes(folder) == bytes, "never repaired silently (flip at \(offset))")
                #expect(store.register.customers.count == damaged - 3, "what comes before the damage is read (flip at \(offset))")
                #expect(!store.verify().isSound, "flip at \(offset)")
                #expect(throws: StoreError.self) { try store.addCustomer("Not now") }
                #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine")) ?? []).isEmpty)
            }
        }
    }

    /// A journal cut short, at a line's end or inside a line, has lost records that were saved:
    /// the store opens read-only naming them, and nothing claims that nothing was lost.
    @Test(arguments: blocks)
    func aJournalCutShortNamesTheMissingRecords(block: Int) throws {
        let folder = TemporaryFolder()
        let (original, start) = try sixRecords(folder)
        let ends = original.indices.filter { original[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        for length in start..<original.count {
            writeJournal(folder, Array(original.prefix(length)))
            let store = try Store.open(at: folder.store, options: options(block))
            let whole = ends.filter { $0 <= length }.count
            let reason = store.readOnlyReason ?? ""
            #expect(!reason.isEmpty, "cut to \(length)")
            if ends.contains(length) {
                #expect(store.notices.contains { $0.contains("records \(whole + 1) to 6 were saved") || $0.contains("record 6 was saved") },
                        "cut at a line's end (\(length)): \(store.notices)")
            } else {
                #expect(store.notices.contains { $0.contains("record \(whole + 1) (byte") && $0.contains("it was saved") },
                        "cut inside a line (\(length)): \(store.notices)")
            }
            #expect(!store.notices.contains { $0.contains("acknowledged") }, "cut to \(length)")
            #expect(store.register.customers.count == whole - 2, "cut to \(length): every whole record read")
            #expect(journalBytes(folder) == Array(original.prefix(length)), "never repaired (cut to \(length))")
            #expect(!store.verify().isSound)
        }
    }

    /// A record cut short while it was being written (the writer died before it was saved) is
    /// set aside into quarantine at every length, recorded, and nothing saved is lost.
    @Test(arguments: blocks)
    func aWriteCutShortIsSetAsideAndNothingSavedIsLost(block: Int) throws {
        let folder = TemporaryFolder()
        let (original, _) = try sixRecords(folder)
        let previous = try JournalLine.decode(original.dropLast().split(separator: UInt8(ascii: "\n")).last!).hash
        let event = Event.customerAdded(CustomerAdded(id: CustomerID(number: 5), name: "Never Saved", address: nil, email: nil,
                                                      phone: nil, adjustments: nil))
        let (_, unsaved) = try JournalLine.encode(sequence: 7, recorded: "2026-03-02T10:00:00.000Z", actor: "admin",
                                                  entry: .domain(event), previousHash: previous)
        let mark = journalBytesOf(folder.store + "/head")
        for cut in 1..<unsaved.count {
            writeJournal(folder, original + unsaved.prefix(cut))
            // The mark as it was when the writer died (each repair below records itself).
            FileManager.default.createFile(atPath: folder.store + "/head", contents: Data(mark), attributes: [.posixPermissions: 0o660])
            try? FileManager.default.removeItem(atPath: folder.store + "/quarantine")
            try FileManager.default.createDirectory(atPath: folder.store + "/quarantine", withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o770])
            let store = try Store.open(at: folder.store, options: options(block))
            #expect(store.readOnlyReason == nil, "cut at \(cut)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine")
            #expect(names.count == 1, "cut at \(cut)")
            let kept = Array(FileManager.default.contents(atPath: folder.store + "/quarantine/" + (names.first ?? "")) ?? Data())
            #expect(kept == Array(unsaved.prefix(cut)), "the bytes set aside are the torn ones (cut at \(cut))")
            #expect(Array(journalBytes(folder).prefix(original.count)) == original)
            #expect(store.notices.contains { $0.contains("never been acknowledged") }, "\(store.notices)")
            #expect(store.verify().isSound, "cut at \(cut)")
            #expect(store.register.customers.count == 4)
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
