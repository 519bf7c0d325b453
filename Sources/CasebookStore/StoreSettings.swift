import CasebookCore
import CasebookDocuments
import Foundation

/// The store's settings (`settings.json`): how staff are identified, local closure days, and the
/// council's details used in letters.
public struct StoreSettings: Codable, Equatable, Sendable {
    /// `os`: the acting member of staff is the operating-system login, and `--as` is refused.
    /// `declared`: `--as LOGIN` names them (demo and training stores).
    public enum Identity: String, Codable, Sendable, CaseIterable { case os, declared }

    public var identity: Identity
    /// Days the council is closed besides weekends and bank holidays.
    public var closureDays: [Day]
    public var council: CouncilDetails
    /// The colour theme the terminal front end uses unless --theme says otherwise.
    public var theme: String?
    /// The retention schedule; the standard periods when absent.
    public var retention: RetentionPeriods?
    /// The council's service areas, offered in forms; a case or member of staff in another is
    /// recorded with a warning. Absent: the areas already in use stand in.
    public var serviceAreas: [ServiceArea]?

    public init(identity: Identity, closureDays: [Day] = [], council: CouncilDetails = .placeholder, theme: String? = nil) {
        self.identity = identity
        self.closureDays = closureDays
        self.council = council
        self.theme = theme
    }

    public var calendar: WorkingDayCalendar { WorkingDayCalendar(closureDays: Set(closureDays)) }

    /// Who acts and when, on this council's calendar and with its list of service areas.
    public func context(actor: Login, today: Day) -> Context {
        Context(actor: actor, today: today, calendar: calendar, serviceAreas: serviceAreas.map(Set.init))
    }

    /// The letters these settings write: from this council, on this calendar, with this retention schedule.
    public func letters(for register: Register) -> LetterText {
        LetterText(register: register, council: council, calendar: calendar, retention: retention ?? .standard)
    }

    static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> StoreSettings {
        do {
            return try JSONDecoder().decode(StoreSettings.self, from: Data(bytes))
        } catch {
            throw .badSettings("\(path): \(JournalLine.describe(error)). Correct the file (it is JSON) or restore it.")
        }
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}

