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
    let text = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
    var register = Register()
    for line in text.split(separator: "\n") {
        guard let record = try? JournalLine.decode(Array(line.utf8)[...]), case .domain(let event) = record.entry else { continue }
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
