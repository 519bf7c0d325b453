import CasebookCore

/// What a varied appeal outcome (6.2) or a review that varies (5.2.5) changes on a case: the
/// restrictions it ends and one it puts in place. The rules on them stay in the domain's
/// `variation`; these fields only gather them.
extension AppModel {
    static let noNewRestriction = "none"

    static func variationFields(_ value: Case, today: Day, shownWhen varies: @escaping @Sendable (Form) -> Bool) -> [FormField] {
        let active = value.activeRestrictions.map {
            FieldOption(String($0.number), "\($0.number): tier \($0.tier) \($0.type.rawValue) from \($0.from) — \($0.details)")
        }
        let types = [FieldOption(noNewRestriction, "none")]
            + RestrictionType.allCases.map { FieldOption($0.rawValue, "tier \($0.tier) · \($0.rawValue) — \($0.meaning)") }
        let areas = value.serviceAreas
        let adds: @Sendable (Form) -> Bool = { form in varies(form) && newType(form) != nil }
        let withholds: @Sendable (Form) -> Bool = { form in
            guard adds(form), let type = newType(form) else { return false }
            return type.stopsStatutoryAccess(in: areas)
        }
        var fields: [FormField] = []
        if !active.isEmpty {
            fields.append(FormField(.end, "Restrictions it ends", .multiChoice(active, selected: [], cursor: 0),
                                    note: "Space ticks each restriction the outcome ends.", shownWhen: varies))
        }
        fields += [
            FormField(.addType, "Restriction it adds", .choice(types, selected: 0),
                      note: "←/→ chooses; 'none' adds nothing. More than one: add the others with x afterwards.",
                      aliases: [.add], shownWhen: varies),
            FormField(.addDetails, "What it means in practice", .multiline(TextInput()), required: true, shownWhen: adds),
            FormField(.addFrom, "In force from", .date(TextInput(today.description)), required: true,
                      note: "Not before the outcome.", shownWhen: adds),
            FormField(.addBasis, "Legislative basis", .multiline(TextInput()), required: true,
                      note: "5.2.1: it withholds access to a service; name the law that allows it.", aliases: [.statutoryBasis],
                      shownWhen: withholds),
        ]
        return fields
    }

    /// The chosen new restriction's type, when the field is shown and one is chosen.
    static func newType(_ form: Form) -> RestrictionType? {
        guard form.fields.contains(where: { $0.id == .addType }), form.isShown(form.field(.addType)),
              let raw = try? form.choice(.addType) else { return nil }
        return RestrictionType(rawValue: raw)
    }

    /// The restrictions ended and added, as the command takes them.
    static func variation(_ form: Form) throws(FormProblem) -> (end: [Int], add: [NewRestriction]) {
        let end = form.fields.contains { $0.id == .end } ? form.choices(.end).compactMap { Int($0) } : []
        guard let type = newType(form) else { return (end, []) }
        let added = NewRestriction(type: type, details: form.text(.addDetails), from: try form.day(.addFrom),
                                   statutoryBasis: form.optionalText(.addBasis))
        return (end, [added])
    }

    /// The customer's recorded reasonable adjustments, where a decision or restriction is made (Equality Act 2010 s20).
    func adjustmentLines(_ customer: CustomerID) -> [Line] {
        guard let adjustments = register.customers[customer]?.adjustments else { return [] }
        return [Line("Reasonable adjustments on record: \(adjustments)", .restriction)]
    }

    /// The status and restrictions a review or an appeal is about.
    func standingLines(_ value: Case) -> [Line] {
        var lines: [Line] = []
        if let status = value.status {
            lines.append(Line("Status: " + status.categories.sorted().map(\.rawValue).joined(separator: " and ")
                + " decided \(status.decisionDate) by \(staffName(status.decidedBy))"
                + (status.lifted.map { "; lifted \($0)" } ?? "; at least until \(status.minimumUntil)"), .heading))
            if let reason = value.proposals.first(where: { $0.number == status.proposalNumber })?.decision?.reason {
                lines.append(Line("  Reasons: \(reason)"))
            }
        }
        for restriction in value.activeRestrictions {
            lines.append(Line("  In force: \(restriction.number): tier \(restriction.tier) \(restriction.type.rawValue) from "
                + "\(restriction.from) — \(restriction.details)", .restriction))
        }
        if value.status != nil, value.activeRestrictions.isEmpty { lines.append(Line("  No restriction in force.", .muted)) }
        return lines + adjustmentLines(value.customer)
    }
}
