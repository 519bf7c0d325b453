import CasebookCore

/// Forms for customers, cases and contacts (3.1–3.6, 5.2.2).
extension AppModel {
    func addCustomerForm() -> Form {
        Form("Add a customer", context: [Line("Check the People screen first: the customer may already be known.", .muted)], fields: [
            FormField(.name, "Name", .text(TextInput()), required: true),
            FormField(.address, "Address", .text(TextInput()), note: "One line, e.g. 12 Mill Lane, Ashby."),
            FormField(.postcode, "Postcode", .text(TextInput())),
            FormField(.email, "Email", .text(TextInput())),
            FormField(.phone, "Phone", .text(TextInput())),
            FormField(.adjustments, "Reasonable adjustments", .multiline(TextInput()),
                      note: "Needs that shape how the council communicates (e.g. large print, no phone calls)."),
        ], afterwards: .people) { form throws(FormProblem) in
            .addCustomer(name: form.text(.name), address: form.optionalText(.address), postcode: form.optionalText(.postcode),
                         email: form.optionalText(.email), phone: form.optionalText(.phone),
                         adjustments: form.optionalText(.adjustments))
        }
    }

    func openCaseForm(for customer: CustomerID? = nil) -> Form {
        let known = serviceAreaOptions
        var fields = [
            FormField(.customer, "Customer", .pick(Picker(options: customerOptions(), picked: customer?.description)), required: true,
                      note: "Type part of a name, postcode or id; ↑/↓ choose. Add a new customer on the People screen."),
            FormField(.title, "Title", .text(TextInput()), required: true, note: "The issue the customer pursues."),
        ]
        if !known.isEmpty {
            fields.append(FormField(.service, "Service areas", .multiChoice(known, selected: [], cursor: 0),
                                    note: "The council's service areas: Space ticks each the issue concerns."))
        }
        fields.append(FormField(.otherService, known.isEmpty ? "Service areas" : "Other service areas", .text(TextInput()),
                                note: "Comma-separated, lower case with hyphens (adult-social-care); one not on the council's "
                                    + "list is recorded with a warning.", aliases: known.isEmpty ? [.service] : []))
        return Form("Open a case", fields: fields, afterwards: .cases) { form throws(FormProblem) in
            guard let customer = CustomerID(try form.choice(.customer)) else { throw FormProblem("Choose a customer.", field: .customer) }
            let others = form.text(.otherService).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            let areas = form.choices(.service) + others
            guard !areas.isEmpty else {
                throw FormProblem("Tick at least one service area the issue concerns, or type one.", field: known.isEmpty ? .otherService : .service)
            }
            return .openCase(customer: customer, title: form.text(.title), serviceAreas: areas)
        }
    }

    /// The council's service areas (its list in the settings, else those in use), to choose from.
    var serviceAreaOptions: [FieldOption] {
        register.knownServiceAreas(serviceAreas).map { FieldOption($0.name, $0.name) }
    }

    static func behaviourOptions(recorded: Set<Behaviour> = []) -> [FieldOption] {
        Behaviour.allCases.map { behaviour in
            let seen = recorded.contains(behaviour) ? " [recorded in a contact]" : ""
            return FieldOption(behaviour.rawValue, "\(behaviour.paragraph) \(behaviour.policyWording)\(seen)")
        }
    }

    /// A contact on `value`; without a case (from a person's page), a case picker comes first.
    func logContactForm(_ value: Case?, customer: CustomerID? = nil) -> Form {
        var context: [Line] = []
        var fields: [FormField] = []
        if let value {
            context.append(caseHeading(value))
            if value.isUnderReadAndFile {
                context.append(Line("Read-and-file is in force (5.2.2): this contact will be filed; an officer confirms it "
                    + "within two working days unless it holds significant new information.", .restriction))
            }
        } else {
            let cases = caseOptions().filter { option in
                customer.map { register.cases[CaseID(option.value)!]?.customer == $0 } ?? true
            }
            fields.append(FormField(.case, "Case", .pick(Picker(options: cases)), required: true,
                                    note: "Type part of the title or id; ↑/↓ choose. A new matter needs a new case (c)."))
        }
        fields += [
            Self.dateField(.date, "Date of contact", today: today),
            FormField(.channel, "Channel", .choice(Self.enumOptions(Channel.self), selected: 0)),
            FormField(.kind, "Kind", .choice(Self.enumOptions(ContactKind.self), selected: 0),
                      note: "Complaints, standards complaints, FOI, SAR and Ombudsman contacts count towards complex (3.5)."),
            FormField(.summary, "Summary", .multiline(TextInput()), required: true),
            FormField(.behaviour, "Behaviours shown", .multiChoice(Self.behaviourOptions(), selected: [], cursor: 0),
                      note: "Only what this contact shows (3.2 persistent, 3.4 unreasonable)."),
            FormField(.newInformation, "Significant new information", .checkbox(false),
                      note: "Ticking this re-opens the check 'no new information' on a pending proposal (4.1)."),
        ]
        let fixed = value?.id
        return Form("Log a contact" + (fixed.map { " on \($0)" } ?? ""), context: context, fields: fields,
                    afterwards: fixed == nil ? .cases : nil) { form throws(FormProblem) in
            let picked = fixed == nil ? CaseID(try form.choice(.case)) : fixed
            guard let id = picked else { throw FormProblem("Choose a case.", field: .case) }
            return .logContact(id, date: try form.day(.date), channel: Channel(rawValue: try form.choice(.channel))!,
                               kind: ContactKind(rawValue: try form.choice(.kind))!, summary: form.text(.summary),
                               behaviours: form.choices(.behaviour).compactMap(Behaviour.init),
                               significantNewInformation: form.checked(.newInformation))
        }
    }

    /// 5.2.2: filed contacts not yet confirmed.
    static func unconfirmedFiledContacts(_ value: Case) -> [Contact] {
        value.contacts.filter(\.awaitsFiling)
    }

    func confirmFiledForm(_ value: Case) -> Form {
        let options = Self.unconfirmedFiledContacts(value).map {
            FieldOption(String($0.number), "Contact \($0.number) of \($0.date) (\($0.channel.rawValue)): \($0.summary)")
        }
        let id = value.id
        return Form("Confirm a filed contact on \(value.id)", context: [caseHeading(value),
            Line("Confirm that it holds no significant new information and no safeguarding concern (5.2.2).")], fields: [
            FormField(.contact, "Contact", .choice(options, selected: 0), required: true),
        ]) { form throws(FormProblem) in
            .confirmFiledContact(id, contact: Int(try form.choice(.contact)) ?? 0)
        }
    }

    /// 1.2: Information Rights records a SAR or FOI request on a restricted case as answered under its own law.
    func statutoryAnsweredForm(_ value: Case) -> Form {
        let options = value.unansweredStatutoryRequests.map {
            FieldOption(String($0.number), "Contact \($0.number) of \($0.date), \($0.kind.rawValue): \($0.summary)")
        }
        let id = value.id
        return Form("Record a statutory request on \(value.id) as answered", context: [caseHeading(value),
            Line("1.2: a SAR or FOI request is answered under its own law (UK GDPR Art 12, FOIA), never filed under this policy.",
                 .muted)], fields: [
            FormField(.contact, "Request", .choice(options, selected: 0), required: true),
            Self.dateField(.date, "Answered on", today: today),
            FormField(.note, "How it was answered", .multiline(TextInput()), required: true,
                      note: "What was provided or refused, and under which provision."),
        ]) { form throws(FormProblem) in
            .answerStatutoryRequest(id, contact: Int(try form.choice(.contact)) ?? 0, on: try form.day(.date), note: form.text(.note))
        }
    }

    func noteForm(_ value: Case) -> Form {
        let id = value.id
        return Form("Write a note on \(value.id)", context: [caseHeading(value),
            Line("Dated today and by you, in the timeline; the customer's data like the rest of the case (subject access).", .muted)], fields: [
            FormField(.text, "Note", .multiline(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            .addNote(id, text: form.text(.text))
        }
    }

    func reminderForm(_ value: Case) -> Form {
        let id = value.id
        return Form("Set a reminder on \(value.id)", context: [caseHeading(value),
            Line("It comes into your queue on that day, until you mark it done or cancel it (B).", .muted)], fields: [
            FormField(.on, "Remind me on", .date(TextInput(today.adding(days: 7).description)), required: true,
                      note: "t is today; + and - move a day."),
            FormField(.text, "What to check", .text(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            .setReminder(id, on: try form.day(.on), text: form.text(.text))
        }
    }

    func closeReminderForm(_ value: Case) -> Form {
        let mine = value.reminders.filter { $0.isOpen && $0.by == actor }
        let options = mine.map { FieldOption(String($0.number), "\($0.number): \($0.due) — \($0.text)") }
        let id = value.id
        return Form("Close a reminder on \(value.id)", context: [caseHeading(value)], fields: [
            FormField(.number, "Reminder", .choice(options, selected: 0), required: true),
            FormField(.outcome, "Outcome", .choice([FieldOption("done", "done"), FieldOption("cancelled", "cancelled")], selected: 0)),
        ]) { form throws(FormProblem) in
            .closeReminder(id, number: Int(try form.choice(.number)) ?? 0, cancelled: try form.choice(.outcome) == "cancelled")
        }
    }

    func settleForm(_ value: Case) -> Form {
        let id = value.id
        return Form("Record the matter on \(value.id) as settled", context: [caseHeading(value),
            Line("5.2.2: read-and-file may be used only once the decision or complaint on the matter is settled.", .muted)], fields: [
            Self.dateField(.date, "Settled on", today: today),
            FormField(.note, "How it was settled", .multiline(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            .settleMatter(id, on: try form.day(.date), note: form.text(.note))
        }
    }

    func proposeForm(_ value: Case) -> Form {
        var context = [caseHeading(value)]
        let suggestions = Suggestions.suggestions(for: value)
        for suggestion in suggestions { context.append(Line(suggestion.label + " (\(suggestion.paragraph))", .suggestion)) }
        if suggestions.isEmpty { context.append(Line("No suggestion from the contacts recorded so far.", .muted)) }
        let categories = Category.allCases.map { FieldOption($0.rawValue, "\($0.rawValue) (\($0.paragraph))") }
        let suggested = Set(suggestions.compactMap { suggestion in Category.allCases.firstIndex { $0.rawValue == suggestion.kind.rawValue } })
        let recorded = Set(value.contacts.flatMap(\.behaviours))
        let id = value.id
        return Form("Propose a classification for \(value.id)", context: context, fields: [
            FormField(.category, "Classification", .multiChoice(categories, selected: suggested, cursor: 0), required: true,
                      note: "Suggestions are ticked for you; they are not decisions."),
            FormField(.reason, "Reason and evidence", .multiline(TextInput()), required: true),
            FormField(.behaviour, "Behaviours relied on", .multiChoice(Self.behaviourOptions(recorded: recorded), selected: [], cursor: 0),
                      note: "A persistent or unreasonable proposal names behaviours recorded in the contacts (4.1)."),
        ]) { form throws(FormProblem) in
            .propose(id, categories: form.choices(.category).compactMap(Category.init), reason: form.text(.reason),
                     behaviours: form.choices(.behaviour).compactMap(Behaviour.init))
        }
    }

    /// The proposal and its four checks, as a decision-maker reads them.
    func proposalLines(_ value: Case) -> [Line] {
        guard let proposal = value.currentProposal else { return [Line("No proposal.", .muted)] }
        var lines = [Line("Proposal \(proposal.number) by \(staffName(proposal.proposedBy)) on \(proposal.proposedOn): "
            + proposal.categories.sorted().map(\.rawValue).joined(separator: " and "), .heading),
                     Line("  Reason: \(proposal.reason)")]
        if !proposal.behaviours.isEmpty {
            lines.append(Line("  Behaviours: " + proposal.behaviours.map(\.rawValue).joined(separator: ", ")))
        }
        lines.append(Line("Checks before a decision (4.1):", .heading))
        for item in CheckItem.allCases {
            if let check = proposal.checks[item], check.holds {
                lines.append(Line("  [x] \(item.policyWording) — \(check.evidence) (\(check.confirmedBy), \(check.confirmedOn))"))
            } else if let check = proposal.checks[item] {
                lines.append(Line("  [ ] \(item.policyWording) — re-opened by contact \(check.reopenedByContact ?? 0)", .danger))
            } else {
                lines.append(Line("  [ ] \(item.policyWording) — not yet confirmed", .danger))
            }
        }
        // 5.2: a warning comes before restrictions, so it matters only to a persistent or unreasonable proposal.
        if proposal.categories.contains(.persistent) || proposal.categories.contains(.unreasonable) {
            let warned = value.letters(of: .warning).map { "a warning letter was sent on \($0.sentOn)" }.first
            lines.append(Line("Warning: " + (warned ?? "no warning letter is recorded as sent (5.2)."), warned == nil ? .restriction : .normal))
        }
        return lines
    }

    func checkForm(_ value: Case) -> Form {
        let outstanding = value.pendingProposal?.outstandingChecks ?? []
        let options = outstanding.map { FieldOption($0.rawValue, $0.policyWording) }
        let id = value.id
        return Form("Pre-decision check on \(value.id)", context: [caseHeading(value)] + proposalLines(value), fields: [
            FormField(.item, "Check", .choice(options, selected: 0), required: true, note: "←/→ chooses among the checks outstanding."),
            FormField(.evidence, "Evidence", .multiline(TextInput()), required: true,
                      note: "What shows it holds: documents, dates, who investigated."),
        ]) { form throws(FormProblem) in
            .confirmCheck(id, item: CheckItem(rawValue: try form.choice(.item))!, evidence: form.text(.evidence))
        }
    }
}
