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
                  statutoryBasis: String?, reason: String?, adjustmentReason: String?, partOfDecision: Bool = false,
                  _ context: Context) throws(Refusal) -> Outcome {
        let (value, status) = try caseWithStatus(id, for: "restrict", paragraph: "5.2")
        let details = try required(details, .details, what: "What the restriction is, in practice")
        // 5.2.3, 6.1: once the customer has been told of the decision, a new restriction is a decision
        // of its own: with its reasons, a letter, and a new right of appeal.
        let later = value.decisionLetterSent && !partOfDecision
        let reason = reason.nonBlank
        if later, reason == nil {
            throw .rule("5.2.3", "The decision letter on \(id) has gone, so a restriction added now is a decision of its own: "
                + "say why with --reason (it is written to the customer, who may appeal it within 15 working days of that "
                + "letter, 6.1).", field: .reason)
        }
        // Equality Act 2010 s20: a restriction must not take away the way an adjustment says the customer can contact us.
        let adjustment = adjustmentReason.nonBlank
        if let conflict = Adjustments.conflict(type, details: details, with: customers[value.customer]?.adjustments),
           adjustment == nil {
            throw .rule("5.2.1", "\(conflict) A reasonable adjustment is a legal duty (Equality Act 2010 s20): change the "
                + "restriction, or record why it stands with --adjustment-reason.", field: .adjustmentReason)
        }
        try businessDate(from, "start date", field: .from, today: context.today, notBefore: status.decisionDate, stepName: "the decision")
        if value.activeRestrictions.contains(where: { $0.type == type }) {
            throw .badInput("A \(type.rawValue) restriction is already in force on \(id).", field: .type)
        }
        // 5.2.1: tiered, appropriate to the nature and frequency of the contacts.
        let highest = value.highestActiveTier
        let escalation = escalationReason.nonBlank
        if value.skipsTier(type), escalation == nil {
            throw .rule("5.2.1", "A \(type.rawValue) restriction is tier \(type.tier), but the highest tier in force on \(id) "
                + "is \(highest). Skipping a tier needs an escalation reason (--escalation-reason) saying why it is "
                + "appropriate to the nature and frequency of the contacts.", field: .escalationReason)
        }
        // 5.2.1: no deprivation of a statutory service without a legislative basis.
        let basis = statutoryBasis.nonBlank
        if let withheld = type.withholdsAccess(in: value.serviceAreas), basis == nil {
            throw .rule("5.2.1", "A \(type.rawValue) restriction \(withheld). The council may withhold a service people "
                + "are legally entitled to only with a legislative basis: record it with --statutory-basis.",
                field: .statutoryBasis)
        }
        // 5.2.2: read-and-file applies where a decision or complaint has been settled.
        if type == .readAndFile, value.settled == nil {
            throw .rule("5.2.2", "Read-and-file may be used only where the decision or complaint on the matter has been "
                + "settled. Record the settlement first ('casebook case settle').", field: .type)
        }
        var warnings: [Warning] = []
        let lowered = details.lowercased()
        if ["all services", "all council services", "any service", "any council service", "every service"]
            .contains(where: lowered.contains) {
            warnings.append(Warning("Restrictions normally concern this issue only, not access to all services; "
                + "check the wording.", paragraph: "5.2.1"))
        }
        if later {
            warnings.append(Warning("A restriction letter is now owed to the customer ('casebook letter \(id) --kind "
                + "restriction'); they may appeal within 15 working days of it.", paragraph: "6.1"))
        }
        let event = RestrictionAdded(caseID: id, number: value.restrictions.count + 1, type: type, details: details,
                                     from: from, escalationReason: escalation, statutoryBasis: basis, reason: reason,
                                     laterChange: later ? true : nil, recordedOn: later ? context.today : nil,
                                     adjustmentReason: adjustment)
        return Outcome(events: [.restrictionAdded(event)], warnings: warnings, created: String(event.number))
    }

    func endRestriction(_ id: CaseID, number: Int, on date: Day, reason: String, by actor: StaffMember,
                        _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        guard value.restrictions.indices.contains(number - 1) else {
            throw .badInput("Case \(id) has no restriction \(number).", field: .restriction)
        }
        let restriction = value.restrictions[number - 1]
        guard restriction.ended == nil else {
            throw .badInput("Restriction \(number) on \(id) already ended on \(restriction.ended!).", field: .restriction)
        }
        try businessDate(date, "end date", today: context.today, notBefore: restriction.from, stepName: "its start")
        let reason = try required(reason, .reason, what: "Why the restriction ends")
        // After the decision letter, ending a restriction is a change the customer is written to about.
        let later = value.decisionLetterSent && value.isStatusInForce
        let warnings = later ? [Warning("A restriction letter is now owed to the customer ('casebook letter \(id) --kind "
            + "restriction').", paragraph: "5.2.3")] : []
        return Outcome(events: [.restrictionEnded(RestrictionEnded(caseID: id, number: number, on: date, reason: reason,
                                                                   laterChange: later ? true : nil,
                                                                   recordedOn: later ? context.today : nil))],
                       warnings: warnings)
    }

    /// What a varied outcome of an appeal or review changes: `varies` needs at least one change, any
    /// other outcome none. The restrictions are ended and added as events that follow the outcome's.
    func variation(_ id: CaseID, varies: Bool, end: [Int], add: [NewRestriction], on date: Day, why: String,
                   paragraph: String) throws(Refusal) -> (events: [Event], ended: [Int], added: [Int], warnings: [Warning]) {
        guard varies else {
            if !end.isEmpty || !add.isEmpty {
                throw .badInput("Only a varied outcome changes restrictions; choose 'varied' (appeal) or 'vary' (review), or "
                    + "leave out --end and --add.", field: .outcome)
            }
            return ([], [], [], [])
        }
        guard !end.isEmpty || !add.isEmpty else {
            throw .rule(paragraph, "A varied outcome must say what changes: the restrictions it ends (--end N) and those it "
                + "puts in place (--add TYPE:DETAILS).", field: .end)
        }
        let value = try existingCase(id)
        var events: [Event] = []
        var warnings: [Warning] = []
        var ending = Set<Int>()
        for number in end {
            guard value.restrictions.indices.contains(number - 1), value.restrictions[number - 1].ended == nil else {
                throw .badInput("\(id) has no restriction \(number) in force to end (see 'casebook show \(id)').", field: .end)
            }
            ending.insert(number)
            events.append(.restrictionEnded(RestrictionEnded(caseID: id, number: number, on: date, reason: why)))
        }
        var number = value.restrictions.count
        var added: [Int] = []
        let remaining = value.activeRestrictions.filter { !ending.contains($0.number) }.map(\.type)
        for item in add {
            let details = try required(item.details, .add, what: "What the new restriction is, in practice")
            if remaining.contains(item.type) || add.filter({ $0.type == item.type }).count > 1 {
                throw .badInput("A \(item.type.rawValue) restriction would be in force twice on \(id).", field: .add)
            }
            if let withheld = item.type.withholdsAccess(in: value.serviceAreas), item.statutoryBasis.nonBlank == nil {
                throw .rule("5.2.1", "A \(item.type.rawValue) restriction \(withheld): record its legislative basis.",
                            field: .statutoryBasis)
            }
            if let conflict = Adjustments.conflict(item.type, details: details, with: customers[value.customer]?.adjustments) {
                warnings.append(Warning(conflict, paragraph: "5.2.1"))
            }
            try businessDate(item.from, "start date", field: .addFrom, today: date.adding(days: 366), notBefore: date, stepName: "the outcome")
            number += 1
            added.append(number)
            events.append(.restrictionAdded(RestrictionAdded(caseID: id, number: number, type: item.type, details: details,
                                                             from: item.from, escalationReason: nil,
                                                             statutoryBasis: item.statutoryBasis.nonBlank, reason: why)))
        }
        return (events, end, added, warnings)
    }

    func notify(_ id: CaseID, recipients: [Login], _ context: Context) throws(Refusal) -> Outcome {
        let (value, _) = try caseWithStatus(id, for: "notify", paragraph: "5.2.4")
        guard !recipients.isEmpty else {
            throw .badInput("Name who was told with --to LOGIN.", field: .to)
        }
        var logins: [Login] = []
        var warnings: [Warning] = []
        for login in recipients where !logins.contains(login) {
            let member = try namedStaff(login, field: .to)
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
