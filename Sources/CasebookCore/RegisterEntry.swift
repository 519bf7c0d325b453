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
    public var facts: String
    /// 5.3.1: agreed methods of communication.
    public var communication: String
    public var restrictions: String?
    /// A new version of the facts, communication or restrictions, awaiting approval like an entry:
    /// the approved version stays live until it is approved.
    public var amendment: EntryAmendment?
    /// Earlier approved versions, kept when an amendment was approved.
    public var versions: [EntryAmendment] = []
    public internal(set) var proposedBy: Login
    public internal(set) var proposedOn: Day
    public var state: State
    public var approvedBy: Login?
    public var approvedOn: Day?
    /// Why the person was not told of the entry (risk of serious harm), when they were not.
    public var notToldReason: String?
    public var declineReason: String?
    public var reviews: [Review]
    public var letters: [LetterSent]
    /// Evidence kept in the store (4.1), in the order attached.
    public var files: [EvidenceFile] = []
    public var views: [RegisterView]
    /// 2.2, 5.3: each time the entry was shared with a contractor or partner.
    public var disclosures: [Disclosure] = []
    public var removedOn: Day?
    /// The approval (and last review) brought in from an existing register, when it was.
    public var imported: ImportedHistory?

    /// 5.3.2: the annual review is due a year after approval or after the last review.
    public var nextReviewDue: Day? {
        guard state == .live, let approvedOn else { return nil }
        return (reviews.last?.date ?? approvedOn).adding(years: Register.registerReviewYears)
    }

    /// 5.3.2: said wherever the entry's warning is shown, once its review is overdue: the warning may
    /// no longer hold.
    public func reviewOverdue(on today: Day) -> String { Self.overdueNote(nextReviewDue, on: today) }

    public static func overdueNote(_ due: Day?, on today: Day) -> String {
        guard let due, due < today else { return "" }
        return " — REVIEW OVERDUE since \(due)"
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

/// A version of a register entry's text: proposed as an amendment, or kept when replaced.
public struct EntryAmendment: Equatable, Sendable, Codable {
    public let facts: String
    public let communication: String
    public let restrictions: String?
    public let reason: String
    public let by: Login
    public let on: Day

    public init(facts: String, communication: String, restrictions: String?, reason: String, by: Login, on: Day) {
        self.facts = facts
        self.communication = communication
        self.restrictions = restrictions
        self.reason = reason
        self.by = by
        self.on = on
    }
}
