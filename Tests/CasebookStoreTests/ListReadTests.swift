import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

/// A cold `list` reads each case's outline from the pieces a snapshot keeps beside its cases, and
/// outlines the cases of customers the journal after it touched from the register that journal
/// left (`Store.listRead`). Wherever it answers, it must give the whole register's outlines.
@Suite struct ListReadTests {
    /// Whether the listing read alone answered; when it did, its outlines must be the whole register's.
    static func expectSameOutlines(_ folder: TemporaryFolder, _ store: Store, _ comment: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        guard let listing = Store.listRead(at: folder.store) else { return false }
        var read: [CaseOutline] = []
        try listing.forEachShare({ $0 }, emit: { read += $0 })
        let calendar = store.journalSettings?.calendar ?? WorkingDayCalendar()
        let whole = store.register.cases.keys.sorted().map { store.register.outline(of: store.register.cases[$0]!, calendar: calendar) }
        #expect(read == whole, "\(comment)", sourceLocation: sourceLocation)
        return true
    }

    @Test func theOutlinesReadAloneAreTheWholeRegistersAfterEveryKindOfEvent() throws {
        let folder = TemporaryFolder()
        let (store, rest, today) = try halfSyntheticStore(folder, cases: 80, seed: 12)
        #expect(Store.listRead(at: folder.store) == nil, "no snapshot yet")
        try store.writeSnapshot()
        #expect(try Self.expectSameOutlines(folder, store, "straight after the snapshot"))
        var answered = 0
        for (number, step) in rest.enumerated() {
            let outcome = try store.execute(step.command, actor: step.actor, today: step.today)
            if number % 8 == 0, try Self.expectSameOutlines(folder, store, "after \(outcome.events.map(\.type))") { answered += 1 }
        }
        #expect(answered > 10, "answered \(answered) times")
        let register = store.register
        let decided = try #require(register.cases.values.filter { $0.status != nil }.map(\.id).min())
        let quiet = try #require(register.cases.values.filter { $0.status == nil && $0.proposals.isEmpty }.map(\.id).min())
        let customer = register.cases[decided]!.customer
        let commands: [(Command, Login)] = [
            (.setReminder(quiet, on: today.adding(days: 10), text: "Ring back"), "oadams"),
            (.requestReview(decided, received: today), "oadams"),
            (.lodgeAppeal(.case(decided), received: today, grounds: "I disagree.", lateReason: "Accepted"), "oadams"),
            (.updateCustomer(customer, name: "Renamed Person", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil,
                             reason: "Changed their name"), "oadams"),
            (.openCase(customer: customer, title: "Another matter", serviceAreas: ["waste"]), "oadams"),
            (.propose(quiet, categories: [.persistent], reason: "Repeated calls", behaviours: [.repeatComplaints]), "oadams"),
        ]
        for (command, actor) in commands {
            let outcome = try store.execute(command, actor: actor, today: today)
            #expect(try Self.expectSameOutlines(folder, store, "after \(outcome.events.map(\.type))"), "\(outcome.events.map(\.type))")
        }
        #expect(store.register.customers[customer]?.name == "Renamed Person")
    }

    @Test func aDamagedPieceOfOutlinesIsNotRead() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder, cases: 40, seed: 3)
        try store.writeSnapshot()
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.store + "/snapshots").first)
        let path = folder.store + "/snapshots/" + name
        var bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        guard case .success(let (_, body)) = AnchoredFile.open(bytes, format: Snapshot.format) else {
            Issue.record("the snapshot does not open")
            return
        }
        let ranges = try bytes.withUnsafeBytes { try Snapshot.pieceRanges($0, at: body) }
        let outlines = ranges[Snapshot.firstOutlinePiece]
        #expect(!outlines.isEmpty && ranges.count == Snapshot.firstOutlinePiece + Snapshot.outlinePieces + 1)
        bytes[outlines.lowerBound + outlines.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // Checked before anything is listed: no listing is half written.
        #expect(Store.listRead(at: folder.store) == nil)
        // Opening checks every piece: the snapshot is not believed, and the journal is replayed.
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register == store.register)
    }
}
