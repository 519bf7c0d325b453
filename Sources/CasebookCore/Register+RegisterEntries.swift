/// 5.3: the register of potentially dangerous persons and properties.
extension Register {
    func proposeRegisterEntry(_ subject: RegisterEntry.Subject, facts: String, communication: String,
                              restrictions: String?, _ context: Context) throws(Refusal) -> Outcome {
        var subject = subject
        switch subject {
        case .person(let customer):
            _ = try existingCustomer(customer)
            if let existing = registerEntries.values.first(where: { $0.subject == subject && [.pending, .live].contains($0.state) }) {
                throw .badInput("\(customer) already has register entry \(existing.id) (\(existing.state.rawValue)); "
                    + "review that entry instead.", field: .person)
            }
        case .property(let address):
            let text = try required(address.text, .property, what: "The property's address")
            subject = .property(Address.parsing(text))
        }
        let facts = try required(facts, .facts, what: "The facts (what happened, when, and the risk)")
        let communication = try required(communication, .communication, what: "The agreed methods of communication")
        let warnings = WordingCheck.warnings(for: facts, field: "Facts")
            + WordingCheck.warnings(for: communication, field: "Communication")
            + WordingCheck.warnings(for: restrictions ?? "", field: "Restrictions")
        let id = nextRegisterEntryID
        let event = RegisterEntryProposed(id: id, subject: subject, facts: facts, communication: communication,
                                          restrictions: restrictions.nonBlank, on: context.today)
        return Outcome(events: [.registerEntryProposed(event)], warnings: warnings, created: id.description)
    }

    /// An entry awaiting approval: a new one, or a live one with an amendment.
    func pendingEntry(_ id: RegisterEntryID) throws(Refusal) -> RegisterEntry {
        let entry = try existingEntry(id)
        guard entry.state == .pending || (entry.state == .live && entry.amendment != nil) else {
            throw .badInput("Register entry \(id) is \(entry.state.rawValue), not awaiting approval.")
        }
        return entry
    }

    /// 5.3.1: facts are amended by a new version that is approved again; the approved version stays
    /// live meanwhile, and is kept when the new one is approved.
    func amendRegisterEntry(_ id: RegisterEntryID, facts: String?, communication: String?, restrictions: String?, reason: String,
                            _ context: Context) throws(Refusal) -> Outcome {
        let entry = try existingEntry(id)
        let reason = try required(reason, .reason, what: "Why the entry is amended")
        let newFacts = try facts.map { (text) throws(Refusal) in try required(text, .facts, what: "The facts") } ?? entry.facts
        let newCommunication = try communication.map { (text) throws(Refusal) in
            try required(text, .communication, what: "The agreed methods of communication") } ?? entry.communication
        let newRestrictions = restrictions.map { Optional($0).nonBlank } ?? entry.restrictions
        guard newFacts != entry.facts || newCommunication != entry.communication || newRestrictions != entry.restrictions else {
            throw .badInput("That is what the entry already says: nothing to amend.")
        }
        let warnings = WordingCheck.warnings(for: newFacts, field: "Facts") + WordingCheck.warnings(for: newCommunication, field: "Communication")
            + [Warning("The amendment is approved like a new entry; until then the entry stands as it was.", paragraph: "5.3.2")]
        let event = RegisterEntryAmended(id: id, facts: newFacts, communication: newCommunication, restrictions: newRestrictions,
                                         reason: reason, on: context.today)
        return Outcome(events: [.registerEntryAmended(event)], warnings: warnings)
    }

    func approveRegisterEntry(_ id: RegisterEntryID, date: Day, notToldReason: String?, by actor: StaffMember,
                              _ context: Context) throws(Refusal) -> Outcome {
        let entry = try pendingEntry(id)
        try businessDate(date, "approval date", today: context.today, notBefore: entry.proposedOn, stepName: "the proposal")
        // 5.3.1: the approver sees the wording warnings the proposer saw.
        let text = entry.amendment ?? EntryAmendment(facts: entry.facts, communication: entry.communication,
                                                     restrictions: entry.restrictions, reason: "", by: entry.proposedBy, on: entry.proposedOn)
        var warnings = WordingCheck.warnings(for: text.facts, field: "Facts")
            + WordingCheck.warnings(for: text.communication, field: "Communication")
            + WordingCheck.warnings(for: text.restrictions ?? "", field: "Restrictions")
        if entry.amendment == nil, case .person = entry.subject, notToldReason.nonBlank == nil {
            warnings.append(Warning("The person must now be told of the entry by letter.", paragraph: "5.3"))
        }
        let event = RegisterEntryApproved(id: id, date: date, notToldReason: notToldReason.nonBlank)
        return Outcome(events: [.registerEntryApproved(event)], warnings: warnings)
    }

    func declineRegisterEntry(_ id: RegisterEntryID, date: Day, reason: String, by actor: StaffMember,
                              _ context: Context) throws(Refusal) -> Outcome {
        let entry = try pendingEntry(id)
        try businessDate(date, "date declined", today: context.today, notBefore: entry.proposedOn, stepName: "the proposal")
        let reason = try required(reason, .reason, what: "Why the entry is declined")
        return Outcome(events: [.registerEntryDeclined(RegisterEntryDeclined(id: id, date: date, reason: reason))])
    }
}

extension Register {
    /// 2.2: an approved entry shared outside the council, recorded with the organisation and the reason.
    func discloseRegisterEntry(_ id: RegisterEntryID, to organisation: String, reason: String, date: Day,
                               _ context: Context) throws(Refusal) -> Outcome {
        let entry = try existingEntry(id)
        let approvedOn = entry.approvedOn!
        let organisation = try required(organisation, .to, what: "The organisation it was shared with")
        let reason = try required(reason, .reason, what: "Why they needed to know")
        try businessDate(date, "disclosure date", today: context.today, notBefore: approvedOn, stepName: "the approval")
        return Outcome(events: [.registerEntryDisclosed(RegisterEntryDisclosed(id: id, to: organisation, reason: reason, date: date))])
    }
}

extension Address {
    /// Splits a trailing UK postcode from a one-line address ("12 Hope St, Hanley ST1 5AB").
    public static func parsing(_ text: String) -> Address {
        let trimmed = text.trimmed
        let words = trimmed.split(separator: " ")
        for count in [2, 1] where words.count >= count {
            let candidate = words.suffix(count).joined(separator: " ")
            if let postcode = Postcode(candidate) {
                var rest = words.dropLast(count).joined(separator: " ")
                while rest.hasSuffix(",") { rest.removeLast() }
                return Address(text: rest.trimmed, postcode: postcode)
            }
        }
        return Address(text: trimmed, postcode: nil)
    }
}
