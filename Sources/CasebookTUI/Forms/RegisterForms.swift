import CasebookCore

/// Forms for the register of dangerous persons and properties (5.3) and for staff (7.1).
extension AppModel {
    func addRegisterEntryForm(person: CustomerID? = nil) -> Form {
        let isPerson: @Sendable (Form) -> Bool = { form in (try? form.choice(.subject)) == "person" }
        let isProperty: @Sendable (Form) -> Bool = { form in (try? form.choice(.subject)) == "property" }
        return Form("Propose a register entry", context: [
            Line("5.3: facts, not opinion; the agreed ways to communicate; approved by a Head of Service or Director.", .muted)], fields: [
            FormField(.subject, "About", .choice([FieldOption("person", "a person"), FieldOption("property", "a property")], selected: 0), required: true),
            FormField(.person, "Person", .pick(Picker(options: customerOptions(), picked: person?.description)), required: true,
                      shownWhen: isPerson),
            FormField(.property, "Property address", .text(TextInput()), required: true, note: "The address, with its postcode.",
                      shownWhen: isProperty),
            FormField(.facts, "Facts", .multiline(TextInput()), required: true, note: "What happened, when, and the risk."),
            FormField(.communication, "Communication", .multiline(TextInput()), required: true,
                      note: "The agreed ways of communicating with them."),
            FormField(.restrictions, "Restrictions", .multiline(TextInput())),
        ], afterwards: .register) { form throws(FormProblem) in
            let subject: RegisterEntry.Subject
            if try form.choice(.subject) == "person" {
                guard let id = CustomerID(try form.choice(.person)) else { throw FormProblem("Choose a person.", field: .person) }
                subject = .person(id)
            } else {
                subject = .property(Address(text: form.text(.property)))
            }
            return .proposeRegisterEntry(subject, facts: form.text(.facts), communication: form.text(.communication),
                                         restrictions: form.optionalText(.restrictions))
        }
    }

    func entryLines(_ entry: RegisterEntry) -> [Line] {
        [Line("\(entry.id) · \(entry.subjectName(in: register)) · \(entry.state.rawValue) · proposed by \(staffName(entry.proposedBy)) "
              + "on \(entry.proposedOn)", .heading),
         Line("Facts: \(entry.facts)"), Line("Communication: \(entry.communication)")]
            + (entry.restrictions.map { [Line("Restrictions: \($0)")] } ?? [])
    }

    func approveEntryForm(_ entry: RegisterEntry) -> Form {
        let id = entry.id
        return Form("Approve register entry \(entry.id)", context: entryLines(entry), fields: [
            Self.dateField(.date, "Approved on", today: today),
            FormField(.notTold, "Reason not to tell them", .multiline(TextInput()),
                      note: "5.3: the person is told of the entry unless there is a reason not to; leave empty to tell them."),
        ], irreversible: true) { form throws(FormProblem) in
            .approveRegisterEntry(id, date: try form.day(.date), notToldReason: form.optionalText(.notTold))
        }
    }

    func declineEntryForm(_ entry: RegisterEntry) -> Form {
        let id = entry.id
        return Form("Decline register entry \(entry.id)", context: entryLines(entry), fields: [
            Self.dateField(.date, "Declined on", today: today),
            FormField(.reason, "Reason", .multiline(TextInput()), required: true),
        ], irreversible: true) { form throws(FormProblem) in
            .declineRegisterEntry(id, date: try form.day(.date), reason: form.text(.reason))
        }
    }

    func discloseEntryForm(_ entry: RegisterEntry) -> Form {
        let id = entry.id
        return Form("Record sharing register entry \(entry.id)", context: entryLines(entry) + [
            Line("2.2: shared only with contractors and partners who need to know.", .muted)], fields: [
            FormField(.to, "Shared with", .text(TextInput()), required: true, note: "The organisation."),
            FormField(.reason, "Why they needed to know", .multiline(TextInput()), required: true),
            Self.dateField(.date, "Shared on", today: today),
        ]) { form throws(FormProblem) in
            .discloseRegisterEntry(id, to: form.text(.to), reason: form.text(.reason), date: try form.day(.date))
        }
    }

    func addStaffForm() -> Form {
        let roles = Role.allCases.map { FieldOption($0.rawValue, $0.title) }
        return Form("Add a member of staff", fields: [
            FormField(.login, "Login", .text(TextInput()), required: true, note: "Their operating-system login."),
            FormField(.name, "Name", .text(TextInput()), required: true),
            FormField(.role, "Roles", .multiChoice(roles, selected: [], cursor: 0), required: true),
            FormField(.service, "Service area", .choice([FieldOption("", "none")] + serviceAreaOptions, selected: 0),
                      note: "For heads of service and directors: the council's service areas, ←/→ to choose."),
            FormField(.otherService, "Another service area", .text(TextInput()),
                      note: "One not on the council's list (recorded with a warning), e.g. bereavement-services."),
            FormField(.customerServicesHead, "Head of Service – Customer Services", .checkbox(false),
                      note: "6.1: appeals are addressed to them; they must have the head-of-service role."),
        ]) { form throws(FormProblem) in
            let chosen = try form.choice(.service)
            return .addStaff(login: form.text(.login), name: form.text(.name), roles: form.choices(.role).compactMap(Role.init),
                      serviceArea: form.optionalText(.otherService) ?? (chosen.isEmpty ? nil : chosen),
                      customerServicesHead: form.checked(.customerServicesHead))
        }
    }

    func staffLeavesForm() -> Form {
        Form("Record that a member of staff has left", context: [
            Line("7.1: they can no longer record anything; what they recorded stays.", .muted)], fields: [
            FormField(.login, "Member of staff", .pick(Picker(options: staffOptions())), required: true),
            Self.dateField(.date, "Left on", today: today),
            FormField(.reassignTo, "Their cases go to", .choice([FieldOption("", "nobody: they hold none")] + staffOptions { $0.has(.officer) },
                                                                   selected: 0),
                      note: "Cases assigned to them need a new owner: Casebook lists them if you leave this as it is.",
                      // Worked out once for the form, not on every key.
                      advice: { [held = register.holdings()] form in
                          guard let login = try? form.choice(.login), let items = held[login]?.items, !items.isEmpty else { return nil }
                          return "They hold " + items.joined(separator: ", ") + "."
                      }),
        ], irreversible: true) { form throws(FormProblem) in
            let successor = try form.choice(.reassignTo)
            return .staffLeaves(login: try form.choice(.login), on: try form.day(.date), reassignTo: successor.isEmpty ? nil : successor)
        }
    }
}
