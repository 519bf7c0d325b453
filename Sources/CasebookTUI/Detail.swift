import CasebookCore

/// A line of a detail pane, with the role it is drawn in.
public struct Line: Equatable, Sendable {
    public let text: String
    public let role: StyleRole

    public init(_ text: String, _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }
}

/// The detail of each kind of record, what matters most first.
enum Detail {
    static func lines(for model: AppModel) -> [Line] {
        guard let id = model.selectedID(in: model.tab) else { return [Line("Nothing selected.", .muted)] }
        switch AnyRecordID(id) {
        case .case(let caseID)?: return caseLines(caseID, model)
        case .customer(let customer)?: return personLines(customer, model, full: model.tab == .people && model.detailOpen)
        case .registerEntry(let entry)?: return entryLines(entry, model, full: model.tab == .register && model.detailOpen)
        case .conference(let conference)?: return conferenceLines(conference, model)
        case .appeal(let appeal)?: return appealLines(appeal, model)
        case nil: return []
        }
    }

    static func caseLines(_ id: CaseID, _ model: AppModel) -> [Line] {
        let register = model.register
        guard let (value, access) = register.visibleCase(id, for: model.actor) else { return [] }
        let customer = register.customers[value.customer]
        var lines = [Line("\(value.id)  \(value.title)", .heading)]
        if case .restrictionsOnly(let why) = access { lines.append(Line(why, .muted)) }
        // Restrictions in force come first, and unmistakably.
        for restriction in value.restrictionsInForce(on: model.today) {
            lines.append(Line("[!] RESTRICTION tier \(restriction.tier): \(restriction.type.rawValue) — \(restriction.details)", .restriction))
        }
        // Before a call or a visit: the customer, or their address, on the register (the facts are read on the entry, 5.3).
        for entry in register.registerEntries.values.filter({ $0.subject == .person(value.customer) && $0.state == .live })
            .sorted(by: { $0.id < $1.id }) {
            lines.append(Line("[!] CUSTOMER ON THE REGISTER \(entry.id)\(entry.reviewOverdue(on: model.today)) — how to contact: "
                + entry.communication, .danger))
        }
        lines += addressOnRegisterLines(register.propertyEntries(atAddressesOf: value.customer).filter { $0.state == .live }, model)
        lines.append(Line("Customer: \(customer?.name ?? "") (\(value.customer))"))
        lines.append(Line("Services: \(value.serviceAreas.map(\.name).joined(separator: ", "))"))
        if let assignee = value.assignee {
            lines.append(Line("Assigned to \(model.register.staff[assignee]?.name ?? assignee) since \(value.assignments.last!.on)"))
        }
        var status = "Status: \(value.stage.rawValue)"
        if let applied = value.status {
            status += " — \(applied.categories.sorted().map(\.rawValue).joined(separator: ", ")) since \(applied.decisionDate), "
                + "by \(applied.decidedBy)" + (applied.lifted.map { "; lifted \($0)" } ?? "; at least until \(applied.minimumUntil)")
        } else if let proposal = value.pendingProposal {
            status += " — \(proposal.categories.sorted().map(\.rawValue).joined(separator: ", "))"
        }
        lines.append(Line(status))
        // Worked out for this case alone (the preview pane draws it on every keystroke).
        var changes = RecordChanges()
        changes.cases = [id]
        let deadlines = access.isWhole ? QueueRow.sorted(model.register.queueRows(of: changes, on: model.today, calendar: model.calendar)) : []
        if !deadlines.isEmpty { lines.append(Line("Next deadlines", .heading)) }
        for row in deadlines {
            let overdue = row.overdueDays > 0 ? " — OVERDUE \(row.overdueDays) days" : ""
            lines.append(Line("  \(row.due)  \(row.kind.group): \(row.summary)\(overdue)", row.overdueDays > 0 ? .overdue : .normal))
        }
        for suggestion in Suggestions.suggestions(for: value) { lines.append(Line(suggestion.label, .suggestion)) }
        lines.append(Line("Timeline", .heading))
        var events: [(Day, Int, Line)] = []
        for contact in value.contacts {
            var flags = contact.behaviours.map(\.rawValue)
            if contact.significantNewInformation { flags.append("NEW INFORMATION") }
            if contact.underReadAndFile { flags.append(contact.filedConfirmation == nil ? "READ-AND-FILE: to confirm" : "filed") }
            if value.contactCorrections.contains(where: { $0.contact == contact.number }) { flags.append("corrected") }
            events.append((contact.date, 0, Line("  \(contact.date)  contact \(contact.number): \(contact.channel.rawValue), "
                + "\(contact.kind.rawValue) — \(contact.summary)" + (flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"))))
        }
        for letter in value.letters { events.append((letter.sentOn, 1, Line("  \(letter.sentOn)  \(letter.kind.title) sent"))) }
        for proposal in value.proposals {
            events.append((proposal.proposedOn, 2, Line("  \(proposal.proposedOn)  proposed \(proposal.categories.sorted().map(\.rawValue).joined(separator: ", ")) by \(proposal.proposedBy)")))
            for check in proposal.checks.values.sorted(by: { $0.item.rawValue < $1.item.rawValue }) {
                events.append((check.confirmedOn, 3, Line("  \(check.confirmedOn)  check \(check.item.rawValue) "
                    + (check.holds ? "confirmed" : "RE-OPENED") + " by \(check.confirmedBy)")))
            }
            if let decision = proposal.decision {
                events.append((decision.date, 4, Line("  \(decision.date)  decision: \(decision.outcome.rawValue) by \(decision.decidedBy), consulted \(decision.consulted)")))
            }
            if let note = value.importNote(for: proposal), let imported = value.imported {
                events.append((imported.source.on, 4, Line("  \(imported.source.on)  \(note)")))
            }
        }
        for restriction in value.restrictions {
            events.append((restriction.from, 5, Line("  \(restriction.from)  restriction \(restriction.number): \(restriction.type.rawValue)"
                + (restriction.ended.map { " (ended \($0))" } ?? ""))))
        }
        for appealID in value.appeals {
            guard let appeal = register.appeals[appealID] else { continue }
            events.append((appeal.received, 6, Line("  \(appeal.received)  appeal \(appeal.id) received"
                + (appeal.decision.map { "; \($0.outcome.rawValue) \($0.date)" } ?? "; outcome due \(appeal.outcomeDue)"))))
        }
        for request in value.reviewRequests { events.append((request.received, 7, Line("  \(request.received)  review requested"))) }
        for note in value.notes { events.append((note.on, 9, Line("  \(note.on)  note by \(note.by): \(note.text)"))) }
        for file in value.files { events.append((file.on, 13, Line("  \(file.on)  file: \(file.line)"))) }
        for correction in value.contactCorrections { events.append((correction.on, 11, Line("  \(correction.on)  \(correction.description)"))) }
        for assignment in value.assignments {
            events.append((assignment.on, 12, Line("  \(assignment.on)  assigned to \(assignment.to) by \(assignment.by)"
                + (assignment.reason.map { ": \($0)" } ?? ""))))
        }
        for reminder in value.reminders {
            let state = reminder.closed.map { " (\($0.rawValue) \(reminder.closedOn!))" } ?? (reminder.due <= model.today ? " — DUE" : "")
            events.append((reminder.due, 10, Line("  \(reminder.due)  reminder \(reminder.number) for \(reminder.by): \(reminder.text)\(state)",
                                                   reminder.isOpen && reminder.due <= model.today ? .overdue : .normal)))
        }
        for review in value.reviews {
            events.append((review.date, 8, Line("  \(review.date)  review: \(review.outcome.rawValue) by \(review.reviewedBy)")))
        }
        // From a queue row, what waits comes first: the proposal and its checks, then the timeline newest first.
        let timeline = events.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        if model.tab == .queues, access.isWhole {
            if let index = lines.firstIndex(where: { $0.text == "Timeline" && $0.role == .heading }) {
                lines.insert(contentsOf: value.pendingProposal == nil ? [] : model.proposalLines(value), at: index)
            }
            lines[lines.count - 1] = Line("Timeline, newest first", .heading)
            return lines + timeline.reversed()
        }
        lines += timeline
        return lines
    }

    /// Before a call or a visit: the live property entries at the customer's address, with how to contact.
    static func addressOnRegisterLines(_ entries: [RegisterEntry], _ model: AppModel) -> [Line] {
        entries.map { entry in
            Line("[!] THEIR ADDRESS IS ON THE REGISTER \(entry.id) \(entry.subjectName(in: model.register))"
                + "\(entry.reviewOverdue(on: model.today)) — how to contact: \(entry.communication)", .danger)
        }
    }

    static func personLines(_ id: CustomerID, _ model: AppModel, full: Bool) -> [Line] {
        guard let standing = model.register.standing(of: id, on: model.today) else { return [] }
        let customer = standing.customer
        var lines = [Line("\(customer.name)  \(customer.id)", .heading)]
        let atAddress = model.register.propertyEntries(atAddressesOf: id).filter { $0.state == .live }
        if standing.isClear && standing.pendingEntries.isEmpty && atAddress.isEmpty {
            lines.append(Line("No restriction in force and no register entry: contact in the usual ways."))
        }
        for entry in standing.liveEntries {
            if full {
                lines.append(Line("[!] ON THE REGISTER \(entry.id)\(entry.reviewOverdue(on: model.today)): \(entry.facts)", .danger))
                lines.append(Line("    How to contact: \(entry.communication)", .danger))
                if let restrictions = entry.restrictions { lines.append(Line("    Restrictions: \(restrictions)", .danger)) }
            } else {
                lines.append(Line("[!] ON THE REGISTER \(entry.id)\(entry.reviewOverdue(on: model.today)) — press Enter to read it "
                    + "(your view is recorded)", .danger))
            }
        }
        lines += addressOnRegisterLines(atAddress, model)
        for entry in standing.pendingEntries {
            lines.append(Line("[?] Register entry \(entry.id) proposed, awaiting approval: not yet live", .muted))
        }
        for item in standing.restrictions {
            lines.append(Line("[!] RESTRICTED on \(item.caseID) (\(item.caseTitle)): \(item.restriction.type.rawValue) — \(item.restriction.details)",
                              .restriction))
        }
        for address in customer.addresses { lines.append(Line("Address: \(address)")) }
        if let phone = customer.phone { lines.append(Line("Phone: \(phone)")) }
        if let email = customer.email { lines.append(Line("Email: \(email)")) }
        if let adjustments = customer.adjustments { lines.append(Line("Reasonable adjustments: \(adjustments)")) }
        for line in model.register.viewLines(for: id) + model.register.subjectAccessLines(for: id) { lines.append(Line(line, .muted)) }
        lines.append(Line("Cases", .heading))
        for caseID in model.register.casesByCustomer[id] ?? [] {
            guard let value = model.register.cases[caseID] else { continue }
            lines.append(Line("  \(caseID)  \(value.title)  [\(value.stage.rawValue)]"))
        }
        return lines
    }

    static func entryLines(_ id: RegisterEntryID, _ model: AppModel, full: Bool) -> [Line] {
        guard let entry = model.register.registerEntries[id] else { return [] }
        var lines = [Line("\(entry.id)  \(entry.subjectName(in: model.register))  [\(entry.state.rawValue)]", .heading)]
        if !entry.reviewOverdue(on: model.today).isEmpty {
            lines.append(Line("[!]" + entry.reviewOverdue(on: model.today).dropFirst(2) + ": this warning may no longer hold (5.3.2)", .overdue))
        }
        if !full {
            lines.append(Line("Press Enter to read this entry. Every view is recorded (policy 5.3).", .muted))
        } else {
            lines.append(Line("Facts: \(entry.facts)", .danger))
            lines.append(Line("How to contact: \(entry.communication)", .danger))
            if let restrictions = entry.restrictions { lines.append(Line("Restrictions: \(restrictions)", .danger)) }
        }
        lines.append(Line("Proposed by \(entry.proposedBy) on \(entry.proposedOn)"))
        if let approver = entry.approvedBy, let date = entry.approvedOn { lines.append(Line("Approved by \(approver) on \(date)")) }
        if let imported = entry.imported { lines.append(Line(imported.note)) }
        if let reason = entry.notToldReason { lines.append(Line("Person not told: \(reason)")) }
        if let due = entry.nextReviewDue {
            lines.append(due < model.today ? Line("Annual review OVERDUE since \(due)", .overdue) : Line("Annual review due \(due)"))
        }
        for disclosure in entry.disclosures {
            lines.append(Line("Shared with \(disclosure.to) on \(disclosure.date) by \(disclosure.by): \(disclosure.reason)"))
        }
        lines.append(Line("Viewed \(entry.views.count) \(entry.views.count == 1 ? "time" : "times")" + (entry.views.last.map { "; last by \($0.by) on \($0.on)" } ?? ""), .muted))
        return lines
    }

    static func conferenceLines(_ id: ConferenceID, _ model: AppModel) -> [Line] {
        guard let conference = model.register.conferences[id] else { return [] }
        if case .restrictionsOnly(let why) = model.register.access(to: .conference(id), for: model.actor) {
            return [Line("\(conference.id)  case conference on \(conference.caseID)", .heading), Line(why, .muted)]
        }
        var lines = [Line("\(conference.id)  case conference on \(conference.caseID), \(conference.date)" + (conference.isClosed ? "  [closed]" : ""), .heading),
                     Line("Chair: \(conference.chair)   Invited: \(conference.invitees.joined(separator: ", "))")]
        for missing in conference.missingInvitees { lines.append(Line("[!] Not invited: \(missing)", .overdue)) }
        lines.append(Line("Actions", .heading))
        for action in conference.actions {
            let overdue = action.done == nil && action.due < model.today
            lines.append(Line("  \(action.number). \(action.text) — \(action.owner), due \(action.due)"
                + (action.done.map { ", done \($0)" } ?? (overdue ? " — OVERDUE" : "")), overdue ? .overdue : .normal))
        }
        lines.append(Line("Summary", .heading))
        lines += conference.summary.split(separator: "\n").map { Line("  " + $0) }
        return lines
    }

    static func appealLines(_ id: AppealID, _ model: AppModel) -> [Line] {
        guard let appeal = model.register.appeals[id] else { return [] }
        if case .restrictionsOnly(let why) = model.register.access(to: .appeal(id), for: model.actor) {
            return [Line("\(appeal.id)  appeal on \(appeal.subject.description)", .heading), Line(why, .muted)]
        }
        return [Line("\(appeal.id)  appeal on \(appeal.subject.description)", .heading),
                Line("Received \(appeal.received); outcome due \(appeal.outcomeDue)"),
                Line("Grounds: \(appeal.grounds)")]
    }
}
