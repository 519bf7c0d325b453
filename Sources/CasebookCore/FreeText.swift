/// One piece of free text held in the register: the record and field it is in, and whose record
/// that is. Erasure previews and subject access look through these for mentions of a person
/// (UK GDPR Art 15, 17); structured fields (ids, dates, logins, outcomes) are not free text.
public struct FreeText: Equatable, Sendable {
    /// Where it is, as a reader would look it up: "CASE-0003 contact 4", "REG-0002 facts".
    public let place: String
    /// The customer whose record it is; nil for a property's register entry.
    public let owner: CustomerID?
    /// Whether the text is part of a register entry (never altered by another person's erasure).
    public let inRegisterEntry: Bool
    public let text: String
}

extension Register {
    /// Every piece of free text in the register, record by record.
    public func freeTexts() -> [FreeText] {
        var texts: [FreeText] = []
        func add(_ place: String, _ owner: CustomerID?, _ text: String?, entry: Bool = false) {
            if let text, !text.isEmpty { texts.append(FreeText(place: place, owner: owner, inRegisterEntry: entry, text: text)) }
        }
        for key in cases.keys.sorted() {
            guard let value = cases[key] else { continue }
            let id = value.id.description, owner = value.customer
            add("\(id) title", owner, value.title)
            for contact in value.contacts { add("\(id) contact \(contact.number)", owner, contact.summary) }
            for correction in value.contactCorrections {
                let place = "\(id) contact \(correction.contact) correction"
                add(place, owner, correction.reason)
                if case .summary(let was, _) = correction.change { add(place, owner, was) }
            }
            for file in value.files { add("\(id) file \(file.sha256.prefix(12))", owner, file.description) }
            for (number, assignment) in value.assignments.enumerated() { add("\(id) assignment \(number + 1)", owner, assignment.reason) }
            add("\(id) settlement", owner, value.settled?.note)
            for proposal in value.proposals {
                add("\(id) proposal \(proposal.number)", owner, proposal.reason)
                for check in proposal.checks.values.sorted(by: { $0.item.rawValue < $1.item.rawValue }) {
                    add("\(id) proposal \(proposal.number) check \(check.item.rawValue)", owner, check.evidence)
                }
                add("\(id) decision", owner, proposal.decision?.reason)
                add("\(id) decision (adjustments)", owner, proposal.decision?.adjustmentsConsidered)
            }
            for restriction in value.restrictions {
                let place = "\(id) restriction \(restriction.number)"
                for text in [restriction.details, restriction.escalationReason, restriction.statutoryBasis, restriction.reason,
                             restriction.endReason, restriction.adjustmentReason] { add(place, owner, text) }
            }
            for (number, review) in value.reviews.enumerated() {
                add("\(id) review \(number + 1)", owner, review.reason)
                add("\(id) review \(number + 1)", owner, review.deputyReason)
            }
            for answer in value.statutoryAnswers { add("\(id) contact \(answer.contact) answer", owner, answer.note) }
            for note in value.notes { add("\(id) note \(note.number)", owner, note.text) }
            for reminder in value.reminders { add("\(id) reminder \(reminder.number)", owner, reminder.text) }
        }
        for appeal in appeals.values.sorted(by: { $0.id < $1.id }) {
            let owner = self.owner(of: appeal.subject)
            add("\(appeal.id) grounds", owner, appeal.grounds)
            add("\(appeal.id) late reason", owner, appeal.lateReason)
            add("\(appeal.id) outcome", owner, appeal.decision?.reason)
        }
        for conference in conferences.values.sorted(by: { $0.id < $1.id }) {
            let owner = cases[conference.caseID]?.customer
            add("\(conference.id) summary", owner, conference.summary)
            for action in conference.actions { add("\(conference.id) action \(action.number)", owner, action.text) }
        }
        for entry in registerEntries.values.sorted(by: { $0.id < $1.id }) {
            let owner = self.owner(of: .registerEntry(entry.id)), id = entry.id.description
            add("\(id) facts", owner, entry.facts, entry: true)
            add("\(id) communication", owner, entry.communication, entry: true)
            add("\(id) restrictions", owner, entry.restrictions, entry: true)
            add("\(id) reason not told", owner, entry.notToldReason, entry: true)
            add("\(id) decline reason", owner, entry.declineReason, entry: true)
            for (number, disclosure) in entry.disclosures.enumerated() {
                add("\(id) sharing \(number + 1)", owner, disclosure.reason, entry: true)
            }
            for (number, review) in entry.reviews.enumerated() { add("\(id) review \(number + 1)", owner, review.reason, entry: true) }
        }
        return texts
    }

    /// The customer a case's or a person's entry's appeal belongs to.
    public func owner(of subject: Appeal.Subject) -> CustomerID? {
        switch subject {
        case .case(let id): return cases[id]?.customer
        case .registerEntry(let id):
            if case .person(let person)? = registerEntries[id]?.subject { return person }
            return nil
        }
    }
}
