/// 5.3: an entry on the list of potentially dangerous persons and properties.
public struct RegisterEntry: Equatable, Sendable, Codable {
    public enum Subject: Equatable, Sendable, Codable {
        case person(CustomerID)
        case property(Address)
    }

    public enum State: String, Sendable, Codable {
        /// Proposed, not yet approved: not live.
        case pending
        /// 5.3.2: approved by a Head of Service or Director.
        case live
        case declined
        /// Lifted by a review or overturned on appeal.
        case removed
    }

    public let id: RegisterEntryID
    public let subject: Subject
    /// 5.3.1: factual, not personal.
    public let facts: String
    /// 5.3.1: agreed methods of communication.
    public let communication: String
    public let restrictions: String?
    public let proposedBy: Login
    public let proposedOn: Day
    public var state: State
    public var approvedBy: Login?
    public var approvedOn: Day?
    /// Why the person was not told of the entry (risk of serious harm), when they were not.
    public var notToldReason: String?
    public var declineReason: String?
    public var reviews: [Review]
    public var letters: [LetterSent]
    public var views: [RegisterView]
    /// 2.2, 5.3: each time the entry was shared with a contractor or partner.
    public var disclosures: [Disclosure] = []
    public var removedOn: Day?

    /// 5.3.2: the annual review is due a year after approval or after the last review.
    public var nextReviewDue: Day? {
        guard state == .live, let approvedOn else { return nil }
        return (reviews.last?.date ?? approvedOn).adding(years: 1)
    }
}

/// 5.3: every view of a register entry is recorded.
public struct RegisterView: Equatable, Sendable, Codable {
    public let by: Login
    public let on: Day
}

/// 2.2: information on dangerous persons and properties is made available to those who need it;
/// each disclosure outside the council is recorded: to whom, why, when and by whom.
public struct Disclosure: Equatable, Sendable, Codable {
    public let to: String
    public let reason: String
    public let date: Day
    public let by: Login
}
