import CasebookCore

/// Forms that correct what is recorded: a customer's details (UK GDPR Art 16), a member of
/// staff's roles (7.1) and a register entry's text (5.3.1). Each field starts at the value on
/// record; only what is changed is sent, so the journal keeps exactly what was corrected.
extension AppModel {
    func updateCustomerForm(_ customer: Customer) -> Form {
        let id = customer.id
        let before = (name: customer.name, address: customer.addresses.first?.text ?? "",
                      postcode: customer.addresses.first?.postcode?.value ?? "",
                      email: customer.email ?? "", phone: customer.phone ?? "", adjustments: customer.adjustments ?? "")
        return Form("Correct \(customer.name)'s details", context: [
            Line("UK GDPR Art 16: each correction keeps the value it replaces, with who, when and why. Empty a field to clear it.",
                 .muted)], fields: [
            FormField(.name, "Name", .text(TextInput(before.name)), required: true),
            FormField(.address, "Address", .text(TextInput(before.address))),
            FormField(.postcode, "Postcode", .text(TextInput(before.postcode))),
            FormField(.email, "Email", .text(TextInput(before.email))),
            FormField(.phone, "Phone", .text(TextInput(before.phone))),
            FormField(.adjustments, "Reasonable adjustments", .multiline(TextInput(before.adjustments))),
            FormField(.reason, "Why it is corrected", .multiline(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            func changed(_ field: Field, _ old: String) -> String? { form.changedText(field, from: old) }
            return .updateCustomer(id, name: changed(.name, before.name), address: changed(.address, before.address),
                                   postcode: changed(.postcode, before.postcode), email: changed(.email, before.email),
                                   phone: changed(.phone, before.phone), adjustments: changed(.adjustments, before.adjustments),
                                   reason: form.text(.reason))
        }
    }

    func updateStaffForm() -> Form {
        let roles = Role.allCases.map { FieldOption($0.rawValue, $0.title) }
        let everyone = staffOptions().map { option in
            guard let member = register.staff[option.value] else { return option }
            let head = member.isCustomerServicesHead ? ", Head of Service – Customer Services" : ""
            return FieldOption(option.value, option.label + (member.serviceArea.map { ", \($0.name)" } ?? "") + head)
        }
        return Form("Change a member of staff's roles", context: [
            Line("7.1: journalled; administrators only. Leave a part empty to keep it as it is.", .muted)], fields: [
            FormField(.login, "Member of staff", .pick(Picker(options: everyone)), required: true),
            FormField(.role, "New roles", .multiChoice(roles, selected: [], cursor: 0),
                      note: "Tick every role they are to have; none ticked keeps their roles."),
            FormField(.service, "Service area", .text(TextInput()), note: "e.g. housing; '-' clears it; empty keeps it."),
            FormField(.customerServicesHead, "Head of Service – Customer Services",
                      .choice([FieldOption("keep", "keep as it is"), FieldOption("mark", "mark them"), FieldOption("unmark", "unmark them")],
                              selected: 0), note: "6.1: appeals and review requests are addressed to them."),
        ]) { form throws(FormProblem) in
            let roles = form.choices(.role).compactMap(Role.init)
            let service = form.optionalText(.service).map { $0 == "-" ? "" : $0 }
            let head: Bool? = switch try form.choice(.customerServicesHead) { case "mark": true; case "unmark": false; default: nil }
            return .updateStaff(login: try form.choice(.login), roles: roles.isEmpty ? nil : roles, serviceArea: service,
                                customerServicesHead: head)
        }
    }

    func amendEntryForm(_ entry: RegisterEntry) -> Form {
        let id = entry.id
        let before = (facts: entry.facts, communication: entry.communication, restrictions: entry.restrictions ?? "")
        return Form("Amend register entry \(entry.id)", context: entryLines(entry) + [
            Line("5.3.1: the amendment is a new version that a Head of Service or Director approves again; the entry stands as it "
                + "is meanwhile, and the old version is kept.", .muted)], fields: [
            FormField(.facts, "Facts", .multiline(TextInput(before.facts)), required: true),
            FormField(.communication, "Communication", .multiline(TextInput(before.communication)), required: true),
            FormField(.restrictions, "Restrictions", .multiline(TextInput(before.restrictions))),
            FormField(.reason, "Why it is amended", .multiline(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            func changed(_ field: Field, _ old: String) -> String? { form.changedText(field, from: old) }
            return .amendRegisterEntry(id, facts: changed(.facts, before.facts), communication: changed(.communication, before.communication),
                                       restrictions: changed(.restrictions, before.restrictions), reason: form.text(.reason))
        }
    }
}
