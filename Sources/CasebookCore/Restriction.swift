/// The actions of 5.2.2 that may be taken against a persistent or unreasonable customer.
public enum RestrictionType: String, CaseIterable, Sendable, Codable {
    case singleChannel = "single-channel"
    case namedOfficer = "named-officer"
    case noFaceToFace = "no-face-to-face"
    case refuseNewComplaints = "refuse-new-complaints"
    case readAndFile = "read-and-file"
    case ceaseAndDesist = "cease-and-desist"
    case injunction
    case premisesBan = "premises-ban"

    /// 5.2.1: restrictions are applied on a tiered basis, by severity.
    public var tier: Int {
        switch self {
        case .singleChannel, .namedOfficer: 1
        case .noFaceToFace, .refuseNewComplaints, .readAndFile: 2
        case .ceaseAndDesist: 3
        case .injunction, .premisesBan: 4
        }
    }

    /// 5.2.1: how this restriction would deprive the customer of a service they are legally
    /// entitled to, among the case's `areas`; nil when it withholds none. A premises ban or an
    /// injunction keeps them from every service delivered on the council's premises; no
    /// face-to-face contact withholds a statutory service delivered in person. Refusing repeat
    /// complaints about a settled matter, limiting channels, read-and-file and cease-and-desist
    /// shape how the customer contacts the council, not what it provides.
    public func withholdsAccess(in areas: [ServiceArea]) -> String? {
        switch self {
        case .premisesBan: "keeps the customer from every service delivered on council premises"
        case .injunction: "is an order of the court that can keep the customer from council services"
        case .noFaceToFace:
            areas.contains(where: \.isDeliveredInPerson)
                ? "withholds face-to-face contact with a statutory service delivered in person ("
                    + areas.filter(\.isDeliveredInPerson).map(\.name).joined(separator: ", ") + ")"
                : nil
        case .singleChannel, .namedOfficer, .refuseNewComplaints, .readAndFile, .ceaseAndDesist: nil
        }
    }

    /// Whether this restriction withholds a service (the same question, yes or no).
    public func stopsStatutoryAccess(in areas: [ServiceArea]) -> Bool { withholdsAccess(in: areas) != nil }

    /// What it means in practice, in plain words (for letters and screens).
    public var meaning: String {
        switch self {
        case .singleChannel: "You may contact us about this matter by one method only"
        case .namedOfficer: "You may contact us about this matter only through one named officer or a dedicated address"
        case .noFaceToFace: "We will not meet you face to face about this matter"
        case .refuseNewComplaints: "We will not register or process further service requests or complaints about this matter"
        case .readAndFile: "Further correspondence about this settled matter will be read and filed; it will not be acknowledged or answered (a request for your personal information or a Freedom of Information request is always answered under its own law)"
        case .ceaseAndDesist: "You are asked to cease and desist from contact about this matter"
        case .injunction: "An injunction has been taken out against you"
        case .premisesBan: "You may not enter council premises"
        }
    }
}

/// A restriction recorded as part of a decision to apply the policy (5.2.1–5.2.2). It is scoped to
/// its case's issue and service areas, not to every service.
public struct Restriction: Equatable, Sendable, Codable {
    public let number: Int
    public let type: RestrictionType
    public let details: String
    public let from: Day
    /// Why a tier was skipped (5.2.1: appropriate to the nature and frequency of contacts).
    public let escalationReason: String?
    /// The legislative basis for stopping access to a statutory service (5.2.1).
    public let statutoryBasis: String?
    public let recordedBy: Login
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    /// Set when the restriction ends (status lifted, appeal overturned, or varied).
    public var ended: Optional<Day>
    public var endReason: Optional<String>
    /// Why it was added, when it was a decision of its own (after the decision letter, by an appeal or a review).
    public var reason: Optional<String>
    /// The day it was added as a change after the decision letter (owing a restriction letter).
    public var changedOn: Optional<Day>
    /// The day it was ended as a change of its own after the decision letter, and by whom.
    public var endChangedOn: Optional<Day>
    public var endedBy: Optional<Login>
    /// Why it stands although it conflicts with the customer's recorded adjustments.
    public var adjustmentReason: Optional<String>

    public var tier: Int { type.tier }

    public func isInForce(on day: Day) -> Bool { Self.isInForce(from: from, ended: ended, on: day) }

    /// In force from its first day until the day it ended.
    public static func isInForce(from: Day, ended: Day?, on day: Day) -> Bool {
        from <= day && (ended.map { day < $0 } ?? true)
    }

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(number: Int, type: RestrictionType, details: String, from: Day, escalationReason: String?,
                 statutoryBasis: String?, recordedBy: Login, ended: Day? = nil, endReason: String? = nil, reason: String? = nil,
                 changedOn: Day? = nil, endChangedOn: Day? = nil, endedBy: Login? = nil, adjustmentReason: String? = nil) {
        self.number = number
        self.type = type
        self.details = details
        self.from = from
        self.escalationReason = escalationReason
        self.statutoryBasis = statutoryBasis
        self.recordedBy = recordedBy
        self.ended = ended
        self.endReason = endReason
        self.reason = reason
        self.changedOn = changedOn
        self.endChangedOn = endChangedOn
        self.endedBy = endedBy
        self.adjustmentReason = adjustmentReason
    }
}
