/// A staff member's login, as the operating system or a declared-identity store knows it.
public typealias Login = String

/// What a member of staff may do.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    /// Customer Feedback Team officer.
    case officer
    case informationRights = "information-rights"
    case legal
    case serviceManager = "service-manager"
    case headOfService = "head-of-service"
    case director
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var title: String {
        switch self {
        case .officer: "Customer Feedback Team officer"
        case .informationRights: "Information Rights"
        case .legal: "Legal"
        case .serviceManager: "Service Manager"
        case .headOfService: "Head of Service"
        case .director: "Director"
        case .admin: "Administrator"
        }
    }
}

public struct StaffMember: Equatable, Sendable, Codable {
    public let login: Login
    public var name: String
    public var roles: Set<Role>
    public var serviceArea: ServiceArea?
    /// The Head of Service – Customer Services, to whom appeals and review requests are addressed
    /// (5.2.5, 6.1). At most one member of staff holds the mark.
    public var isCustomerServicesHead: Bool
    public var active: Bool

    public init(login: Login, name: String, roles: Set<Role>, serviceArea: ServiceArea? = nil,
                isCustomerServicesHead: Bool = false, active: Bool = true) {
        self.login = login
        self.name = name
        self.roles = roles
        self.serviceArea = serviceArea
        self.isCustomerServicesHead = isCustomerServicesHead
        self.active = active
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// 4.2: a Head of Service or Director takes decisions.
    public var isDecisionMaker: Bool { has(.headOfService) || has(.director) }
}

/// A council service area, named in lower case with hyphens ("housing", "adult-social-care").
public struct ServiceArea: Hashable, Comparable, Sendable, TextCodable, CustomStringConvertible {
    public let name: String

    /// Normalises a typed name; nil when nothing is left.
    public init?(_ text: String) {
        guard let name = ServiceArea.isNormal(text) ? text : ServiceArea.normalised(text) else { return nil }
        self.name = name
    }

    /// `text` in lower case, each run of anything but letters and digits one hyphen, none at
    /// either end; nil when nothing is left.
    static func normalised(_ text: String) -> String? {
        var name = ""
        var lastWasHyphen = true
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                name.append(character)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                name.append("-")
                lastWasHyphen = true
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? nil : name
    }

    /// Whether `text` is already as the normalising would leave it (lower-case ASCII letters and
    /// digits, single hyphens between them), as a journal holds nearly every name: checked byte by
    /// byte, with no new text made.
    static func isNormal(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else {
                return false
            }
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
                default: return false
                }
                previous = byte
            }
            return true
        } ?? false
    }

    /// A name as `description` wrote it (already normalised); for the store's snapshot reader.
    package init(written name: String) {
        self.name = name
    }


    public var description: String { name }

    public static func < (lhs: ServiceArea, rhs: ServiceArea) -> Bool { lhs.name < rhs.name }

    /// 6.3: housing matters may go to the Housing Ombudsman.
    public var isHousing: Bool { name.contains("housing") || name.contains("homeless") || name.contains("tenan") }

    /// 5.2.1: services the council provides under statute, to which customers are legally entitled.
    /// A restriction that would stop access to one needs its legislative basis recorded.
    public var isStatutory: Bool {
        ServiceArea.statutoryKeywords.contains { name.contains($0) }
    }

    /// Statutory services delivered to the person, face to face (assessments, visits, registration).
    public var isDeliveredInPerson: Bool {
        ["housing", "homeless", "social-care", "children", "registrar", "education", "school", "benefit"].contains { name.contains($0) }
    }

    static let statutoryKeywords = [
        "housing", "homeless", "social-care", "children", "education", "school", "benefit", "council-tax",
        "revenues", "waste", "bins", "environmental-health", "planning", "licensing", "registrar", "elections",
    ]
}

extension ServiceArea {
    public var text: String { name }
}

extension StaffMember {
    /// Roles are written sorted, so that the same member always gives the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(login, forKey: .login)
        try container.encode(name, forKey: .name)
        try container.encode(roles.sorted(), forKey: .roles)
        try container.encodeIfPresent(serviceArea, forKey: .serviceArea)
        try container.encode(isCustomerServicesHead, forKey: .isCustomerServicesHead)
        try container.encode(active, forKey: .active)
    }
}
