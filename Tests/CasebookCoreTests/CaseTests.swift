import Testing
import CasebookSynthetic
@testable import CasebookCore

@Suite struct CaseTests {
    @Test func customersGetSequentialIds() throws {
        var f = Fixture()
        #expect(try f.customer("Zoë Brown") == CustomerID(number: 1))
        #expect(try f.customer("Krzysztof Wójcik") == CustomerID(number: 2))
        #expect(f.register.customers[CustomerID(number: 2)]?.addresses.first?.postcode?.value == "ST4 1HH")
    }

    @Test func customerInputIsValidated() {
        var f = Fixture()
        #expect(f.refusal(.addCustomer(name: "  ", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                          as: "olivia")?.field == .name)
        #expect(f.refusal(.addCustomer(name: "A", address: nil, postcode: "12345", email: nil, phone: nil, adjustments: nil),
                          as: "olivia")?.field == .postcode)
        #expect(f.refusal(.addCustomer(name: "A", address: nil, postcode: nil, email: "not-an-email", phone: nil,
                                       adjustments: nil), as: "olivia")?.field == .email)
        #expect(f.refusal(.addCustomer(name: "A", address: nil, postcode: nil, email: nil, phone: "call me", adjustments: nil),
                          as: "olivia")?.field == .phone)
    }

    @Test func postcodesAreNormalised() {
        #expect(Postcode("st41hh")?.value == "ST4 1HH")
        #expect(Postcode("ST1  5AB")?.value == "ST1 5AB")
        #expect(Postcode("SW1A 1AA")?.value == "SW1A 1AA")
        #expect(Postcode("ST4") == nil)
        #expect(Postcode("1ST 4HH") == nil)
        #expect(Address.parsing("12 Hope St, Hanley ST1 5AB") == Address(text: "12 Hope St, Hanley", postcode: Postcode("ST1 5AB")))
    }

    @Test func aCaseNeedsAKnownCustomerAndAServiceArea() throws {
        var f = Fixture()
        #expect(f.refusal(.openCase(customer: CustomerID(number: 9), title: "X", serviceAreas: ["housing"]), as: "olivia")?
            .kind == .badInput)
        let customer = try f.customer()
        #expect(f.refusal(.openCase(customer: customer, title: "X", serviceAreas: []), as: "olivia")?.field == .service)
        let id = try f.openCase(services: ["Housing", "Adult Social Care", "housing"], customer: customer)
        #expect(f.register.cases[id]?.serviceAreas.map(\.name) == ["housing", "adult-social-care"])
        #expect(f.register.casesByCustomer[customer] == [id])
        #expect(f.register.cases[id]?.stage == .open)
    }

    @Test func aContactDateMayNotBeAfterToday() throws {
        var f = Fixture()
        let id = try f.openCase()
        let refusal = f.refusal(.logContact(id, date: day("2026-03-03"), channel: .email, kind: .routine, summary: "x",
                                            behaviours: [], significantNewInformation: false), as: "olivia")
        #expect(refusal?.kind == .badInput)
        #expect(refusal?.field == .date)
        try f.contact(id, on: "2026-03-02")
        #expect(f.register.cases[id]?.contacts.first?.officer == "olivia")
    }

    @Test func contactsUnknownCaseAndEmptySummary() throws {
        var f = Fixture()
        #expect(f.refusal(.logContact(CaseID(number: 4), date: day("2026-03-01"), channel: .email, kind: .routine,
                                      summary: "x", behaviours: [], significantNewInformation: false), as: "olivia")?.field == .case)
        let id = try f.openCase()
        #expect(f.refusal(.logContact(id, date: day("2026-03-01"), channel: .email, kind: .routine, summary: " ",
                                      behaviours: [], significantNewInformation: false), as: "olivia")?.field == .summary)
    }

    @Test func settlingAMatterOnce() throws {
        var f = Fixture()
        let id = try f.openCase()
        #expect(f.refusal(.settleMatter(id, on: day("2026-04-01"), note: "x"), as: "olivia")?.kind == .badInput)
        try f.run(.settleMatter(id, on: day("2026-02-01"), note: "Stage 2 complaint answered"), as: "olivia")
        #expect(f.register.cases[id]?.settled?.on == day("2026-02-01"))
        #expect(f.refusal(.settleMatter(id, on: day("2026-02-01"), note: "again"), as: "olivia")?.kind == .badInput)
    }

    /// Ids are hashed by their number in one step (`_rawHashValue`), as Int keys are: equal ids,
    /// however made, hash alike both ways a hash is taken, and sets and dictionaries find each one.
    @Test func recordIdsHashByTheirNumber() {
        for number in [1, 2, 9_999, 123_456_789] {
            let made = CaseID(number: number), parsed = CaseID(made.description)!
            #expect(made == parsed && made.hashValue == parsed.hashValue)
            #expect(made._rawHashValue(seed: 7) == parsed._rawHashValue(seed: 7))
        }
        let ids = (1...10_000).map { CaseID(number: $0) }
        var byID: [CaseID: Int] = [:]
        for id in ids { byID[id] = id.number }
        let set = Set(ids.map { CustomerID(number: $0.number) })
        #expect(ids.allSatisfy { byID[$0] == $0.number && set.contains(CustomerID(number: $0.number)) })
        #expect(byID[CaseID(number: 10_001)] == nil && !set.contains(CustomerID(number: 0)))
        // A struct holding an id hashes through `hash(into:)`: equal holders hash alike.
        struct Holder: Hashable { let id: AppealID; let note: String }
        #expect(Holder(id: AppealID(number: 3), note: "x").hashValue == Holder(id: AppealID("APL-0003")!, note: "x").hashValue)
    }

    /// A case keeps its fields in one shared allocation, copied when a shared case changes: a case,
    /// and a register held from before a change (a screen's, a snapshot being written), must not
    /// see a later change, and cases are equal when their fields are, however they were made.
    @Test func aCaseIsAValueWhoseCopiesDoNotSeeLaterChanges() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id, on: "2026-02-10")
        let heldRegister = f.register, heldCase = try #require(f.register.cases[id])
        var changed = heldCase
        try f.contact(id, on: "2026-02-11")
        try f.run(.settleMatter(id, on: day("2026-02-11"), note: "Stage 1 answered"), as: "olivia")
        #expect(f.register.cases[id]?.contacts.count == 2 && f.register.cases[id]?.settled != nil)
        #expect(heldRegister.cases[id]?.contacts.count == 1 && heldRegister.cases[id]?.settled == nil)
        #expect(heldCase.contacts.count == 1 && heldCase == heldRegister.cases[id])
        // A copy changed on its own changes neither the case it came from nor the register's.
        changed.notes.append(CaseNote(number: 1, on: day("2026-02-12"), by: "olivia", text: "Called back"))
        #expect(heldCase.notes.isEmpty && heldRegister.cases[id]?.notes.isEmpty == true && changed.notes.count == 1)
        #expect(changed != heldCase)
        // Equal by fields: the same case rebuilt field by field is equal to it, in its own allocation.
        var rebuilt = Case(id: heldCase.id, customer: heldCase.customer, title: heldCase.title,
                           serviceAreas: heldCase.serviceAreas, openedBy: heldCase.openedBy, openedOn: heldCase.openedOn)
        #expect(rebuilt != heldCase)
        rebuilt.contacts = heldCase.contacts
        #expect(rebuilt == heldCase)
        // Reflected as its fields, as RecordCodingTests counts them.
        #expect(Mirror(reflecting: heldCase).children.map(\.label).prefix(3) == ["id", "customer", "title"])
    }
}

@Suite struct SearchTests {
    @Test func theMixedFoldingIsTheUnicodeFolding() {
        var generator = seededGenerator(#function)
        // Every letter the table holds (U+00C0 to U+017F), beside marks that join them and other scripts.
        let latin = (0xC0...0x17F).map { Character(Unicode.Scalar(UInt32($0))!) }
        let alphabet = Array("aZ 09'.,-ëÉóŁłßæœøðþıÅåñÇ—–‘’“”«»·山田太郎ＡＢｃ\u{301}\u{308}\u{323}\u{1DC0}\u{FE0F}\t ÖÜİĞŞçğşüöâêîôû")
            + latin
        for _ in 0..<6_000 {
            let length = Int.random(in: 0...20, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(Search.foldMixed(text) == Search.foldUnicode(text), "\(text.debugDescription)")
        }
        for character in latin { #expect(Search.foldMixed("x\(character)y") == Search.foldUnicode("x\(character)y"), "\(character)") }
        for text in ["Zoë Brown", "Krzysztof Wójcik", "ŁÓDŹ", "Siobhán O'Neill", "D’Arcy", "Straße", "a—b", "e\u{301}cole", "山田 太郎", "",
                     "é\u{301}", "aé", "Łódź\u{308}x", "ŉ", "Æsa Øyen", "\u{600}é", "é\u{FE0F}"] {
            #expect(Search.foldMixed(text) == Search.foldUnicode(text), "\(text)")
        }
    }

    @Test func fieldsFoldedTogetherAreEachFoldedAndJoined() {
        var generator = seededGenerator(#function)
        let alphabet = Array("aZ 09'.,-ëÉóŁłßæœøðþıÅåñÇ—山田\u{301}\t ")
        for _ in 0..<2_000 {
            let fields = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            }
            #expect(Search.fold(joining: fields) == fields.map(Search.fold).joined(separator: " "), "\(fields)")
        }
        #expect(Search.fold(joining: ["Zoë", "", " ", "ST4 2AR"]) == "zoe   st4 2ar")
    }

    @Test func theASCIIFoldingIsTheUnicodeFoldingForASCII() {
        var generator = seededGenerator(#function)
        let alphabet = Array(" \t\nAZaz09'`.,-/()&:;!?\"_#@+=*%$~^|\\<>[]{}Mill Lane ST4 2AR O'Neill")
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(Search.foldASCII(text) == Search.foldUnicode(text), "\(text.debugDescription)")
        }
        #expect(Search.foldASCII("Zoë") == nil)
        for text in ["  Hello,  World. ", "ST4 2AR", "12 Mill Lane", "D'Arcy", "a-b", "...", ""] {
            #expect(Search.foldASCII(text) == Search.foldUnicode(text))
        }
    }

    @Test func foldingIgnoresCaseAccentsAndPunctuation() {
        #expect(Search.fold("Zoë") == "zoe")
        #expect(Search.fold("ŁÓDŹ") == "lodz")
        #expect(Search.fold("O'Neill") == "oneill")
        #expect(Search.fold("Siobhán  Ní Dhomhnaill") == "siobhan ni dhomhnaill")
        #expect(Search.fold("Straße") == "strasse")
        #expect(Search.fold("ST4 1HH") == "st4 1hh")
    }

    @Test func findsPeopleAddressesPostcodesAndCases() throws {
        var f = Fixture()
        let zoe = try f.customer("Zoë Brown", postcode: "ST4 1HH")
        _ = try f.customer("Krzysztof Wójcik", postcode: "ST1 5AB")
        let id = try f.openCase(customer: zoe)
        #expect(Search.find("zoe", in: f.register).map(\.id) == [zoe.description, id.description])
        #expect(Search.find("wojcik", in: f.register).first?.title == "Krzysztof Wójcik")
        #expect(Search.find("st15ab", in: f.register).map(\.kind) == [.customer])
        #expect(Search.find("st1 5ab", in: f.register).count == 1)
        #expect(Search.find("hope street", in: f.register).count == 2)
        #expect(Search.find("repairs", in: f.register).map(\.id) == [id.description])
        #expect(Search.find("  ", in: f.register).isEmpty)
        #expect(Search.find("nobody", in: f.register).isEmpty)
    }
}
