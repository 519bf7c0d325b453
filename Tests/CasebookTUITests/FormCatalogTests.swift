import CasebookCore
@testable import CasebookTUI
import Testing

/// Every write command has a form: each is checked for its validation (required fields and the
/// shape of values), a refusal from the domain shown beside its field with the policy paragraph,
/// and its submit path, whose command the register then accepts.
@Suite struct FormCatalogTests {
    // MARK: People and cases

    @Test func addCustomer() throws {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.press(.control("n"))
        model.press(.enter)
        #expect(model.error(.name) != nil)
        model.fill(.name, "Ana Lima")
        model.fill(.phone, "call me")
        model.press(.enter)
        #expect(model.error(.phone)?.contains("is not a telephone number") == true)
        model.focus(.phone)
        model.press(.control("u"))
        model.type("01782 123456")
        model.fill(.postcode, "st4 2ar")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .addCustomer(name: "Ana Lima", address: nil, postcode: "st4 2ar", email: nil, phone: "01782 123456", adjustments: nil))
        _ = try model.recording(command)
    }

    @Test func openCase() throws {
        var model = sampleModel(width: 100, height: 30)
        model.show(.cases)
        model.press(.character("n"))
        model.type("wójcik")
        model.press(.enter)
        #expect(model.error(.title) != nil)
        model.fill(.title, "Fly-tipping reports")
        model.press(.enter)
        #expect(model.error(.service)?.contains("Tick at least one service area") == true)
        model.fill(.otherService, "!!!")
        model.press(.enter)
        #expect(model.error(.service)?.contains("'!!!' is not a service area name") == true)
        model.focus(.otherService)
        model.press(.control("u"))
        model.type("street-cleansing")
        model.tick(.service, "waste")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        let customer = try #require(model.register.customers.values.first { $0.name == "Krzysztof Wójcik" }?.id)
        #expect(command == .openCase(customer: customer, title: "Fly-tipping reports", serviceAreas: ["waste", "street-cleansing"]))
        _ = try model.recording(command)
    }

    @Test func openCaseFromAPersonsPage() throws {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.type("iqbal")
        model.press(.enter, .enter)  // keep the filter, open the person
        model.press(.character("c"))
        #expect(model.form?.title == "Open a case")
        let picked = try #require(model.form.flatMap { try? $0.choice(.customer) })
        #expect(model.register.customers[CustomerID(picked)!]?.name == "Muhammad Iqbal")
    }

    @Test func logContact() throws {
        var model = sampleModel(width: 100, height: 30, actor: "ofarrell")
        model.at("CASE-0001", on: .cases)
        model.press(.character("c"))
        model.press(.enter)
        #expect(model.error(.summary) != nil)
        model.focus(.date)
        model.press(.control("u"))
        model.type("2026-02-30")
        model.fill(.summary, "Rang again about the bins.")
        model.press(.enter)
        #expect(model.error(.date)?.contains("is not a date") == true)
        model.focus(.date)
        model.press(.control("u"))
        model.type("2026-12-01")
        model.press(.enter)
        #expect(model.error(.date)?.contains("after today") == true)
        model.focus(.date)
        model.press(.character("t"))
        model.focus(.channel)
        model.press(.right)  // email
        model.focus(.behaviour)
        model.press(.down, .down, .character(" "))  // repeat complaints
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .logContact(CaseID("CASE-0001")!, date: referenceDate, channel: .email, kind: .routine,
                                       summary: "Rang again about the bins.", behaviours: [.repeatComplaints],
                                       significantNewInformation: false))
        _ = try model.recording(command)
    }

    @Test func confirmFiledContact() throws {
        var model = sampleModel(width: 100, height: 30, actor: "ofarrell")
        model.at("CASE-0001", on: .cases)
        model.press(.character("f"))
        #expect(model.form == nil)
        #expect(model.message?.contains("logged under read-and-file awaits confirmation") == true)
        model.at("CASE-0024", on: .cases)
        model.press(.character("f"))
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .confirmFiledContact(CaseID("CASE-0024")!, contact: 9))
        _ = try model.recording(command)
    }

    @Test func settleMatter() throws {
        var model = sampleModel(width: 100, height: 30, actor: "ofarrell")
        model.at("CASE-0001", on: .cases)
        model.press(.character("S"))
        model.press(.enter)
        #expect(model.error(.note) != nil)
        model.fill(.note, "Stage 2 answer accepted.")
        model.focus(.date)
        model.press(.control("u"))
        model.type("2030-01-01")
        model.press(.enter)
        #expect(model.error(.date)?.contains("after today") == true)
        model.press(.control("u"), .character("t"))
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .settleMatter(CaseID("CASE-0001")!, on: referenceDate, note: "Stage 2 answer accepted."))
        _ = try model.recording(command)
    }

    @Test func proposeShowsTheSuggestionsAndRefusesUnsupportedBehaviours() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.at("CASE-0009", on: .cases)
        model.press(.character("p"))
        #expect(model.screen.contains("Suggestion (not a decision)"))
        #expect(model.form.map { $0.choices(.category) } == ["complex"])  // ticked from the suggestion
        model.press(.enter)
        #expect(model.error(.reason) != nil)
        model.fill(.reason, "Several services, channels and complaints at once.")
        model.focus(.category)
        model.press(.down, .character(" "))  // and persistent
        model.press(.enter)
        #expect(model.error(.behaviour)?.contains("(policy 3.2)") == true)
        // A persistent behaviour no contact on this case records.
        let seen = Set(model.register.cases[CaseID("CASE-0009")!]!.contacts.flatMap(\.behaviours))
        let unsupported = try #require(Behaviour.allCases.firstIndex { $0.category == .persistent && !seen.contains($0) })
        model.focus(.behaviour)
        for _ in 0..<unsupported { model.press(.down) }
        model.press(.character(" "))
        model.press(.enter)
        #expect(model.error(.behaviour)?.contains("(policy 4.1)") == true)
        model.press(.character(" "))  // untick it
        model.focus(.category)
        model.press(.character(" "))  // untick persistent (the cursor is still on it)
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .propose(CaseID("CASE-0009")!, categories: [.complex], reason: "Several services, channels and complaints at once.",
                                    behaviours: []))
        _ = try model.recording(command)
    }

    @Test func preDecisionCheckOffersOnlyWhatIsOutstanding() throws {
        var model = sampleModel(width: 120, height: 40, actor: "pnowak")
        model.at("CASE-0012", on: .cases)
        model.press(.character("e"))
        guard case .choice(let options, _)? = model.form?.field(.item).value else { Issue.record("no choice"); return }
        let outstanding = model.register.cases[CaseID("CASE-0012")!]!.pendingProposal!.outstandingChecks
        #expect(options.map(\.value) == outstanding.map(\.rawValue))
        model.press(.enter)
        #expect(model.error(.evidence) != nil)
        model.fill(.evidence, "Call notes of 3 and 10 November.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .confirmCheck(CaseID("CASE-0012")!, item: outstanding[0], evidence: "Call notes of 3 and 10 November."))
        _ = try model.recording(command)
        model.at("CASE-0013", on: .cases)
        model.press(.character("e"))
        #expect(model.message?.contains("are confirmed: it awaits a decision") == true)
    }

    // MARK: Decisions and restrictions

    @Test func decideShowsTheChecksAndOpensOnCancel() throws {
        var model = sampleModel(width: 120, height: 50)
        model.at("CASE-0013", on: .cases)
        model.press(.character("d"))
        let screen = model.screen
        #expect(screen.contains("Proposal 1 by Orla O'Farrell"))
        #expect(screen.contains("[x] The decision is informed and based on facts — Contact log and call notes reviewed"))
        #expect(screen.contains("no warning letter is recorded as sent"))
        model.fill(.reason, "Repeat complaints and swearing after the stage 2 answer.")
        model.focus(.date)
        model.press(.control("u"))
        model.type("2026-10-01")
        model.press(.enter)
        #expect(model.error(.date)?.contains("before the proposal") == true)
        model.press(.control("u"), .character("t"))
        model.press(.enter)
        guard case .confirming(let confirmation)? = model.form?.phase else { Issue.record("no confirmation"); return }
        #expect(!confirmation.onRecord)  // irreversible: Cancel has focus
        #expect(model.screen.contains("This cannot be undone"))
        #expect(model.press(.enter).isEmpty)  // Cancel
        #expect(model.form?.phase == .editing)
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .decide(CaseID("CASE-0013")!, outcome: .apply, consulted: "ofarrell", date: referenceDate,
                                   reason: "Repeat complaints and swearing after the stage 2 answer."))
        _ = try model.recording(command)
    }

    @Test func decideConsultsAnOfficer() throws {
        var model = sampleModel(width: 120, height: 50)
        model.at("CASE-0014", on: .cases)
        model.press(.character("d"))
        model.focus(.consulted)
        model.type("nowak")
        model.press(.right)  // outcome is not focused: the arrow moves the cursor in the query
        model.focus(.outcome)
        model.press(.right)  // decline
        model.fill(.reason, "Not enough evidence of unreasonable behaviour.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .decide(CaseID("CASE-0014")!, outcome: .decline, consulted: "pnowak", date: referenceDate,
                                   reason: "Not enough evidence of unreasonable behaviour."))
    }

    @Test func restrictAsksForAnEscalationReasonOnlyWhenATierIsSkipped() throws {
        var model = sampleModel(width: 120, height: 50, actor: "hbanks")
        model.at("CASE-0018", on: .cases)  // tier 1 in force
        model.press(.character("x"))
        #expect(model.screen.contains("Highest tier in force: tier 1"))
        #expect(!model.shows(.escalationReason) && !model.shows(.statutoryBasis))
        model.press(.right, .right)  // no-face-to-face: tier 2
        #expect(!model.shows(.escalationReason))
        model.press(.right, .right, .right)  // cease-and-desist: tier 3
        #expect(model.shows(.escalationReason))
        model.fill(.details, "A letter from Legal asking that the calls stop.")
        model.press(.enter)
        #expect(model.error(.escalationReason)?.contains("Required") == true)
        model.focus(.type)
        model.press(.right, .right)  // premises ban: tier 4 and a statutory service
        #expect(model.shows(.statutoryBasis))
        model.focus(.type)
        model.press(.left, .left, .left, .left, .left)  // no-face-to-face
        // The decision letter has gone: a restriction now is a decision of its own, with its reasons.
        #expect(model.shows(.reason))
        model.fill(.reason, "Calls to the depot continue after the decision.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .restrict(CaseID("CASE-0018")!, type: .noFaceToFace, details: "A letter from Legal asking that the calls stop.",
                                     from: referenceDate, escalationReason: nil, statutoryBasis: nil,
                                     reason: "Calls to the depot continue after the decision."))
        _ = try model.recording(command)
    }

    @Test func restrictIsRefusedBesideTheTypeWhenReadAndFileHasNoSettledMatter() throws {
        var model = sampleModel(width: 120, height: 50, actor: "hbanks")
        model.at("CASE-0018", on: .cases)
        model.press(.character("x"))
        model.press(.right, .right, .right, .right)  // read-and-file
        model.fill(.details, "Filed.")
        if model.shows(.reason) { model.fill(.reason, "Repeat letters on a settled matter.") }
        model.press(.enter)
        if model.register.cases[CaseID("CASE-0018")!]!.settled == nil {
            #expect(model.error(.type)?.contains("(policy 5.2.2)") == true)
        }
    }

    @Test func endRestriction() throws {
        var model = sampleModel(width: 120, height: 40, actor: "hbanks")
        model.at("CASE-0018", on: .cases)
        model.press(.character("X"))
        model.press(.enter)
        #expect(model.error(.reason) != nil)
        model.fill(.reason, "Contact has returned to normal.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .endRestriction(CaseID("CASE-0018")!, number: 1, on: referenceDate, reason: "Contact has returned to normal."))
        _ = try model.recording(command)
        model.at("CASE-0001", on: .cases)
        model.press(.character("X"))
        #expect(model.form == nil)
    }

    @Test func notify() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.at("CASE-0016", on: .cases)
        model.press(.character("N"))
        model.press(.enter)
        #expect(model.error(.to) != nil)
        model.focus(.to)
        model.press(.character(" "))
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        guard case .notify(let id, let recipients) = command else { Issue.record("not notify"); return }
        #expect(id == CaseID("CASE-0016")! && recipients.count == 1 && recipients[0] != "ofarrell")
        _ = try model.recording(command)
    }

    // MARK: Letters

    @Test func letterSentFromTheRecordAndFromThePreview() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.at("CASE-0016", on: .cases)
        model.press(.character("m"))
        #expect(model.screen.contains("decision letter (owed, due 2026-11-09)"))
        model.focus(.sent)
        model.press(.control("u"))
        model.type("2026-10-01")
        model.press(.enter)
        #expect(model.error(.sent)?.contains("before") == true)
        model.press(.control("u"), .character("t"), .character("-"))
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .recordLetterSent(.case(CaseID("CASE-0016")!), kind: .decision, sentOn: referenceDate.adding(days: -1)))
        _ = try model.recording(command)

        // From the preview, m opens the same form for the letter shown.
        model.form = nil
        model.overlay = .letter(subject: .case(CaseID("CASE-0016")!), kind: .warning, text: "…", offset: 0)
        model.press(.character("m"))
        #expect(model.form.flatMap { try? $0.choice(.kind) } == "warning")
    }

    // MARK: Conferences

    @Test func callConferenceIsForDirectors() throws {
        var model = sampleModel(width: 120, height: 40)
        model.at("CASE-0009", on: .cases)
        model.press(.character("C"))
        #expect(model.message?.contains("The relevant Director calls the case conference;") == true)
        model.switchActor(to: "snguyen")
        model.message = nil
        model.press(.character("C"))
        // CASE-0009 is not classified complex: the domain's own check says so before any form opens.
        #expect(model.form == nil)
        #expect(model.message?.contains("is identified as complex: case CASE-0009 has no complex proposal or status (5.1.1)") == true)

        model.message = nil
        model.at("CASE-0034", on: .cases)
        model.press(.character("C"))
        model.focus(.invite)
        model.press(.character(" "), .down, .character(" "))
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        guard case .callConference(let id, let date, let chair, let invitees) = command else { Issue.record("not a call"); return }
        #expect(id == CaseID("CASE-0034")! && date == referenceDate && chair == "snguyen" && invitees.count == 2)
        _ = try model.recording(command)
    }

    @Test func conferenceActionAndDone() throws {
        var model = sampleModel(width: 120, height: 40, actor: "snguyen")
        model.at("CONF-0001", on: .conferences)
        model.press(.character("n"))
        model.press(.enter)
        #expect(model.error(.text) != nil)
        model.focus(.owner)
        model.type("rahman")
        model.fill(.text, "Send the SAR bundle.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .agreeConferenceAction(ConferenceID("CONF-0001")!, owner: "irahman", due: referenceDate.adding(days: 14),
                                                  text: "Send the SAR bundle."))
        _ = try model.recording(command)

        model.form = nil
        model.press(.character("D"))
        let open = model.register.conferences[ConferenceID("CONF-0001")!]!.openActions
        let doneConfirmed = model.confirm()
        let done = try #require(doneConfirmed)
        #expect(done == .completeConferenceAction(ConferenceID("CONF-0001")!, number: open[0].number, date: referenceDate))
        _ = try model.recording(done)
    }

    // MARK: Appeals and reviews

    @Test func lodgeAppealAsksWhyWhenLate() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.at("CASE-0018", on: .cases)  // decision letter sent 2026-03-10
        model.press(.character("A"))
        #expect(model.screen.contains("In time until"))
        #expect(model.shows(.lateReason))  // received today: late
        model.focus(.received)
        model.press(.control("u"))
        model.type("2026-03-12")
        #expect(!model.shows(.lateReason))
        model.press(.control("u"), .character("t"))
        model.fill(.grounds, "The restriction stops me reporting missed bins.")
        model.press(.enter)
        #expect(model.error(.lateReason)?.contains("Required") == true)
        model.fill(.lateReason, "In hospital from March to October.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .lodgeAppeal(.case(CaseID("CASE-0018")!), received: referenceDate,
                                        grounds: "The restriction stops me reporting missed bins.",
                                        lateReason: "In hospital from March to October."))
        _ = try model.recording(command)
    }

    @Test func decideAppealIsForADirectorWhoDidNotDecide() throws {
        var model = sampleModel(width: 120, height: 40)
        model.at("CASE-0025", on: .cases)
        model.press(.character("o"))
        #expect(model.message?.contains("Appeals are decided by a Director") == true)
        model.switchActor(to: "dkaur")
        model.message = nil
        model.press(.character("o"))
        model.press(.enter)
        #expect(model.error(.reason) != nil)
        model.fill(.reason, "The restriction was proportionate.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .decideAppeal(AppealID("APL-0001")!, outcome: .upheld, date: referenceDate, reason: "The restriction was proportionate."))
        let decided = try model.recording(command)

        // Ombudsman: once decided. Housing matter: either body.
        model.replaceRegister(decided)
        model.press(.character("O"))
        model.press(.right)
        let referralConfirmed = model.confirm()
        let referral = try #require(referralConfirmed)
        #expect(referral == .referToOmbudsman(AppealID("APL-0001")!, body: .housing, date: referenceDate))
        _ = try model.recording(referral)
    }

    @Test func ombudsmanWaitsForTheAppealOutcome() {
        var model = sampleModel(width: 120, height: 40, actor: "dkaur")
        model.at("CASE-0025", on: .cases)
        model.press(.character("O"))
        #expect(model.form == nil)
        #expect(model.message?.contains("follows the outcome of the appeal") == true)
    }

    @Test func reviewRequestWithinSixMonthsIsRefusedBesideTheDate() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.at("CASE-0017", on: .cases)
        model.press(.character("v"))
        model.press(.enter)
        #expect(model.error(.received)?.contains("Status lasts at least six months") == true)
        #expect(model.error(.received)?.hasSuffix("(policy 5.2.5)") == true)
        model.form = nil
        model.at("CASE-0031", on: .cases)
        model.press(.character("v"))
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .requestReview(CaseID("CASE-0031")!, received: referenceDate))
        _ = try model.recording(command)
    }

    @Test func recordReview() throws {
        var model = sampleModel(width: 120, height: 40, actor: "tlewis")
        model.at("CASE-0031", on: .cases)
        model.press(.character("V"))
        model.press(.enter)
        #expect(model.error(.reason) != nil)
        model.focus(.outcome)
        model.press(.right, .right)  // lift
        model.fill(.reason, "No contact for two years.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .recordReview(.case(CaseID("CASE-0031")!), outcome: .lift, date: referenceDate, reason: "No contact for two years."))
        _ = try model.recording(command)
    }

    // MARK: Register

    @Test func proposeRegisterEntryWarnsAboutWording() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.show(.register)
        model.press(.character("n"), .right)
        model.press(.enter)
        #expect(model.error(.property) != nil && model.error(.facts) != nil && model.error(.communication) != nil)
        model.fill(.property, "3 Canal Side, Etruria, ST1 5AA")
        model.fill(.facts, "A nasty dog attacked a meter reader on 3 March 2026.")
        model.fill(.communication, "Letters only; no visits without the dog secured.")
        model.press(.enter)
        guard case .confirming(let confirmation)? = model.form?.phase else { Issue.record("no confirmation"); return }
        #expect(confirmation.warnings.contains { $0.contains("nasty") })
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .proposeRegisterEntry(.property(Address(text: "3 Canal Side, Etruria, ST1 5AA")),
                                                 facts: "A nasty dog attacked a meter reader on 3 March 2026.",
                                                 communication: "Letters only; no visits without the dog secured.", restrictions: nil))
        _ = try model.recording(command)
    }

    @Test func approveAndDeclineRegisterEntries() throws {
        var model = sampleModel(width: 120, height: 40, actor: "pnowak")
        model.at("REG-0001", on: .register)
        model.press(.character("y"))
        #expect(model.message?.contains("Only a Head of Service or a Director may approve a register entry") == true)
        model.switchActor(to: "hbanks")
        model.press(.character("y"))
        #expect(model.screen.contains("he would follow them home"))
        let approveConfirmed = model.confirm()
        let approve = try #require(approveConfirmed)
        #expect(approve == .approveRegisterEntry(RegisterEntryID("REG-0001")!, date: referenceDate, notToldReason: nil))
        _ = try model.recording(approve)

        model.form = nil
        model.at("REG-0002", on: .register)
        model.press(.character("D"))
        model.press(.enter)
        #expect(model.error(.reason) != nil)
        model.fill(.reason, "The incident was at a different address.")
        let declineConfirmed = model.confirm()
        let decline = try #require(declineConfirmed)
        #expect(decline == .declineRegisterEntry(RegisterEntryID("REG-0002")!, date: referenceDate, reason: "The incident was at a different address."))
        _ = try model.recording(decline)
    }

    @Test func recordSharingOfALiveEntry() throws {
        var model = sampleModel(width: 120, height: 40, actor: "ofarrell")
        model.at("REG-0001", on: .register)
        model.press(.character("i"))
        #expect(model.message?.contains("only an approved entry may be shared (5.3.2)") == true)
        model.at("REG-0003", on: .register)
        model.press(.character("i"))
        model.press(.enter)
        #expect(model.error(.to) != nil && model.error(.reason) != nil)
        model.fill(.to, "Stoke Repairs Ltd")
        model.fill(.reason, "Their operatives visit the property.")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .discloseRegisterEntry(RegisterEntryID("REG-0003")!, to: "Stoke Repairs Ltd", reason: "Their operatives visit the property.",
                                                  date: referenceDate))
        _ = try model.recording(command)
    }

    // MARK: Staff

    @Test func staffManagementIsForAdministrators() throws {
        var model = sampleModel(width: 120, height: 40)
        model.press(.character(":"))
        model.type("add staff")
        model.press(.enter)
        #expect(model.form == nil)
        #expect(model.message?.contains("Only an administrator may manage staff") == true)

        model.switchActor(to: "sysadmin")
        model.press(.character(":"))
        model.type("add staff")
        model.press(.enter)
        model.press(.enter)
        #expect(model.error(.login) != nil && model.error(.name) != nil && model.error(.role) != nil)
        model.fill(.login, "bad login")
        model.fill(.name, "Sam Jones")
        model.focus(.role)
        model.press(.character(" "))  // officer
        model.press(.enter)
        #expect(model.error(.login)?.contains("is not a login") == true)
        model.focus(.login)
        model.press(.control("u"))
        model.type("sjones")
        let commandConfirmed = model.confirm()
        let command = try #require(commandConfirmed)
        #expect(command == .addStaff(login: "sjones", name: "Sam Jones", roles: [.officer], serviceArea: nil, customerServicesHead: false))
        _ = try model.recording(command)

        model.form = nil
        model.press(.character(":"))
        model.type("staff leaves")
        model.press(.enter)
        model.type("ahussain")
        let leavesConfirmed = model.confirm()
        let leaves = try #require(leavesConfirmed)
        #expect(leaves == .staffLeaves(login: "ahussain", on: referenceDate))
        _ = try model.recording(leaves)
    }
}
