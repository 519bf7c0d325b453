import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

/// A cold `queue --mine` reads the cases that may be waiting through the snapshot's index and
/// applies the journal after it (`Store.queueRead`). Wherever it answers, the member's queue
/// must be exactly the whole register's; wherever it cannot, it says so (nil).
@Suite struct QueueReadTests {
    /// Whether every member's queue read alone answered; where it did, it is the whole register's.
    @discardableResult
    static func expectSameQueues(_ folder: TemporaryFolder, _ store: Store, today: Day, _ comment: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let calendar = store.settings.calendar
        var answered = true
        for login in store.register.staff.keys.sorted() {
            guard let read = Store.queueRead(at: folder.store, for: login) else {
                answered = false
                continue
            }
            #expect(read.settings == store.settings && read.register.staff == store.register.staff, "\(comment)",
                    sourceLocation: sourceLocation)
            let alone = read.register.queue(on: today, for: login, calendar: calendar)
            let whole = store.register.queue(on: today, for: login, calendar: calendar)
            #expect(alone == whole, "\(comment): \(login)'s queue, \(alone.count) rows read alone, \(whole.count) in the register",
                    sourceLocation: sourceLocation)
            // Later days too: a row that is not yet due reaches the queue read alone all the same.
            for later in [today.adding(days: 200), today.adding(days: 3 * 365)] {
                #expect(read.register.queue(on: later, for: login, calendar: calendar)
                        == store.register.queue(on: later, for: login, calendar: calendar), "\(comment): \(login) on \(later)",
                        sourceLocation: sourceLocation)
            }
        }
        return answered
    }

    @Test func aMembersQueueReadAloneIsTheWholeRegistersAfterEveryKindOfEvent() throws {
        let folder = TemporaryFolder()
        let (store, rest, today) = try halfSyntheticStore(folder, cases: 80, seed: 12)
        #expect(Store.queueRead(at: folder.store, for: "oadams") == nil, "no snapshot yet")
        try store.writeSnapshot()
        #expect(Self.expectSameQueues(folder, store, today: today, "straight after the snapshot"))
        // The journal after it grows, event by event.
        var answered = 0, kinds = Set<String>()
        for (number, step) in rest.enumerated() {
            let outcome = try store.execute(step.command, actor: step.actor, today: step.today)
            kinds.formUnion(outcome.events.map(\.type))
            if number % 8 == 0, Self.expectSameQueues(folder, store, today: today, "after \(outcome.events.map(\.type))") { answered += 1 }
        }
        #expect(kinds.isSuperset(of: ["case-opened", "contact-logged", "classification-proposed", "check-confirmed", "decision-recorded",
                                      "restriction-added", "letter-sent", "register-entry-proposed", "register-entry-approved"]),
                "\(kinds.sorted())")
        #expect(answered > 10, "answered \(answered) times")
        // Every other kind of casework that puts a row in someone's queue, or takes one out.
        let register = store.register
        let decided = try #require(register.cases.values.filter { $0.status != nil && $0.appeals.isEmpty }.map(\.id).min())
        let quiet = try #require(register.cases.values.filter { $0.status == nil && $0.proposals.isEmpty }.map(\.id).min())
        let complex = try #require(register.cases.values.filter { $0.status == nil && $0.proposals.isEmpty && $0.id != quiet }
            .map(\.id).max())
        let customer = register.cases[quiet]!.customer
        let commands: [(Command, Login)] = [
            (.setReminder(quiet, on: today, text: "Ring back"), "oadams"),
            // A Head of Service's own reminder: their queue reads it from the case, beside the views.
            (.setReminder(quiet, on: today, text: "Ask for the repairs log"), "hcs"),
            (.assign(quiet, to: "obrown", reason: nil), "hcs"),
            (.logContact(decided, date: today, channel: .email, kind: .sar, summary: "Asks for their records",
                         behaviours: [], significantNewInformation: false), "oadams"),
            (.logContact(decided, date: today, channel: .phone, kind: .routine, summary: "Rang again",
                         behaviours: [], significantNewInformation: false), "oadams"),
            (.requestReview(decided, received: today), "oadams"),
            (.lodgeAppeal(.case(decided), received: today, grounds: "I disagree.", lateReason: "Accepted"), "oadams"),
            (.propose(complex, categories: [.complex], reason: "Needs several services", behaviours: []), "oadams"),
            (.callConference(complex, date: today, chair: "dplace", invitees: ["oadams"]), "dplace"),
            (.conferenceMeets(ConferenceID(number: register.conferences.count + 1), date: today), "dplace"),
            (.agreeConferenceAction(ConferenceID(number: register.conferences.count + 1), owner: "ochen", due: today, text: "Visit"), "dplace"),
            (.updateCustomer(customer, name: "Renamed Person", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil,
                             reason: "Changed their name"),
             "oadams"),
            (.openCase(customer: customer, title: "Another matter", serviceAreas: ["waste"]), "oadams"),
            (.correctContact(quiet, contact: 1, date: nil, toCase: CaseID(number: register.cases.count + 1), summary: nil,
                             reason: "Logged on the wrong case"), "hcs"),
            (.logContact(quiet, date: today, channel: .phone, kind: .complaint, summary: "The same complaint again",
                         behaviours: [.repeatComplaints], significantNewInformation: false), "oadams"),
            (.propose(quiet, categories: [.persistent], reason: "Repeated calls", behaviours: [.repeatComplaints]), "oadams"),
            (.addCustomer(name: "New Person", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil), "oadams"),
        ]
        var refused: [String] = []
        for (command, actor) in commands {
            let outcome: Outcome
            do { outcome = try store.execute(command, actor: actor, today: today) } catch {
                refused.append("\(error)")
                continue
            }
            #expect(Self.expectSameQueues(folder, store, today: today, "after \(outcome.events.map(\.type))"),
                    "\(outcome.events.map(\.type)) read alone")
        }
        #expect(refused.isEmpty, "\(refused)")
        // Staff changes shape every queue: the whole register answers.
        _ = try store.execute(.addStaff(login: "newofficer", name: "New Officer", roles: [.officer], serviceArea: nil,
                                        customerServicesHead: false), actor: SyntheticRegister.admin, today: today)
        #expect(Store.queueRead(at: folder.store, for: "oadams") == nil)
        try store.writeSnapshot()
        #expect(Self.expectSameQueues(folder, store, today: today, "after a fresh snapshot"))
        #expect(store.register.queue(on: today, for: "hcs", calendar: store.settings.calendar).contains { $0.kind == .reminder })
    }

    @Test func aDamagedIndexIsNotRead() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder, cases: 20, seed: 3)
        try store.writeSnapshot()
        #expect(Store.queueRead(at: folder.store, for: "oadams") != nil)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.store + "/snapshots").first)
        let path = folder.store + "/snapshots/" + name
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 2] ^= 0x01  // inside the index: its SHA-256 is no longer the one the mark recorded
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(Store.queueRead(at: folder.store, for: "oadams") == nil)
    }
}
