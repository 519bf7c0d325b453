import CasebookCore
@testable import CasebookTUI
import Foundation
import Testing

/// Refusals from the domain beside the field they concern, for the forms whose other paths are
/// tested in FormCatalogTests, and the forms reached from a person's page.
@Suite struct FormRefusalTests {
    /// Clears the focused text field and types `text`.
    func replace(_ model: inout AppModel, _ field: Field, with text: String) {
        model.focus(field)
        model.press(.control("u"), .end, .control("k"))
        model.type(text)
    }

    @Test func endRestrictionBeforeItsStart() {
        var model = sampleModel(width: 120, height: 40, actor: "hbanks")
        model.at("CASE-0018", on: .cases)
        model.press(.character("X"))
        model.fill(.reason, "Calm for months.")
        replace(&model, .date, with: "2026-03-01")
        model.press(.enter)
        #expect(model.error(.date)?.contains("is before its start (2026-03-09)") == true)
        #expect(model.form?.phase == .editing)
    }

    @Test func conferenceActionDueBeforeTheConference() {
        var model = sampleModel(width: 120, height: 40, actor: "snguyen")
        model.at("CONF-0001", on: .conferences)
        model.press(.character("D"))
        replace(&model, .date, with: "2020-01-01")
        model.press(.enter)
        #expect(model.error(.date)?.contains("before the conference") == true)
    }

    @Test func checkEvidenceIsRequired() {
        var model = sampleModel(width: 120, height: 40, actor: "pnowak")
        model.at("CASE-0010", on: .cases)
        model.press(.character("e"))
        model.fill(.evidence, "   ")
        model.press(.enter)
        #expect(model.error(.evidence)?.contains("Required") == true)
    }

    @Test func theHousingOmbudsmanIsOnlyForHousingMatters() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        // An appeal on a waste case (CASE-0018), lodged late with a reason, decided by a director.
        var register = model.register
        let context = Context(actor: "ofarrell", today: referenceDate, calendar: model.calendar)
        let lodged = try register.perform(.lodgeAppeal(.case(CaseID("CASE-0018")!), received: referenceDate, grounds: "Unfair.",
                                                       lateReason: "Away."), in: context)
        let appeal = try #require(lodged.created.flatMap(AppealID.init))
        _ = try register.perform(.decideAppeal(appeal, outcome: .upheld, date: referenceDate, reason: "Proportionate."),
                                 in: Context(actor: "dkaur", today: referenceDate, calendar: model.calendar))
        model.replaceRegister(register)
        model.at("CASE-0018", on: .cases)
        model.press(.character("O"))
        model.focus(.body)
        model.press(.right)  // Housing Ombudsman
        model.press(.enter)
        #expect(model.error(.body)?.contains("(policy 6.3)") == true)
        model.press(.left)
        let referralConfirmed = model.confirm()
        #expect(referralConfirmed == .referToOmbudsman(appeal, body: .lgsco, date: referenceDate))
    }

    @Test func aStatusIsReviewedByWhoeverDecidedIt() {
        var model = sampleModel(width: 120, height: 40, actor: "hbanks")
        model.at("CASE-0031", on: .cases)  // decided by tlewis
        model.press(.character("V"))
        // The domain's own check says so before any form is filled in.
        #expect(model.form == nil)
        #expect(model.message?.contains("5.2.5") == true)
        #expect(model.message?.contains("tlewis") == true)
    }

    @Test func approvalCannotPrecedeTheProposal() {
        var model = sampleModel(width: 120, height: 40, actor: "hbanks")
        model.at("REG-0001", on: .register)
        model.press(.character("y"))
        replace(&model, .date, with: "2026-11-01")
        model.press(.enter)
        #expect(model.error(.date)?.contains("before the proposal") == true)
    }

    @Test func aPersonAlreadyOnTheRegisterIsNotProposedTwice() {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.show(.register)
        model.press(.character("n"), .tab)
        model.type("Harry Shaw")
        model.fill(.facts, "Shouted at reception on 1 November 2026.")
        model.fill(.communication, "Letters only.")
        model.press(.enter)
        #expect(model.error(.person)?.contains("already has register entry REG-0001") == true)
    }

    @Test func theOnlyAdministratorCannotLeave() {
        var model = sampleModel(width: 120, height: 40, actor: "sysadmin")
        model.press(.character(":"))
        model.type("staff leaves")
        model.press(.enter)
        model.type("sysadmin")
        model.press(.enter)
        #expect(model.error(.login) == "Sam Adeyemi is the only administrator; add another administrator first. (policy 7.1)")
    }

    @Test func aContactFromAPersonsPagePicksOneOfTheirCases() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.show(.people)
        model.type("seán")
        model.press(.enter, .enter)  // open Seán Murphy's page
        model.press(.character("L"))
        guard case .pick(let picker)? = model.form?.field(.case).value else { Issue.record("no case picker"); return }
        #expect(picker.options.map(\.value) == ["CASE-0010", "CASE-0036"])
        model.type("pothole")
        model.fill(.summary, "Asked again about the pothole claim.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .logContact(CaseID("CASE-0036")!, date: referenceDate, channel: .phone, kind: .routine,
                                       summary: "Asked again about the pothole claim.", behaviours: [], significantNewInformation: false))
    }

    @Test func aPersonWithoutACaseIsOfferedANewOne() {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.replaceRegister(try! model.recording(.addCustomer(name: "Ana Lima", address: nil, postcode: nil, email: nil, phone: nil,
                                                                adjustments: nil)))
        model.show(.people)
        model.type("ana lima")
        model.press(.enter, .enter, .character("L"))
        #expect(model.form == nil)
        #expect(model.message?.contains("this person has no case yet: open one with c") == true)
    }

    @Test func aTooSmallWindowKeepsTheFormAndQDoesNotQuit() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.press(.control("n"))
        model.type("Ana")
        model.width = 40
        model.press(.character("q"))
        #expect(!model.quit)
        let screen = model.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(screen.contains("Make the window larger to finish add a customer; what you typed is kept."))
        model.width = 100
        #expect(model.form?.text(.name) == "Ana")
    }
}
