import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// What someone with the store's files might do to them, and what notices it (docs/threat-model.md).
@Suite struct TamperTests {
    func storeWithCustomers(_ folder: TemporaryFolder, _ count: Int = 3, options: Store.Options = Store.Options()) throws -> Store {
        let store = try makeStore(folder, options: options)
        for index in 1...count { try store.addCustomer("Customer \(index)") }
        return store
    }

    func lines(_ folder: TemporaryFolder) -> [ArraySlice<UInt8>] {
        journalBytes(folder).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map { $0 }
    }

    // MARK: - Links planted in the store

    /// A link in place of any file of the store is refused and named; what it points to is never
    /// opened, truncated or appended to.
    @Test(arguments: ["lock", "journal.jsonl", "settings.json", "head", "casebook-store", "search.index"])
    func aLinkInPlaceOfAStoreFileIsRefusedAndItsTargetUntouched(name: String) throws {
        let folder = TemporaryFolder()
        let store = try storeWithCustomers(folder)
        store.searchIndexIfStale()
        let victim = folder.path + "/victim"
        let secret = Array("someone else's file\n".utf8)
        FileManager.default.createFile(atPath: victim, contents: Data(secret), attributes: [.posixPermissions: 0o600])
        try? FileManager.default.removeItem(atPath: folder.store + "/" + name)
        try FileManager.default.createSymbolicLink(atPath: folder.store + "/" + name, withDestinationPath: victim)
        do {
            let opened = try Store.open(at: folder.store)
            try opened.addCustomer("Through the link")
            Issue.record("a store with \(name) linked elsewhere was opened and written")
        } catch let error as StoreError {
            #expect(error.description.contains(folder.store + "/" + name), "\(error)")
            #expect(error.description.contains("symbolic link"), "\(error)")
            #expect(error.exitStatus == 3)
        }
        #expect(journalBytesOf(victim) == secret, "the link's target is untouched")
        #expect(Store.quickFind(at: folder.store, query: "customer") == nil)
    }

    @Test(arguments: ["snapshots", "quarantine"])
    func aLinkInPlaceOfAStoreFolderIsRefused(name: String) throws {
        let folder = TemporaryFolder()
        _ = try storeWithCustomers(folder)
        let elsewhere = folder.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
        try FileManager.default.removeItem(atPath: folder.store + "/" + name)
        try FileManager.default.createSymbolicLink(atPath: folder.store + "/" + name, withDestinationPath: elsewhere)
        #expect(throws: StoreError.self) { try Store.open(at: folder.store) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    /// The store's own folder may be reached through a link (a home folder's shortcut); nothing
    /// inside it is.
    @Test func theStoreFolderMayBeReachedThroughALink() throws {
        let folder = TemporaryFolder()
        _ = try storeWithCustomers(folder)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/shortcut", withDestinationPath: folder.store)
        let store = try Store.open(at: folder.path + "/shortcut")
        #expect(store.register.customers.count == 3)
        #expect(store.path == folder.store)
    }

    // MARK: - The journal rewritten

    /// A record in the middle replaced by another whose own hash is right: the next record no
    /// longer follows it (the chain), so the store is damaged from there.
    @Test func aMiddleRecordReplacedWithAValidOwnHashBreaksTheChain() throws {
        let folder = TemporaryFolder()
        _ = try storeWithCustomers(folder)
        var all = lines(folder)
        let original = try JournalLine.decode(all[3])
        let forged = Event.customerAdded(CustomerAdded(id: CustomerID(number: 2), name: "Forged Name", address: nil, email: nil,
                                                       phone: nil, adjustments: nil))
        let (_, bytes) = try JournalLine.encode(sequence: original.sequence, recorded: original.recorded, actor: original.actor,
                                                entry: .domain(forged), previousHash: original.previousHash)
        all[3] = ArraySlice(bytes.dropLast())
        writeJournal(folder, all.flatMap { Array($0) + [UInt8(ascii: "\n")] })
        #expect(try JournalLine.decode(all[3]).hash != original.hash, "the forged line checks on its own")
        let store = try Store.open(at: folder.store)
        #expect(store.readOnlyReason?.contains("record 5") == true, "\(store.readOnlyReason ?? "none")")
        #expect(store.readOnlyReason?.contains("hash chain is broken") == true)
        #expect(store.verify().firstProblem?.contains("record 5") == true)
        #expect(store.register.customers[CustomerID(number: 2)]?.name == "Forged Name", "read up to the break, then read-only")
    }

    /// The whole chain worked out again after a forged record still ends in another hash than the
    /// one the high-water mark holds.
    @Test func aRecomputedChainDoesNotMatchTheHighWaterMark() throws {
        let folder = TemporaryFolder()
        _ = try storeWithCustomers(folder)
        var previous = JournalLine.genesisHash
        var rewritten: [UInt8] = []
        for line in lines(folder) {
            var decoded = try JournalLine.decode(line)
            if case .domain(.customerAdded(var added)) = decoded.entry, added.id == CustomerID(number: 2) {
                added.name = "Forged Name"
                decoded = JournalLine(sequence: decoded.sequence, recorded: decoded.recorded, actor: decoded.actor,
                                      entry: .domain(.customerAdded(added)), previous: RecordHash(previous), digest: .genesis)
            }
            let (encoded, bytes) = try JournalLine.encode(sequence: decoded.sequence, recorded: decoded.recorded, actor: decoded.actor,
                                                          entry: decoded.entry, previousHash: previous)
            rewritten += bytes
            previous = encoded.hash
        }
        writeJournal(folder, rewritten)
        let store = try Store.open(at: folder.store)
        #expect(store.readOnlyReason != nil)
        #expect(store.notices.contains { $0.contains("record 5 is not the record that was saved") }, "\(store.notices)")
        #expect(store.verify().firstProblem?.contains("record 5 is not the record that was saved") == true)
    }

    /// An older copy of the journal put back: the records saved since are named as missing.
    @Test func anOlderCopyOfTheJournalIsDetectedNamingTheMissingRecords() throws {
        let folder = TemporaryFolder()
        let store = try storeWithCustomers(folder)
        let older = journalBytes(folder)
        try store.addCustomer("Customer 4")
        try store.addCustomer("Customer 5")
        writeJournal(folder, older)
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.readOnlyReason != nil)
        #expect(reopened.notices.contains { $0.contains("records 6 to 7 were saved") }, "\(reopened.notices)")
        #expect(throws: StoreError.self) { try reopened.addCustomer("Customer 6") }
        #expect(journalBytes(folder) == older, "nothing is written to a damaged store")
        #expect(reopened.verify().firstProblem?.contains("records 6 to 7 were saved") == true)
        // A copy that then went on differently (diverged) is named too.
        let diverged = try Store.open(at: folder.store, options: { var o = Store.Options(); o.repairs = false; return o }())
        #expect(diverged.readOnlyReason != nil)
    }

    /// The mark removed or spoilt: the store cannot show it holds every saved record, and says so.
    @Test func aMissingOrSpoiltMarkIsDamage() throws {
        let folder = TemporaryFolder()
        _ = try storeWithCustomers(folder)
        let mark = journalBytesOf(folder.store + "/head")
        try FileManager.default.removeItem(atPath: folder.store + "/head")
        #expect(try Store.open(at: folder.store).readOnlyReason != nil)
        #expect(try Store.open(at: folder.store).verify().firstProblem?.contains("high-water mark") == true)
        FileManager.default.createFile(atPath: folder.store + "/head", contents: Data(mark.prefix(20)), attributes: [.posixPermissions: 0o660])
        #expect(try Store.open(at: folder.store).readOnlyReason != nil)
        FileManager.default.createFile(atPath: folder.store + "/head", contents: Data(mark), attributes: [.posixPermissions: 0o660])
        #expect(try Store.open(at: folder.store).readOnlyReason == nil)
    }

    // MARK: - Derived files forged

    /// The store's journal replayed with one customer's name forged, as a forger would make a
    /// derived file from it.
    func journalReplayed(_ folder: TemporaryFolder, renaming customer: CustomerID) -> Register {
        var register = Register()
        for event in journalEvents(folder) {
            var event = event
            if case .customerAdded(var added) = event, added.id == customer {
                added.name = "Forged Name"
                event = .customerAdded(added)
            }
            register.apply(event, by: "admin")
        }
        return register
    }

    /// A snapshot changed and its checksum worked out again is not the one the store wrote: it is
    /// set aside into quarantine and the journal read instead.
    @Test func aForgedSnapshotIsNeverBelieved() throws {
        let folder = TemporaryFolder()
        var options = Store.Options()
        options.snapshotInterval = 4
        let store = try storeWithCustomers(folder, 3, options: options)
        store.snapshotIfDue()
        let name = "snapshot-000000000005.snapshot"
        let path = folder.store + "/snapshots/" + name
        guard case .success(let (header, register)) = Snapshot.decode(journalBytesOf(path)) else {
            Issue.record("no snapshot")
            return
        }
        let forgedRegister = journalReplayed(folder, renaming: CustomerID(number: 1))
        #expect(forgedRegister != register)
        let forged = try Snapshot.encode(forgedRegister, sequence: header.sequence, offset: header.offset, hash: header.hash,
                                         settings: header.settings)
        FileManager.default.createFile(atPath: path, contents: Data(forged), attributes: [.posixPermissions: 0o660])
        #expect(throws: Never.self) { try Snapshot.decode(forged).get() }
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register.customers[CustomerID(number: 1)]?.name == "Customer 1")
        #expect(reopened.lastSnapshotSequence == 0)
        #expect(reopened.notices.contains { $0.contains(name) && $0.contains("quarantine") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.store + "/quarantine").contains { $0.hasPrefix(name) })
    }

    /// Three customers, a snapshot and the search index, both at record 5.
    func storeWithSnapshotAndIndex(_ folder: TemporaryFolder) throws -> Store {
        var options = Store.Options()
        options.snapshotInterval = 4
        let store = try storeWithCustomers(folder, 3, options: options)
        store.snapshotIfDue()
        store.searchIndexIfStale()
        return store
    }

    /// verify compares every snapshot and the search index with the journal, even one the mark
    /// vouches for (someone who can write the mark can forge both).
    @Test func verifyComparesSnapshotsAndTheSearchIndexWithTheJournal() throws {
        let folder = TemporaryFolder()
        let store = try storeWithSnapshotAndIndex(folder)
        let sound = store.verify()
        #expect(sound.isSound)
        #expect(sound.snapshotsChecked == 1)
        #expect(sound.searchIndexChecked)
        // A forged index with its checksum (and, as a group member could, the mark) made to match.
        let path = folder.store + "/" + SearchIndex.fileName
        let original = journalBytesOf(path)
        guard case .success(let (header, _)) = AnchoredFile.open(original, format: SearchIndex.format) else {
            Issue.record("no index")
            return
        }
        var records = Search.records(in: store.register)
        records.removeFirst()  // hide someone from find
        let forged = try SearchIndex.encode(records, sequence: header.sequence, offset: header.offset, hash: header.hash,
                                            settings: header.settings, activeStaff: header.activeStaff)
        FileManager.default.createFile(atPath: path, contents: Data(forged), attributes: [.posixPermissions: 0o660])
        #expect(Store.quickFind(at: folder.store, query: "customer") == nil, "not the index the store wrote")
        var mark = HighWaterMark.decode(journalBytesOf(folder.store + "/head"))!
        mark.derived[SearchIndex.fileName] = forged.withUnsafeBytes { HighWaterMark.sha256($0) }
        FileManager.default.createFile(atPath: folder.store + "/head", contents: Data(mark.encoded()), attributes: [.posixPermissions: 0o660])
        let report = try Store.open(at: folder.store).verify()
        #expect(report.firstProblem?.contains("search index differs from the journal") == true, "\(report)")
    }

    /// A snapshot and the search index at the same record are both compared with the replay
    /// there: each is checked, and each forgery is found, the snapshot's named first.
    @Test func verifyComparesASnapshotAndTheSearchIndexAtTheSameRecord() throws {
        let folder = TemporaryFolder()
        let store = try storeWithSnapshotAndIndex(folder)
        let snapshotPath = folder.store + "/snapshots/snapshot-000000000005.snapshot"
        let indexPath = folder.store + "/" + SearchIndex.fileName
        let snapshotBytes = journalBytesOf(snapshotPath), indexBytes = journalBytesOf(indexPath)
        guard case .success(let (snapshotHeader, _)) = Snapshot.decode(snapshotBytes),
              case .success(let (indexHeader, _)) = AnchoredFile.open(indexBytes, format: SearchIndex.format) else {
            Issue.record("no snapshot or no index")
            return
        }
        #expect(snapshotHeader.sequence == indexHeader.sequence, "both at the same record")
        let sound = store.verify()
        #expect(sound.isSound && sound.snapshotsChecked == 1 && sound.searchIndexChecked, "\(sound)")

        let renamed = journalReplayed(folder, renaming: CustomerID(number: 2))
        let forgedSnapshot = try Snapshot.encode(renamed, sequence: snapshotHeader.sequence, offset: snapshotHeader.offset,
                                                 hash: snapshotHeader.hash, settings: snapshotHeader.settings)
        let forgedIndex = try SearchIndex.encode(Search.records(in: renamed), sequence: indexHeader.sequence,
                                                 offset: indexHeader.offset, hash: indexHeader.hash,
                                                 settings: indexHeader.settings, activeStaff: indexHeader.activeStaff)
        func write(_ bytes: [UInt8], _ path: String) {
            FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o660])
        }
        write(forgedSnapshot, snapshotPath)
        write(forgedIndex, indexPath)
        // Verified by the store already open: opening it again would set the forged snapshot aside first.
        let both = store.verify()
        #expect(both.firstProblem?.contains("snapshot snapshot-000000000005.snapshot differs") == true, "\(both)")
        #expect(both.snapshotsChecked == 1 && both.searchIndexChecked, "\(both)")
        write(snapshotBytes, snapshotPath)
        let indexAlone = store.verify()
        #expect(indexAlone.firstProblem?.contains("search index differs from the journal at record 5") == true, "\(indexAlone)")
        write(indexBytes, indexPath)
        #expect(store.verify().isSound)
    }

    // MARK: - Dates

    /// A store written by an older Casebook may hold a date as far off as 9999-12-31: everything
    /// that works from it still answers.
    @Test func aFarFutureDateInTheJournalIsNeverFatal() throws {
        var register = Register()
        let context = Context(actor: "admin", today: day("2026-03-02"))
        _ = try register.perform(.initialise(name: "Ada"), in: context)
        _ = try register.perform(.addCustomer(name: "Zoë Brown", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                                 in: context)
        // As an older Casebook recorded it, before dates were bounded.
        for json in [
            #"{"type":"register-entry-proposed","payload":{"id":"REG-0001","subject":{"person":{"_0":"CUST-0001"}},"facts":"Shouted at an officer.","communication":"Letter only","on":"9999-12-31"}}"#,
            #"{"type":"register-entry-approved","payload":{"id":"REG-0001","date":"9999-12-31"}}"#,
        ] {
            register.apply(try JSONDecoder().decode(Event.self, from: Data(json.utf8)), by: "admin")
        }
        let rows = register.queue(on: day("2026-03-02"), calendar: WorkingDayCalendar())
        #expect(rows.contains { $0.due.year == 10000 })
        #expect(WorkingDayCalendar().adding(workingDays: 10_000_000, to: Day(year: 9999, month: 12, day: 31)!).year > 9999)
        #expect(Day(year: 10000, month: 1, day: 1)!.description == "10000-01-01")
    }

    @Test func datesOutsideTheSupportedYearsAreBadInput() throws {
        var register = Register()
        let context = Context(actor: "admin", today: day("2026-03-02"))
        _ = try register.perform(.initialise(name: "Ada"), in: context)
        _ = try register.perform(.addCustomer(name: "Zoë Brown", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                                 in: context)
        for bad in [Day(year: 1899, month: 12, day: 31)!, Day(year: 2200, month: 1, day: 1)!, Day(year: 9999, month: 12, day: 31)!] {
            let far = Context(actor: "admin", today: bad)
            #expect(throws: Refusal.self) {
                try register.perform(.proposeRegisterEntry(.person(CustomerID(number: 1)), facts: "Shouted.", communication: "Letter",
                                                           restrictions: nil), in: far)
            }
            #expect(throws: Refusal.self) {
                try register.perform(.staffLeaves(login: "admin", on: bad), in: context)
            }
        }
        #expect(Day.supported.lowerBound.description == "1900-01-01")
        #expect(Day.supported.upperBound.description == "2199-12-31")
    }
}

/// The domain events of a store's journal, in order (the store's own records left out). A line
/// that cannot be read stops the test, naming it: none is skipped.
func journalEvents(_ folder: TemporaryFolder) -> [Event] {
    journalBytes(folder).split(separator: UInt8(ascii: "\n")).enumerated().compactMap { number, line in
        let decoded: JournalLine
        do {
            decoded = try JournalLine.decode(line)
        } catch {
            fatalError("journal line \(number + 1) cannot be read: \(error)")
        }
        guard case .domain(let event) = decoded.entry else { return nil }
        return event
    }
}

@Suite struct JournalledSettingsTests {
    /// A settings change is a journal event with its actor; a store whose settings.json is lost
    /// has them back from the journal, and so does a replay from the first record.
    @Test func settingsChangesAreJournalledAndReplayed() throws {
        let folder = TemporaryFolder()
        let store = try makeStore(folder)
        try store.updateSettings(actor: "admin") { (settings: inout StoreSettings) throws(StoreError) in
            settings.closureDays = [day("2026-12-29")]
            settings.council.name = "City of Stoke-on-Trent"
        }
        let records = journalBytes(folder).split(separator: UInt8(ascii: "\n")).map { try! JournalLine.decode($0) }
        let changes = records.filter { if case .store(.settings) = $0.entry { true } else { false } }
        #expect(changes.count == 2, "the settings the store was made with, and the change")
        #expect(changes.last?.actor == "admin")
        try FileManager.default.removeItem(atPath: folder.store + "/settings.json")
        var options = Store.Options()
        options.useSnapshots = false
        let replayed = try Store.open(at: folder.store, options: options)
        #expect(replayed.settings.closureDays == [day("2026-12-29")])
        #expect(replayed.settings.council.name == "City of Stoke-on-Trent")
        #expect(FileManager.default.fileExists(atPath: folder.store + "/settings.json"), "the cache is written again")
        // Nothing changed is not a change.
        #expect(throws: StoreError.self) {
            try replayed.updateSettings(actor: "admin") { (settings: inout StoreSettings) throws(StoreError) in
                settings.council.name = "City of Stoke-on-Trent"
            }
        }
        // Only an administrator, and a refusal records nothing.
        let before = journalBytes(folder)
        #expect(throws: StoreError.self) {
            try replayed.updateSettings(actor: "nobody") { (settings: inout StoreSettings) throws(StoreError) in
                settings.identity = .os
            }
        }
        #expect(journalBytes(folder) == before)
    }
}
