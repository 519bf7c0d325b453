import CasebookCore
import CasebookSynthetic
import Testing

/// A register that takes many customers at once looks possible duplicates up in an index; it must
/// warn exactly as a register comparing every customer does.
@Suite struct DuplicateIndexTests {
    @Test func theIndexWarnsAsComparingEveryCustomerDoes() throws {
        var plain = Register(), indexed = Register()
        let start = Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!)
        _ = try plain.perform(.initialise(name: "Admin"), in: start)
        _ = try indexed.perform(.initialise(name: "Admin"), in: start)
        indexed.indexCustomersForDuplicates()
        var warned = 0
        func both(_ command: Command, _ context: Context) throws {
            let one = try plain.perform(command, in: context), other = try indexed.perform(command, in: context)
            #expect(one == other, "\(command)")
            if one.warnings.contains(where: { $0.message.hasPrefix("This may be someone already known") }) { warned += 1 }
        }
        for step in SyntheticRegister(cases: 120, seed: 4) { try both(step.command, Context(actor: step.actor, today: step.today)) }
        let context = Context(actor: SyntheticRegister.admin, today: Day("2026-06-01")!)
        // Accents and case aside, the same name; the same address words; a name corrected away.
        try both(.addCustomer(name: "Zoë Brown", address: "1 High Street", postcode: "ST4 1HH", email: nil, phone: nil, adjustments: nil), context)
        try both(.addCustomer(name: "ZOE BROWN", address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil), context)
        try both(.addCustomer(name: "Someone Else", address: "1, High Street", postcode: "ST4 1HH", email: nil, phone: nil, adjustments: nil), context)
        let zoe = try #require(plain.customers.values.first { $0.name == "Zoë Brown" }?.id)
        try both(.updateCustomer(zoe, name: "Zoe Green", address: "2 Low Road", postcode: nil, email: nil, phone: nil, adjustments: nil,
                                 reason: "Married; moved."), context)
        try both(.addCustomer(name: "zoe green", address: "1 High Street", postcode: "ST4 1HH", email: nil, phone: nil, adjustments: nil), context)
        try both(.addCustomer(name: "Zoe Brown", address: "2 Low Road", postcode: nil, email: nil, phone: nil, adjustments: nil), context)
        #expect(warned >= 4, "\(warned) warnings")
        #expect(plain == indexed, "the index is a cache: the registers hold the same")
    }
}
