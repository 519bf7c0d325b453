/// 5.2.5 and 5.3.2: a review of a status or a register entry.
public struct Review: Equatable, Sendable, Codable {
    public enum Outcome: String, CaseIterable, Sendable, Codable {
        case `continue`
        case vary
        case lift

        /// 5.2.5, 5.3.2: what the outcome means, as the reviewer choosing it reads it.
        public var meaning: String {
            switch self {
            case .continue: "continue — the status or entry stays as it is"
            case .vary: "vary — it stays, with the restrictions changed as recorded"
            case .lift: "lift — it ends (an entry is removed from the register)"
            }
        }
    }

    public let outcome: Outcome
    public let reviewedBy: Login
    public let date: Day
    public let reason: String
    /// A varied outcome's changes: the restrictions it ended and added (numbers on the case).
    public let ended: [Int]
    public let added: [Int]
    /// Why someone other than the one the policy names recorded it.
    public let deputyReason: String?

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(outcome: Outcome, reviewedBy: Login, date: Day, reason: String, ended: [Int] = [], added: [Int] = [],
                 deputyReason: String? = nil) {
        self.outcome = outcome
        self.reviewedBy = reviewedBy
        self.date = date
        self.reason = reason
        self.ended = ended
        self.added = added
        self.deputyReason = deputyReason
    }
}

/// 5.2.5: after six months the customer may ask the Head of Service – Customer Services for a review.
public struct ReviewRequest: Equatable, Sendable, Codable {
    public let received: Day
    public let recordedBy: Login
    /// Set when a review answers it.
    public var answered: Day?

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(received: Day, recordedBy: Login, answered: Day? = nil) {
        self.received = received
        self.recordedBy = recordedBy
        self.answered = answered
    }
}
