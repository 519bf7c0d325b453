/// Assignment of a case's officer work, and corrections of contacts logged wrongly: what a case
/// system gives a team besides the policy's steps, each recorded with who, when and why.
extension Register {
    /// Heads of service and directors assign any case; officers assign officer work (to an officer).
    func assign(_ id: CaseID, to login: Login, reason: String?, _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        let member = try namedStaff(login, field: .to)
        guard member.has(.officer) else {
            throw .badInput("\(member.name) (\(member.login)) is not a Customer Feedback Team officer: a case's officer work "
                + "(letters, read-and-file contacts) is assigned to an officer.", field: .to)
        }
        if value.assignee == member.login {
            throw .badInput("\(id) is already assigned to \(member.name).", field: .to)
        }
        let reason = reason.nonBlank
        if let current = value.assignee, reason == nil {
            throw .badInput("\(id) is assigned to \(staff[current]?.name ?? current): say why it is handed over with --reason.",
                            field: .reason)
        }
        return Outcome(events: [.caseAssigned(CaseAssigned(caseID: id, to: member.login, on: context.today, reason: reason))])
    }

    /// What members of staff hold: the cases assigned to them, their open reminders and their open
    /// conference actions, each list in order.
    public struct Holdings: Sendable {
        public var cases: [CaseID] = []
        public var reminders: [(caseID: CaseID, number: Int)] = []
        public var actions: [(conference: ConferenceID, number: Int)] = []

        /// The open reminders and actions: "reminder 2 on CASE-0004, action 1 of CONF-0001".
        public var openItems: [String] {
            reminders.map { "reminder \($0.number) on \($0.caseID)" } + actions.map { "action \($0.number) of \($0.conference)" }
        }

        /// Everything held: the cases, then the open items.
        public var items: [String] { cases.map(\.description) + openItems }
    }

    /// Everyone's holdings, in one pass over the cases and conferences.
    public func holdings() -> [Login: Holdings] {
        var held: [Login: Holdings] = [:]
        for id in cases.keys.sorted() {
            guard let value = cases[id] else { continue }
            if let assignee = value.assignee { held[assignee, default: Holdings()].cases.append(value.id) }
            for reminder in value.reminders where reminder.isOpen { held[reminder.by, default: Holdings()].reminders.append((value.id, reminder.number)) }
        }
        for conference in conferences.values.sorted(by: { $0.id < $1.id }) {
            for action in conference.actions where action.done == nil {
                held[action.owner, default: Holdings()].actions.append((conference.id, action.number))
            }
        }
        return held
    }

    /// 7.1: a leaver's assigned cases go to a named officer, with the leaving as the reason.
    func reassignments(of held: [CaseID], from member: StaffMember, to login: Login?, on day: Day,
                       _ context: Context) throws(Refusal) -> [Event] {
        guard !held.isEmpty else { return [] }
        guard let login else {
            throw .rule("7.1", "\(member.name) holds \(held.map(\.description).joined(separator: ", ")): name the officer who "
                + "takes them over with --reassign-to LOGIN.", field: .reassignTo)
        }
        let successor = try namedStaff(login, field: .reassignTo)
        guard successor.login != member.login, successor.has(.officer) else {
            throw .badInput("\(successor.name) cannot take over \(member.name)'s cases: name another Customer Feedback Team "
                + "officer still in post.", field: .reassignTo)
        }
        return held.map {
            .caseAssigned(CaseAssigned(caseID: $0, to: successor.login, on: context.today, reason: "\(member.name) left on \(day)"))
        }
    }

    /// Corrects a contact's date or summary, or moves it to the case it belongs to, by a Head of
    /// Service or an administrator. Deadlines worked out from the contact's date follow the correction.
    func correctContact(_ id: CaseID, contact number: Int, date: Day?, toCase: CaseID?, summary: String?, reason: String,
                        by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        guard let contact = value.contact(number) else { throw noContact(number, on: value) }
        guard date != nil || toCase != nil || summary != nil else {
            throw .badInput("Say what is corrected: --date, --summary or --to-case.")
        }
        let reason = try required(reason, .reason, what: "Why the contact is corrected")
        var warnings: [Warning] = []
        if let date {
            guard date != contact.date else { throw .badInput("Contact \(number) on \(id) is already dated \(date).", field: .date) }
            try businessDate(date, "contact date", today: context.today)
            if let decided = value.status?.decisionDate, (contact.date <= decided) != (date <= decided) {
                warnings.append(Warning("The corrected date moves the contact to the other side of the decision of "
                    + "\(decided.british); the decision's record is unchanged.", paragraph: "4.1"))
            }
        }
        var newSummary: String?
        if let summary {
            let text = try required(summary, .summary, what: "The corrected summary")
            guard text != contact.summary else { throw .badInput("That is what contact \(number) already says.", field: .summary) }
            newSummary = text
        }
        var newNumber: Int?
        if let toCase {
            let target = try existingCase(toCase)
            guard toCase != id else { throw .badInput("Contact \(number) is already on \(id).", field: .toCase) }
            guard target.customer == value.customer else {
                throw .badInput("\(toCase) is another customer's case: a contact is moved only between the same customer's "
                    + "cases.", field: .toCase)
            }
            if value.statutoryAnswers.contains(where: { $0.contact == number }) {
                throw .badInput("Contact \(number) is a statutory request already answered on \(id); its answer is recorded "
                    + "against it there.", field: .toCase)
            }
            if value.proposals.contains(where: { $0.proposedOn >= contact.date }) {
                warnings.append(Warning("A proposal on \(id) was made after this contact and may rest on it; its record is "
                    + "unchanged.", paragraph: "4.1"))
            }
            newNumber = target.nextContactNumber
        }
        let event = ContactCorrected(caseID: id, contact: number, date: date, summary: newSummary, toCase: toCase,
                                     newNumber: newNumber, reason: reason, on: context.today)
        return Outcome(events: [.contactCorrected(event)], warnings: warnings)
    }

    mutating func applyCorrection(_ e: ContactCorrected, by actor: Login) {
        guard var contact = cases[e.caseID]?.contact(e.contact) else { return }
        var changes: [ContactCorrection.Change] = []
        if let date = e.date {
            changes.append(.date(was: contact.date, now: date))
            contact.date = date
        }
        if let summary = e.summary {
            changes.append(.summary(was: contact.summary, now: summary))
            contact.summary = summary
        }
        let corrected = contact
        let records = changes.map { ContactCorrection(contact: e.contact, change: $0, by: actor, on: e.on, reason: e.reason) }
        if let target = e.toCase, let number = e.newNumber, cases[target] != nil {
            updateCase(e.caseID) { value in
                value.contacts.removeAll { $0.number == e.contact }
                value.contactCorrections += records + [ContactCorrection(contact: e.contact, change: .movedTo(target, number: number),
                                                                         by: actor, on: e.on, reason: e.reason)]
            }
            updateCase(target) { value in
                value.contacts.append(corrected.renumbered(number))
                value.contactCorrections.append(ContactCorrection(contact: number, change: .movedFrom(e.caseID, number: e.contact),
                                                                  by: actor, on: e.on, reason: e.reason))
            }
        } else {
            updateCase(e.caseID) { value in
                if let index = value.contactIndex(e.contact) { value.contacts[index] = corrected }
                value.contactCorrections += records
            }
        }
    }
}

extension Contact {
    /// The same contact under another number (moved to another case).
    func renumbered(_ number: Int) -> Contact {
        Contact(number: number, date: date, channel: channel, kind: kind, officer: officer, summary: summary, behaviours: behaviours,
                significantNewInformation: significantNewInformation, underReadAndFile: underReadAndFile,
                filedConfirmation: filedConfirmation)
    }
}
