import CasebookCore
/// Plain-text letters to the customer, built from the register's state. Each letter states what
/// the policy requires it to; a letter that cannot state something it must is refused, saying what
/// is missing.
public struct LetterText: Sendable {
    public let register: Register
    public let council: CouncilDetails
    public let calendar: WorkingDayCalendar
    public let retention: RetentionPeriods

    public init(register: Register, council: CouncilDetails, calendar: WorkingDayCalendar, retention: RetentionPeriods = .standard) {
        self.register = register
        self.council = council
        self.calendar = calendar
        self.retention = retention
    }

    /// The letter of `kind` on `subject`, dated `date` (the day it is sent), as plain text.
    public func render(_ kind: LetterKind, on subject: LetterSubject, date: Day) throws(Refusal) -> String {
        try letter(kind, on: subject, date: date).plainText
    }

    /// The letter of `kind` on `subject`, dated `date`: its parts, for a template, and what it must state.
    public func letter(_ kind: LetterKind, on subject: LetterSubject, date: Day) throws(Refusal) -> Letter {
        // UK GDPR Art 13: a letter names who holds the data and how to reach their DPO; a placeholder names nobody.
        let placeholders = council.placeholders
        guard placeholders.isEmpty else {
            throw .rule("5.2.3", "Letters would go out with the placeholder council details (" + placeholders.joined(separator: ", ")
                + " not yet set): the customer must be told who holds their information and how to reach the Data Protection "
                + "Officer (UK GDPR Art 13). An administrator sets them with 'casebook settings council "
                + placeholders.map { "\($0) ..." }.joined(separator: " ") + "'.")
        }
        var letter = try compose(kind, on: subject, date: date)
        letter.kind = kind
        let privacy = privacyInformation(for: subject).items
        letter.privacy = privacy.map(\.text)
        letter.required = try requiredStatements(kind, on: subject, date: date, contact: letter.contact)
            + privacy.map { Letter.Statement(what: $0.what, paragraph: "5.2.3", text: $0.text) }
        return letter
    }

    /// Art 13(1)(e): the recipients actually used — staff told of the case, organisations the
    /// person's register entries were shared with.
    func privacyInformation(for subject: LetterSubject) -> PrivacyInformation {
        var person: CustomerID?
        var staffTold = 0
        switch subject {
        case .case(let id):
            person = register.cases[id]?.customer
            staffTold = Set(register.cases[id]?.notifications.flatMap(\.recipients) ?? []).count
        case .registerEntry(let id): person = register.owner(of: .registerEntry(id))
        case .appeal(let id):
            if let appeal = register.appeals[id] {
                person = register.owner(of: appeal.subject)
                if case .case(let caseID) = appeal.subject {
                    staffTold = Set(register.cases[caseID]?.notifications.flatMap(\.recipients) ?? []).count
                }
            }
        }
        let disclosures = register.registerEntries.values.filter { person != nil && $0.subject == .person(person!) }
            .sorted { $0.id < $1.id }.flatMap(\.disclosures).map { "\($0.to) (\($0.date.british))" }
        return PrivacyInformation(council: council, retention: retention, disclosures: disclosures, staffTold: staffTold)
    }

    private func compose(_ kind: LetterKind, on subject: LetterSubject, date: Day) throws(Refusal) -> Letter {
        switch (subject, kind) {
        case (.case(let id), .warning):
            return try caseLetter(id, date) { (value, contact) throws(Refusal) in try warning(value, contact) }
        case (.case(let id), .decision):
            return try caseLetter(id, date) { (value, contact) throws(Refusal) in try decision(value, contact, date) }
        case (.case(let id), .lifted):
            return try caseLetter(id, date) { (value, contact) throws(Refusal) in try lifted(value, contact) }
        case (.case(let id), .reviewOutcome):
            return try caseLetter(id, date) { (value, _) throws(Refusal) in try reviewOutcome(value.reviews.last, in: value) }
        case (.case(let id), .restriction):
            return try caseLetter(id, date) { (value, _) throws(Refusal) in try restrictionChange(value, date) }
        case (.registerEntry(let id), .registerEntry):
            return try entryLetter(id, date) { (entry) throws(Refusal) in try entryMade(entry, date) }
        case (.registerEntry(let id), .reviewOutcome):
            return try entryLetter(id, date) { (entry) throws(Refusal) in try reviewOutcome(entry.reviews.last, in: nil) }
        case (.registerEntry(let id), .lifted):
            return try entryLetter(id, date) { (_) throws(Refusal) in entryRemoved() }
        case (.appeal(let id), .appealAcknowledgement):
            return try appealLetter(id, date) { (appeal) throws(Refusal) in acknowledgement(appeal) }
        case (.appeal(let id), .appealOutcome):
            return try appealLetter(id, date) { (appeal) throws(Refusal) in try appealOutcome(appeal) }
        default:
            throw .badInput("A \(kind.title) is not written about \(subject): \(Register.whenOwed(kind)).", field: .kind)
        }
    }

    // MARK: - Frames

    private func frame(to customer: Customer, reference: String, date: Day, subject: String, body: [String],
                       contact: String) -> Letter {
        Letter(kind: .warning, council: council, date: date, recipient: customer.name,
               address: customer.addresses.first?.description, reference: reference, subject: subject, paragraphs: body,
               contact: contact, required: [])
    }

    private func caseLetter(_ id: CaseID, _ date: Day, _ body: (Case, String) throws(Refusal) -> (String, [String])) throws(Refusal) -> Letter {
        guard let value = register.cases[id], let customer = register.customers[value.customer] else {
            throw .badInput("There is no case \(id).")
        }
        let contact = namedContact(for: value)
        let (subject, paragraphs) = try body(value, contact)
        return frame(to: customer, reference: id.description, date: date, subject: subject, body: paragraphs, contact: contact)
    }

    private func entryLetter(_ id: RegisterEntryID, _ date: Day, _ body: (RegisterEntry) throws(Refusal) -> (String, [String])) throws(Refusal) -> Letter {
        guard let entry = register.registerEntries[id], case .person(let person) = entry.subject,
              let customer = register.customers[person] else {
            throw .badInput("Register entry \(id) is not about a person, so there is nobody to write to.")
        }
        let (subject, paragraphs) = try body(entry)
        return frame(to: customer, reference: id.description, date: date, subject: subject, body: paragraphs,
                     contact: "the Customer Feedback Team")
    }

    private func appealLetter(_ id: AppealID, _ date: Day, _ body: (Appeal) throws(Refusal) -> (String, [String])) throws(Refusal) -> Letter {
        guard let appeal = register.appeals[id] else { throw .badInput("There is no appeal \(id).") }
        let person: CustomerID?
        switch appeal.subject {
        case .case(let caseID): person = register.cases[caseID]?.customer
        case .registerEntry(let entryID):
            if case .person(let p)? = register.registerEntries[entryID]?.subject { person = p } else { person = nil }
        }
        guard let person, let customer = register.customers[person] else { throw .badInput("Appeal \(id) has no customer to write to.") }
        let (subject, paragraphs) = try body(appeal)
        return frame(to: customer, reference: id.description, date: date, subject: subject, body: paragraphs,
                     contact: register.customerServicesHead.map { "\($0.name), Head of Service – Customer Services" }
                        ?? "the Head of Service – Customer Services")
    }

    /// What the policy requires this letter to state, as text that must appear in it whatever the
    /// template: a template that leaves one out is refused.
    private func requiredStatements(_ kind: LetterKind, on subject: LetterSubject, date: Day,
                                    contact: String) throws(Refusal) -> [Letter.Statement] {
        var required = [Letter.Statement(what: "a named contact", paragraph: "5.2.3", text: contact)]
        let head = register.customerServicesHead?.name
        let deadline = calendar.adding(workingDays: Register.appealWorkingDays, to: date).british
        switch (subject, kind) {
        case (.case(let id), .decision):
            guard let value = register.cases[id], let status = value.status, status.isPersistentOrUnreasonable, let head else { break }
            required.append(.init(what: "the appeal deadline as a date", paragraph: "6.1", text: deadline))
            required.append(.init(what: "to whom an appeal or review request is addressed", paragraph: "6.1",
                                  text: "\(head), Head of Service – Customer Services"))
            required.append(.init(what: "the date from which a review may be asked for", paragraph: "5.2.5",
                                  text: status.minimumUntil.british))
            required.append(.init(what: "the Ombudsman", paragraph: "6.3", text: value.isHousingMatter ? "Housing Ombudsman"
                                    : "Local Government and Social Care Ombudsman"))
            for restriction in value.activeRestrictions {
                required.append(.init(what: "restriction \(restriction.number)", paragraph: "5.2.3", text: restriction.details))
            }
        case (.registerEntry(let id), .registerEntry):
            guard let entry = register.registerEntries[id], let head else { break }
            required.append(.init(what: "the appeal deadline as a date", paragraph: "6.1", text: deadline))
            required.append(.init(what: "to whom an appeal is addressed", paragraph: "6.1", text: head))
            required.append(.init(what: "the agreed methods of communication", paragraph: "5.3.1", text: entry.communication))
        case (.appeal(let id), .appealAcknowledgement):
            if let appeal = register.appeals[id] {
                required.append(.init(what: "when the outcome is due", paragraph: "6.2", text: appeal.outcomeDue.british))
            }
        case (.appeal(let id), .appealOutcome):
            if let decision = register.appeals[id]?.decision {
                required.append(.init(what: "the reasons for the outcome", paragraph: "6.2", text: decision.reason))
            }
        case (.case(let id), .lifted):
            if let lifted = register.cases[id]?.status?.lifted {
                required.append(.init(what: "the date status was lifted", paragraph: "5.2.5", text: lifted.british))
            }
        case (.case(let id), .restriction):
            guard let value = register.cases[id], let head else { break }
            required.append(.init(what: "the appeal deadline as a date", paragraph: "6.1", text: deadline))
            required.append(.init(what: "to whom an appeal is addressed", paragraph: "6.1",
                                  text: "\(head), Head of Service – Customer Services"))
            let (added, ended) = value.restrictionChanges(toldOn: date)
            for restriction in added {
                required.append(.init(what: "restriction \(restriction.number), added", paragraph: "5.2.3", text: restriction.details))
            }
            for restriction in ended {
                required.append(.init(what: "restriction \(restriction.number), ended", paragraph: "5.2.3", text: restriction.type.meaning))
            }
        default:
            break
        }
        return required
    }

    /// 5.2.3: a named contact: the Customer Feedback Team officer consulted on the decision.
    private func namedContact(for value: Case) -> String {
        let login = value.currentProposal?.decision?.consulted ?? value.openedBy
        return register.staff[login]?.name ?? "the Customer Feedback Team"
    }

    private func appealRights(sent date: Day, isHousing: Bool) throws(Refusal) -> [String] {
        guard let head = register.customerServicesHead else {
            throw .rule("6.1", "The letter must say to whom an appeal is addressed, but nobody is marked Head of Service – "
                + "Customer Services. An administrator marks one with 'casebook staff add ... --customer-services-head'.")
        }
        let deadline = calendar.adding(workingDays: Register.appealWorkingDays, to: date)
        let ombudsman = isHousing
            ? "the Housing Ombudsman or the Local Government and Social Care Ombudsman"
            : "the Local Government and Social Care Ombudsman"
        return ["If you disagree with this decision you may appeal. Write to \(head.name), Head of Service – Customer "
                + "Services, \(council.customerServicesAddress), setting out your reasons. Your appeal must reach us by "
                + "\(deadline.british) (15 working days from the date of this letter). A Director who took no part in "
                + "the decision will consider it, and we will write to you with the outcome within 15 working days of "
                + "receiving it.",
                "If you are still unhappy after the appeal, you may refer the matter to \(ombudsman)."]
    }

    // MARK: - Bodies

    private func warning(_ value: Case, _ contact: String) throws(Refusal) -> (String, [String]) {
        let behaviours = Set(value.contacts.flatMap(\.behaviours))
        let seen = Behaviour.allCases.filter(behaviours.contains).map { "- " + $0.policyWording }
        return ("Your contact with us about: \(value.title)",
                ["We are writing about the way you have been contacting us about \(value.title.lowercased()).",
                 seen.isEmpty ? "We are concerned about the frequency and nature of your contact."
                    : "In particular we have recorded:\n" + seen.joined(separator: "\n"),
                 "We ask you to change the way you contact us. If this continues, we may decide to apply our "
                    + "Unacceptable Behaviour policy, which can limit how you contact us about this matter."])
    }

    private func decision(_ value: Case, _ contact: String, _ date: Day) throws(Refusal) -> (String, [String]) {
        guard let status = value.status, value.isStatusInForce, let decision = value.proposals.first(where: {
            $0.number == status.proposalNumber })?.decision else {
            throw .rule("5.2.3", "There is no decision to apply the policy on \(value.id) to write about.")
        }
        // 5.1: a complex case brings a case conference to find a clear path, not restrictions: the
        // letter informs, and promises no appeal or review that the policy does not give (6.1).
        guard status.isPersistentOrUnreasonable else {
            return ("How we will deal with your matter",
                    ["Your matter \"\(value.title)\" concerns several of our services and has reached us in many ways. On "
                        + "\(status.decisionDate.british) we decided to treat it as a complex case under our Unacceptable Behaviour "
                        + "and Complex Customers and Cases policy. This does not limit how you may contact us.",
                     "A Director will bring together the services concerned, with our Customer Feedback Team, Information Rights "
                        + "and Legal teams, to agree a clear path for your matter and who will act on it. We will write to you "
                        + "when that work is complete.",
                     "The reasons are: \(decision.reason)"])
        }
        let categories = status.categories.sorted().map(\.rawValue).joined(separator: " and ")
        var paragraphs = ["On \(status.decisionDate.british) the council decided to treat your contact about "
            + "\"\(value.title)\" as \(categories) under its Unacceptable Behaviour policy. The reasons are: \(decision.reason)"]
        let restrictions = value.activeRestrictions
        if restrictions.isEmpty {
            paragraphs.append("No restrictions have been placed on your contact at present.")
        } else {
            var text = "From now on, for this matter only — not your access to other council services:"
            for restriction in restrictions {
                text += "\n- \(restriction.type.meaning) (from \(restriction.from.british)): \(restriction.details)"
            }
            paragraphs.append(text)
        }
        guard let head = register.customerServicesHead else {
            throw .rule("5.2.5", "The letter must say to whom a review request goes, but nobody is marked Head of Service – "
                + "Customer Services.")
        }
        paragraphs.append("This status lasts for at least six months. From \(status.minimumUntil.british) you may write to "
            + "\(head.name), Head of Service – Customer Services, \(council.customerServicesAddress), and ask for it to be "
            + "reviewed. It will in any case be reviewed after three years.")
        paragraphs += try appealRights(sent: date, isHousing: value.isHousingMatter)
        return ("Our decision about your contact with us", paragraphs)
    }

    private func lifted(_ value: Case, _ contact: String) throws(Refusal) -> (String, [String]) {
        guard let lifted = value.status?.lifted else {
            throw .rule("5.2.5", "Status on \(value.id) has not been lifted, so there is no lifting letter to write.")
        }
        return ("Your contact with us: status lifted",
                ["On \(lifted.british) the council lifted the status it had given your contact about \"\(value.title)\". "
                    + "Any restrictions on how you contact us about this matter ended on that date, and you may contact us "
                    + "in the usual ways."])
    }

    private func reviewOutcome(_ review: Review?, in value: Case?) throws(Refusal) -> (String, [String]) {
        guard let review else { throw .rule("5.2.5", "No review has been recorded to write about.") }
        let outcome: String = switch review.outcome {
        case .continue: "to continue the status and any restrictions unchanged"
        case .vary: "to vary the restrictions on your contact"
        case .lift: "to lift the status"
        }
        var paragraphs = ["We reviewed the decision on \(review.date.british) and decided \(outcome). The reasons are: \(review.reason)"]
        if let value, review.outcome == .vary { paragraphs += changes(in: value, ended: review.ended, added: review.added) }
        return ("The outcome of our review", paragraphs)
    }

    /// What a varied outcome changed, and what is in force now, in plain words.
    private func changes(in value: Case, ended: [Int], added: [Int]) -> [String] {
        var text = "What has changed:"
        for number in ended where value.restrictions.indices.contains(number - 1) {
            let restriction = value.restrictions[number - 1]
            text += "\n- Ended\(restriction.ended.map { " on \($0.british)" } ?? ""): \(restriction.type.meaning) (\(restriction.details))"
        }
        for number in added where value.restrictions.indices.contains(number - 1) {
            let restriction = value.restrictions[number - 1]
            text += "\n- New, from \(restriction.from.british): \(restriction.type.meaning): \(restriction.details)"
        }
        return [text, inForce(value)]
    }

    /// The restrictions in force now, for this matter only.
    private func inForce(_ value: Case) -> String {
        let active = value.activeRestrictions
        guard !active.isEmpty else { return "No restrictions now apply to your contact about this matter." }
        var text = "The restrictions that now apply, for this matter only — not your access to other council services:"
        for restriction in active { text += "\n- \(restriction.type.meaning) (from \(restriction.from.british)): \(restriction.details)" }
        return text
    }

    /// 5.2.3, 6.1: a change of restrictions after the decision letter, a decision of its own.
    private func restrictionChange(_ value: Case, _ date: Day) throws(Refusal) -> (String, [String]) {
        let (added, ended) = value.restrictionChanges(toldOn: date)
        guard !added.isEmpty || !ended.isEmpty else {
            throw .rule("5.2.3", "No restriction on \(value.id) has been added or ended since the customer was last written to.")
        }
        var text = "We have changed the restrictions on your contact with us about \"\(value.title)\":"
        for restriction in added {
            text += "\n- New, from \(restriction.from.british): \(restriction.type.meaning): \(restriction.details)."
                + (restriction.reason.map { " Why: \($0)" } ?? "")
        }
        for restriction in ended {
            text += "\n- Ended on \(restriction.ended?.british ?? date.british): \(restriction.type.meaning) (\(restriction.details))."
                + (restriction.endReason.map { " Why: \($0)" } ?? "")
        }
        var paragraphs = [text, inForce(value)]
        if !added.isEmpty {
            paragraphs += try appealRights(sent: date, isHousing: value.isHousingMatter)
        } else {
            paragraphs.append("If you have any questions about this, please contact us.")
        }
        return ("A change to the restrictions on your contact with us", paragraphs)
    }

    private func entryMade(_ entry: RegisterEntry, _ date: Day) throws(Refusal) -> (String, [String]) {
        guard entry.state == .live, let approved = entry.approvedOn else {
            throw .rule("5.3", "Register entry \(entry.id) is not approved, so there is nothing to tell the person yet.")
        }
        if entry.notToldReason != nil {
            throw .rule("5.3", "A reason not to tell the person of \(entry.id) was recorded, so no letter is sent.")
        }
        var paragraphs = ["On \(approved.british) the council recorded information about you on its register of "
            + "potentially dangerous persons and properties, so that staff who need to know can keep themselves and you "
            + "safe. We have recorded the following facts: \(entry.facts)",
            "When we contact you, or you contact us, we will: \(entry.communication)"]
        if let restrictions = entry.restrictions { paragraphs.append("Restrictions: \(restrictions)") }
        paragraphs.append("We review the entry every year.")
        paragraphs += try appealRights(sent: date, isHousing: false)
        return ("Information we hold to keep staff safe", paragraphs)
    }

    private func entryRemoved() -> (String, [String]) {
        ("Information we hold to keep staff safe: removed",
         ["We have reviewed the information we held about you on our register of potentially dangerous persons and "
            + "properties and have removed the entry."])
    }

    private func acknowledgement(_ appeal: Appeal) -> (String, [String]) {
        ("Your appeal",
         ["We received your appeal on \(appeal.received.british). A Director who took no part in the decision will "
            + "consider it, and we will write to you with the outcome by \(appeal.outcomeDue.british)."])
    }

    private func appealOutcome(_ appeal: Appeal) throws(Refusal) -> (String, [String]) {
        guard let decision = appeal.decision else {
            throw .rule("6.2", "Appeal \(appeal.id) has not been decided, so there is no outcome to write about.")
        }
        let outcome: String = switch decision.outcome {
        case .upheld: "your appeal is not upheld: the decision stands, with its restrictions unchanged"
        case .varied: "the decision stands, but its restrictions are changed as set out below"
        case .overturned: "the original decision is overturned: the status is lifted and any restrictions have ended"
        }
        var isHousing = false
        var value: Case?
        if case .case(let id) = appeal.subject {
            value = register.cases[id]
            isHousing = value?.isHousingMatter ?? false
        }
        let ombudsman = isHousing
            ? "the Housing Ombudsman or the Local Government and Social Care Ombudsman"
            : "the Local Government and Social Care Ombudsman"
        var paragraphs = ["We have considered the appeal you made on \(appeal.received.british). On \(decision.date.british) it "
            + "was decided that \(outcome). The reasons are: \(decision.reason)"]
        if let value, decision.outcome == .varied { paragraphs += changes(in: value, ended: decision.ended, added: decision.added) }
        paragraphs.append("If you are still unhappy, you may refer the matter to \(ombudsman).")
        return ("The outcome of your appeal", paragraphs)
    }
}
