import CasebookCore

/// Forms for assignment and contact corrections: who holds a case's officer work, and putting
/// right a contact logged with the wrong date, summary or case.
extension AppModel {
    func assignForm(_ value: Case) -> Form {
        let id = value.id
        let current = value.assignee.map { "Assigned to \(staffName($0)) since \(value.assignments.last!.on)." } ?? "Nobody holds it yet."
        return Form("Assign \(value.id)", context: [caseHeading(value),
            Line(current + " Its letters and read-and-file contacts go to the assignee's own queue.", .muted)], fields: [
            FormField(.to, "Officer", .pick(Picker(options: staffOptions { $0.has(.officer) && $0.login != value.assignee })), required: true),
            FormField(.reason, "Why", .multiline(TextInput()), required: value.assignee != nil,
                      note: value.assignee == nil ? "Optional." : "A handover says why (leave, workload, a conflict)."),
        ]) { form throws(FormProblem) in
            .assign(id, to: try form.choice(.to), reason: form.optionalText(.reason))
        }
    }

    func correctContactForm(_ value: Case) -> Form {
        let id = value.id
        let contacts = value.contacts.map { FieldOption(String($0.number), "\($0.number). \($0.date) \($0.channel.rawValue): \($0.summary)") }
        let others = (register.casesByCustomer[value.customer] ?? []).filter { $0 != id }.sorted()
            .compactMap { register.cases[$0] }.map { FieldOption($0.id.description, "\($0.id) — \($0.title)") }
        return Form("Correct a contact on \(value.id)", context: [caseHeading(value),
            Line("The contact as logged stays in the journal; the correction is shown with who made it, when, why and what it was. "
                 + "Deadlines from its date follow the corrected date.", .muted)], fields: [
            FormField(.contact, "Contact", .choice(contacts, selected: max(0, contacts.count - 1)), required: true),
            FormField(.date, "Corrected date", .date(TextInput()), note: "Empty keeps the date; YYYY-MM-DD, t today."),
            FormField(.summary, "Corrected summary", .multiline(TextInput()), note: "Empty keeps the summary."),
            FormField(.toCase, "Belongs to", .choice([FieldOption("", "this case")] + others, selected: 0),
                      note: "Another of the customer's cases, if it was logged against the wrong one."),
            FormField(.reason, "Why", .multiline(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            guard let number = Int(try form.choice(.contact)) else { throw FormProblem("Choose a contact.", field: .contact) }
            let date: Day? = form.optionalText(.date) == nil ? nil : try form.day(.date)
            let target = try form.choice(.toCase)
            return .correctContact(id, contact: number, date: date, toCase: target.isEmpty ? nil : CaseID(target),
                                   summary: form.optionalText(.summary), reason: form.text(.reason))
        }
    }

    func saveFileForm(_ value: Case) -> Form {
        let options = value.files.map { FieldOption($0.sha256, $0.line) }
        return Form("Save a file from \(value.id)", context: [caseHeading(value),
            Line("Checked against its hash, and saved in the folder Casebook was started from as HASH-NAME; taking it is "
                 + "recorded, like a view.", .muted)], fields: [
            FormField(.hash, "File", .choice(options, selected: max(0, options.count - 1)), required: true),
        ]) { form throws(FormProblem) in
            .retrieveFile(sha256: try form.choice(.hash))
        }
    }
}
