import CasebookCore
import CasebookDocuments
import Foundation
import Testing
@testable import CasebookStore

@Suite struct LetterTemplateTests {
    /// A store with a decided housing case (CASE-0001) with one restriction, its letter sent on 14 December 2026.
    func decided(_ folder: TemporaryFolder) throws -> Store {
        let store = try makeStore(folder)
        let on = day("2026-12-14")
        func run(_ command: Command, _ actor: Login) throws { try store.execute(command, actor: actor, today: on) }
        try run(.addStaff(login: "olivia", name: "Olivia O'Brien", roles: [.officer], serviceArea: nil, customerServicesHead: false), "admin")
        try run(.addStaff(login: "harriet", name: "Harriet Head", roles: [.headOfService], serviceArea: nil, customerServicesHead: true), "admin")
        try run(.addCustomer(name: "Zoë <Brown> & Co", address: "1 Hope St", postcode: "ST1 1HR", email: nil, phone: nil, adjustments: nil), "olivia")
        let id = CaseID(number: 1)
        try run(.openCase(customer: CustomerID(number: 1), title: "Repairs", serviceAreas: ["housing"]), "olivia")
        try run(.logContact(id, date: day("2026-12-01"), channel: .phone, kind: .complaint, summary: "Again",
                            behaviours: [.repeatComplaints], significantNewInformation: false), "olivia")
        try run(.propose(id, categories: [.persistent], reason: "r", behaviours: [.repeatComplaints]), "olivia")
        for item in CheckItem.allCases { try run(.confirmCheck(id, item: item, evidence: "e"), "olivia") }
        try run(.decide(id, outcome: .apply, consulted: "olivia", date: on, reason: "Persistent"), "harriet")
        try run(.restrict(id, type: .singleChannel, details: "Email the housing team only", from: on, escalationReason: nil,
                          statutoryBasis: nil), "harriet")
        try store.updateSettings(actor: "admin") { (settings: inout StoreSettings) throws(StoreError) in
            settings.council = CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre, Glebe Street",
                                              customerServicesAddress: "Civic Centre, Glebe Street", email: "cft@stoke.example.org",
                                              phone: "01782 234567", privacyNotice: "We use it to deal with you fairly.",
                                              dataProtectionOfficer: "Data Protection Officer, dpo@stoke.example.org")
        }
        return store
    }

    func letter(_ store: Store) throws -> Letter {
        try store.settings.letters(for: store.register).letter(.decision, on: .case(CaseID(number: 1)), date: day("2026-12-14"))
    }

    @Test func theBuiltInTemplatesStateEverythingRequired() throws {
        let folder = TemporaryFolder()
        let store = try decided(folder)
        let letter = try letter(store)
        let text = try store.letterTemplates.render(letter, as: .text)
        #expect(text == letter.plainText)
        #expect(text.contains("by 7 January 2027"))        // 15 working days over Christmas and New Year
        #expect(text.contains("From 14 June 2027"))
        #expect(letter.required.count >= 12)
        let html = try store.letterTemplates.render(letter, as: .html)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("Zoë &lt;Brown&gt; &amp; Co"), "names are escaped in HTML")
        #expect(!html.contains("<Brown>"))
        #expect(html.contains("7 January 2027"))
    }

    @Test func aStoreTemplateThatLeavesOutTheAppealDeadlineIsRefused() throws {
        let folder = TemporaryFolder()
        let store = try decided(folder)
        try FileManager.default.createDirectory(atPath: store.path + "/templates", withIntermediateDirectories: true)
        try "Dear {{{recipient}}},\n{{{council.privacyNotice}}}\n{{{contact}}}\n".write(toFile: store.path + "/templates/decision.mustache",
                                                                                    atomically: true, encoding: .utf8)
        let decision = try letter(store)
        do throws(Refusal) {
            _ = try store.letterTemplates.render(decision, as: .text)
            Issue.record("a letter without its appeal deadline was written")
        } catch {
            #expect(error.kind == .rule)
            #expect(error.message.contains("the appeal deadline as a date (6.1)"))
            #expect(error.message.contains("who holds the information and how to contact the Data Protection Officer"))
            #expect(error.message.contains("templates/decision.mustache"))
        }
    }

    @Test func aStoreTemplateThatStatesEverythingIsUsed() throws {
        let folder = TemporaryFolder()
        let store = try decided(folder)
        try FileManager.default.createDirectory(atPath: store.path + "/templates", withIntermediateDirectories: true)
        try "LETTERHEAD\n{{#paragraphs}}{{{text}}}\n{{/paragraphs}}{{#privacy}}{{{text}}}\n{{/privacy}}{{{contact}}}\n"
            .write(toFile: store.path + "/templates/letter.mustache", atomically: true, encoding: .utf8)
        let text = try store.letterTemplates.render(try letter(store), as: .text)
        #expect(text.hasPrefix("LETTERHEAD"))
    }

    @Test func aBrokenTemplateIsBadInput() throws {
        let folder = TemporaryFolder()
        let store = try decided(folder)
        try FileManager.default.createDirectory(atPath: store.path + "/templates", withIntermediateDirectories: true)
        try "{{#paragraphs}} never closed".write(toFile: store.path + "/templates/letter.mustache", atomically: true, encoding: .utf8)
        #expect(throws: Refusal.self) { try store.letterTemplates.render(try letter(store), as: .text) }
    }
}
