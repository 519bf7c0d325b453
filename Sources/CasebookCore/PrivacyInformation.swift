/// What a letter tells the person about their personal information (UK GDPR Art 13 and 14, and
/// 5.2.3: "how their personal information will be used, shared and retained"), in plain English,
/// from the store's settings and the register: each item is a statement every letter must make,
/// whatever its template.
public struct PrivacyInformation: Sendable {
    public let council: CouncilDetails
    public let retention: RetentionPeriods
    /// Organisations the person's information was disclosed to (2.2), as "Kier Repairs Ltd (3 March 2026)".
    public let disclosures: [String]
    /// How many members of staff were told of the case (5.2.4).
    public let staffTold: Int

    public init(council: CouncilDetails, retention: RetentionPeriods, disclosures: [String] = [], staffTold: Int = 0) {
        self.council = council
        self.retention = retention
        self.disclosures = disclosures
        self.staffTold = staffTold
    }

    public static let ico = "the Information Commissioner's Office (ico.org.uk/make-a-complaint, 0303 123 1113)"

    /// The items, each a paragraph: what it is (for a refusal naming what a template left out) and its text.
    public var items: [(what: String, text: String)] {
        let shared = disclosures.isEmpty ? "It has not been shared with any organisation outside the council."
            : "It has been shared with " + Self.list(disclosures) + ", who needed it to work with you safely."
        let told = staffTold == 0 ? "the council staff who need to know it"
            : "the council staff who need to know it (\(staffTold) \(staffTold == 1 ? "has" : "have") been told of your case)"
        return [
            ("who holds the information and how to contact the Data Protection Officer (Art 13(1)(a), (b))",
             "Who holds your information: \(council.name), \(council.address). You can contact our Data Protection Officer: "
                + "\(council.dataProtectionOfficer)."),
            ("why it is used and the lawful basis (Art 13(1)(c))",
             "Why we use it: \(council.privacyNotice) The law that allows us to: \(council.lawfulBasis)"),
            ("who it is shared with (Art 13(1)(e))", "Who sees it: \(told). \(shared)"),
            ("how long it is kept (Art 13(2)(a))",
             "How long we keep it: \(retention.yearsAfterCaseClosed) years after your case closes, "
                + "\(retention.yearsAfterStatusLifted) years after a restriction or status ends, and "
                + "\(retention.yearsAfterEntryRemoved) years after a register entry is removed; then we erase it."),
            ("the person's rights (Art 13(2)(b))",
             "Your rights: you may ask for a copy of the information we hold about you, ask us to correct it, to erase it, "
                + "to restrict how we use it, or object to our using it. Write to our Data Protection Officer."),
            ("the right to complain to the ICO (Art 13(2)(d))",
             "If you are unhappy with how we have used your information, you may complain to \(Self.ico)."),
        ]
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
