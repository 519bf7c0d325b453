import CasebookCore
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

    public init(identity: Identity, closureDays: [Day] = [], council: CouncilDetails = .placeholder) {
        self.identity = identity
        self.closureDays = closureDays
        self.council = council
    }

    public var calendar: WorkingDayCalendar { WorkingDayCalendar(closureDays: Set(closureDays)) }

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

/// Who the letters come from (5.2.3, 6.1).
public struct CouncilDetails: Codable, Equatable, Sendable {
    public var name: String
    public var address: String
    /// Where appeals and review requests go: the Head of Service – Customer Services (5.2.5, 6.1).
    public var customerServicesAddress: String
    public var email: String
    public var phone: String
    /// 5.2.3: how personal information is used, shared and retained.
    public var privacyNotice: String

    public static let placeholder = CouncilDetails(
        name: "City Council", address: "Civic Centre", customerServicesAddress: "Head of Service – Customer Services, Civic Centre",
        email: "customer.feedback@example.gov.uk", phone: "01234 567890",
        privacyNotice: "We use your personal information to manage your contact with the council under our Unacceptable "
            + "Behaviour policy. We share it only with staff who need to know, and keep it for as long as our retention "
            + "schedule says.")
}
