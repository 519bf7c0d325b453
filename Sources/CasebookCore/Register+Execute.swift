extension Register {
    /// Validates `command` against the current state. On success the outcome's events, applied in
    /// order, record it; on refusal nothing changes.
    public func execute(_ command: Command, in context: Context) -> Result<Outcome, Refusal> {
        do throws(Refusal) {
            return .success(try validate(command, in: context))
        } catch {
            return .failure(error)
        }
    }

    /// Executes and applies: the in-memory convenience for tests and the demo.
    public mutating func perform(_ command: Command, in context: Context) throws(Refusal) -> Outcome {
        let outcome = try validate(command, in: context)
        for event in outcome.events { apply(event, by: context.actor) }
        return outcome
    }

    /// `importing`: a step of an imported record, taken before by the people it names: who may take
    /// it now is not asked, and a restriction is part of the imported decision, not a later change.
    func validate(_ command: Command, in context: Context, importing: Bool = false) throws(Refusal) -> Outcome {
        let range = Day.supported
        guard range.contains(context.today) else {
            throw .badInput("Today (\(context.today)) is outside the dates Casebook works with (\(range.lowerBound) to "
                + "\(range.upperBound)).", field: .today)
        }
        if let day = command.days.first(where: { !range.contains($0) }) {
            throw .badInput("\(day) is outside the dates Casebook works with (\(range.lowerBound) to \(range.upperBound)): "
                + "enter the date it actually happened, or is due.", field: .date)
        }
        for (text, field, shape) in command.texts {
            if let problem = TextRules.problem(text, field: field, shape: shape) { throw problem }
        }
        if case .initialise(let name) = command { return try initialise(name: name, context) }
        guard isInitialised else {
            throw .badInput("This register has not been set up yet: run 'casebook init' first.")
        }
        let actor = try actingStaff(context)
        if !importing, let action = command.action { try requireAllowed(action, by: actor) }
        switch command {
        case .initialise:
            fatalError("handled above")
        case let .addStaff(login, name, roles, area, head):
            return try addStaff(login: login, name: name, roles: roles, serviceArea: area, customerServicesHead: head, by: actor, context)
        case let .staffLeaves(login, on, successor):
            return try staffLeaves(login: login, on: on, reassignTo: successor, by: actor, context)
        case let .attachFile(subject, hash, name, size, description, contact):
            return try attachFile(subject, sha256: hash, name: name, size: size, description: description, contact: contact,
                                  by: actor, context)
        case let .retrieveFile(hash):
            return try retrieveFile(hash, by: actor, context)
        case let .assign(id, to, reason):
            return try assign(id, to: to, reason: reason, context)
        case let .correctContact(id, number, date, toCase, summary, reason):
            return try correctContact(id, contact: number, date: date, toCase: toCase, summary: summary, reason: reason, by: actor, context)
        case let .addCustomer(name, address, postcode, email, phone, adjustments):
            return try addCustomer(name: name, address: address, postcode: postcode, email: email, phone: phone,
                                   adjustments: adjustments)
        case let .updateCustomer(id, name, address, postcode, email, phone, adjustments, reason):
            return try updateCustomer(id, name: name, address: address, postcode: postcode, email: email, phone: phone,
                                      adjustments: adjustments, reason: reason, context)
        case let .addNote(id, text):
            return try addNote(id, text: text, by: actor, context)
        case let .setReminder(id, on, text):
            return try setReminder(id, on: on, text: text, by: actor, context)
        case let .closeReminder(id, number, cancelled):
            return try closeReminder(id, number: number, cancelled: cancelled, by: actor, context)
        case let .answerSubjectAccess(id, withheld, redacted):
            return try answerSubjectAccess(id, withheld: withheld, thirdPartiesRedacted: redacted, by: actor, context)
        case let .updateStaff(login, roles, area, head):
            return try updateStaff(login: login, roles: roles, serviceArea: area, customerServicesHead: head, by: actor, context)
        case let .openCase(customer, title, areas):
            return try openCase(customer: customer, title: title, serviceAreas: areas, context)
        case let .logContact(id, date, channel, kind, summary, behaviours, newInformation):
            return try logContact(id, date: date, channel: channel, kind: kind, summary: summary, behaviours: behaviours,
                                  significantNewInformation: newInformation, context)
        case let .confirmFiledContact(id, number):
            return try confirmFiledContact(id, contact: number, context)
        case let .answerStatutoryRequest(id, number, on, note):
            return try answerStatutoryRequest(id, contact: number, on: on, note: note, by: actor, context)
        case let .settleMatter(id, on, note):
            return try settleMatter(id, on: on, note: note, context)
        case let .propose(id, categories, reason, behaviours):
            return try propose(id, categories: categories, reason: reason, behaviours: behaviours, context)
        case let .confirmCheck(id, item, evidence):
            return try confirmCheck(id, item: item, evidence: evidence, context)
        case let .decide(id, outcome, consulted, date, reason, considered):
            return try decide(id, outcome: outcome, consulted: consulted, date: date, reason: reason,
                              adjustmentsConsidered: considered, by: actor, context)
        case let .restrict(id, type, details, from, escalation, basis, reason, adjustment):
            return try restrict(id, type: type, details: details, from: from, escalationReason: escalation,
                                statutoryBasis: basis, reason: reason, adjustmentReason: adjustment, partOfDecision: importing,
                                context)
        case let .endRestriction(id, number, on, reason):
            return try endRestriction(id, number: number, on: on, reason: reason, by: actor, context)
        case let .recordLetterSent(subject, kind, sentOn, copy):
            return try recordLetterSent(subject, kind: kind, sentOn: sentOn, copy: copy, context)
        case let .notify(id, recipients):
            return try notify(id, recipients: recipients, context)
        case let .callConference(id, date, chair, invitees):
            return try callConference(id, date: date, chair: chair, invitees: invitees, by: actor, context)
        case let .conferenceMeets(id, date):
            return try conferenceMeets(id, date: date, context)
        case let .agreeConferenceAction(id, owner, due, text):
            return try agreeConferenceAction(id, owner: owner, due: due, text: text, context)
        case let .completeConferenceAction(id, number, date):
            return try completeConferenceAction(id, number: number, date: date, context)
        case let .proposeRegisterEntry(subject, facts, communication, restrictions):
            return try proposeRegisterEntry(subject, facts: facts, communication: communication,
                                            restrictions: restrictions, context)
        case let .amendRegisterEntry(id, facts, communication, restrictions, reason):
            return try amendRegisterEntry(id, facts: facts, communication: communication, restrictions: restrictions,
                                          reason: reason, context)
        case let .approveRegisterEntry(id, date, notToldReason):
            return try approveRegisterEntry(id, date: date, notToldReason: notToldReason, by: actor, context)
        case let .declineRegisterEntry(id, date, reason):
            return try declineRegisterEntry(id, date: date, reason: reason, by: actor, context)
        case let .viewRegisterEntry(id):
            _ = try existingEntry(id)
            return Outcome(events: [.registerEntryViewed(RegisterEntryViewed(id: id, on: context.today))])
        case let .discloseRegisterEntry(id, to, reason, date):
            return try discloseRegisterEntry(id, to: to, reason: reason, date: date, context)
        case let .lodgeAppeal(subject, received, grounds, lateReason):
            return try lodgeAppeal(subject, received: received, grounds: grounds, lateReason: lateReason, context)
        case let .decideAppeal(id, outcome, date, reason, end, add):
            return try decideAppeal(id, outcome: outcome, date: date, reason: reason, end: end, add: add, by: actor, context)
        case let .referToOmbudsman(id, body, date):
            return try referToOmbudsman(id, body: body, date: date, context)
        case let .requestReview(id, received):
            return try requestReview(id, received: received, context)
        case let .importStatus(imported):
            return try importStatus(imported, context)
        case let .importRegisterEntry(imported):
            return try importRegisterEntry(imported, context)
        case let .recordImport(file, hash, kind, rows):
            return try recordImport(file: file, sha256: hash, kind: kind, rows: rows, context)
        case let .recordReview(subject, outcome, date, reason, end, add, deputy):
            return try recordReview(subject, outcome: outcome, date: date, reason: reason, end: end, add: add,
                                    deputyReason: deputy, by: actor, context)
        }
    }
}
