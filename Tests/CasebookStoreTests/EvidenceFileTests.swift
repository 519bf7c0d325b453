import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// 17: evidence files kept in the store by their SHA-256, recorded only once kept whole, checked by
/// verify, given back (recorded), and removed with an erasure.
@Suite struct EvidenceFileTests {
    static let bytes = Array("From: a.customer@example.org\nSubject: again\n\nYou will regret this.\n".utf8)

    /// A staffed store with one case; returns the store and the case.
    func caseStore(_ folder: TemporaryFolder, fs: any FileSystem = PosixFileSystem()) throws -> (Store, CaseID) {
        let store = try makeStore(folder, fs: fs)
        try store.execute(.addStaff(login: "olivia", name: "Olivia Officer", roles: [.officer], serviceArea: nil, customerServicesHead: false),
                          actor: "admin", today: today)
        let customer = try store.addCustomer("Amelia Jones")
        let id = try store.execute(.openCase(customer: CustomerID(customer)!, title: "Repairs", serviceAreas: ["housing"]),
                                   actor: "olivia", today: today).created!
        return (store, CaseID(id)!)
    }

    @Test func aFileIsKeptByItsHashAndGivenBackRecorded() throws {
        let folder = TemporaryFolder()
        let (store, id) = try caseStore(folder)
        let outcome = try store.attachFile(Self.bytes, name: "email.eml", to: .case(id), description: "The email of 3 May",
                                           contact: nil, actor: "olivia", today: today)
        let hash = JournalLine.sha256Hex(Self.bytes)
        #expect(outcome.created == String(hash.prefix(12)))
        let file = try #require(store.register.cases[id]?.files.first)
        #expect(file.sha256 == hash && file.size == Self.bytes.count && file.type == "message/rfc822" && file.by == "olivia")
        #expect(FileManager.default.contents(atPath: folder.store + "/files/" + hash).map(Array.init) == Self.bytes)
        #expect(store.verify().filesChecked == 1 && store.verify().isSound)

        let (given, back) = try store.retrieveFile(String(hash.prefix(10)), actor: "olivia", today: today)
        #expect(given.name == "email.eml" && back == Self.bytes)
        #expect(String(decoding: journalBytes(folder), as: UTF8.self).contains("\"file-retrieved\""), "recorded like a view")

        // The same file again, a file too big, an empty one, an unknown contact: refused, nothing recorded.
        let before = journalBytes(folder)
        for (bytes, contact) in [(Self.bytes, nil), ([UInt8](repeating: 1, count: EvidenceFile.maximumBytes + 1), nil),
                                 ([], nil), (Array("x".utf8), 9)] as [([UInt8], Int?)] {
            #expect(throws: StoreError.self) {
                try store.attachFile(bytes, name: "x.txt", to: .case(id), description: "d", contact: contact, actor: "olivia", today: today)
            }
        }
        #expect(journalBytes(folder) == before)
    }

    @Test func aFlippedByteFailsVerifyAndRetrieval() throws {
        let folder = TemporaryFolder()
        let (store, id) = try caseStore(folder)
        try store.attachFile(Self.bytes, name: "email.eml", to: .case(id), description: "The email", contact: nil, actor: "olivia", today: today)
        let path = folder.store + "/files/" + JournalLine.sha256Hex(Self.bytes)
        var damaged = Self.bytes
        damaged[5] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        let report = store.verify()
        #expect(!report.isSound && report.firstProblem?.contains("email.eml") == true)
        #expect(throws: StoreError.self) { try store.retrieveFile(JournalLine.sha256Hex(Self.bytes), actor: "olivia", today: today) }
    }

    /// A crash or failure at any file operation of an attachment: either nothing is recorded, or the
    /// file recorded is there whole.
    @Test(arguments: [FaultyFileSystem.Fault.failOnce, .crash(.dropUnsynced), .crash(.keepHalf), .crash(.zeroFill)])
    func anAttachedFileSurvivesACrashAtAnyStep(fault: FaultyFileSystem.Fault) throws {
        // Count the operations of opening the store, then of the attachment.
        let counting = TemporaryFolder()
        let (_, id) = try caseStore(counting)
        let counter = FaultyFileSystem(failAt: Int.max, fault: .failOnce)
        let store = try Store.open(at: counting.store, fs: counter)
        let opening = counter.operations
        try store.attachFile(Self.bytes, name: "email.eml", to: .case(id), description: "The email", contact: nil, actor: "olivia", today: today)
        let steps = counter.operations - opening
        #expect(steps > 5)
        for n in 1...steps + 1 {
            let folder = TemporaryFolder()
            let (_, id) = try caseStore(folder)
            let faulty = try Store.open(at: folder.store, fs: FaultyFileSystem(failAt: opening + n, fault: fault))
            let acknowledged = (try? faulty.attachFile(Self.bytes, name: "email.eml", to: .case(id), description: "The email",
                                                       contact: nil, actor: "olivia", today: today)) != nil
            let after = try Store.open(at: folder.store)
            let files = after.register.cases[id]?.files ?? []
            if acknowledged { #expect(files.count == 1, "\(fault) at \(n) of \(steps): an acknowledged file was lost") }
            let report = after.verify()
            #expect(report.isSound, "\(fault) at \(n) of \(steps): \(report.firstProblem ?? "")")
        }
    }
}
