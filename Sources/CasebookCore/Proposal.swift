/// An officer's proposal that a case be classified (3.1–3.6), with the checks (4.1) and the
/// decision (4.2) that follow it. A case keeps every proposal it has had, in order.
public struct Proposal: Equatable, Sendable, Codable {
    public let number: Int
    public let categories: Set<Category>
    public let behaviours: [Behaviour]
    public let reason: String
    public let proposedBy: Login
    public let proposedOn: Day
    public var checks: [CheckItem: PreDecisionCheck]
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var decision: Optional<Decision>

    public init(number: Int, categories: Set<Category>, behaviours: [Behaviour], reason: String,
                proposedBy: Login, proposedOn: Day, checks: [CheckItem: PreDecisionCheck] = [:], decision: Decision? = nil) {
        self.number = number
        self.categories = categories
        self.behaviours = behaviours
        self.reason = reason
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
        self.checks = checks
        self.decision = decision
    }

    /// 4.1: the checks that do not currently hold.
    public var outstandingChecks: [CheckItem] {
        CheckItem.allCases.filter { checks[$0]?.holds != true }
    }

    public var checksComplete: Bool { outstandingCheckCount == 0 }

    /// How many checks do not currently hold (without listing them).
    public var outstandingCheckCount: Int {
        var count = 0
        for item in CheckItem.allCases where checks[item]?.holds != true { count += 1 }
        return count
    }
}

/// The four things the council ensures before deciding whether to apply the policy (4.1).
public enum CheckItem: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case facts
    case investigated
    case communications
    case noNewInformation = "no-new-information"

    public var policyWording: String {
        switch self {
        case .facts: "The decision is informed and based on facts"
        case .investigated: "The issue is being or has been investigated properly through the Complaints, Comments and Compliments procedure"
        case .communications: "Communications with the customer have been of a suitable standard"
        case .noNewInformation: "The customer is not providing any significant new information that might affect the council's view"
        }
    }
}

/// One pre-decision check, confirmed with evidence (4.1).
public struct PreDecisionCheck: Equatable, Sendable, Codable {
    public let item: CheckItem
    public let evidence: String
    public let confirmedBy: Login
    public let confirmedOn: Day
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    /// Set when a contact marked as significant new information arrived after the check was
    /// confirmed: the check no longer holds until it is confirmed again.
    public var reopenedByContact: Optional<Int>

    public init(item: CheckItem, evidence: String, confirmedBy: Login, confirmedOn: Day, reopenedByContact: Int? = nil) {
        self.item = item
        self.evidence = evidence
        self.confirmedBy = confirmedBy
        self.confirmedOn = confirmedOn
        self.reopenedByContact = reopenedByContact
    }

    public var holds: Bool { reopenedByContact == nil }
}

/// 4.2: whether to apply the policy, taken by a Head of Service or Director in consultation with
/// the Customer Feedback Team.
public struct Decision: Equatable, Sendable, Codable {
    public enum Outcome: String, Sendable, Codable { case apply, decline }

    public let outcome: Outcome
    public let decidedBy: Login
    public let consulted: Login
    /// The business date of the decision; the six-month minimum runs from it (5.2.5).
    public let date: Day
    public let reason: String
    public let recordedOn: Day
    /// How the customer's recorded reasonable adjustments were considered (Equality Act 2010 s20).
    public let adjustmentsConsidered: String?

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(outcome: Outcome, decidedBy: Login, consulted: Login, date: Day, reason: String, recordedOn: Day,
                 adjustmentsConsidered: String? = nil) {
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.consulted = consulted
        self.date = date
        self.reason = reason
        self.recordedOn = recordedOn
        self.adjustmentsConsidered = adjustmentsConsidered
    }
}

extension Proposal {
    /// Sets are written sorted, so that the same proposal always gives the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(categories.sorted(), forKey: .categories)
        try container.encode(behaviours, forKey: .behaviours)
        try container.encode(reason, forKey: .reason)
        try container.encode(proposedBy, forKey: .proposedBy)
        try container.encode(proposedOn, forKey: .proposedOn)
        try container.encode(checks, forKey: .checks)
        try container.encodeIfPresent(decision, forKey: .decision)
    }
}
