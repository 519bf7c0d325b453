import Foundation

/// Everything the register holds on one person, for a subject access request: their record,
/// cases (with contacts, proposals, checks, decisions, restrictions, letters, notifications,
/// reviews), appeals, case conferences and register entries with who viewed them and who they were
/// shared with. Nothing about any other customer: another person named in free text appears as
/// "[another person]".
public struct SubjectAccess: Encodable, Sendable {
    public let customer: Customer
    public let cases: [Case]
    public let appeals: [Appeal]
    public let conferences: [Conference]
    public let registerEntries: [RegisterEntry]

    /// A conference as the person may see it: its summary names only them.
    public struct Conference: Encodable, Sendable {
        public let id: ConferenceID
        public let caseID: CaseID
        public let date: Day
        public let chair: Login
        public let summary: String
        public let actions: [ConferenceAction]
    }

    public init(register: Register, customer id: CustomerID) {
        customer = register.customers[id]!
        cases = (register.casesByCustomer[id] ?? []).compactMap { register.cases[$0] }
        registerEntries = register.registerEntries.values.filter { $0.subject == .person(id) }.sorted { $0.id < $1.id }
        let caseIDs = Set(cases.map(\.id)), entryIDs = Set(registerEntries.map(\.id))
        appeals = register.appeals.values.filter {
            switch $0.subject {
            case .case(let caseID): caseIDs.contains(caseID)
            case .registerEntry(let entryID): entryIDs.contains(entryID)
            }
        }.sorted { $0.id < $1.id }
        conferences = register.conferences.values.filter { caseIDs.contains($0.caseID) }.sorted { $0.id < $1.id }.map {
            Conference(id: $0.id, caseID: $0.caseID, date: $0.date, chair: $0.chair, summary: $0.summary, actions: $0.actions)
        }
        // Other customers' full names, exact addresses, emails and phones, matched as whole words
        // (a namesake of the person, or someone at the same address, is the person's own).
        let own = Set(([customer.name] + customer.addresses.map(\.text)).map(Mentions.words))
        var others = Mentions()
        for other in register.customers.values where other.id != id {
            for text in [other.name] + other.addresses.map(\.text) where !own.contains(Mentions.words(text)) {
                others.add(words: text, tag: 0)
            }
            if let email = other.email, email.lowercased() != customer.email?.lowercased() { others.add(email: email, tag: 0) }
            if let phone = other.phone, phone != customer.phone { others.add(phone: phone, tag: 0) }
        }
        otherPeople = others
    }

    /// Other customers' names, addresses and contact details, to be kept out of the export.
    private let otherPeople: Mentions

    enum CodingKeys: String, CodingKey { case customer, cases, appeals, conferences, registerEntries }

    /// `text` with any other customer's name, address or contact details replaced.
    public func withoutOthers(_ text: String) -> String {
        otherPeople.replacing(in: text) { _ in "[another person]" }
    }

    /// The export as JSON, with other people kept out of its free text.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try JSONStrings.map(try encoder.encode(self), withoutOthers).data
    }

    /// The same, as one readable document, with other people kept out of it.
    public var document: String { withoutOthers(rawDocument) }

    private var rawDocument: String {
        var lines = ["Information held about \(customer.name) (\(customer.id))", ""]
        for address in customer.addresses { lines.append("Address: \(address)") }
        if let email = customer.email { lines.append("Email: \(email)") }
        if let phone = customer.phone { lines.append("Phone: \(phone)") }
        if let adjustments = customer.adjustments { lines.append("Reasonable adjustments: \(adjustments)") }
        for value in cases {
            lines += ["", "Case \(value.id): \(value.title) (\(value.serviceAreas.map(\.name).joined(separator: ", ")))",
                      "Opened \(value.openedOn)"]
            for contact in value.contacts {
                lines.append("Contact \(contact.number), \(contact.date), \(contact.channel.rawValue), \(contact.kind.rawValue): "
                    + contact.summary + (contact.behaviours.isEmpty ? "" : " [behaviours: \(contact.behaviours.map(\.rawValue).joined(separator: ", "))]"))
            }
            for proposal in value.proposals {
                lines.append("Proposed \(proposal.proposedOn): \(proposal.categories.sorted().map(\.rawValue).joined(separator: ", ")) — \(proposal.reason)")
                for check in proposal.checks.values.sorted(by: { $0.item.rawValue < $1.item.rawValue }) {
                    lines.append("  Check \(check.item.rawValue) (\(check.confirmedOn)): \(check.evidence)")
                }
                if let decision = proposal.decision {
                    lines.append("Decision \(decision.date): \(decision.outcome.rawValue) — \(decision.reason)")
                }
            }
            for restriction in value.restrictions {
                lines.append("Restriction: \(restriction.type.rawValue) from \(restriction.from)"
                    + (restriction.ended.map { " to \($0)" } ?? "") + " — \(restriction.details)")
            }
            for letter in value.letters { lines.append("Letter: \(letter.kind.title), sent \(letter.sentOn)") }
            for notification in value.notifications {
                lines.append("Staff told \(notification.on): \(notification.recipients.joined(separator: ", "))")
            }
            for request in value.reviewRequests { lines.append("Review requested \(request.received)") }
            for review in value.reviews { lines.append("Review \(review.date): \(review.outcome.rawValue) — \(review.reason)") }
        }
        for conference in conferences {
            lines += ["", "Case conference \(conference.id) on \(conference.date)", conference.summary]
            for action in conference.actions { lines.append("Action \(action.number): \(action.text), due \(action.due)") }
        }
        for appeal in appeals {
            lines += ["", "Appeal \(appeal.id) received \(appeal.received): \(appeal.grounds)"]
            if let decision = appeal.decision { lines.append("Outcome \(decision.date): \(decision.outcome.rawValue) — \(decision.reason)") }
            if let referral = appeal.referral { lines.append("Referred to the \(referral.body.name) on \(referral.date)") }
        }
        for entry in registerEntries {
            lines += ["", "Register entry \(entry.id) (\(entry.state.rawValue)): \(entry.facts)",
                      "Agreed communication: \(entry.communication)"]
            if let restrictions = entry.restrictions { lines.append("Restrictions: \(restrictions)") }
            for disclosure in entry.disclosures {
                lines.append("Shared with \(disclosure.to) on \(disclosure.date): \(disclosure.reason)")
            }
            for view in entry.views { lines.append("Viewed by \(view.by) on \(view.on)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
