import CasebookCore
@testable import CasebookTUI
import Testing

/// The form engine: fields, focus, checking, confirmation and discarding.
@Suite struct FormEngineTests {
    @Test func textInputMovesAndDeletesByCharacter() {
        var input = TextInput("山田")
        _ = input.handle(.left)
        input.insert("x")
        #expect(input.text == "山x田")
        _ = input.handle(.home)
        _ = input.handle(.delete)
        #expect(input.text == "x田")
        _ = input.handle(.end)
        _ = input.handle(.backspace)
        #expect(input.text == "x" && input.cursor == 1)
        _ = input.handle(.control("u"))
        #expect(input.text.isEmpty)
    }

    @Test func aLongTextKeepsTheCursorInView() {
        let input = TextInput(String(repeating: "山", count: 30))
        let (text, column) = input.window(width: 10)
        #expect(DisplayWidth.of(text) <= 10)
        #expect(column <= 9)
        #expect(text.allSatisfy { $0 == "山" })
    }

    @Test func dateKeysGiveTodayAndMoveADay() {
        var field = FormField(.date, "Date", .date(TextInput()), required: true)
        let today = day("2026-11-27")
        _ = field.handle(.character("t"), today: today)
        #expect(field.value == .date(TextInput("2026-11-27")))
        _ = field.handle(.character("+"), today: today)
        _ = field.handle(.character("+"), today: today)
        _ = field.handle(.character("-"), today: today)
        #expect(field.value == .date(TextInput("2026-11-28")))
        _ = field.handle(.character("x"), today: today)  // letters are not part of a date
        #expect(field.value == .date(TextInput("2026-11-28")))
    }

    @Test func requiredFieldsAreMarkedInWordsAndCheckedFirst() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.press(.control("n"))
        #expect(model.form?.title == "Add a customer")
        #expect(model.screen.contains("Name (required)"))
        let effects = model.press(.enter)
        #expect(effects.isEmpty)
        #expect(model.error(.name)?.contains("Required") == true)
        #expect(model.screen.contains("✗ Required: give the name."))
        #expect(model.form?.phase == .editing)
    }

    @Test func escOnAnUnchangedFormClosesIt() {
        var model = sampleModel()
        model.show(.people)
        model.press(.control("n"), .escape)
        #expect(model.form == nil)
        #expect(model.message == "Cancelled: nothing was recorded.")
    }

    @Test func escOnAChangedFormAsksAndKeepsEditingByDefault() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.press(.control("n"))
        model.type("Ana Lima")
        model.press(.escape)
        #expect(model.form?.phase == .discarding(discard: false))
        #expect(model.screen.contains("Discard the changes?"))
        model.press(.enter)  // Keep editing has focus
        #expect(model.form?.phase == .editing)
        #expect(model.form?.text(.name) == "Ana Lima")
        model.press(.escape, .right, .enter)
        #expect(model.form == nil)
    }

    @Test func nothingIsRecordedBeforeTheConfirmation() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.press(.control("n"))
        model.type("Ana Lima")
        let checked = model.press(.enter)
        #expect(checked.isEmpty)
        guard case .confirming(let confirmation)? = model.form?.phase else { Issue.record("no confirmation"); return }
        #expect(confirmation.lines.contains("Name: Ana Lima"))
        #expect(model.screen.contains("Check before it is recorded"))
        model.press(.escape)  // back to the form, unchanged
        #expect(model.form?.phase == .editing)
        #expect(model.confirm() == .addCustomer(name: "Ana Lima", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil))
    }

    @Test func aPickerFindsAsYouType() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.cases)
        model.press(.character("n"))
        model.type("zoe")
        guard case .pick(let picker)? = model.form?.focused?.value else { Issue.record("not a picker"); return }
        #expect(picker.matches.count == 1)
        #expect(picker.picked?.label.contains("Zoë Brown") == true)
        model.type("zzz")
        #expect(model.screen.contains("nothing matches"))
        model.fill(.title, "Bins")
        model.tick(.service, "waste")
        model.press(.enter)
        #expect(model.error(.customer)?.contains("Nothing matches") == true)
    }

    @Test func aTabGoesRoundTheShownFieldsOnly() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.register)
        model.press(.character("n"))
        #expect(model.shows(.person) && !model.shows(.property))
        model.press(.right)  // about: a property
        #expect(!model.shows(.person) && model.shows(.property))
        var seen: [Field?] = []
        for _ in 0..<6 {
            model.press(.tab)
            seen.append(model.form?.focused?.id)
        }
        #expect(!seen.contains(.person))
        #expect(seen.contains(.property))
    }

    @Test func theActionsMenuShowsDisabledActionsWithTheirReasons() {
        var model = sampleModel(width: 140, height: 40, actor: "ofarrell")
        model.at("CASE-0013", on: .cases)
        model.press(.character("a"))
        let screen = model.screen
        #expect(screen.contains("Actions on CASE-0013"))
        #expect(screen.contains("not available: Only a Head of Service or a Director may decide"))
        #expect(screen.contains("log contact"))
        model.press(.character("d"))
        #expect(model.form == nil)
        #expect(model.message?.contains("Decide is not available") == true)
    }

    @Test func aDisabledActionKeySaysWhy() {
        var model = sampleModel(actor: "ofarrell")
        model.at("CASE-0013", on: .cases)
        model.press(.character("d"))
        #expect(model.form == nil)
        #expect(model.message == "Decide is not available: Only a Head of Service or a Director may decide whether to apply the policy; "
            + "Orla O'Farrell (ofarrell) is not one (4.2).")
    }

    @Test func theHelpListsActionsAndWhyTheyAreNotAvailable() {
        var model = sampleModel(width: 160, height: 60, actor: "ofarrell")
        model.at("CASE-0013", on: .cases)
        model.press(.character("?"))
        #expect(model.screen.contains("Approve or decline the proposal (4.2) — not available: Only a Head of Service"))
    }

    @Test func onPeopleLettersStillFindAndF2OpensTheActions() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.type("ahm")
        #expect(model.filters[.people] == "ahm")
        model.press(.enter, .function(2))
        guard case .actions? = model.overlay else { Issue.record("no actions menu"); return }
        #expect(model.screen.contains("add customer"))
    }

    @Test func aFormRendersAtTheMinimumSize() {
        var model = sampleModel(width: AppModel.minimumWidth, height: AppModel.minimumHeight)
        model.at("CASE-0013", on: .cases)
        model.press(.character("d"))
        model.focus(.reason)
        let frame = View.render(model)
        #expect(frame.lines.contains { $0.contains("Reasons (required)") })
        #expect(frame.cursor != nil)
    }
}

@Suite struct FormScrollTests {
    @Test func pageUpReadsWhatIsAboveALongFormAndAnyKeyReturnsToTheField() {
        var model = sampleModel(width: 80, height: 24)
        model.at("CASE-0013", on: .cases)
        model.press(.character("d"))
        model.focus(.reason)
        #expect(!model.screen.contains("CASE-0013 · Łucja Dąbrowska"))  // scrolled to keep the reason in view
        #expect(model.screen.contains("↑ more: PgUp"))
        model.press(.pageUp, .pageUp, .pageUp)
        #expect(model.screen.contains("CASE-0013 · Łucja Dąbrowska · Parking permit refusal"))
        #expect(model.screen.contains("↓ more: PgDn"))
        model.type("x")
        #expect(model.form?.text(.reason) == "x")
        #expect(model.screen.contains("[x"))
        #expect(!model.screen.contains("CASE-0013 · Łucja Dąbrowska"))
    }
}

@Suite struct FormFieldKindTests {
    @Test func shiftTabGoesBackAndWrapsRound() {
        var model = sampleModel(width: 100, height: 30)
        model.show(.people)
        model.press(.control("n"))
        #expect(model.form?.focused?.id == .name)
        model.press(.backTab)
        #expect(model.form?.focused?.id == .adjustments)  // round to the last field
        model.press(.backTab)
        #expect(model.form?.focused?.id == .phone)
        model.press(.tab, .tab)
        #expect(model.form?.focused?.id == .name)
    }

    @Test func spaceTicksACheckbox() throws {
        var model = sampleModel(width: 100, height: 30, actor: "ofarrell")
        model.at("CASE-0001", on: .cases)
        model.press(.character("c"))
        model.fill(.summary, "New evidence about the collection round.")
        model.focus(.newInformation)
        model.press(.character(" "))
        #expect(model.screen.contains("[x] yes"))
        let confirmed = model.confirm()
        guard case .logContact(_, _, _, _, _, _, let newInformation)? = confirmed else { Issue.record("no contact"); return }
        #expect(newInformation)
    }

    @Test func staffPickersOfferOnlyTheRoleTheRuleNames() throws {
        var model = sampleModel(width: 120, height: 40)
        model.at("CASE-0013", on: .cases)
        model.press(.character("d"))
        guard case .pick(let consulted)? = model.form?.field(.consulted).value else { Issue.record("no picker"); return }
        #expect(!consulted.options.isEmpty)
        #expect(consulted.options.allSatisfy { model.register.staff[$0.value]?.has(.officer) == true })  // 4.2
        model.form = nil
        model.switchActor(to: "snguyen")
        model.at("CASE-0034", on: .cases)
        model.press(.character("C"))
        guard case .pick(let chair)? = model.form?.field(.chair).value else { Issue.record("no picker"); return }
        #expect(!chair.options.isEmpty)
        #expect(chair.options.allSatisfy { model.register.staff[$0.value]?.has(.director) == true })  // 5.1.1
    }
}
