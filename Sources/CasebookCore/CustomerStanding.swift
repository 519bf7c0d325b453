/// What an officer must know before phoning or visiting someone: the restrictions in force on
/// any of their cases, their register entries, and how they may be contacted (5.2.4, 5.3.1).
public struct CustomerStanding: Equatable, Sendable {
    public struct RestrictionInForce: Equatable, Sendable {
        public let caseID: CaseID
        public let caseTitle: String
        public let restriction: Restriction
    }

    public let customer: Customer
    /// Restrictions in force today, most severe first. Each applies to its case's matter only (5.2.1).
    public let restrictions: [RestrictionInForce]
    /// Live register entries: agreed methods of communication and restrictions (5.3.1).
    public let liveEntries: [RegisterEntry]
    /// Entries proposed but not yet approved: not live, shown so that nobody is caught unaware.
    public let pendingEntries: [RegisterEntry]
    /// Cases with persistent, unreasonable or complex status in force.
    public let casesWithStatus: [CaseID]

    /// Nothing restricts contact and no entry is live.
    public var isClear: Bool { restrictions.isEmpty && liveEntries.isEmpty }
}

extension Register {
    public func standing(of id: CustomerID, on today: Day) -> CustomerStanding? {
        guard let customer = customers[id] else { return nil }
        let own = (casesByCustomer[id] ?? []).compactMap { cases[$0] }
        let restrictions = own.flatMap { value in
            value.restrictionsInForce(on: today).map {
                CustomerStanding.RestrictionInForce(caseID: value.id, caseTitle: value.title, restriction: $0)
            }
        }.sorted { ($0.restriction.tier, $0.caseID) > ($1.restriction.tier, $1.caseID) }
        let entries = registerEntries.values.filter { $0.subject == .person(id) }.sorted { $0.id < $1.id }
        return CustomerStanding(customer: customer, restrictions: restrictions,
                                liveEntries: entries.filter { $0.state == .live },
                                pendingEntries: entries.filter { $0.state == .pending },
                                casesWithStatus: own.filter(\.isStatusInForce).map(\.id))
    }

    /// Register entries on properties at the customer's addresses: the same address, postcode and
    /// punctuation aside ("7 King Street Fenton ST4 3JR" is "7 King Street, Fenton").
    public func propertyEntries(atAddressesOf id: CustomerID) -> [RegisterEntry] {
        let homes = (customers[id]?.addresses ?? []).map { Mentions.words($0.text) }.filter { !$0.isEmpty }
        guard !homes.isEmpty else { return [] }
        return registerEntries.values.filter { entry in
            guard case .property(let address) = entry.subject else { return false }
            let words = Mentions.words(address.description)
            return homes.contains { words.starts(with: $0) }
        }.sorted { $0.id < $1.id }
    }

    /// Register entries on properties with this postcode, and on people living there.
    public func entries(atPostcode postcode: Postcode) -> [RegisterEntry] {
        registerEntries.values.filter { entry in
            switch entry.subject {
            case .property(let address): address.postcode == postcode
            case .person(let id): customers[id]?.addresses.contains { $0.postcode == postcode } ?? false
            }
        }.sorted { $0.id < $1.id }
    }
}
