/// Classification proposals (3), the checks before a decision (4.1) and the decision (4.2).
extension Register {
    func propose(_ id: CaseID, categories: [Category], reason: String, behaviours: [Behaviour],
                 _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        let categories = Set(categories)
        guard !categories.isEmpty else {
            throw .badInput("Name the classification proposed with --category (complex, persistent, unreasonable).",
                            field: .category)
        }
        if let status = value.status, value.isStatusInForce, categories.isSubset(of: status.categories) {
            throw .badInput("Case \(id) is already classified \(status.categories.sorted().map(\.rawValue).joined(separator: " and ")); "
                + "a review can vary it (5.2.5).", field: .category)
        }
        let reason = try required(reason, .reason, what: "The reason and evidence for the proposal")
        var named: [Behaviour] = []
        for behaviour in behaviours where !named.contains(behaviour) { named.append(behaviour) }
        // 3.2 / 3.4: a persistent or unreasonable proposal names the behaviours seen.
        for category in [Category.persistent, .unreasonable] where categories.contains(category) {
            guard named.contains(where: { $0.category == category }) else {
                let paragraph = category == .persistent ? "3.2" : "3.4"
                throw .rule(paragraph, "A proposal that the customer is \(category.rawValue) must name at least one of "
                    + "the behaviours in \(paragraph) (--behaviour).", field: .behaviour)
            }
        }
        // 4.1: informed and based on facts — each behaviour named must be recorded on a contact.
        let seen = Set(value.contacts.flatMap(\.behaviours))
        if let unsupported = named.first(where: { !seen.contains($0) }) {
            throw .rule("4.1", "No contact on \(id) records the behaviour '\(unsupported.rawValue)'. A proposal must rest "
                + "on facts: log the contact that shows it first.", field: .behaviour)
        }
        var warnings: [Warning] = []
        if categories.contains(.complex), !Suggestions.looksComplex(value) {
            warnings.append(Warning("The case does not yet show the pattern of 3.5 (several service areas, several "
                + "channels and several complaints, Ombudsman enquiries, FOI or SAR requests).", paragraph: "3.5"))
        }
        let event = ClassificationProposed(caseID: id, number: value.proposals.count + 1,
                                           categories: categories.sorted(), behaviours: named, reason: reason,
                                           on: context.today)
        return Outcome(events: [.classificationProposed(event)], warnings: warnings)
    }

    func confirmCheck(_ id: CaseID, item: CheckItem, evidence: String, _ context: Context) throws(Refusal) -> Outcome {
        let proposal = try pendingProposal(id, "the checks of 4.1 are made for a proposal")
        if let existing = proposal.checks[item], existing.holds {
            throw .badInput("The check '\(item.rawValue)' on \(id) was already confirmed by \(existing.confirmedBy) on "
                + "\(existing.confirmedOn).", field: .item)
        }
        let evidence = try required(evidence, .evidence, what: "The evidence for the check")
        return Outcome(events: [.checkConfirmed(CheckConfirmed(caseID: id, item: item, evidence: evidence, on: context.today))])
    }

    func decide(_ id: CaseID, outcome: Decision.Outcome, consulted: Login, date: Day, reason: String,
                adjustmentsConsidered: String?, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        let proposal = try pendingProposal(id, "an officer proposes a classification first")
        let officer = try namedStaff(consulted, field: .consulted)
        guard officer.has(.officer) else {
            throw .rule("4.2", "The decision is taken in consultation with the Customer Feedback Team: \(officer.name) "
                + "(\(officer.login)) is not a Customer Feedback Team officer.", field: .consulted)
        }
        try businessDate(date, "decision date", today: context.today, notBefore: proposal.proposedOn,
                         stepName: "the proposal")
        let reason = try required(reason, .reason, what: "The reasons for the decision")
        var warnings: [Warning] = []
        if outcome == .apply {
            let outstanding = proposal.outstandingChecks
            guard outstanding.isEmpty else {
                throw .rule("4.1", "The policy cannot be applied until all four checks hold. Outstanding: "
                    + outstanding.map(\.rawValue).joined(separator: ", ") + ". Confirm each with 'casebook check'.")
            }
            if proposal.categories.contains(.complex), value.conferences.isEmpty {
                // 5.1.1: where complex customers are identified, the relevant Director then calls a conference.
                warnings.append(Warning("The relevant Director now calls a case conference ('casebook conference call'): it "
                    + "is in their queue.", paragraph: "5.1.1"))
            }
            if !proposal.categories.isDisjoint(with: [.persistent, .unreasonable]) && value.letters(of: .warning).isEmpty {
                warnings.append(Warning("No warning letter was sent before this decision; the Ombudsmen recommend one.",
                                        paragraph: "5.2.3"))
            }
        }
        // Equality Act 2010 s20: a decision to apply the policy to someone with recorded adjustments says how they were weighed.
        let considered = adjustmentsConsidered.nonBlank
        if outcome == .apply, let adjustments = customers[value.customer]?.adjustments.nonBlank, considered == nil {
            throw .rule("4.1", "The customer has recorded reasonable adjustments (\"\(adjustments)\"): say how they were "
                + "considered in this decision with --adjustments-considered (Equality Act 2010 s20).", field: .adjustmentsConsidered)
        }
        var event = DecisionRecorded(caseID: id, outcome: outcome, consulted: officer.login, date: date, reason: reason,
                                     on: context.today)
        event.adjustmentsConsidered = considered
        return Outcome(events: [.decisionRecorded(event)], warnings: warnings)
    }

    /// "The relevant Director" (5.1.1, 6.2) is any director; this suggests those of the case's service areas.
    public func suggestedDirectors(for value: Case, excluding excluded: Set<Login> = []) -> [StaffMember] {
        staff.values
            .filter { $0.active && $0.has(.director) && !excluded.contains($0.login) }
            .filter { member in member.serviceArea.map(value.serviceAreas.contains) ?? false }
            .sorted { $0.login < $1.login }
    }
}
