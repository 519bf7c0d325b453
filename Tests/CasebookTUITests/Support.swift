import Testing
import CasebookCore
import CasebookStore
import Foundation
@testable import CasebookTUI

func day(_ text: String) -> Day { Day(text)! }

/// The bundled sample register, read once.
let sampleRegister: Register = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let journal = url.appendingPathComponent("SampleData/store/journal.jsonl").path
    // Every line is read, or the tests stop here saying which one: none is skipped.
    guard let text = try? String(contentsOfFile: journal, encoding: .utf8) else { fatalError("the sample journal \(journal) cannot be read") }
    var register = Register()
    for (number, line) in text.split(separator: "\n").enumerated() {
        let record: JournalLine
        do {
            record = try JournalLine.decode(Array(line.utf8)[...])
        } catch {
            fatalError("line \(number + 1) of the sample journal cannot be read: \(error)")
        }
        guard case .domain(let event) = record.entry else { continue }  // the store's own records (settings)
        register.apply(event, by: record.actor)
    }
    return register
}()

let referenceDate = day("2026-11-27")

func sampleModel(width: Int = 80, height: Int = 24, actor: Login = "hbanks") -> AppModel {
    AppModel(register: sampleRegister, today: referenceDate,
             calendar: WorkingDayCalendar(closureDays: [day("2026-12-29"), day("2026-12-30"), day("2026-12-31")]),
             actor: actor, canSwitchActor: true, councilName: "City of Stoke-on-Trent", width: width, height: height)
}

extension AppModel {
    /// Presses keys in order, collecting effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] { keys.flatMap { update($0) } }

    mutating func type(_ text: String) { for character in text { _ = update(.character(character)) } }

    var screen: String { View.render(self).text }
}

extension AppModel {
    /// Shows `tab` with record `id` selected.
    mutating func at(_ id: String, on tab: Tab) {
        show(tab)
        select(id, in: tab)
    }

    /// Moves the form's focus to the field `id` with Tab.
    mutating func focus(_ id: Field) {
        for _ in 0..<30 where form?.focused?.id != id { _ = update(.tab) }
    }

    /// Ticks the option `value` of the multiple-choice field `id`, as Space does.
    mutating func tick(_ id: Field, _ value: String) {
        focus(id)
        guard case .multiChoice(let options, _, let cursor)? = form?.focused?.value,
              let index = options.firstIndex(where: { $0.value == value }) else { Issue.record("no option \(value) on \(id)"); return }
        for _ in 0..<abs(index - cursor) { _ = update(index > cursor ? .down : .up) }
        _ = update(.character(" "))
    }

    /// Types into the field `id`.
    mutating func fill(_ id: Field, _ text: String) {
        focus(id)
        type(text)
    }

    /// Enter to check the form, then Record on the confirmation: the command recorded, if any.
    mutating func confirm() -> Command? {
        _ = update(.enter)
        guard case .confirming(let confirmation)? = form?.phase else { return nil }
        if !confirmation.onRecord { _ = update(.left) }
        guard case .record(let command)? = update(.enter).first else { return nil }
        form = nil  // as the terminal does once it is recorded
        return command
    }

    func error(_ field: Field) -> String? { form?.fields.first { $0.id == field }?.error }

    /// Whether the field is shown now.
    func shows(_ field: Field) -> Bool { form.map { form in form.shownIndices.contains { form.fields[$0].id == field } } ?? false }

    /// The register after recording `command` as the acting user (it must not be refused).
    func recording(_ command: Command) throws -> Register {
        var register = self.register
        _ = try register.perform(command, in: Context(actor: actor, today: today, calendar: calendar))
        return register
    }
}
