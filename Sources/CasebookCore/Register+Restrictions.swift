/// Restrictions (5.2.1–5.2.2) and the need-to-know notifications (5.2.4).
extension Register {
    /// A case with persistent and/or unreasonable status in force, which restrictions and
    /// notifications follow.
    func caseWithStatus(_ id: CaseID, for action: String, paragraph: String) throws(Refusal) -> (Case, AppliedStatus) {
        let value = try existingCase(id)
        guard let status = value.status, value.isStatusInForce, status.isPersistentOrUnreasonable else {
            throw .rule(paragraph, "Case \(id) has no persistent or unreasonable status in force, so there is nothing to "
                + "\(action). A Head of Service or Director must first decide to apply the policy (4.2).")
        }
        return (value, status)
    }

    func restrict(_ id: CaseID, type: RestrictionType, details: String, from: Day, escalationReason: String?,
                  statutoryBasis: String?, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let (value, status) = try caseWithStatus(id, for: "restrict", paragraph: "5.2")
        try requireDecisionMaker(actor, to: "record restrictions", paragraph: "4.2")
        try requireFourEyes(actor, proposer: status.proposedBy, action: "restrict", paragraph: "4.2")
        let details = try required(details, "details", what: "What the restriction is, in practice")
        try businessDate(from, "start date", today: context.today, notBefore: status.decisionDate, stepName: "the decision")
        if value.activeRestrictions.contains(where: { $0.type == type }) {
            throw .badInput("A \(type.rawValue) restriction is already in force on \(id).", field: "type")
        }
        // 5.2.1: tiered, appropriate to the nature and frequency of the contacts.
        let highest = value.highestActiveTier
        let escalation = escalationReason.nonBlank
        if value.skipsTier(type), escalation == nil {
            throw .rule("5.2.1", "A \(type.rawValue) restriction is tier \(type.tier), but the highest tier in force on \(id) "
                + "is \(highest). Skipping a tier needs an escalation reason (--escalation-reason) saying why it is "
                + "appropriate to the nature and frequency of the contacts.", field: "escalation-reason")
        }
        // 5.2.1: no deprivation of a statutory service without a legislative basis.
        let basis = statutoryBasis.nonBlank
        if type.stopsStatutoryAccess(in: value.serviceAreas), basis == nil {
            throw .rule("5.2.1", "A \(type.rawValue) restriction would stop access to a statutory service "
                + "(\(value.serviceAreas.filter(\.isStatutory).map(\.name).joined(separator: ", ").ifEmpty("council premises"))). "
                + "The council may do so only with a legislative basis: record it with --statutory-basis.",
                field: "statutory-basis")
        }
        // 5.2.2: read-and-file applies where a decision or complaint has been settled.
        if type == .readAndFile, value.settled == nil {
            throw .rule("5.2.2", "Read-and-file may be used only where the decision or complaint on the matter has been "
                + "settled. Record the settlement first ('casebook case settle').", field: "type")
        }
        var warnings: [Warning] = []
        let lowered = details.lowercased()
        if ["all services", "all council services", "any service", "any council service", "every service"]
            .contains(where: lowered.contains) {
            warnings.append(Warning("Restrictions normally concern this issue only, not access to all services; "
                + "check the wording.", paragraph: "5.2.1"))
        }
        let event = RestrictionAdded(caseID: id, number: value.restrictions.count + 1, type: type, details: details,
                                     from: from, escalationReason: escalation, statutoryBasis: basis)
        return Outcome(events: [.restrictionAdded(event)], warnings: warnings, created: String(event.number))
    }

    func endRestriction(_ id: CaseID, number: Int, on date: Day, reason: String, by actor: StaffMember,
                        _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        guard value.restrictions.indices.contains(number - 1) else {
            throw .badInput("Case \(id) has no restriction \(number).", field: "restriction")
        }
        let restriction = value.restrictions[number - 1]
        guard restriction.ended == nil else {
            throw .badInput("Restriction \(number) on \(id) already ended on \(restriction.ended!).", field: "restriction")
        }
        try requireDecisionMaker(actor, to: "end a restriction", paragraph: "4.2")
        try businessDate(date, "end date", today: context.today, notBefore: restriction.from, stepName: "its start")
        let reason = try required(reason, "reason", what: "Why the restriction ends")
        return Outcome(events: [.restrictionEnded(RestrictionEnded(caseID: id, number: number, on: date, reason: reason))])
    }

    func notify(_ id: CaseID, recipients: [Login], _ context: Context) throws(Refusal) -> Outcome {
        let (value, _) = try caseWithStatus(id, for: "notify", paragraph: "5.2.4")
        guard !recipients.isEmpty else {
            throw .badInput("Name who was told with --to LOGIN.", field: "to")
        }
        var logins: [Login] = []
        var warnings: [Warning] = []
        for login in recipients where !logins.contains(login) {
            let member = try namedStaff(login, field: "to")
            logins.append(member.login)
            let corporate: Set<Role> = [.officer, .legal, .informationRights, .director]
            let concerned = member.serviceArea.map(value.serviceAreas.contains) ?? false
            if !concerned, member.roles.isDisjoint(with: corporate) {
                warnings.append(Warning("\(member.name) works outside the services this case concerns; notify only "
                    + "those who need to know.", paragraph: "5.2.4"))
            }
        }
        return Outcome(events: [.staffNotified(StaffNotified(caseID: id, recipients: logins, on: context.today))],
                       warnings: warnings)
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
