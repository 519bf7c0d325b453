/// Who a new customer may already be, by folded name and by the words of an address: kept by a
/// register that takes many customers in one go (a batch, an import, a generated register), so
/// that each one is looked up rather than compared with every customer before it. It is derived
/// from the customers and never stored; a register without one compares them all, the same way.
struct DuplicateIndex: Sendable {
    private(set) var byName: [String: Set<CustomerID>] = [:]
    private(set) var byPlace: [[String]: Set<CustomerID>] = [:]

    init(_ customers: some Sequence<Customer>) {
        for customer in customers { add(customer) }
    }

    static func nameKey(_ name: String) -> String { Search.fold(name) }
    static func placeKey(_ address: Address) -> [String]? {
        let words = Mentions.words(address.description)
        return words.isEmpty ? nil : words
    }

    mutating func add(_ customer: Customer) {
        byName[Self.nameKey(customer.name), default: []].insert(customer.id)
        for address in customer.addresses {
            if let key = Self.placeKey(address) { byPlace[key, default: []].insert(customer.id) }
        }
    }

    mutating func remove(_ customer: Customer) {
        byName[Self.nameKey(customer.name)]?.remove(customer.id)
        for address in customer.addresses {
            if let key = Self.placeKey(address) { byPlace[key]?.remove(customer.id) }
        }
    }

    /// The customers with this name, or with an address of these words.
    func candidates(name: String, place: [String]?) -> Set<CustomerID> {
        (byName[Self.nameKey(name)] ?? []).union(place.flatMap { byPlace[$0] } ?? [])
    }
}

extension Command {
    /// Whether the command looks for customers a new one may already be.
    public var looksForDuplicateCustomers: Bool {
        if case .addCustomer = self { return true }
        return false
    }
}
