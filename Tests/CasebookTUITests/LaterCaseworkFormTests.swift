import CasebookCore
@testable import CasebookTUI
import Testing

/// The forms for casework after the first decision (issue 14): corrections, later changes, varied
/// outcomes, conferences that meet and statutory requests answered. Each builds the command the
/// command line would, and the register accepts it.
@Suite struct LaterCaseworkFormTests {
    private func context(_ model: AppModel) -> Context { Context(actor: model.actor, today: model.today, calendar: model.calendar) }

    /// `model` after `command`, recorded as `actor`.
    private func after(_ command: Command, as actor: Login, _ model: inout AppModel) throws {
        var register = model.register
        _ = try register.perform(command, in: Context(actor: actor, today: model.today, calendar: model.calendar))
        model.replaceRegister(register)
    }

    @Test func aDecisionOnACustomerWithAdjustmentsShowsThemAndAsksHowTheyWereConsidered() throws {
        var model = sampleModel(width: 120, height: 60)
        let customer = try #require(model.register.cases[CaseID("CASE-0013")!]?.customer)
        try after(.updateCustomer(customer, name: nil, address: nil, postcode: nil, email: nil, phone: nil,
                                  adjustments: "Deaf; BSL user; cannot use the telephone", reason: "Told us at the counter."),
                  as: "ofarrell", &model)
        model.at("CASE-0013", on: .cases)
        model.press(.character("d"))
        #expect(model.screen.contains("Reasonable adjustments on record: Deaf; BSL user"))
        #expect(model.shows(.adjustmentsConsidered))
        model.fill(.reason, "Repeat complaints after the stage 2 answer.")
        model.press(.enter)
        #expect(model.error(.adjustmentsConsidered)?.contains("Required") == true)
        model.fill(.adjustmentsConsidered, "Letters and email only; no restriction touches BSL video relay.")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        #expect(command == .decide(CaseID("CASE-0013")!, outcome: .apply, consulted: "ofarrell", date: referenceDate,
                                   reason: "Repeat complaints after the stage 2 answer.",
                                   adjustmentsConsidered: "Letters and email only; no restriction touches BSL video relay."))
        _ = try model.recording(command)
    }

    @Test func aVariedAppealNamesTheRestrictionsItEndsAndAdds() throws {
        var model = sampleModel(width: 120, height: 60, actor: "dkaur")
        model.at("CASE-0025", on: .cases)
        model.press(.character("o"))
        let active = try #require(model.register.cases[CaseID("CASE-0025")!]?.activeRestrictions)
        #expect(!active.isEmpty)
        #expect(model.screen.contains("upheld — the decision stands as it is"))
        #expect(model.screen.contains("In force: \(active[0].number): tier \(active[0].tier)"))
        #expect(!model.shows(.end) && !model.shows(.addType))
        model.focus(.outcome)
        model.press(.right)  // varied
        #expect(model.shows(.end) && model.shows(.addType) && !model.shows(.addDetails))
        model.fill(.reason, "The contact is now about one matter only.")
        model.press(.enter)
        // Varied with nothing changed: the domain asks what changes, beside the restrictions.
        #expect(model.error(.end)?.contains("must say what changes") == true)
        model.focus(.end)
        model.press(.character(" "))
        model.focus(.addType)
        model.press(.right)  // the first restriction type
        #expect(model.shows(.addDetails) && model.shows(.addFrom))
        model.fill(.addDetails, "One call a week to the named officer.")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        let first = RestrictionType.allCases[0]
        #expect(command == .decideAppeal(AppealID("APL-0001")!, outcome: .varied, date: referenceDate,
                                         reason: "The contact is now about one matter only.", end: [active[0].number],
                                         add: [NewRestriction(type: first, details: "One call a week to the named officer.", from: referenceDate)]))
        let varied = try model.recording(command)
        #expect(varied.cases[CaseID("CASE-0025")!]!.activeRestrictions.contains { $0.type == first })
    }

    /// Two dates on one form: the domain's `Field` puts a refusal beside the date it concerns,
    /// with no guessing from the words of the message.
    @Test func aRefusedStartDateLandsBesideItsOwnDateOnATwoDateForm() throws {
        var model = sampleModel(width: 120, height: 60, actor: "dkaur")
        model.at("CASE-0025", on: .cases)
        model.press(.character("o"))
        model.focus(.outcome)
        model.press(.right)  // varied
        model.fill(.reason, "The contact is now about one matter only.")
        model.focus(.end)
        model.press(.character(" "))  // ends the restriction in force, so the same type may be added
        model.focus(.addType)
        model.press(.right)
        model.fill(.addDetails, "One call a week to the named officer.")
        model.focus(.addFrom)
        model.press(.control("u"))
        model.type("2026-01-05")
        model.press(.enter)
        #expect(model.error(.addFrom)?.contains("is before the outcome") == true)
        #expect(model.error(.date) == nil)
        #expect(model.form?.focused?.id == .addFrom)
        #expect(model.form?.phase == .editing)
    }

    @Test func aReviewThatVariesAndOneByADeputy() throws {
        var model = sampleModel(width: 120, height: 60, actor: "tlewis")
        model.at("CASE-0031", on: .cases)
        model.press(.character("V"))
        #expect(model.screen.contains("Contacts since the decision"))
        #expect(model.shows(.deputy) && !model.shows(.addType))
        model.focus(.outcome)
        model.press(.right)  // vary
        let inForce = Set(model.register.cases[CaseID("CASE-0031")!]!.activeRestrictions.map(\.type))
        let type = try #require(RestrictionType.allCases.first { !inForce.contains($0) && $0.tier <= 2 })
        model.focus(.addType)
        for _ in 0...RestrictionType.allCases.firstIndex(of: type)! { model.press(.right) }
        model.fill(.addDetails, "Letters only to the Customer Feedback Team.")
        model.fill(.reason, "Calls resumed in October.")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        guard case .recordReview(let subject, let outcome, _, _, let end, let add, let deputy) = command else {
            Issue.record("not a review"); return
        }
        #expect(subject == .case(CaseID("CASE-0031")!) && outcome == .vary && end.isEmpty && add.count == 1 && deputy == nil)
        _ = try model.recording(command)
    }

    @Test func aConferenceMeetsBeforeItsActionsAreAgreed() throws {
        var model = sampleModel(width: 120, height: 50, actor: "snguyen")
        let invitee = try #require(model.register.staff.values.first { $0.active && $0.login != "snguyen" }?.login)
        try after(.callConference(CaseID("CASE-0034")!, date: referenceDate, chair: "snguyen", invitees: [invitee]), as: "snguyen", &model)
        let conference = try #require(model.register.conferences.values.first { $0.caseID == CaseID("CASE-0034")! && $0.met == nil })
        model.at(conference.id.description, on: .conferences)
        model.press(.character("n"))
        #expect(model.form == nil)
        #expect(model.message?.contains("has not met: it agrees its actions when it meets, after the summary of open issues (M on the conference) (5.1.2)") == true)
        model.message = nil
        model.press(.character("M"))
        #expect(model.screen.contains("Casebook makes it as of the"))
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        #expect(command == .conferenceMeets(conference.id, date: referenceDate))
        let met = try model.recording(command)
        #expect(met.conferences[conference.id]?.met == referenceDate)
        model.form = nil
        model.replaceRegister(met)
        model.press(.character("M"))
        #expect(model.form == nil && model.message?.contains("already met on") == true)
    }

    @Test func informationRightsRecordsAStatutoryRequestAnswered() throws {
        var model = sampleModel(width: 120, height: 50, actor: "ofarrell")
        model.at("CASE-0023", on: .cases)
        let before = model.register.cases[CaseID("CASE-0023")!]!.unansweredStatutoryRequests.count
        try after(.logContact(CaseID("CASE-0023")!, date: referenceDate, channel: .email, kind: .sar,
                              summary: "Asks for a copy of everything held about her.", behaviours: [],
                              significantNewInformation: false), as: "ofarrell", &model)
        let waiting = model.register.cases[CaseID("CASE-0023")!]!.unansweredStatutoryRequests
        #expect(waiting.count == before + 1)
        model.press(.character("I"))
        #expect(model.form == nil && model.message?.contains("answered by Information Rights") == true)
        model.message = nil
        model.switchActor(to: "irahman")
        model.press(.character("I"))
        #expect(model.screen.contains("answered under its own law"))
        for _ in 0..<before { model.press(.right) }  // the new request
        model.fill(.note, "Bundle sent by secure email under Art 15.")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        #expect(command == .answerStatutoryRequest(CaseID("CASE-0023")!, contact: waiting.last!.number, on: referenceDate,
                                                   note: "Bundle sent by secure email under Art 15."))
        let answered = try model.recording(command)
        #expect(answered.cases[CaseID("CASE-0023")!]!.unansweredStatutoryRequests.count == before)
    }

    @Test func aPersonsDetailsAreCorrectedFieldByField() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.show(.people)
        model.type("iqbal")
        model.press(.enter, .enter)
        model.press(.character("E"))
        #expect(model.form?.title == "Correct Muhammad Iqbal's details")
        model.focus(.phone)
        model.press(.control("u"))
        model.type("07700 900123")
        model.press(.enter)
        #expect(model.error(.reason)?.contains("Required") == true)
        model.fill(.reason, "He gave a new mobile number on the phone.")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        let id = try #require(model.selectedCustomer?.id)
        #expect(command == .updateCustomer(id, name: nil, address: nil, postcode: nil, email: nil, phone: "07700 900123",
                                           adjustments: nil, reason: "He gave a new mobile number on the phone."))
        let corrected = try model.recording(command)
        #expect(corrected.customers[id]?.corrections.last?.field == "phone")
    }

    @Test func administratorsChangeStaffRoles() throws {
        var model = sampleModel(width: 120, height: 40)
        model.press(.character(":"))
        model.type("change staff roles")
        model.press(.enter)
        #expect(model.form == nil && model.message?.contains("Only an administrator may manage staff") == true)
        model.switchActor(to: "sysadmin")
        model.press(.character(":"))
        model.type("change staff roles")
        model.press(.enter)
        model.focus(.login)
        model.type("nowak")
        model.fill(.service, "housing")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        #expect(command == .updateStaff(login: "pnowak", roles: nil, serviceArea: "housing", customerServicesHead: nil))
        let changed = try model.recording(command)
        #expect(changed.staff["pnowak"]?.serviceArea == ServiceArea("housing"))
    }

    @Test func aLiveEntryIsAmendedByANewVersion() throws {
        var model = sampleModel(width: 120, height: 50, actor: "ofarrell")
        model.at("REG-0001", on: .register)
        model.press(.character("E"))
        #expect(model.message?.contains("only a live entry is amended") == true)
        model.message = nil
        model.at("REG-0003", on: .register)
        model.press(.character("E"))
        #expect(model.screen.contains("needs approval again") || model.screen.contains("approves again"))
        model.focus(.communication)
        model.press(.control("u"))
        model.type("Letters only; visits in pairs.")
        model.fill(.reason, "The repairs team asked for visits in pairs.")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        #expect(command == .amendRegisterEntry(RegisterEntryID("REG-0003")!, facts: nil, communication: "Letters only; visits in pairs.",
                                               restrictions: nil, reason: "The repairs team asked for visits in pairs."))
        _ = try model.recording(command)
    }
}

/// The hardware cursor sits on a dialog's focused button, where screen readers and magnifiers look.
@Suite struct DialogCursorTests {
    func underCursor(_ model: AppModel) -> String {
        let frame = View.render(model)
        guard let (x, y) = frame.cursor else { return "" }
        let line = Array(frame.lines[y])
        return String(line[x..<min(line.count, x + 6)])
    }

    @Test func theCursorIsOnTheFocusedButton() {
        var model = sampleModel(width: 100, height: 30, actor: "ofarrell")
        model.show(.people)
        model.press(.control("n"))
        model.type("Ana Lima")
        model.press(.enter)
        #expect(underCursor(model) == "Record")
        model.press(.right)
        #expect(underCursor(model) == "Cancel")
        model.press(.escape, .escape)
        #expect(model.form?.phase == .discarding(discard: false))
        #expect(underCursor(model) == "Keep e")
        model.press(.right)
        #expect(underCursor(model) == "Discar")
    }
}

/// Colour by meaning: on Cases a restricted or late row stays plain; its marker and Late cell carry the colour.
@Suite struct ListStyleTests {
    @Test func casesColourTheMarkerAndTheLateCellNotTheRow() throws {
        let model = sampleModel(width: 120, height: 40)
        let frame = View.render(model)
        let row = try #require(frame.lines.firstIndex { $0.hasPrefix("  CASE-") && $0.contains("[!]") })
        let line = frame.lines[row]
        let marker = DisplayWidth.of(String(line[..<line.range(of: "[!]")!.lowerBound]))
        #expect(frame[marker, row].role == .restriction)
        #expect(frame[2, row].role == .normal, "the id cell is plain")
        if let late = frame.lines.firstIndex(where: { $0.hasPrefix("  CASE-") && $0.range(of: #"\d+d\s*│?\s*$"#, options: .regularExpression) != nil }) {
            #expect(frame[2, late].role == .normal)
        }
        #expect(frame.role(of: "▸ CASE-") == .selection, "the selected row is unmistakable")
    }
}

/// A refusal in the terminal names the form's field, not the command line's option.
@Suite struct TerminalWordsTests {
    @Test func aRefusalNamesTheFieldNotTheOption() throws {
        var model = sampleModel(width: 120, height: 50, actor: "hbanks")
        model.at("CASE-0018", on: .cases)
        model.press(.character("x"))
        model.fill(.details, "Calls to the depot only on Mondays.")
        let form = try #require(model.form)
        #expect(form.inTerminalWords("say why with --reason (it is written)") == "say why with the field 'Why (a decision of its own)' (it is written)")
        #expect(form.inTerminalWords("Confirm each with 'casebook check'.") == "Confirm each with the check form (e on the case).")
        #expect(form.inTerminalWords("Zoë – Seán --nothing-here") == "Zoë – Seán the form")
    }
}

/// 16: the council's service areas are offered in forms; the conference form says who is not yet
/// represented while invitees are ticked, not only at confirmation.
@Suite struct ServiceAreaFormTests {
    @Test func theOpenCaseFormOffersTheCouncilsServiceAreas() throws {
        var model = sampleModel(width: 120, height: 40)
        model.serviceAreas = [ServiceArea("housing")!, ServiceArea("environmental-health")!]
        model.show(.cases)
        model.press(.character("n"))
        guard case .multiChoice(let options, _, _)? = model.form?.fields.first(where: { $0.id == .service })?.value else {
            Issue.record("no list of service areas"); return
        }
        #expect(options.map(\.value) == ["environmental-health", "housing"])
        model.type("wójcik")
        model.fill(.title, "Noise at night")
        model.fill(.otherService, "enviromental-health")
        model.press(.enter)
        guard case .confirming(let confirmation)? = model.form?.phase else { Issue.record("not confirming"); return }
        #expect(confirmation.warnings.contains { $0.contains("did you mean 'environmental-health'?") })
    }

    @Test func theConferenceFormSaysWhoIsNotYetRepresented() throws {
        var model = sampleModel(width: 120, height: 60, actor: "snguyen")
        model.at("CASE-0034", on: .cases)
        model.press(.character("C"))
        model.focus(.invite)
        let before = model.screen
        #expect(before.contains("! Not yet represented: the Customer Feedback Team, Information Rights,"))
        let officer = try #require(model.register.staff.values.first { $0.active && $0.has(.officer) }?.login)
        model.tick(.invite, officer)
        #expect(!model.screen.contains("Not yet represented: the Customer Feedback Team"))
        #expect(model.screen.contains("! Not yet represented: Information Rights, Legal"))
    }
}

/// 17: assignment and contact corrections from the keyboard.
@Suite struct TeamFormTests {
    @Test func aHeadOfServiceCorrectsAContactsDate() throws {
        var officer = sampleModel(width: 120, height: 50, actor: "ofarrell")
        officer.at("CASE-0001", on: .cases)
        officer.press(.character("E"))
        #expect(officer.form == nil && officer.message?.contains("Head of Service or an administrator") == true)

        var model = sampleModel(width: 120, height: 50, actor: "hbanks")
        model.at("CASE-0001", on: .cases)
        model.press(.character("E"))
        #expect(model.form?.title == "Correct a contact on CASE-0001")
        model.fill(.date, "2026-09-30")
        model.fill(.reason, "Logged a day late")
        let confirmed = model.confirm()
        let command = try #require(confirmed)
        guard case .correctContact(let id, let number, let date, nil, nil, let reason) = command else { Issue.record("\(command)"); return }
        #expect(id == CaseID("CASE-0001")! && number == 2 && date == day("2026-09-30") && reason == "Logged a day late")
        let corrected = try model.recording(command)
        #expect(corrected.cases[id]?.contact(2)?.date == day("2026-09-30"))
    }

    @Test func aCasesFilesAreListedAndOneIsSavedWithAKey() throws {
        var model = sampleModel(width: 120, height: 50, actor: "ofarrell")
        model.at("CASE-0001", on: .cases)
        model.press(.character("F"))
        #expect(model.form == nil && model.message?.contains("no file is attached") == true)
        var register = model.register
        let hash = String(repeating: "3f", count: 32)
        _ = try register.perform(.attachFile(.case(CaseID("CASE-0001")!), sha256: hash, name: "email.eml", size: 2_400,
                                             description: "The email of 3 May", contact: 1), in: Context(actor: "ofarrell", today: model.today))
        model.replaceRegister(register)
        model.message = nil
        #expect(model.screen.contains("file: email.eml (2 KB,"))
        model.press(.character("F"))
        #expect(model.form?.title == "Save a file from CASE-0001")
        let confirmed = model.confirm()
        #expect(confirmed == .retrieveFile(sha256: hash))
    }

    @Test func aLeaversHoldingsAreShownInTheLeavingForm() throws {
        var model = sampleModel(width: 120, height: 50, actor: "sysadmin")
        let id = CaseID("CASE-0001")!
        var register = model.register
        _ = try register.perform(.assign(id, to: "pnowak", reason: nil), in: Context(actor: "hbanks", today: model.today))
        model.replaceRegister(register)
        model.press(.character(":"))
        model.type("staff leaves")
        model.press(.enter)
        model.focus(.login)
        model.type("nowak")
        model.focus(.reassignTo)
        #expect(model.screen.contains("! They hold CASE-0001"))
        let confirmed = model.confirm()
        #expect(confirmed == nil, "refused until someone takes the case over")
        #expect(model.error(.reassignTo)?.contains("Piotr Nowak holds CASE-0001") == true)
    }
}
