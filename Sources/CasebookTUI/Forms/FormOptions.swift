import CasebookCore

/// The choices forms offer, from the register as it is now.
extension AppModel {
    /// Active staff for whom `include` holds, by name, as "Name (login) — roles".
    func staffOptions(_ include: (StaffMember) -> Bool = { _ in true }) -> [FieldOption] {
        register.staff.values.filter { $0.active && include($0) }.sorted { ($0.name, $0.login) < ($1.name, $1.login) }.map {
            FieldOption($0.login, "\($0.name) (\($0.login)) — \($0.roles.sorted().map(\.title).joined(separator: ", "))")
        }
    }

    /// Every customer, found by name, postcode, address or id.
    func customerOptions() -> [FieldOption] {
        rows.people.map { row in
            FieldOption(row.id.description, "\(row.id) \(row.name)\(row.address.isEmpty ? "" : " · " + row.address)", folded: row.folded)
        }
    }

    /// Every case, found by id, customer or title.
    func caseOptions() -> [FieldOption] {
        rows.cases.map { FieldOption($0.id.description, "\($0.id) \($0.customer) — \($0.title)", folded: $0.folded) }
    }

    static func enumOptions<E: CaseIterable & RawRepresentable>(_ type: E.Type, label: (E) -> String = { "\($0.rawValue)" })
        -> [FieldOption] where E.RawValue == String {
        type.allCases.map { FieldOption($0.rawValue, label($0)) }
    }

    static func dateField(_ id: Field, _ label: String, today: Day, aliases: [Field] = [], note: String? = nil) -> FormField {
        FormField(id, label, .date(TextInput(today.description)), required: true,
                  note: note ?? "The date it happened (not after today).", aliases: aliases)
    }

    /// The subject of the selected queue row, as the record it names (an appeal's row names its case or entry).
    var queueSubject: AnyRecordID? {
        guard tab == .queues, let id = selectedID(in: .queues), let record = AnyRecordID(id) else { return nil }
        if case .appeal(let appeal) = record, let subject = register.appeals[appeal]?.subject {
            switch subject {
            case .case(let caseID): return .case(caseID)
            case .registerEntry(let entry): return .registerEntry(entry)
            }
        }
        return record
    }

    /// The record forms act on: the case selected on Cases, or a queue row's case.
    var selectedCase: Case? {
        if case .case(let id)? = queueSubject { return register.cases[id] }
        guard tab == .cases, let id = selectedID(in: .cases).flatMap(CaseID.init) else { return nil }
        return register.cases[id]
    }

    var selectedEntry: RegisterEntry? {
        if case .registerEntry(let id)? = queueSubject { return register.registerEntries[id] }
        guard tab == .register, let id = selectedID(in: .register).flatMap(RegisterEntryID.init) else { return nil }
        return register.registerEntries[id]
    }

    var selectedConference: CaseConference? {
        if case .conference(let id)? = queueSubject { return register.conferences[id] }
        guard tab == .conferences, let id = selectedID(in: .conferences).flatMap(ConferenceID.init) else { return nil }
        return register.conferences[id]
    }

    var selectedCustomer: Customer? {
        guard tab == .people, let id = selectedID(in: .people).flatMap(CustomerID.init) else { return nil }
        return register.customers[id]
    }

    /// What an appeal or a review concerns: the selected case, or the selected register entry.
    var selectedAppealSubject: Appeal.Subject? {
        if let value = selectedCase { return .case(value.id) }
        if let entry = selectedEntry { return .registerEntry(entry.id) }
        return nil
    }

    /// The latest appeal on the selected case or entry.
    var selectedAppeal: Appeal? {
        if tab == .queues, case .appeal(let id)? = selectedID(in: .queues).flatMap(AnyRecordID.init) { return register.appeals[id] }
        guard let subject = selectedAppealSubject else { return nil }
        return register.appeals.values.filter { $0.subject == subject }.max { $0.id.description < $1.id.description }
    }

    func staffName(_ login: Login) -> String { register.staff[login].map { "\($0.name) (\(login))" } ?? login }

    /// One line saying who the case is about and where it stands.
    func caseHeading(_ value: Case) -> Line {
        let customer = register.customers[value.customer]?.name ?? value.customer.description
        return Line("\(value.id) · \(customer) · \(value.title) · \(value.stage.rawValue)", .heading)
    }

    /// What a decision-maker reads about the case before deciding: who, which services, and the
    /// contacts the proposal rests on.
    func caseSummaryLines(_ value: Case) -> [Line] {
        var lines = [caseHeading(value), Line("Services: \(value.serviceAreas.map(\.name).joined(separator: ", ")) · opened \(value.openedOn) by \(value.openedBy)")]
        if let settled = value.settled { lines.append(Line("Matter settled on \(settled.on): \(settled.note)")) }
        let behaviours = Set(value.contacts.flatMap(\.behaviours)).map(\.rawValue).sorted()
        lines.append(Line("Contacts: \(value.contacts.count)" + (behaviours.isEmpty ? "" : "; behaviours recorded: " + behaviours.joined(separator: ", "))))
        for contact in value.contacts.suffix(3) {
            lines.append(Line("  \(contact.date) \(contact.channel.rawValue), \(contact.kind.rawValue): \(contact.summary)", .muted))
        }
        if value.contacts.count > 3 { lines.append(Line("  (the earlier \(value.contacts.count - 3) are on the case's page)", .muted)) }
        return lines
    }
}
