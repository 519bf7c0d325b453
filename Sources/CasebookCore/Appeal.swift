/// 6: an appeal against a persistent/unreasonable decision or a register entry.
public struct Appeal: Equatable, Sendable, Codable {
    /// What is appealed against (or reviewed): a case's status or a register entry.
    public enum Subject: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
        case `case`(CaseID)
        case registerEntry(RegisterEntryID)

        /// The case appealed about, when it is a case.
        public var caseID: CaseID? { if case .case(let id) = self { id } else { nil } }

        public var description: String {
            switch self {
            case .case(let id): id.description
            case .registerEntry(let id): id.description
            }
        }
    }

    public enum Outcome: String, CaseIterable, Sendable, Codable {
        /// The decision stands.
        case upheld
        /// The decision stands with different restrictions.
        case varied
        /// The decision is reversed: status lifted, restrictions ended, entry removed.
        case overturned

        /// 6.2: what the outcome means, as the Director choosing it reads it.
        public var meaning: String {
            switch self {
            case .upheld: "upheld — the decision stands as it is"
            case .varied: "varied — the decision stands, with the restrictions changed as recorded"
            case .overturned: "overturned — the decision is reversed: the status is lifted, its restrictions end (an entry is removed)"
            }
        }
    }

    public let id: AppealID
    public let subject: Subject
    public let received: Day
    public let grounds: String
    /// 6.1: the last day to appeal in time, when the decision letter had been sent.
    public let deadline: Day?
    /// Why a late appeal was accepted.
    public let lateReason: String?
    /// 6.2: the outcome is due in writing within 15 working days of receipt.
    public let outcomeDue: Day
    public let lodgedBy: Login
    /// What is appealed, in words: "the decision of 2 March 2026", "the restrictions added on 1 April 2026".
    public var against: String?
    public var decision: AppealDecision?
    public var referral: OmbudsmanReferral?
    public var letters: [LetterSent]
}

public struct AppealDecision: Equatable, Sendable, Codable {
    public let outcome: Appeal.Outcome
    public let decidedBy: Login
    public let date: Day
    public let reason: String
    /// A varied outcome's changes: the restrictions it ended and added (numbers on the case).
    public var ended: [Int] = []
    public var added: [Int] = []

    public init(outcome: Appeal.Outcome, decidedBy: Login, date: Day, reason: String, ended: [Int] = [], added: [Int] = []) {
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.date = date
        self.reason = reason
        self.ended = ended
        self.added = added
    }
}

/// 6.3: the body a customer may refer the matter to after the appeal.
public enum OmbudsmanBody: String, CaseIterable, Sendable, Codable {
    /// Local Government and Social Care Ombudsman.
    case lgsco
    /// Housing Ombudsman, for housing matters.
    case housing

    public var name: String {
        switch self {
        case .lgsco: "Local Government and Social Care Ombudsman"
        case .housing: "Housing Ombudsman"
        }
    }
}

public struct OmbudsmanReferral: Equatable, Sendable, Codable {
    public let body: OmbudsmanBody
    public let date: Day
    public let recordedBy: Login
}
