/// Checks shared by many commands. Each one refuses with a message that says what is wrong and
/// how to put it right.
extension Register {
    /// The acting staff member, who must be on the staff list and not have left.
    func actingStaff(_ context: Context) throws(Refusal) -> StaffMember {
        guard let member = staff[context.actor] else {
            throw .badInput("'\(context.actor)' is not on the staff list. An administrator adds staff with "
                + "'casebook staff add \(context.actor) --name NAME --role ROLE'.", field: .actor)
        }
        guard member.active else {
            throw .rule("7.1", "\(member.name) (\(member.login)) has left the council and can no longer record anything.",
                        field: .actor)
        }
        return member
    }

    /// A member of staff named in a command (consulted, chair, invitee, owner, recipient).
    func namedStaff(_ login: Login, field: Field) throws(Refusal) -> StaffMember {
        guard let member = staff[login] else {
            throw .badInput("No member of staff has the login '\(login)'. 'casebook list --json' and the staff "
                + "directory show who is known.", field: field)
        }
        guard member.active else {
            throw .badInput("\(member.name) (\(login)) has left the council; name someone still in post.", field: field)
        }
        return member
    }

    func existingCustomer(_ id: CustomerID) throws(Refusal) -> Customer {
        guard let customer = customers[id] else {
            throw .badInput("There is no customer \(id). 'casebook find NAME' finds a customer's id.", field: .customer)
        }
        return customer
    }

    func existingCase(_ id: CaseID) throws(Refusal) -> Case {
        guard let value = cases[id] else {
            throw .badInput("There is no case \(id). 'casebook list' shows the cases.", field: .case)
        }
        return value
    }

    func existingEntry(_ id: RegisterEntryID) throws(Refusal) -> RegisterEntry {
        guard let entry = registerEntries[id] else {
            throw .badInput("There is no register entry \(id). 'casebook find' looks people and addresses up.", field: .entry)
        }
        return entry
    }

    func existingAppeal(_ id: AppealID) throws(Refusal) -> Appeal {
        guard let appeal = appeals[id] else {
            throw .badInput("There is no appeal \(id). 'casebook queue' lists appeals due.", field: .appeal)
        }
        return appeal
    }

    func existingConference(_ id: ConferenceID) throws(Refusal) -> CaseConference {
        guard let conference = conferences[id] else {
            throw .badInput("There is no case conference \(id). 'casebook show CASE' lists a case's conferences.",
                            field: .conference)
        }
        return conference
    }

    /// Required free text: trimmed, and refused when empty.
    func required(_ text: String, _ field: Field, what: String) throws(Refusal) -> String {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { throw .badInput("\(what) is required: say it in words.", field: field) }
        return trimmed
    }

    /// A business date (decision, letter sent, appeal received...) may not lie after "today" nor
    /// before the step it follows. The recorded time is kept apart, by the journal.
    /// `what` names the date in words ("decision date"); `field` is where it was given.
    func businessDate(_ date: Day, _ what: String, field: Field = .date, today: Day, notBefore step: Day? = nil,
                      stepName: String = "") throws(Refusal) {
        if date > today {
            throw .badInput("The \(what) \(date) is after today (\(today)). Business dates record what has "
                + "already happened; enter the date it actually happened.", field: field)
        }
        if let step, date < step {
            throw .badInput("The \(what) \(date) is before \(stepName) (\(step)), which it follows. "
                + "Check the date.", field: field)
        }
    }

    /// 4.2, 5.3.2: a Head of Service or Director.
    func requireDecisionMaker(_ member: StaffMember, to action: String, paragraph: String) throws(Refusal) {
        guard member.isDecisionMaker else {
            throw .rule(paragraph, "Only a Head of Service or a Director may \(action); \(member.name) (\(member.login)) "
                + "is not one. Ask a Head of Service or Director to record it.")
        }
    }

    /// Four eyes: nobody decides, approves or reviews what they proposed.
    func requireFourEyes(_ member: StaffMember, proposer: Login, action: String, paragraph: String) throws(Refusal) {
        guard member.login != proposer else {
            throw .rule(paragraph, "\(member.name) proposed this and so may not \(action) it (four eyes). "
                + "Another Head of Service or Director must \(action) it.")
        }
    }
}

extension String {
    /// Without white space at either end (the domain's rule for what counts as given).
    public var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Optional where Wrapped == String {
    /// nil for nil or blank text.
    var nonBlank: String? {
        guard let value = self?.trimmed, !value.isEmpty else { return nil }
        return value
    }
}
