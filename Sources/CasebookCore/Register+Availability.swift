/// Whether an actor may take a step on a record now, before any of its details are given: the
/// refusal the command itself would give. Each command's validation begins with this check, and
/// the terminal asks it what to offer and why not, so each rule is written once (7.1 and the
/// paragraph of each step).
extension Register {
    public enum Action: Sendable, Hashable {
        case propose(CaseID)
        case confirmCheck(CaseID)
        case decide(CaseID)
        case restrict(CaseID)
        case endRestriction(CaseID)
        case notify(CaseID)
        case requestReview(CaseID)
        case settleMatter(CaseID)
        case confirmFiledContact(CaseID)
        case closeReminder(CaseID)
        case callConference(CaseID)
        case lodgeAppeal(Appeal.Subject)
        case decideAppeal(AppealID)
        case referToOmbudsman(AppealID)
        case approveEntry(RegisterEntryID)
        case declineEntry(RegisterEntryID)
        case amendEntry(RegisterEntryID)
        case shareEntry(RegisterEntryID)
        case conferenceMeets(ConferenceID)
        case agreeConferenceAction(ConferenceID)
        case completeConferenceAction(ConferenceID)
        case assign(CaseID)
        case correctContact(CaseID)
        case manageStaff
        /// Bringing an existing register in from a file.
        case importRecords
    }

    /// Why `login` may not take `action` now, or nil when they may (the details still to be checked).
    public func refusal(_ action: Action, by login: Login) -> Refusal? {
        do throws(Refusal) {
            let actor = try actingStaff(Context(actor: login, today: .supported.lowerBound))
            try requireAllowed(action, by: actor)
            return nil
        } catch {
            return error
        }
    }

    func requireAllowed(_ action: Action, by actor: StaffMember) throws(Refusal) {
        switch action {
        case .propose(let id):
            let value = try existingCase(id)
            if let pending = value.pendingProposal {
                throw .badInput("Case \(id) already has proposal \(pending.number) awaiting a decision; it must be decided first.")
            }
        case .confirmCheck(let id):
            let proposal = try pendingProposal(id, "the checks of 4.1 are made for a proposal")
            if proposal.outstandingChecks.isEmpty {
                throw .badInput("All four checks on proposal \(proposal.number) of \(id) are confirmed: it awaits a decision.")
            }
        case .decide(let id):
            let proposal = try pendingProposal(id, "an officer proposes a classification first")
            try requireDecisionMaker(actor, to: "decide whether to apply the policy", paragraph: "4.2")
            try requireFourEyes(actor, proposer: proposal.proposedBy, action: "decide", paragraph: "4.2")
        case .restrict(let id):
            let (_, status) = try caseWithStatus(id, for: "restrict", paragraph: "5.2")
            try requireDecisionMaker(actor, to: "record restrictions", paragraph: "4.2")
            try requireFourEyes(actor, proposer: status.proposedBy, action: "restrict", paragraph: "4.2")
        case .endRestriction(let id):
            let value = try existingCase(id)
            if value.activeRestrictions.isEmpty {
                throw .badInput("Case \(id) has no restriction in force to end.", field: .restriction)
            }
            try requireDecisionMaker(actor, to: "end a restriction", paragraph: "4.2")
        case .notify(let id):
            _ = try caseWithStatus(id, for: "notify", paragraph: "5.2.4")
        case .requestReview(let id):
            let (value, _) = try caseWithStatus(id, for: "review", paragraph: "5.2.5")
            if let open = value.reviewRequests.first(where: { $0.answered == nil }) {
                throw .badInput("A review request received on \(open.received) is still awaiting its review.")
            }
        case .settleMatter(let id):
            let value = try existingCase(id)
            if let settled = value.settled {
                throw .badInput("The matter on \(id) was already recorded as settled on \(settled.on).")
            }
        case .confirmFiledContact(let id):
            let value = try existingCase(id)
            if !value.contacts.contains(where: \.awaitsFiling) {
                throw .badInput("No contact on \(id) logged under read-and-file awaits confirmation.", field: .contact)
            }
        case .closeReminder(let id):
            let value = try existingCase(id)
            if !value.reminders.contains(where: { $0.isOpen && mayClose($0, on: value, actor.login) }) {
                throw .rule("7.1", "You have no open reminder on \(id): a reminder is closed only by its author.", field: .number)
            }
        case .callConference(let id):
            let value = try existingCase(id)
            guard actor.has(.director) else {
                throw .rule("5.1.1", "The relevant Director calls the case conference; \(actor.name) (\(actor.login)) is not a "
                    + "Director.")
            }
            _ = try complexSince(value)
        case .lodgeAppeal(let subject):
            let decision = try appealedDecision(subject)
            if let earlier = appeals.values.first(where: { $0.subject == subject && $0.received >= decision.date }) {
                let state = earlier.decision.map { "decided (\($0.outcome.rawValue)); the customer may now go to the Ombudsman (6.3)" }
                    ?? "awaiting its outcome"
                throw .badInput("\(decision.against.prefix(1).uppercased() + decision.against.dropFirst()) has already been appealed: "
                    + "\(earlier.id) is \(state).")
            }
        case .decideAppeal(let id):
            let appeal = try existingAppeal(id)
            if let decision = appeal.decision {
                throw .badInput("Appeal \(id) was already decided (\(decision.outcome.rawValue)) on \(decision.date).")
            }
            let decided = try appealedDecision(appeal.subject)
            // 6.2: a Head of Service's decision is reviewed by a Director; a Director's by a different Director.
            guard actor.has(.director) else {
                throw .rule("6.2", "Appeals are decided by a Director; \(actor.name) (\(actor.login)) is not one.")
            }
            guard !decided.involved.contains(actor.login) else {
                throw .rule("6.2", "\(actor.name) decided or imposed \(decided.against), which is under appeal, and may not "
                    + "review it: a different Director must decide the appeal.")
            }
            try requireFourEyes(actor, proposer: decided.proposedBy, action: "decide the appeal on", paragraph: "6.2")
        case .referToOmbudsman(let id):
            let appeal = try existingAppeal(id)
            guard appeal.decision != nil else {
                throw .rule("6.3", "A referral to the Ombudsman follows the outcome of the appeal; \(id) is not yet decided.")
            }
            if let referral = appeal.referral {
                throw .badInput("Appeal \(id) was already referred to the \(referral.body.name) on \(referral.date).")
            }
        case .approveEntry(let id), .declineEntry(let id):
            let entry = try pendingEntry(id)
            let verb = if case .approveEntry = action { "approve" } else { "decline" }
            try requireDecisionMaker(actor, to: "\(verb) a register entry", paragraph: "5.3.2")
            try requireFourEyes(actor, proposer: entry.proposedBy, action: verb, paragraph: "5.3.2")
            if let amendment = entry.amendment { try requireFourEyes(actor, proposer: amendment.by, action: verb, paragraph: "5.3.2") }
        case .amendEntry(let id):
            let entry = try existingEntry(id)
            guard entry.state == .live else {
                throw .badInput("Register entry \(id) is \(entry.state.rawValue): only a live entry is amended (a pending one is "
                    + "declined and proposed again).")
            }
            guard entry.amendment == nil else {
                throw .badInput("Register entry \(id) already has an amendment awaiting approval.")
            }
        case .shareEntry(let id):
            let entry = try existingEntry(id)
            guard entry.state == .live, entry.approvedOn != nil else {
                throw .rule("5.3.2", "Register entry \(id) is \(entry.state.rawValue): only an approved entry may be shared.")
            }
        case .conferenceMeets(let id):
            let conference = try existingConference(id)
            if let met = conference.met { throw .badInput("Conference \(id) already met on \(met.british).") }
        case .agreeConferenceAction(let id):
            let conference = try existingConference(id)
            guard conference.met != nil else {
                throw .rule("5.1.2", "Conference \(id) has not met: it agrees its actions when it meets, after the summary of open "
                    + "issues ('casebook conference meet \(id) --date D').")
            }
        case .completeConferenceAction(let id):
            let conference = try existingConference(id)
            if conference.openActions.isEmpty {
                throw .badInput("Conference \(id) has no action still open.", field: .action)
            }
        case .assign(let id):
            _ = try requireCaseFile(id, actor, to: "assign work")
            guard actor.isDecisionMaker || actor.has(.officer) else {
                throw .rule("7.1", "Cases are assigned by a Head of Service, a Director or a Customer Feedback Team officer; "
                    + "\(actor.name) (\(actor.login)) is none of these.")
            }
        case .correctContact(let id):
            let value = try existingCase(id)
            guard actor.has(.headOfService) || actor.has(.admin) else {
                throw .rule("7.1", "A contact is corrected by a Head of Service or an administrator; \(actor.name) "
                    + "(\(actor.login)) is neither.")
            }
            if value.contacts.isEmpty { throw .badInput("\(id) has no contact to correct.", field: .contact) }
        case .manageStaff:
            try requireAdmin(actor, to: "manage staff")
        case .importRecords:
            try requireAdmin(actor, to: "bring an existing register in")
        }
    }

    func pendingProposal(_ id: CaseID, _ otherwise: String) throws(Refusal) -> Proposal {
        let value = try existingCase(id)
        guard let proposal = value.pendingProposal else {
            throw .badInput("Case \(id) has no proposal awaiting a decision: \(otherwise).")
        }
        return proposal
    }

    /// 5.1.1: the day the customer was proposed, or decided, to be complex; a conference is called from then.
    func complexSince(_ value: Case) throws(Refusal) -> Day {
        let proposedComplex = value.pendingProposal?.categories.contains(.complex) == true
        let appliedComplex = value.isStatusInForce && value.status?.categories.contains(.complex) == true
        guard let since = proposedComplex ? value.pendingProposal?.proposedOn : (appliedComplex ? value.status?.decisionDate : nil) else {
            throw .rule("5.1.1", "A case conference is called where a customer is identified as complex: case \(value.id) has "
                + "no complex proposal or status. Propose the classification first.")
        }
        return since
    }
}

extension Command {
    /// The step this command takes, whose availability is checked before its details.
    var action: Register.Action? {
        switch self {
        case .propose(let id, _, _, _): .propose(id)
        case .confirmCheck(let id, _, _): .confirmCheck(id)
        case .decide(let id, _, _, _, _, _): .decide(id)
        case .restrict(let id, _, _, _, _, _, _, _): .restrict(id)
        case .endRestriction(let id, _, _, _): .endRestriction(id)
        case .notify(let id, _): .notify(id)
        case .requestReview(let id, _): .requestReview(id)
        case .settleMatter(let id, _, _): .settleMatter(id)
        // The contact named is checked on its own (a SAR is never filed, 1.2), more precisely than the case.
        case .confirmFiledContact: nil
        case .callConference(let id, _, _, _): .callConference(id)
        case .lodgeAppeal(let subject, _, _, _): .lodgeAppeal(subject)
        case .decideAppeal(let id, _, _, _, _, _): .decideAppeal(id)
        case .referToOmbudsman(let id, _, _): .referToOmbudsman(id)
        case .approveRegisterEntry(let id, _, _): .approveEntry(id)
        case .declineRegisterEntry(let id, _, _): .declineEntry(id)
        case .amendRegisterEntry(let id, _, _, _, _): .amendEntry(id)
        case .discloseRegisterEntry(let id, _, _, _): .shareEntry(id)
        case .conferenceMeets(let id, _): .conferenceMeets(id)
        case .agreeConferenceAction(let id, _, _, _): .agreeConferenceAction(id)
        case .completeConferenceAction(let id, _, _): .completeConferenceAction(id)
        case .addStaff, .staffLeaves, .updateStaff: .manageStaff
        case .assign(let id, _, _): .assign(id)
        case .correctContact(let id, _, _, _, _, _): .correctContact(id)
        case .importStatus, .importRegisterEntry, .recordImport: .importRecords
        default: nil
        }
    }
}
