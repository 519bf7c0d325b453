import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// SQLite's way with a file format: random sequences of domain commands, hostile text and dates
/// among them, thrown at a real store. After every command: a refusal changed nothing; at the end
/// the journal verifies, every line parses as JSON, and a replay equals the live state.
///
/// Prints its seed; `CASEBOOK_FUZZ_SEED=S` repeats a run, `CASEBOOK_FUZZ_STEPS=N` makes it longer
/// (the CI run takes a few seconds).
@Suite struct FuzzTests {
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["CASEBOOK_FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970)
    }
    static var steps: Int { ProcessInfo.processInfo.environment["CASEBOOK_FUZZ_STEPS"].flatMap { Int($0) } ?? 1_500 }

    @Test func randomCommandSequencesKeepEveryPromise() throws {
        let seed = Self.seed
        print("FuzzTests seed \(seed) (repeat with CASEBOOK_FUZZ_SEED=\(seed)), \(Self.steps) steps")
        let folder = TemporaryFolder()
        var options = Store.Options()
        options.snapshotInterval = 200
        let store = try Store.create(at: folder.store, settings: StoreSettings(identity: .declared), admin: "admin",
                                     adminName: "Ada Admin", today: day("2026-01-05"), options: options)
        var fuzz = CommandFuzzer(seed: seed)
        var accepted = 0
        for step in 0..<Self.steps {
            let (command, actor, today) = fuzz.next(in: store.register)
            let before = store.register
            let bytes = journalBytes(folder).count
            do {
                try store.execute(command, actor: actor, today: today)
                accepted += 1
            } catch let error as StoreError {
                #expect(store.register == before, "seed \(seed) step \(step): a refused \(command) changed the register")
                #expect(journalBytes(folder).count == bytes, "seed \(seed) step \(step): a refused command wrote to the journal")
                #expect(!error.description.isEmpty)
                guard case .refused = error else {
                    Issue.record("seed \(seed) step \(step): \(command) failed as the store, not as a refusal: \(error)")
                    return
                }
            }
            if step % 250 == 0 { store.snapshotIfDue() }
        }
        print("FuzzTests seed \(seed): \(accepted) of \(Self.steps) accepted; " + Self.summary(store.register))
        #expect(accepted > Self.steps / 10, "seed \(seed): only \(accepted) commands were accepted; the fuzzer explores too little")
        store.snapshotIfDue()
        store.searchIndexIfStale()
        let report = store.verify()
        #expect(report.isSound, "seed \(seed): \(report)")
        for line in journalBytes(folder).split(separator: UInt8(ascii: "\n")) {
            #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil, "seed \(seed): a line that is not JSON")
        }
        var replay = Store.Options()
        replay.useSnapshots = false
        // Byte for byte (Swift's == takes text in another normal form as equal; what is derived from it does not).
        let live = try canonical(store.register)
        #expect(try canonical(Store.open(at: folder.store, options: replay).register) == live, "seed \(seed): replay differs")
        #expect(try canonical(Store.open(at: folder.store).register) == live, "seed \(seed): snapshot + tail differs")
    }

    static func summary(_ register: Register) -> String {
        "\(register.cases.count) cases, \(register.cases.values.filter { $0.status != nil }.count) decided to apply, "
            + "\(register.appeals.count) appeals, \(register.registerEntries.count) register entries, "
            + "\(register.conferences.count) conferences"
    }

    /// A register as bytes that differ whenever any text does, byte for byte: customers and cases
    /// as snapshots write them, everything else as sorted JSON, all in id order.
    func canonical(_ register: Register) throws -> [UInt8] {
        var writer = RecordWriter()
        writer.array(register.customers.values.sorted { $0.id < $1.id }) { $1.write(to: &$0) }
        writer.array(register.cases.values.sorted { $0.id < $1.id }) { $1.write(to: &$0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = writer.bytes
        bytes += Array(try encoder.encode(register.staff.values.sorted { $0.login < $1.login }))
        bytes += Array(try encoder.encode(register.registerEntries.values.sorted { $0.id < $1.id }))
        bytes += Array(try encoder.encode(register.appeals.values.sorted { $0.id < $1.id }))
        bytes += Array(try encoder.encode(register.conferences.values.sorted { $0.id < $1.id }))
        return bytes
    }
}

/// Random commands: ids that exist and ids that do not, every enum value, hostile and ordinary
/// text, dates in order, out of order and absurd.
struct CommandFuzzer {
    var state: UInt64
    var today = day("2026-01-05")

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let texts = ["Zoë Brown", "Krzysztof Wójcik", "山田太郎", "Siobhán O'Neill", "12 Leek Road, Shelton", "Eve\u{1B}]0;TITLE\u{07}",
                        "Ann \u{202E}nwoB", "Zo\u{200B}e", "Line\nBreak", "Tab\there", "\u{9B}31m", " ", "", "a" + String(repeating: "\u{301}", count: 300),
                        String(repeating: "x", count: 600), "Rang about the bins again.", "\"quoted\" \\ back", "مهسا", "👩‍👩‍👧"]
    static let logins = ["admin", "olivia", "harriet", "henry", "diana", "derek", "ian", "sam", "nobody", "x\u{1B}"]

    mutating func text() -> String { chance(70) ? pick(["Ordinary words", "Rang about the bins again.", "Zoë Brown", "Evidence: email of 3 May"]) : pick(Self.texts) }
    mutating func date() -> Day {
        switch below(20) {
        case 0: return Day(year: 9999, month: 12, day: 31)!
        case 1: return Day(year: 1899, month: 1, day: 1)!
        case 2: return today.adding(days: 400)
        case 3...6: return today.adding(days: -below(400))
        default: return today.adding(days: -below(5))
        }
    }
    /// A case: most often one far along (a pending proposal, a status), so that sequences reach
    /// decisions, restrictions, appeals and reviews; sometimes any; sometimes one that does not exist.
    mutating func caseID(_ register: Register) -> CaseID {
        guard !register.cases.isEmpty, chance(92) else { return CaseID(number: 1 + below(500)) }
        let last = CaseID(number: register.cases.count)
        switch below(10) {
        case 0...2: return last
        case 3...4:
            let pending = register.cases.values.filter { $0.pendingProposal != nil }.map(\.id).sorted()
            return pending.isEmpty ? last : pick(pending)
        case 5...6:
            let applied = register.cases.values.filter { $0.status != nil }.map(\.id).sorted()
            return applied.isEmpty ? last : pick(applied)
        default: return pick(Array(register.cases.keys).sorted())
        }
    }
    mutating func customerID(_ register: Register) -> CustomerID {
        chance(90) && !register.customers.isEmpty ? pick(Array(register.customers.keys)) : CustomerID(number: 1 + below(500))
    }
    mutating func entryID(_ register: Register) -> RegisterEntryID {
        chance(90) && !register.registerEntries.isEmpty ? pick(Array(register.registerEntries.keys)) : RegisterEntryID(number: 1 + below(50))
    }
    mutating func appealID(_ register: Register) -> AppealID {
        chance(90) && !register.appeals.isEmpty ? pick(Array(register.appeals.keys)) : AppealID(number: 1 + below(50))
    }
    mutating func conferenceID(_ register: Register) -> ConferenceID {
        chance(90) && !register.conferences.isEmpty ? pick(Array(register.conferences.keys)) : ConferenceID(number: 1 + below(50))
    }
    mutating func optional(_ make: (inout CommandFuzzer) -> String) -> String? { chance(50) ? make(&self) : nil }

    /// The next command, who gives it, and the day.
    mutating func next(in register: Register) -> (Command, Login, Day) {
        if chance(8) { today = today.adding(days: 1 + below(20)) }
        let staff = Array(register.staff.keys).sorted()
        let actor = chance(90) && !staff.isEmpty ? pick(staff) : pick(Self.logins)
        let on = chance(3) ? pick([Day(year: 9999, month: 12, day: 31)!, Day(year: 1800, month: 1, day: 1)!]) : today
        // Staff first, so that there is someone to act.
        if register.staff.count < 8 {
            let login = pick(["olivia", "omar", "harriet", "henry", "diana", "derek", "ian", "sam", "lena"])
            let roles: [Role] = switch login {
            case "olivia", "omar": [.officer]
            case "harriet", "henry": [.headOfService]
            case "diana", "derek": [.director]
            case "ian": [.informationRights]
            case "sam": [.serviceManager]
            default: [.legal]
            }
            return (.addStaff(login: login, name: login.capitalized + " Example", roles: roles, serviceArea: pick(["housing", "waste", nil]),
                              customerServicesHead: login == "harriet"), "admin", today)
        }
        let command: Command
        var slot = below(32)
        // A few dozen cases worked through deeply, rather than hundreds barely begun.
        if slot <= 3, register.cases.count > 30, chance(85) { slot = 4 + below(4) }
        switch slot {
        case 0, 1: command = .addCustomer(name: text(), address: optional { $0.text() }, postcode: optional { _ in "ST4 2AR" },
                                          email: optional { $0.pick(["z@example.org", "not an email", "\u{1B}@x"]) },
                                          phone: optional { $0.pick(["01782 234567", "+44 7700 900123", "call me"]) },
                                          adjustments: optional { $0.text() })
        case 2, 3: command = .openCase(customer: customerID(register), title: text(), serviceAreas: [pick(["housing", "waste", "planning", "x\u{1B}"])])
        case 4...7: command = .logContact(caseID(register), date: date(), channel: pick(Channel.allCases), kind: pick(ContactKind.allCases),
                                          summary: text(), behaviours: Array(Behaviour.allCases.shuffledPrefix(1 + below(3), &self)),
                                          significantNewInformation: chance(10))
        case 8: command = .confirmFiledContact(caseID(register), contact: 1 + below(5))
        case 9: command = .settleMatter(caseID(register), on: date(), note: text())
        case 10, 11:
            let id = caseID(register)
            // Mostly the behaviours the case's contacts record, as a real proposal names them.
            let seen = Array(Set(register.cases[id]?.contacts.flatMap(\.behaviours) ?? [])).sorted { $0.rawValue < $1.rawValue }
            command = .propose(id, categories: Array(Category.allCases.shuffledPrefix(1 + below(2), &self)), reason: text(),
                               behaviours: chance(80) ? seen : Array(Behaviour.allCases.shuffledPrefix(below(2), &self)))
        case 12, 13:
            let id = caseID(register)
            let outstanding = CheckItem.allCases.filter { register.cases[id]?.pendingProposal?.checks[$0] == nil }
            command = .confirmCheck(id, item: chance(85) && !outstanding.isEmpty ? pick(outstanding) : pick(CheckItem.allCases),
                                    evidence: text())
        case 14: command = .decide(caseID(register), outcome: chance(80) ? .apply : .decline,
                                   consulted: chance(80) ? pick(["olivia", "omar"]) : pick(Self.logins), date: date(), reason: text())
        case 15: command = .restrict(caseID(register), type: pick(RestrictionType.allCases), details: text(), from: date(),
                                     escalationReason: optional { $0.text() }, statutoryBasis: optional { $0.text() })
        case 16: command = .endRestriction(caseID(register), number: 1 + below(3), on: date(), reason: text())
        case 17: command = .recordLetterSent(pick([.case(caseID(register)), .registerEntry(entryID(register)), .appeal(appealID(register))]),
                                             kind: pick(LetterKind.allCases), sentOn: date())
        case 18: command = .notify(caseID(register), recipients: [pick(Self.logins)])
        case 19: command = .callConference(caseID(register), date: date(), chair: pick(Self.logins), invitees: [pick(Self.logins), pick(Self.logins)])
        case 20: command = .agreeConferenceAction(conferenceID(register), owner: pick(Self.logins), due: today.adding(days: below(30)), text: text())
        case 21: command = .completeConferenceAction(conferenceID(register), number: 1 + below(3), date: date())
        case 22: command = .proposeRegisterEntry(chance(50) ? .person(customerID(register)) : .property(Address(text: text())),
                                                 facts: text(), communication: text(), restrictions: optional { $0.text() })
        case 23: command = chance(60) ? .approveRegisterEntry(entryID(register), date: date(), notToldReason: optional { $0.text() })
            : .declineRegisterEntry(entryID(register), date: date(), reason: text())
        case 24: command = chance(50) ? .viewRegisterEntry(entryID(register))
            : .discloseRegisterEntry(entryID(register), to: text(), reason: text(), date: date())
        case 25: command = .lodgeAppeal(chance(80) ? .case(caseID(register)) : .registerEntry(entryID(register)), received: date(),
                                        grounds: text(), lateReason: optional { $0.text() })
        case 26: command = .decideAppeal(appealID(register), outcome: pick(Appeal.Outcome.allCases), date: date(), reason: text())
        case 27: command = .referToOmbudsman(appealID(register), body: pick(OmbudsmanBody.allCases), date: date())
        case 28: command = .requestReview(caseID(register), received: date())
        case 30, 31:
            // A case whose proposal is ready for its decision, if there is one.
            let ready = register.cases.values.filter { value in
                guard let proposal = value.pendingProposal else { return false }
                return CheckItem.allCases.allSatisfy { proposal.checks[$0]?.holds == true }
            }.map(\.id).sorted()
            command = .decide(ready.isEmpty ? caseID(register) : pick(ready), outcome: chance(85) ? .apply : .decline,
                              consulted: "olivia", date: today, reason: "Decided on the evidence.")
        default: command = .recordReview(chance(80) ? .case(caseID(register)) : .registerEntry(entryID(register)),
                                         outcome: pick(Review.Outcome.allCases), date: date(), reason: text())
        }
        // Mostly someone whose role the step is for, so that sequences go on; sometimes anyone.
        let deciders = ["harriet", "henry", "diana", "derek"].filter { register.staff[$0] != nil }
        let officers = ["olivia", "omar"].filter { register.staff[$0] != nil }
        var chosen = actor
        switch command {
        case .decide, .restrict, .endRestriction, .approveRegisterEntry, .declineRegisterEntry, .decideAppeal, .recordReview,
             .callConference:
            if chance(75), !deciders.isEmpty { chosen = pick(deciders) }
        case .logContact, .propose, .confirmCheck, .recordLetterSent, .lodgeAppeal, .requestReview, .confirmFiledContact:
            if chance(75), !officers.isEmpty { chosen = pick(officers) }
        default: break
        }
        return (command, chosen, on)
    }
}

extension Array {
    /// The first `count` of the elements in a random order.
    func shuffledPrefix(_ count: Int, _ fuzz: inout CommandFuzzer) -> ArraySlice<Element> {
        var copy = self
        for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, fuzz.below(index + 1)) }
        return copy.prefix(count)
    }
}
