/// Who the letters come from (5.2.3, 6.1), and what they must tell people about their personal
/// information (UK GDPR Art 13 and 14).
public struct CouncilDetails: Codable, Equatable, Sendable {
    public var name: String
    public var address: String
    /// Where appeals and review requests go: the Head of Service – Customer Services (5.2.5, 6.1).
    public var customerServicesAddress: String
    public var email: String
    public var phone: String
    /// 5.2.3: why the council uses the information (Art 13(1)(c), the purposes).
    public var privacyNotice: String
    /// Art 13(1)(b): how to contact the Data Protection Officer; empty until set.
    public var dataProtectionOfficer: String
    /// Art 13(1)(c): the lawful basis, as the council states it.
    public var lawfulBasis: String

    public init(name: String, address: String, customerServicesAddress: String, email: String, phone: String,
                privacyNotice: String, dataProtectionOfficer: String = "", lawfulBasis: String = CouncilDetails.standardLawfulBasis) {
        self.name = name
        self.address = address
        self.customerServicesAddress = customerServicesAddress
        self.email = email
        self.phone = phone
        self.privacyNotice = privacyNotice
        self.dataProtectionOfficer = dataProtectionOfficer
        self.lawfulBasis = lawfulBasis
    }

    /// As councils state it: a public task, and for health information substantial public interest.
    public static let standardLawfulBasis = "UK GDPR Article 6(1)(e): the council's public tasks, including dealing fairly "
        + "with everyone who contacts it and keeping its staff safe; where we hold information about your health, also "
        + "Article 9(2)(g) (substantial public interest) with the Data Protection Act 2018, Schedule 1, paragraph 6 "
        + "(statutory and government purposes)."

    public static let placeholder = CouncilDetails(
        name: "City Council", address: "Civic Centre", customerServicesAddress: "Civic Centre",
        email: "customer.feedback@example.gov.uk", phone: "01234 567890",
        privacyNotice: "We use your personal information to manage your contact with the council under our Unacceptable "
            + "Behaviour policy, and to keep our staff safe.")

    /// What still carries the placeholder a new store starts with, in the words of the option that sets it.
    public var placeholders: [String] {
        let blank = Self.placeholder
        var left: [String] = []
        if name == blank.name { left.append("--name") }
        if address == blank.address { left.append("--address") }
        if customerServicesAddress == blank.customerServicesAddress { left.append("--customer-services-address") }
        if email == blank.email { left.append("--email") }
        if phone == blank.phone { left.append("--phone") }
        if dataProtectionOfficer.trimmed.isEmpty { left.append("--dpo") }
        return left
    }

    enum CodingKeys: String, CodingKey {
        case name, address, customerServicesAddress, email, phone, privacyNotice, dataProtectionOfficer, lawfulBasis
    }

    /// Settings recorded before the DPO and the lawful basis were asked for read as not yet set.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        name = try values.decode(String.self, forKey: .name)
        address = try values.decode(String.self, forKey: .address)
        customerServicesAddress = try values.decode(String.self, forKey: .customerServicesAddress)
        email = try values.decode(String.self, forKey: .email)
        phone = try values.decode(String.self, forKey: .phone)
        privacyNotice = try values.decode(String.self, forKey: .privacyNotice)
        dataProtectionOfficer = try values.decodeIfPresent(String.self, forKey: .dataProtectionOfficer) ?? ""
        lawfulBasis = try values.decodeIfPresent(String.self, forKey: .lawfulBasis) ?? Self.standardLawfulBasis
    }
}
