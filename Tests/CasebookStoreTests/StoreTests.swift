import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

@Suite struct StoreTests {
    @Test func createWriteAndReopen() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        #expect(try store.addCustomer("Zoë Brown") == "CUST-0001")
        #expect(store.sequence == 3, "the settings, the administrator, the customer")
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
        // Multi-line text keeps its newlines and tabs; nothing typed can break a record's framing.
        let nasty = "Line one\nLine two\n\t\",\"actor\":\"director\",\"x\":\"}\u{2028}end"
        try store.execute(.addCustomer(name: "Zoë Brown", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nasty),
                          actor: "admin", today: today)
        let text = String(decoding: journalBytes(folder), as: UTF8.self)
        #expect(text.split(separator: "\n").count == 3)
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register.customers[CustomerID(number: 1)]?.adjustments == nasty)
        #expect(reopened.verify().isSound)
        // Control characters are refused before anything is written.
        let before = journalBytes(folder)
        for hostile in ["Line\r\nTwo", "\u{1b}[31mRed", "Nul\u{0}", "C1\u{9b}31m"] {
            #expect(throws: StoreError.self) {
                try store.execute(.addCustomer(name: "Zoë Brown", address: nil, postcode: nil, email: nil, phone: nil,
                                               adjustments: hostile), actor: "admin", today: today)
            }
        }
        #expect(journalBytes(folder) == before)
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
        let lines = String(decoding: journalBytes(folder), as: UTF8.self).split(separator: "\n")
        #expect(lines[0].hasPrefix("{\"v\":1,\"seq\":1,\"at\":\""))
        #expect(lines[0].contains("\"actor\":\"admin\",\"type\":\"store.settings\",\"payload\":{"))
        #expect(lines[0].contains(",\"prev\":\"" + JournalLine.genesisHash + "\",\"hash\":\""))
        #expect(lines[1].hasPrefix("{\"v\":1,\"seq\":2,\"at\":\""))
        #expect(lines[1].contains("\"actor\":\"admin\",\"type\":\"register-initialised\",\"payload\":{"))
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
        #expect(report.records == 14)
    }

    @Test func aCorruptSnapshotFallsBackToTheJournal() throws {
        let folder = TemporaryFolder()
        var options = Store.Options()
        options.snapshotInterval = 3
        let store = try makeStore(folder, options: options)
        for index in 1...3 {
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
        #expect(reopened.notices.contains { $0.contains("snapshot-000000000003.snapshot") && $0.contains("quarantine") })
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine")
        #expect(quarantined.contains { $0.hasPrefix("snapshot-000000000003.snapshot.") }, "set aside, never deleted")
        #expect(reopened.verify().isSound)
    }

    @Test func aTornTailIsSetAsideAndRecorded() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.addCustomer("Acknowledged")
        let good = journalBytes(folder)
        writeJournal(folder, good + Array("{\"v\":1,\"seq\":4,\"at\":\"2026".utf8))
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.readOnlyReason == nil)
        #expect(reopened.notices.contains { $0.contains("quarantine/") })
        #expect(reopened.register.customers.count == 1)
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine")
        #expect(quarantined.count == 1)
        let kept = FileManager.default.contents(atPath: folder.store + "/quarantine/" + quarantined[0])!
        #expect(String(decoding: kept, as: UTF8.self) == "{\"v\":1,\"seq\":4,\"at\":\"2026")
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
        let thirdLine = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[1] + 1
        let target = bytes[thirdLine...].firstIndex(of: UInt8(ascii: "O"))!  // inside "One"
        bytes[target] = UInt8(ascii: "0")
        writeJournal(folder, bytes)
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.readOnlyReason?.contains("record 3 (byte \(thirdLine) of journal.jsonl): its checksum does not match") == true)
        #expect(reopened.register.customers.isEmpty, "nothing from the damaged record on is trusted")
        #expect(throws: StoreError.self) { try reopened.addCustomer("Three") }
        #expect(reopened.verify().firstProblem == "record 3 at byte \(thirdLine): its checksum does not match its content")
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

    /// settings.json is a cache of the settings the journal records: edited or broken, it is not
    /// believed (flipping the identity to act as someone else no longer works), and it is written again.
    @Test func settingsJsonIsOnlyTheJournalsCache() throws {
        let folder = TemporaryFolder()
        _ = try makeStore(folder)
        for forged in ["{\"identity\": \"maybe\"}", "{\"identity\": \"os\", \"closureDays\": [], \"council\": {}}", "not json"] {
            FileManager.default.createFile(atPath: folder.store + "/settings.json", contents: Data(forged.utf8),
                                           attributes: [.posixPermissions: 0o660])
            let store = try Store.open(at: folder.store)
            #expect(store.settings.identity == .declared, "\(forged)")
            #expect(store.notices.contains { $0.contains("settings.json") }, "\(store.notices)")
            let cache = try StoreSettings.decode(journalBytesOf(folder.store + "/settings.json"), path: "settings.json")
            #expect(cache == store.settings, "the cache is written again from the journal")
        }
    }

    /// A store from before settings were journalled has only settings.json: a broken one is named.
    @Test func aLegacyStoresMalformedSettingsNameTheFile() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.addCustomer("Zoë Brown")
        // Make it as an older Casebook left it: no settings in the journal, no mark, format 1.
        let lines = journalBytes(folder).split(separator: UInt8(ascii: "\n")).map { try! JournalLine.decode($0) }
        var bytes: [UInt8] = [], previous = JournalLine.genesisHash
        for (index, line) in lines.dropFirst().enumerated() {
            let (encoded, data) = try JournalLine.encode(sequence: index + 1, recorded: line.recorded, actor: line.actor,
                                                         entry: line.entry, previousHash: previous)
            bytes += data
            previous = encoded.hash
        }
        writeJournal(folder, bytes)
        try FileManager.default.removeItem(atPath: folder.store + "/head")
        try? FileManager.default.removeItem(atPath: folder.store + "/search.index")
        FileManager.default.createFile(atPath: folder.store + "/casebook-store", contents: Data("casebook-store 1\n".utf8),
                                       attributes: [.posixPermissions: 0o660])
        FileManager.default.createFile(atPath: folder.store + "/settings.json", contents: Data("{\"identity\": \"maybe\"}".utf8),
                                       attributes: [.posixPermissions: 0o660])
        do throws(StoreError) {
            _ = try Store.open(at: folder.store)
            Issue.record("opened with bad settings")
        } catch {
            #expect(error.description.contains("settings.json"))
            #expect(error.exitStatus == 3)
        }
        // With good settings it opens and is brought up to date: settings journalled, a mark, format 2.
        FileManager.default.createFile(atPath: folder.store + "/settings.json",
                                       contents: Data(StoreSettings(identity: .declared).encoded()), attributes: [.posixPermissions: 0o660])
        let upgraded = try Store.open(at: folder.store)
        #expect(upgraded.register.customers.count == 1)
        #expect(upgraded.journalSettings == StoreSettings(identity: .declared))
        #expect(FileManager.default.fileExists(atPath: folder.store + "/head"))
        #expect(String(decoding: journalBytesOf(folder.store + "/casebook-store"), as: UTF8.self).hasPrefix("casebook-store 2"))
        #expect(upgraded.verify().isSound)
    }
}
