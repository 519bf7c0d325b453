/// Who the letters come from (5.2.3, 6.1).
public struct CouncilDetails: Codable, Equatable, Sendable {
    public var name: String
    public var address: String
    /// Where appeals and review requests go: the Head of Service – Customer Services (5.2.5, 6.1).
    public var customerServicesAddress: String
    public var email: String
    public var phone: String
    /// 5.2.3: how personal information is used, shared and retained.
    public var privacyNotice: String

    public static let placeholder = CouncilDetails(
        name: "City Council", address: "Civic Centre", customerServicesAddress: "Civic Centre",
        email: "customer.feedback@example.gov.uk", phone: "01234 567890",
        privacyNotice: "We use your personal information to manage your contact with the council under our Unacceptable "
            + "Behaviour policy. We share it only with staff who need to know, and keep it for as long as our retention "
            + "schedule says.")
}
