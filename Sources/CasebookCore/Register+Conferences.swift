/// 5.1: case conferences for complex customers.
extension Register {
    func callConference(_ id: CaseID, date: Day, chair: Login, invitees: [Login], by actor: StaffMember,
                        _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        let since = try complexSince(value)
        let chairMember = try namedStaff(chair, field: .chair)
        guard chairMember.has(.director) else {
            throw .rule("5.1.1", "The case conference is chaired by a Director; \(chairMember.name) is not one.", field: .chair)
        }
        if date < since {
            throw .badInput("The conference date \(date) is before the complex proposal (\(since)).", field: .date)
        }
        guard !invitees.isEmpty else {
            throw .badInput("Invite the representatives of each service concerned with --invite LOGIN.", field: .invite)
        }
        var logins: [Login] = []
        for login in invitees where !logins.contains(login) && login != chairMember.login {
            logins.append(try namedStaff(login, field: .invite).login)
        }
        let attending = ([chairMember.login] + logins).compactMap { staff[$0] }
        let missing = CaseConference.missingRepresentatives(for: value, attending: attending)
        var warnings = missing.map { Warning("No one from \($0) is invited; the conference normally includes them.", paragraph: "5.1.1") }
        // 5.1.1: "the relevant Director": of the services the case concerns, suggested; another may chair, with a word.
        let relevant = suggestedDirectors(for: value)
        if !relevant.isEmpty, !relevant.contains(where: { $0.login == chairMember.login }) {
            warnings.append(Warning("The relevant Director for \(value.serviceAreas.map(\.name).joined(separator: ", ")) is "
                + relevant.map { "\($0.name) (\($0.login))" }.joined(separator: " or ") + ".", paragraph: "5.1.1"))
        }
        let conferenceID = nextConferenceID
        // The summary is made when the conference meets ('casebook conference meet'), not now.
        let event = ConferenceCalled(id: conferenceID, caseID: id, date: date, chair: chairMember.login, invitees: logins,
                                     summary: "", missingInvitees: missing)
        return Outcome(events: [.conferenceCalled(event)], warnings: warnings, created: conferenceID.description)
    }

    /// 5.1.2: the conference meets and receives the summary of the current open issues and the
    /// background, made as of that day.
    func conferenceMeets(_ id: ConferenceID, date: Day, _ context: Context) throws(Refusal) -> Outcome {
        let conference = try existingConference(id)
        let value = try existingCase(conference.caseID)
        try businessDate(date, "date it met", today: context.today)
        let summary = CaseConference.openingSummary(for: value, in: self, on: date)
        return Outcome(events: [.conferenceMet(ConferenceMet(id: id, date: date, summary: summary))])
    }

    func agreeConferenceAction(_ id: ConferenceID, owner: Login, due: Day, text: String,
                               _ context: Context) throws(Refusal) -> Outcome {
        let conference = try existingConference(id)
        let member = try namedStaff(owner, field: .owner)
        let text = try required(text, .text, what: "The action agreed")
        if due < conference.date {
            throw .badInput("The due date \(due) is before the conference (\(conference.date)).", field: .due)
        }
        let event = ConferenceActionAgreed(conference: id, number: conference.actions.count + 1, owner: member.login,
                                           due: due, text: text)
        return Outcome(events: [.conferenceActionAgreed(event)], created: String(event.number))
    }

    func completeConferenceAction(_ id: ConferenceID, number: Int, date: Day, _ context: Context) throws(Refusal) -> Outcome {
        let conference = try existingConference(id)
        guard conference.actions.indices.contains(number - 1) else {
            throw .badInput("Conference \(id) has no action \(number); it has \(conference.actions.count).", field: .action)
        }
        if let done = conference.actions[number - 1].done {
            throw .badInput("Action \(number) of \(id) was already done on \(done).", field: .action)
        }
        try businessDate(date, "date done", today: context.today, notBefore: conference.date, stepName: "the conference")
        var warnings: [Warning] = []
        var events: [Event] = [.conferenceActionDone(ConferenceActionDone(conference: id, number: number, date: date))]
        if conference.openActions.count == 1 {
            warnings.append(Warning("That was the last open action: conference \(id) is now closed.", paragraph: "5.1.2"))
            // 5.1.2 "bring about closure": the complex status ends with the conference, and the customer is told.
            if let value = cases[conference.caseID], value.isStatusInForce, value.status?.categories.contains(.complex) == true {
                events.append(.complexStatusEnded(ComplexStatusEnded(caseID: value.id, on: date,
                                                                      reason: "conference \(id) closed: its actions are done")))
                warnings.append(Warning("The complex status on \(value.id) ends with the conference; a letter telling the customer "
                    + "is owed.", paragraph: "5.1.2"))
            }
        }
        return Outcome(events: events, warnings: warnings)
    }
}

extension CaseConference {
    /// 5.1.1: the conference normally includes the Customer Feedback Team, Information Rights, Legal
    /// and each service the case concerns. Returns those not represented.
    public static func missingRepresentatives(for value: Case, attending: [StaffMember]) -> [String] {
        var missing: [String] = []
        if !attending.contains(where: { $0.has(.officer) }) { missing.append("the Customer Feedback Team") }
        if !attending.contains(where: { $0.has(.informationRights) }) { missing.append("Information Rights") }
        if !attending.contains(where: { $0.has(.legal) }) { missing.append("Legal") }
        for area in value.serviceAreas where !attending.contains(where: { $0.serviceArea == area }) {
            missing.append("the \(area.name) service")
        }
        return missing
    }

    /// 5.1.2: the summary of the current open issues and the background the conference begins with.
    public static func openingSummary(for value: Case, in register: Register, on today: Day) -> String {
        var lines: [String] = []
        let name = register.name(of: value.customer)
        lines.append("Background: \(value.id) \"\(value.title)\" for \(name) (\(value.customer)), opened \(value.openedOn), "
            + "concerning \(value.serviceAreas.map(\.name).joined(separator: ", ")).")
        if let first = value.contacts.map(\.date).min(), let last = value.contacts.map(\.date).max() {
            lines.append("Contacts: \(value.contacts.count) between \(first) and \(last).")
            let channels = Dictionary(grouping: value.contacts, by: \.channel)
                .map { "\($0.key.rawValue) \($0.value.count)" }.sorted()
            lines.append("By channel: " + channels.joined(separator: ", ") + ".")
            let kinds = Dictionary(grouping: value.contacts, by: \.kind)
                .map { "\($0.key.rawValue) \($0.value.count)" }.sorted()
            lines.append("By kind: " + kinds.joined(separator: ", ") + ".")
        } else {
            lines.append("Contacts: none logged.")
        }
        var open: [String] = []
        if let pending = value.pendingProposal {
            let outstanding = pending.outstandingChecks.map(\.rawValue)
            open.append("proposal \(pending.number) (\(pending.categories.sorted().map(\.rawValue).joined(separator: ", "))) "
                + "awaiting decision" + (outstanding.isEmpty ? "" : "; checks outstanding: " + outstanding.joined(separator: ", ")))
        }
        for appealID in value.appeals {
            if let appeal = register.appeals[appealID], appeal.decision == nil {
                open.append("appeal \(appealID) received \(appeal.received), outcome due \(appeal.outcomeDue)")
            }
        }
        for request in value.reviewRequests where request.answered == nil {
            open.append("review requested \(request.received)")
        }
        let restrictions = value.restrictionsInForce(on: today)
        if !restrictions.isEmpty {
            open.append("restrictions in force: " + restrictions.map(\.type.rawValue).joined(separator: ", "))
        }
        lines.append("Open issues: " + (open.isEmpty ? "none recorded." : open.joined(separator: "; ") + "."))
        return lines.joined(separator: "\n")
    }
}
