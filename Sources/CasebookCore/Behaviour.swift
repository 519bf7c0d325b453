/// The behaviours the policy gives as examples of persistent (3.2) and unreasonable (3.4) customers.
public enum Behaviour: String, CaseIterable, Sendable, Codable {
    // 3.2: persistent
    case refusesToSpecifyGrounds = "refuses-to-specify-grounds"
    case excessiveDemands = "excessive-demands"
    case repeatComplaints = "repeat-complaints"
    case refusesToAcceptDecision = "refuses-to-accept-decision"
    case changesBasisOfComplaint = "changes-basis-of-complaint"
    case groundlessComplaintsAboutStaff = "groundless-complaints-about-staff"
    case refusesRemit = "refuses-remit"
    case refusesToCooperate = "refuses-to-cooperate"
    // 3.4: unreasonable
    case derogatory
    case swearing
    case threatening
    case repeatedContactSameMatter = "repeated-contact-same-matter"

    /// The classification whose examples list this behaviour.
    public var category: Category {
        switch self {
        case .derogatory, .swearing, .threatening, .repeatedContactSameMatter: .unreasonable
        default: .persistent
        }
    }

    public var paragraph: String { category == .unreasonable ? "3.4" : "3.2" }

    /// The policy's own words.
    public var policyWording: String {
        switch self {
        case .refusesToSpecifyGrounds: "Refusing to specify the grounds of a complaint, despite offers of help"
        case .excessiveDemands: "Making excessive demands on staff time, including contacting other officers about the same matter whilst a complaint is being investigated"
        case .repeatComplaints: "Submitting repeat complaints about issues already investigated"
        case .refusesToAcceptDecision: "Refusing to accept the decision once a complaint has been investigated"
        case .changesBasisOfComplaint: "Changing the basis of a complaint as the investigation proceeds or introducing trivial information that the complainant expects to be commented on"
        case .groundlessComplaintsAboutStaff: "Making groundless complaints about staff investigating the complaint and seeking to have the complaint investigated by someone else"
        case .refusesRemit: "Refusing to accept a complaint is outside the remit of the Complaints Procedure"
        case .refusesToCooperate: "Refusing to co-operate with the Complaints Investigation Process"
        case .derogatory: "Speaking to the member of staff in a derogatory manner which causes offence"
        case .swearing: "Swearing either verbally or in writing despite being asked to refrain from using such language"
        case .threatening: "Using threatening language towards council staff which provokes fear"
        case .repeatedContactSameMatter: "Repeatedly contacting a member of staff regarding the same matter which has already been addressed"
        }
    }
}

/// 3.1–3.6: how a case may be classified.
public enum Category: String, CaseIterable, Sendable, Codable, Comparable {
    case complex, persistent, unreasonable

    public var paragraph: String {
        switch self {
        case .persistent: "3.1"
        case .unreasonable: "3.3"
        case .complex: "3.5"
        }
    }

    /// In the order of the cases above.
    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .complex: 0
        case .persistent: 1
        case .unreasonable: 2
        }
    }
}
