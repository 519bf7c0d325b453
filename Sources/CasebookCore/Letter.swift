/// The letters the policy requires or the Ombudsmen recommend.
public enum LetterKind: String, CaseIterable, Sendable, Codable {
    /// Sent before any decision, as the Ombudsmen recommend.
    case warning
    /// 5.2.3: the decision to apply the policy.
    case decision
    /// 5.2.5: status lifted and restrictions ended.
    case lifted
    /// 5.3: the person is told of a register entry.
    case registerEntry = "register-entry"
    /// 6.1: the appeal was received.
    case appealAcknowledgement = "appeal-acknowledgement"
    /// 6.2: the outcome, in writing.
    case appealOutcome = "appeal-outcome"
    /// 5.2.5: the outcome of a review.
    case reviewOutcome = "review-outcome"
    /// 5.2.3, 6.1: a restriction added or ended after the decision letter: a decision of its own.
    case restriction

    public var title: String {
        switch self {
        case .warning: "warning letter"
        case .decision: "decision letter"
        case .lifted: "letter lifting status"
        case .registerEntry: "register entry letter"
        case .appealAcknowledgement: "appeal acknowledgement"
        case .appealOutcome: "appeal outcome letter"
        case .reviewOutcome: "review outcome letter"
        case .restriction: "letter about a change of restrictions"
        }
    }
}

/// A letter recorded as sent, on a business date.
public struct LetterSent: Equatable, Sendable, Codable {
    public let kind: LetterKind
    public let sentOn: Day
    public let recordedBy: Login
    /// The letter as sent, when it was kept.
    public let copy: LetterCopy?

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(kind: LetterKind, sentOn: Day, recordedBy: Login, copy: LetterCopy? = nil) {
        self.kind = kind
        self.sentOn = sentOn
        self.recordedBy = recordedBy
        self.copy = copy
    }

    /// 6.1: the last day to appeal against what this letter told the customer: 15 working days from
    /// the day it was sent, or the date it states if that is later.
    public func appealDeadline(calendar: WorkingDayCalendar) -> Day {
        let computed = Register.appealDeadline(letterSent: sentOn, calendar: calendar)
        return max(computed, copy?.statedDeadline ?? computed)
    }
}

/// 5.2.4: who inside the council was told, on a need-to-know basis.
public struct Notification: Equatable, Sendable, Codable {
    public let recipients: [Login]
    public let by: Login
    public let on: Day

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(recipients: [Login], by: Login, on: Day) {
        self.recipients = recipients
        self.by = by
        self.on = on
    }
}
