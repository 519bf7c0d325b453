/// Customers, cases and the contacts logged against them.
extension Register {
    func addCustomer(name: String, address: String?, postcode: String?, email: String?, phone: String?,
                     adjustments: String?) throws(Refusal) -> Outcome {
        let name = try required(name, .name, what: "The customer's name")
        let fullAddress = try Self.address(address, postcode: postcode)
        try Self.checkContactDetails(email: email, phone: phone)
        let id = nextCustomerID
        let event = CustomerAdded(id: id, name: name, address: fullAddress, email: email.nonBlank, phone: phone.nonBlank,
                                  adjustments: adjustments.nonBlank)
        return Outcome(events: [.customerAdded(event)], warnings: possibleDuplicates(name: name, address: fullAddress),
                       created: id.description)
    }

    /// Customers who may be the same person: the same name (case and accents aside), or the same address.
    func possibleDuplicates(name: String, address: Address?) -> [Warning] {
        let same = possibleDuplicateCustomers(name: name, address: address)
        guard !same.isEmpty else { return [] }
        return [Warning(Self.duplicateWarningStart + ": " + Self.listed(same)
            + ". Check before adding them again; a correction is 'casebook customer update'.")]
    }

    static let duplicateWarningStart = "This may be someone already known"

    /// The customers `name` and `address` may be, in id order.
    func possibleDuplicateCustomers(name: String, address: Address?) -> [Customer] {
        let folded = DuplicateIndex.nameKey(name)
        let place = address.flatMap(DuplicateIndex.placeKey)
        if let index = duplicates.value {
            return index.candidates(name: name, place: place).compactMap { customers[$0] }.sorted { $0.id < $1.id }
        }
        return customers.values.filter { other in
            DuplicateIndex.nameKey(other.name) == folded || (place != nil && other.addresses.contains { DuplicateIndex.placeKey($0) == place })
        }.sorted { $0.id < $1.id }
    }

    /// Up to three customers, each with their first address.
    static func listed(_ customers: [Customer]) -> String {
        customers.prefix(3).map { other in "\(other.name) (\(other.id))" + (other.addresses.first.map { ", \($0)" } ?? "") }
            .joined(separator: "; ")
    }

    /// An address from its text and postcode; nil when neither is given.
    static func address(_ text: String?, postcode: String?) throws(Refusal) -> Address? {
        var parsedPostcode: Postcode?
        if let text = postcode.nonBlank {
            guard let value = Postcode(text) else {
                throw .badInput("'\(text)' is not a UK postcode (for example ST4 1HH).", field: .postcode)
            }
            parsedPostcode = value
        }
        let addressText = text.nonBlank
        return (addressText != nil || parsedPostcode != nil) ? Address(text: addressText ?? "", postcode: parsedPostcode) : nil
    }

    static func checkContactDetails(email: String?, phone: String?) throws(Refusal) {
        if let email = email.nonBlank {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
                throw .badInput("'\(email)' is not an email address.", field: .email)
            }
        }
        if let phone = phone.nonBlank {
            let digits = phone.filter(\.isNumber)
            guard digits.count >= 6, phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) else {
                throw .badInput("'\(phone)' is not a telephone number: use digits, spaces, '+', '-' and brackets.",
                                field: .phone)
            }
        }
    }

    /// UK GDPR Art 16: a customer's details corrected, each change with the value it replaces and why.
    /// A field given empty is cleared; a field not given is left as it is.
    func updateCustomer(_ id: CustomerID, name: String?, address: String?, postcode: String?, email: String?, phone: String?,
                        adjustments: String?, reason: String, _ context: Context) throws(Refusal) -> Outcome {
        let customer = try existingCustomer(id)
        let reason = try required(reason, .reason, what: "Why the details are corrected")
        var updated = customer
        if let name { updated.name = try required(name, .name, what: "The customer's name") }
        if address != nil || postcode != nil {
            let current = customer.addresses.first
            let new = try Self.address(address ?? current?.text, postcode: postcode ?? current?.postcode?.value)
            updated.addresses = new.map { [$0] + customer.addresses.dropFirst() } ?? Array(customer.addresses.dropFirst())
        }
        try Self.checkContactDetails(email: email, phone: phone)
        if let email { updated.email = Optional(email).nonBlank }
        if let phone { updated.phone = Optional(phone).nonBlank }
        if let adjustments { updated.adjustments = Optional(adjustments).nonBlank }
        var changes: [CustomerCorrection] = []
        func note(_ field: String, _ old: String?, _ new: String?) {
            if old != new { changes.append(CustomerCorrection(field: field, was: old, now: new, reason: reason, on: context.today, by: context.actor)) }
        }
        note("name", customer.name, updated.name)
        note("address", customer.addresses.first?.description, updated.addresses.first?.description)
        note("email", customer.email, updated.email)
        note("phone", customer.phone, updated.phone)
        note("adjustments", customer.adjustments, updated.adjustments)
        guard !changes.isEmpty else { throw .badInput("Those are already the customer's details: nothing was changed.") }
        var warnings: [Warning] = []
        if changes.contains(where: { $0.field == "adjustments" }) {
            warnings.append(Warning("The customer's adjustments changed: check the restrictions in force on their cases against "
                + "them (Equality Act 2010 s20).", paragraph: "5.2.1"))
        }
        let event = CustomerUpdated(id: id, name: updated.name, address: updated.addresses.first, email: updated.email,
                                    phone: updated.phone, adjustments: updated.adjustments,
                                    changed: changes.map(\.field), reason: reason, on: context.today)
        return Outcome(events: [.customerUpdated(event)], warnings: warnings)
    }

    func openCase(customer: CustomerID, title: String, serviceAreas: [String], _ context: Context) throws(Refusal) -> Outcome {
        _ = try existingCustomer(customer)
        let title = try required(title, .title, what: "The case's title (the issue the customer pursues)")
        var areas: [ServiceArea] = []
        for text in serviceAreas {
            guard let area = ServiceArea(text) else {
                throw .badInput("'\(text)' is not a service area name.", field: .service)
            }
            if !areas.contains(area) { areas.append(area) }
        }
        guard !areas.isEmpty else {
            throw .badInput("Name at least one service area the issue concerns with --service.", field: .service)
        }
        let id = nextCaseID
        let event = CaseOpened(id: id, customer: customer, title: title, serviceAreas: areas, on: context.today)
        return Outcome(events: [.caseOpened(event)], warnings: areas.compactMap { newServiceArea($0, context) }, created: id.description)
    }

    /// The council's service areas: its maintained list when it keeps one, else those in use.
    public func knownServiceAreas(_ maintained: Set<ServiceArea>?) -> [ServiceArea] {
        (maintained ?? serviceAreas).sorted()
    }

    /// A service area not on the council's list (or, without one, not met before): likely a typing slip.
    func newServiceArea(_ area: ServiceArea, _ context: Context) -> Warning? {
        let known = knownServiceAreas(context.serviceAreas)
        guard !known.isEmpty, !known.contains(area) else { return nil }
        let nearest = known.min { Self.distance($0.name, area.name) < Self.distance($1.name, area.name) }
        let close = nearest.map { Self.distance($0.name, area.name) <= 3 } ?? false
        let what = context.serviceAreas == nil ? "a new service area for this register" : "not one of the council's service areas"
        let fix = context.serviceAreas == nil ? "" : " An administrator adds one with 'casebook settings add-service-area NAME'."
        return Warning("'\(area.name)' is \(what)" + (close ? "; did you mean '\(nearest!.name)'?" : ".")
            + " Known: " + known.map(\.name).joined(separator: ", ") + "." + fix)
    }

    /// Edit distance, for spotting a slip in a short name.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    func logContact(_ id: CaseID, date: Day, channel: Channel, kind: ContactKind, summary: String, behaviours: [Behaviour],
                    significantNewInformation: Bool, _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        try businessDate(date, "contact date", today: context.today)
        let summary = try required(summary, .summary, what: "A summary of the contact")
        var unique: [Behaviour] = []
        for behaviour in behaviours where !unique.contains(behaviour) { unique.append(behaviour) }
        // 5.2.2: under read-and-file the contact is still logged and read, but not acknowledged —
        // except a SAR or FOI request, which only its own law can refuse (1.2; UK GDPR Art 12(5), FOIA s14).
        let readAndFile = value.restrictionsInForce(on: date).contains { $0.type == .readAndFile }
        let filed = readAndFile && !kind.isStatutoryRequest
        var warnings: [Warning] = []
        if kind.isStatutoryRequest, !value.restrictionsInForce(on: date).isEmpty,
           let due = kind.statutoryDeadline(received: date, calendar: context.calendar) {
            warnings.append(Warning("This is a \(kind.statutoryName): no restriction under this policy applies to it"
                + (readAndFile ? ", and it is not read-and-filed" : "") + ". It goes to Information Rights, who must answer it "
                + "by \(due.british) (it can be refused only under its own law: UK GDPR Art 12(5), FOIA s14).", paragraph: "1.2"))
        }
        if filed {
            warnings.append(Warning("Read-and-file is in force on this matter: do not acknowledge or answer this contact. "
                + "Read it and confirm it holds no new information or safeguarding concern.", paragraph: "5.2.2"))
        }
        if significantNewInformation, let pending = value.pendingProposal, pending.checks[.noNewInformation] != nil {
            warnings.append(Warning("This significant new information re-opens the 'no significant new information' check "
                + "on the pending proposal; it must be confirmed again before a decision.", paragraph: "4.1"))
        }
        if significantNewInformation, value.isStatusInForce {
            warnings.append(Warning("Status is in force on this case: consider whether the new information calls for "
                + "a review.", paragraph: "4.1"))
        }
        let event = ContactLogged(caseID: id, number: value.nextContactNumber, date: date, channel: channel, kind: kind,
                                  summary: summary, behaviours: unique,
                                  significantNewInformation: significantNewInformation, underReadAndFile: filed)
        return Outcome(events: [.contactLogged(event)], warnings: warnings, created: String(event.number))
    }

    func confirmFiledContact(_ id: CaseID, contact number: Int, _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        guard let contact = value.contact(number) else { throw noContact(number, on: value) }
        guard !contact.kind.isStatutoryRequest else {
            throw .rule("1.2", "Contact \(number) is a \(contact.kind.statutoryName): it is never read and filed. Information "
                + "Rights answers it under its own law ('casebook contact answered \(id) \(number)').")
        }
        guard contact.underReadAndFile else {
            throw .badInput("Contact \(number) on \(id) was not logged under read-and-file; there is nothing to confirm.",
                            field: .contact)
        }
        guard contact.filedConfirmation == nil else {
            throw .badInput("Contact \(number) on \(id) has already been read and filed.", field: .contact)
        }
        guard !contact.significantNewInformation else {
            throw .rule("5.2.2", "Contact \(number) was marked as significant new information, so it cannot simply be "
                + "filed: it must be considered and answered.")
        }
        return Outcome(events: [.filedContactConfirmed(FiledContactConfirmed(caseID: id, contact: number, on: context.today))])
    }

    func answerStatutoryRequest(_ id: CaseID, contact number: Int, on date: Day, note: String, by actor: StaffMember,
                                _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        guard let contact = value.contact(number) else { throw noContact(number, on: value) }
        guard contact.kind.isStatutoryRequest else {
            throw .badInput("Contact \(number) on \(id) is not a SAR or FOI request.", field: .contact)
        }
        guard !value.statutoryAnswers.contains(where: { $0.contact == number }) else {
            throw .badInput("Contact \(number) on \(id) has already been recorded as answered.", field: .contact)
        }
        guard actor.has(.informationRights) else {
            throw .rule("1.2", "Statutory requests are answered by Information Rights; \(actor.name) is not in Information Rights.")
        }
        try businessDate(date, "date answered", today: context.today, notBefore: contact.date, stepName: "the request")
        let note = try required(note, .note, what: "How it was answered (or refused, and under which provision)")
        var warnings: [Warning] = []
        if let due = contact.kind.statutoryDeadline(received: contact.date, calendar: context.calendar), date > due {
            warnings.append(Warning("The \(contact.kind.statutoryName) was due by \(due.british): it was answered late.", paragraph: "1.2"))
        }
        return Outcome(events: [.statutoryRequestAnswered(StatutoryRequestAnswered(caseID: id, contact: number, on: date, note: note))],
                       warnings: warnings)
    }

    func settleMatter(_ id: CaseID, on date: Day, note: String, _ context: Context) throws(Refusal) -> Outcome {
        try businessDate(date, "settlement date", today: context.today)
        let note = try required(note, .note, what: "How the matter was settled")
        return Outcome(events: [.matterSettled(MatterSettled(caseID: id, on: date, note: note))])
    }

    func noContact(_ number: Int, on value: Case) -> Refusal {
        .badInput("Case \(value.id) has no contact \(number); its contacts are numbered "
            + (value.contacts.isEmpty ? "from 1, and it has none yet." : "\(value.contacts.map(\.number).map(String.init).joined(separator: ", ")).")
            + " 'casebook show \(value.id)' lists them.", field: .contact)
    }
}
