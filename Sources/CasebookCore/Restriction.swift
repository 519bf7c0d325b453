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

    /// 5.2.1: whether this restriction would stop access to a statutory service among `areas`.
    /// A premises ban or an injunction keeps a person from every service delivered on the
    /// council's premises; refusing new requests stops access to the case's own services.
    public func stopsStatutoryAccess(in areas: [ServiceArea]) -> Bool {
        switch self {
        case .premisesBan, .injunction: true
        case .refuseNewComplaints: areas.contains(where: \.isStatutory)
        case .singleChannel, .namedOfficer, .noFaceToFace, .readAndFile, .ceaseAndDesist: false
        }
    }

    /// What it means in practice, in plain words (for letters and screens).
    public var meaning: String {
        switch self {
        case .singleChannel: "You may contact us about this matter by one method only"
        case .namedOfficer: "You may contact us about this matter only through one named officer or a dedicated address"
        case .noFaceToFace: "We will not meet you face to face about this matter"
        case .refuseNewComplaints: "We will not register or process further service requests or complaints about this matter"
        case .readAndFile: "Further correspondence about this settled matter will be read and filed; it will not be acknowledged or answered"
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
    /// Set when the restriction ends (status lifted, appeal overturned, or varied).
    public var ended: Day?
    public var endReason: String?

    public var tier: Int { type.tier }

    public func isInForce(on day: Day) -> Bool { Self.isInForce(from: from, ended: ended, on: day) }

    /// In force from its first day until the day it ended.
    public static func isInForce(from: Day, ended: Day?, on day: Day) -> Bool {
        from <= day && (ended.map { day < $0 } ?? true)
    }

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(number: Int, type: RestrictionType, details: String, from: Day, escalationReason: String?,
                 statutoryBasis: String?, recordedBy: Login, ended: Day? = nil, endReason: String? = nil) {
        self.number = number
        self.type = type
        self.details = details
        self.from = from
        self.escalationReason = escalationReason
        self.statutoryBasis = statutoryBasis
        self.recordedBy = recordedBy
        self.ended = ended
        self.endReason = endReason
    }
}
