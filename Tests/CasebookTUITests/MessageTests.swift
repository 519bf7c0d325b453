import CasebookCore
import Testing
@testable import CasebookTUI

/// What the screen does with the result of recording, driven through `receive` with no store
/// (effects come back as messages, bubbletea's way; TCA's `TestStore.receive`).
@Suite struct MessageTests {
    /// The sample model with the open-case form filled in and confirmed: the command it asks to record.
    func openCaseConfirmed() throws -> (AppModel, Command) {
        var model = sampleModel(width: 100, height: 30, actor: "ofarrell")
        model.show(.cases)
        _ = model.receive(.key(.character("n")))
        let effects = submit(&model)
        guard case .record(let command)? = effects.first else { throw Failure("the form asked for \(effects)") }
        return (model, command)
    }

    struct Failure: Error { let text: String; init(_ text: String) { self.text = text } }

    func submit(_ model: inout AppModel) -> [Effect] {
        model.fill(.customer, "Zoë")
        _ = model.receive(.key(.enter))
        model.fill(.title, "Bins not collected")
        model.tick(.service, "waste")
        _ = model.receive(.key(.enter))
        guard case .confirming(let confirmation)? = model.form?.phase else { return [] }
        if !confirmation.onRecord { _ = model.receive(.key(.left)) }
        return model.receive(.key(.enter))
    }

    func state(after command: Command, in model: AppModel) throws -> (StoreState, Outcome) {
        var register = model.register
        let outcome = try register.perform(command, in: Context(actor: model.actor, today: model.today, calendar: model.calendar))
        return (StoreState(register: register, calendar: model.calendar, serviceAreas: nil), outcome)
    }

    @Test func recordedClosesTheFormSelectsTheNewRecordAndSaysSo() throws {
        var (model, command) = try openCaseConfirmed()
        #expect(model.form != nil, "the form stays until the store has recorded it")
        let (state, outcome) = try state(after: command, in: model)
        let created = try #require(outcome.created)
        _ = model.receive(.recorded(outcome, store: state))
        #expect(model.form == nil)
        #expect(model.register.cases[CaseID(created)!] != nil, "the store's register is taken up")
        #expect(model.selectedCase?.id.description == created)
        #expect(model.message?.hasPrefix("Recorded \(created): ") == true, "\(model.message ?? "")")
    }

    @Test func aRefusalGoesBackOnItsFieldAndTheFormStays() throws {
        var (model, _) = try openCaseConfirmed()
        _ = model.receive(.refused(.badInput("Name at least one service area.", field: .service), store: nil))
        #expect(model.form?.phase == .editing)
        #expect(model.error(.service) == "Name at least one service area.")
        _ = model.receive(.notRecorded("Nothing was recorded: the disk is full", store: nil))
        #expect(model.form?.problem == "Nothing was recorded: the disk is full")
        #expect(model.form != nil, "nothing typed is lost")
    }

    @Test func otherResultsReachTheScreen() throws {
        var model = sampleModel()
        _ = model.receive(.letterWritten(.case(CaseID(number: 1)), .decision, .success("Dear Ms Brown,")))
        guard case .letter(_, _, let text, _)? = model.overlay else { Issue.record("no letter overlay"); return }
        #expect(text == "Dear Ms Brown,")
        _ = model.receive(.letterSaved(.decision, .failure(StoreFailure("permission denied"))))
        #expect(model.message == "The letter could not be saved: permission denied")
        _ = model.receive(.viewRecorded(RegisterEntryID(number: 2), .failure(StoreFailure("the store is read-only"))))
        #expect(model.message?.contains("Your view of REG-0002 could not be recorded (5.3)") == true)
    }
}
