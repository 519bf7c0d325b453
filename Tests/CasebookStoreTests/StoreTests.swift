import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

@Suite struct StoreTests {
    @Test func createWriteAndReopen() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        #expect(try store.addCustomer("Zoë Brown") == "CUST-0001")
        #expect(store.sequence == 2)
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register == store.register)
        #expect(reopened.register.customers[CustomerID(number: 1)]?.name == "Zoë Brown")
        #expect(reopened.verify().isSound)
        #expect(reopened.notices.isEmpty)
    }

    @Test func initRefusesAFolderInUse() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        #expect(throws: StoreError.alreadyExists(path: folder.store)) { try makeStore(folder) }
    }

    @Test func missingAndForeignFolders() throws {
        let folder = TemporaryFolder()
        #expect(throws: StoreError.missing(path: folder.store)) { try Store.open(at: folder.store) }
        #expect(throws: StoreError.notAStore(path: folder.path)) { try Store.open(at: folder.path) }
    }

    @Test func refusalsWriteNothing() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        let before = journalBytes(folder)
        #expect(throws: StoreError.self) {
            try store.execute(.addCustomer(name: " ", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                              actor: "admin", today: today)
        }
        #expect(journalBytes(folder) == before)
    }

    @Test func eachLineIsOneRecordWhateverIsTyped() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        let nasty = "Line one\nLine two\r\n\u{1b}[31m\",\"actor\":\"director\",\"x\":\"}\u{2028}\u{0}"
        try store.addCustomer(nasty)
        let text = String(decoding: journalBytes(folder), as: UTF8.self)
        #expect(text.split(separator: "\n").count == 2)
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register.customers[CustomerID(number: 1)]?.name == nasty)
        #expect(reopened.verify().isSound)
    }

    @Test func textIsStoredInNFC() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.addCustomer("Zoe\u{0308}")  // e + combining diaeresis
        #expect(String(decoding: journalBytes(folder), as: UTF8.self).contains("Zo\u{00EB}"))
        #expect(try Store.open(at: folder.store).verify().isSound)
    }

    @Test func lineFormatHasFieldsInFixedOrder() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        let first = String(decoding: journalBytes(folder), as: UTF8.self).split(separator: "\n")[0]
        #expect(first.hasPrefix("{\"v\":1,\"seq\":1,\"at\":\""))
        #expect(first.contains("\"actor\":\"admin\",\"type\":\"register-initialised\",\"payload\":{"))
        #expect(first.contains(",\"prev\":\"" + JournalLine.genesisHash + "\",\"hash\":\""))
    }

    @Test func snapshotsOpenFastAndMatchTheReplay() throws {
        let folder = TemporaryFolder()
        var options = Store.Options()
        options.snapshotInterval = 5
        let store = try makeStore(folder, options: options)
        for index in 1...12 {
            try store.addCustomer("Customer \(index)")
            store.snapshotIfDue()
        }
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/snapshots").sorted()
        #expect(snapshots == ["snapshot-000000000005.snapshot", "snapshot-000000000010.snapshot"])
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.lastSnapshotSequence == 10)
        #expect(reopened.register == store.register)
        let report = reopened.verify()
        #expect(report.isSound)
        #expect(report.snapshotsChecked == 2)
        #expect(report.records == 13)
    }

    @Test func aCorruptSnapshotFallsBackToTheJournal() throws {
        let folder = TemporaryFolder()
        var options = Store.Options()
        options.snapshotInterval = 3
        let store = try makeStore(folder, options: options)
        for index in 1...4 {
            try store.addCustomer("Customer \(index)")
            store.snapshotIfDue()
        }
        let snapshot = folder.store + "/snapshots/snapshot-000000000003.snapshot"
        var bytes = Array(FileManager.default.contents(atPath: snapshot)!)
        bytes[bytes.count - 5] ^= 0x01
        FileManager.default.createFile(atPath: snapshot, contents: Data(bytes), attributes: [.posixPermissions: 0o660])
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register == store.register)
        #expect(reopened.lastSnapshotSequence == 0)
        #expect(reopened.notices.contains { $0.contains("snapshot-000000000003.snapshot") })
        #expect(reopened.verify().notes.contains { $0.contains("cannot be trusted") })
    }

    @Test func aTornTailIsSetAsideAndRecorded() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.addCustomer("Acknowledged")
        let good = journalBytes(folder)
        writeJournal(folder, good + Array("{\"v\":1,\"seq\":3,\"at\":\"2026".utf8))
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.readOnlyReason == nil)
        #expect(reopened.notices.contains { $0.contains("quarantine/") })
        #expect(reopened.register.customers.count == 1)
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine")
        #expect(quarantined.count == 1)
        let kept = FileManager.default.contents(atPath: folder.store + "/quarantine/" + quarantined[0])!
        #expect(String(decoding: kept, as: UTF8.self) == "{\"v\":1,\"seq\":3,\"at\":\"2026")
        #expect(reopened.verify().isSound)
        #expect(String(decoding: journalBytes(folder), as: UTF8.self).contains("store.tail-quarantined"))
        try reopened.addCustomer("After the repair")
        #expect(try Store.open(at: folder.store).register.customers.count == 2)
    }

    @Test func damageBeforeTheLastRecordOpensReadOnly() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.addCustomer("One")
        try store.addCustomer("Two")
        var bytes = journalBytes(folder)
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let target = bytes[secondLine...].firstIndex(of: UInt8(ascii: "O"))!  // inside "One"
        bytes[target] = UInt8(ascii: "0")
        writeJournal(folder, bytes)
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.readOnlyReason?.contains("record 2 (byte \(secondLine) of journal.jsonl): its checksum does not match") == true)
        #expect(reopened.register.customers.isEmpty, "nothing from the damaged record on is trusted")
        #expect(throws: StoreError.self) { try reopened.addCustomer("Three") }
        #expect(reopened.verify().firstProblem == "record 2 at byte \(secondLine): its checksum does not match its content")
        #expect(journalBytes(folder) == bytes, "damage is never repaired silently")
    }

    @Test func storesOpenToOthersAreRefusedWithTheFix() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        chmod(folder.store + "/journal.jsonl", 0o664)
        #expect(throws: StoreError.permissions(path: folder.store + "/journal.jsonl", fix: "chmod -R o-rwx '\(folder.store)'")) {
            try Store.open(at: folder.store)
        }
    }

    @Test func filesAreCreatedWithoutAccessForOthers() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        for name in ["", "/journal.jsonl", "/settings.json", "/lock", "/snapshots", "/quarantine", "/casebook-store"] {
            var info = stat()
            stat(folder.store + name, &info)
            #expect(info.st_mode & 0o007 == 0, "\(name) is open to others")
        }
    }

    @Test func aHeldLockTimesOutNamingTheHolder() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        var options = Store.Options()
        options.lockTimeout = 0.3
        options.holder = "olivia@casebook-host pid 4242"
        let holder = try Store.open(at: folder.store, options: options)
        try holder.lock!.acquire(timeout: 1, holder: options.holder)
        let waiter = try Store.open(at: folder.store, options: options)
        do {
            try waiter.addCustomer("Blocked")
            Issue.record("the write should have timed out")
        } catch let error as StoreError {
            guard case .locked(let who, let waited) = error else { Issue.record("\(error)"); return }
            #expect(who == "olivia@casebook-host pid 4242")
            #expect(waited >= 0.3)
            #expect(error.exitStatus == 3)
        }
        holder.lock!.release()
        try waiter.addCustomer("Now free")
    }

    @Test func otherSessionsSeeNewRecords() throws {
        let folder = TemporaryFolder()
        let first = try makeStore(folder)
        let second = try Store.open(at: folder.store)
        #expect(!second.hasNewRecords())
        try first.addCustomer("From the first terminal")
        #expect(second.hasNewRecords())
        #expect(try second.refresh())
        #expect(second.register.customers.count == 1)
        try second.addCustomer("From the second terminal")
        #expect(try first.refresh())
        #expect(first.register == second.register)
    }

    @Test func aWriteCatchesUpFirst() throws {
        let folder = TemporaryFolder()
        let first = try makeStore(folder)
        let second = try Store.open(at: folder.store)
        try first.addCustomer("One")
        // The second session has not refreshed, yet its write takes the next id, not CUST-0001 again.
        #expect(try second.addCustomer("Two") == "CUST-0002")
    }
}

@Suite struct FilesystemWarningTests {
    @Test func networkFilesystemsAreRecognised() {
        for type in ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "fuseblk", "9p"] { #expect(Store.isNetworkFilesystem(type), "\(type)") }
        for type in ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs"] { #expect(!Store.isNetworkFilesystem(type), "\(type)") }
    }

    @Test func theFilesystemTypeIsRead() {
        #expect(PosixFileSystem().filesystemType(NSTemporaryDirectory()) != nil)
    }

    @Test func settingsAreChangedByAdministratorsOnly() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.execute(.addStaff(login: "olivia", name: "Olivia", roles: [.officer], serviceArea: nil, customerServicesHead: false),
                          actor: "admin", today: today)
        #expect(throws: StoreError.self) {
            try store.updateSettings(actor: "olivia") { (settings: inout StoreSettings) throws(StoreError) in
                settings.closureDays = [day("2026-12-29")]
            }
        }
        try store.updateSettings(actor: "admin") { (settings: inout StoreSettings) throws(StoreError) in
            settings.closureDays = [day("2026-12-29")]
        }
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.settings.closureDays == [day("2026-12-29")])
        #expect(reopened.settings.calendar.adding(workingDays: 1, to: day("2026-12-24")) == day("2026-12-30"))
    }

    @Test func malformedSettingsNameTheFile() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        FileManager.default.createFile(atPath: folder.store + "/settings.json", contents: Data("{\"identity\": \"maybe\"}".utf8),
                                       attributes: [.posixPermissions: 0o660])
        do throws(StoreError) {
            _ = try Store.open(at: folder.store)
            Issue.record("opened with bad settings")
        } catch {
            #expect(error.description.contains("settings.json"))
            #expect(error.exitStatus == 3)
        }
    }
}
