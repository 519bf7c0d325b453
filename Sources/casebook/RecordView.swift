import CasebookCore
import CasebookDocuments
import CasebookStore
import Foundation

/// Text (and JSON) of one record for `casebook show`. What an officer must know first comes first.
struct RecordView {
    /// The records read alone, when there is no store.
    private let records: Register
    /// The register as it is now: a view just recorded shows in what is printed after it.
    var register: Register { store?.register ?? records }
    let actor: Login
    let today: Day
    let calendar: WorkingDayCalendar
    /// The store, to record views of register entries; nil when the records were read alone
    /// (`Store.pointRead`), which answers only views that record nothing (`answersAlone`).
    let store: Store?

    init(session: Session) {
        self.init(register: session.register, actor: session.actor, today: session.today, calendar: session.calendar,
                  store: session.store)
    }

    init(register: Register, actor: Login, today: Day, calendar: WorkingDayCalendar, store: Store?) {
        records = register
        self.actor = actor
        self.today = today
        self.calendar = calendar
        self.store = store
    }

    /// Whether showing `record` records nothing (5.3: a register entry's view, a customer's live
    /// entries' views, are recorded), so that records read alone can answer it.
    func answersAlone(_ record: AnyRecordID) -> Bool {
        switch record {
        case .registerEntry: return false
        case .customer(let id): return register.standing(of: id, on: today)?.liveEntries.isEmpty == true
        case .case(let id): return register.cases[id] != nil
        case .appeal(let id): return register.appeals[id] != nil
        case .conference(let id): return register.conferences[id] != nil
        }
    }

    /// Shows `record`, which exists.
    func show(_ record: AnyRecordID, json: Bool) throws {
        switch record {
        case .customer(let id): try customer(id, json: json)
        case .case(let id): try self.case(id, json: json)
        case .registerEntry(let id): try entry(id, json: json)
        case .appeal(let id): try appeal(id, json: json)
        case .conference(let id): try conference(id, json: json)
        }
    }

    /// 5.3: every view of an entry is recorded. If it cannot be, the entry is still shown (a safety
    /// matter) and the failure is reported.
    func recordView(_ id: RegisterEntryID) {
        do {
            guard let store else { throw StoreError.readOnly("the records were read without the store") }
            try store.execute(.viewRegisterEntry(id), actor: actor, today: today)
        } catch {
            printError("casebook: warning: your view of \(id) could not be recorded (5.3): \(error)")
        }
    }

    func customer(_ id: CustomerID, json: Bool) throws {
        guard let standing = register.standing(of: id, on: today) else { return }
        let entries = standing.liveEntries + standing.pendingEntries
        for entry in standing.liveEntries { recordView(entry.id) }
        let cases = (register.casesByCustomer[id] ?? []).compactMap { register.cases[$0] }
        if json {
            return try printJSON(CustomerJSON(
                customer: standing.customer,
                restrictionsInForce: standing.restrictions.map { .init(caseID: $0.caseID.description, restriction: $0.restriction) },
                registerEntries: entries,
                cases: cases.map { CaseSummary(register.outline(of: $0, calendar: calendar), nextDue: nil) }))
        }
        let customer = standing.customer
        print("\(customer.id)  \(customer.name)")
        if standing.isClear && standing.pendingEntries.isEmpty {
            print("No restriction in force and no register entry: contact in the usual ways.")
        }
        for entry in standing.liveEntries {
            print("[!] ON THE REGISTER (\(entry.id), approved \(entry.approvedOn?.description ?? "")\(entry.reviewOverdue(on: today))): \(entry.facts)")
            print("    Agreed communication: \(entry.communication)")
            if let restrictions = entry.restrictions { print("    Restrictions: \(restrictions)") }
        }
        for entry in standing.pendingEntries {
            print("[?] Register entry \(entry.id) proposed, awaiting approval (not yet live).")
        }
        for item in standing.restrictions {
            print("[!] RESTRICTED on \(item.caseID) \"\(item.caseTitle)\": tier \(item.restriction.tier) "
                + "\(item.restriction.type.rawValue) — \(item.restriction.details)")
        }
        for address in customer.addresses { print("Address: \(address)") }
        if let email = customer.email { print("Email: \(email)") }
        if let phone = customer.phone { print("Phone: \(phone)") }
        if let adjustments = customer.adjustments { print("Reasonable adjustments: \(adjustments)") }
        for line in register.viewLines(for: id) + register.subjectAccessLines(for: id) { print(line) }
        if !cases.isEmpty { print("Cases:") }
        for value in cases { print("  \(value.id)  \(value.title)  [\(value.stage.rawValue)]") }
    }

    func `case`(_ id: CaseID, json: Bool) throws {
        guard let (value, access) = register.visibleCase(id, for: actor) else { return }
        if json { return try printJSON(value) }
        let name = register.customers[value.customer]?.name ?? ""
        print("\(value.id)  \(value.title)")
        if case .restrictionsOnly(let why) = access { print("[i] \(why)") }
        if let adjustments = register.customers[value.customer]?.adjustments {
            print("Reasonable adjustments: \(adjustments)")
        }
        print("Customer: \(name) (\(value.customer))   Services: \(value.serviceAreas.map(\.name).joined(separator: ", "))"
            + (value.assignee.map { "   Assigned to: \(register.staff[$0]?.name ?? $0) (\($0))" } ?? ""))
        var status = "Status: \(value.stage.rawValue)"
        if let applied = value.status {
            status += " — \(applied.categories.sorted().map(\.rawValue).joined(separator: ", ")) since \(applied.decisionDate)"
                + " (decided by \(applied.decidedBy); at least until \(applied.minimumUntil))"
            if let lifted = applied.lifted { status += ", lifted \(lifted)" }
        }
        print(status)
        let inForce = value.restrictionsInForce(on: today)
        for restriction in inForce {
            print("[!] RESTRICTION \(restriction.number) tier \(restriction.tier) \(restriction.type.rawValue) from "
                + "\(restriction.from): \(restriction.details)")
        }
        if let settled = value.settled { print("Matter settled \(settled.on): \(settled.note)") }
        print("Contacts:")
        for contact in value.contacts {
            var flags = contact.behaviours.map(\.rawValue)
            if contact.significantNewInformation { flags.append("NEW INFORMATION") }
            if contact.underReadAndFile { flags.append(contact.filedConfirmation == nil ? "READ-AND-FILE: to confirm" : "filed") }
            if value.contactCorrections.contains(where: { $0.contact == contact.number }) { flags.append("corrected") }
            print("  \(contact.number). \(contact.date) \(contact.channel.rawValue) \(contact.kind.rawValue) (\(contact.officer)): "
                + contact.summary + (flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]"))
        }
        for proposal in value.proposals {
            print("Proposal \(proposal.number) by \(proposal.proposedBy) on \(proposal.proposedOn): "
                + "\(proposal.categories.sorted().map(\.rawValue).joined(separator: ", ")) — \(proposal.reason)")
            if let note = value.importNote(for: proposal) { print("  \(note)") }
            for item in CheckItem.allCases where value.importNote(for: proposal) == nil {
                if let check = proposal.checks[item] {
                    print("  check \(item.rawValue): \(check.holds ? "confirmed" : "RE-OPENED by contact \(check.reopenedByContact!)") "
                        + "by \(check.confirmedBy) on \(check.confirmedOn) — \(check.evidence)")
                } else {
                    print("  check \(item.rawValue): outstanding")
                }
            }
            if let decision = proposal.decision {
                print("  Decision: \(decision.outcome.rawValue) by \(decision.decidedBy) on \(decision.date), consulted "
                    + "\(decision.consulted) — \(decision.reason)")
                if let considered = decision.adjustmentsConsidered { print("  Adjustments considered: \(considered)") }
            }
        }
        for restriction in value.restrictions where !inForce.contains(restriction) {
            print("Restriction \(restriction.number) \(restriction.type.rawValue) from \(restriction.from)"
                + (restriction.ended.map { " ended \($0)" } ?? " (not yet started)"))
        }
        for letter in value.letters { print("Letter: \(letter.kind.title) sent \(letter.sentOn)") }
        for notification in value.notifications {
            print("Notified \(notification.on): \(notification.recipients.joined(separator: ", "))")
        }
        for conference in value.conferences { print("Conference: \(conference)") }
        for appeal in value.appeals {
            if let appeal = register.appeals[appeal] {
                print("Appeal \(appeal.id) received \(appeal.received): " + (appeal.decision.map { "\($0.outcome.rawValue) on \($0.date)" }
                    ?? "outcome due \(appeal.outcomeDue)"))
            }
        }
        for request in value.reviewRequests {
            print("Review requested \(request.received)" + (request.answered.map { ", answered \($0)" } ?? ""))
        }
        for review in value.reviews { print("Review \(review.date) by \(review.reviewedBy): \(review.outcome.rawValue) — \(review.reason)") }
        for note in value.notes { print("Note \(note.number), \(note.on), by \(note.by): \(note.text)") }
        for correction in value.contactCorrections { print("Correction: \(correction.description)") }
        for file in value.files { print("File: \(file.line)") }
        for assignment in value.assignments {
            print("Assigned to \(assignment.to) by \(assignment.by) on \(assignment.on)" + (assignment.reason.map { ": \($0)" } ?? ""))
        }
        for reminder in value.reminders {
            print("Reminder \(reminder.number) for \(reminder.due), \(reminder.by): \(reminder.text)"
                + (reminder.closed.map { " [\($0.rawValue) \(reminder.closedOn!)]" } ?? ""))
        }
        // The case's own rows (its queue rows are derived from it alone), not the whole register's queue.
        var only = RecordChanges()
        only.cases = [id]
        for row in QueueRow.sorted(register.queueRows(of: only, on: today, calendar: calendar))
        where access.isWhole && row.subject == id.description {
            print("Next: \(row.kind.group.lowercased()): \(row.summary), due \(row.due)"
                + (row.overdueDays > 0 ? " — OVERDUE \(row.overdueDays) days" : ""))
        }
        if access.isWhole { for suggestion in Suggestions.suggestions(for: value) { print(suggestion.label) } }
    }

    /// An appeal or conference belongs to a case file: refused to those who may not read it (5.2.4).
    func requireCaseFile(_ record: AnyRecordID) throws {
        if case .restrictionsOnly(let why) = register.access(to: record, for: actor) {
            throw StoreError.refused(.rule("5.2.4", why))
        }
    }

    func entry(_ id: RegisterEntryID, json: Bool) throws {
        recordView(id)
        guard let entry = register.registerEntries[id] else { return }
        if json { return try printJSON(entry) }
        print("\(entry.id)  \(entry.subjectName(in: register))  [\(entry.state.rawValue)]\(entry.reviewOverdue(on: today))")
        print("Facts: \(entry.facts)")
        print("Agreed communication: \(entry.communication)")
        if let restrictions = entry.restrictions { print("Restrictions: \(restrictions)") }
        print("Proposed by \(entry.proposedBy) on \(entry.proposedOn)")
        if let approver = entry.approvedBy, let date = entry.approvedOn { print("Approved by \(approver) on \(date)") }
        if let imported = entry.imported { print(imported.note) }
        if let reason = entry.notToldReason { print("Person not told: \(reason)") }
        if let due = entry.nextReviewDue {
            print("Next annual review due \(due)" + (due < today ? " — OVERDUE" : ""))
        }
        for review in entry.reviews { print("Review \(review.date) by \(review.reviewedBy): \(review.outcome.rawValue)") }
        for disclosure in entry.disclosures {
            print("Shared with \(disclosure.to) on \(disclosure.date) by \(disclosure.by): \(disclosure.reason)")
        }
        print("Viewed \(entry.views.count) times; last by \(entry.views.last.map { "\($0.by) on \($0.on)" } ?? "-")")
    }

    func appeal(_ id: AppealID, json: Bool) throws {
        try requireCaseFile(.appeal(id))
        guard let appeal = register.appeals[id] else { return }
        if json { return try printJSON(appeal) }
        print("\(appeal.id)  appeal against \(appeal.subject.description)")
        print("Received \(appeal.received)" + (appeal.deadline.map { "; deadline was \($0)" } ?? "")
            + (appeal.lateReason.map { "; accepted late: \($0)" } ?? ""))
        print("Grounds: \(appeal.grounds)")
        if let decision = appeal.decision {
            print("Outcome: \(decision.outcome.rawValue) by \(decision.decidedBy) on \(decision.date) — \(decision.reason)")
        } else {
            print("Outcome due \(appeal.outcomeDue)" + (appeal.outcomeDue < today ? " — OVERDUE" : ""))
        }
        if let referral = appeal.referral { print("Referred to the \(referral.body.name) on \(referral.date)") }
    }

    func conference(_ id: ConferenceID, json: Bool) throws {
        try requireCaseFile(.conference(id))
        guard let conference = register.conferences[id] else { return }
        if json { return try printJSON(conference) }
        print("\(conference.id)  case conference on \(conference.caseID), \(conference.date), chaired by \(conference.chair)"
            + (conference.isClosed ? " [closed]" : ""))
        print("Invited: \(conference.invitees.joined(separator: ", "))")
        for missing in conference.missingInvitees { print("[!] Not invited: \(missing)") }
        print(conference.summary)
        for action in conference.actions {
            print("  \(action.number). \(action.text) — \(action.owner), due \(action.due)"
                + (action.done.map { ", done \($0)" } ?? (action.due < today ? " — OVERDUE" : "")))
        }
    }
}
