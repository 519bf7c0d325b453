/// The subject access export as a person reads it: the Art 15(1)(a)–(h) cover, then everything held.
extension SubjectAccess {
    static func article15(for export: SubjectAccess, register: Register, council: CouncilDetails,
                          retention: RetentionPeriods) -> [String] {
        let person = export.customer
        var categories = ["your name and contact details"]
        if person.adjustments != nil { categories.append("the reasonable adjustments you need (which may say something about your health)") }
        if !export.cases.isEmpty {
            categories.append("records of your contacts with us and how they were dealt with (\(export.cases.count) "
                + (export.cases.count == 1 ? "case" : "cases") + ")")
        }
        if export.cases.contains(where: { $0.status != nil }) { categories.append("decisions under our Unacceptable Behaviour policy and the restrictions they set") }
        if !export.registerEntries.isEmpty || !export.propertyEntries.isEmpty {
            categories.append("entries on our register of potentially dangerous persons and properties, kept to keep staff safe")
        }
        if !export.lettersAsSent.isEmpty { categories.append("the letters we sent you") }
        if !export.mentionsElsewhere.isEmpty { categories.append("mentions of you in other people's records") }
        let told = Set(export.cases.flatMap { $0.notifications.flatMap(\.recipients) }).sorted()
            .map { register.staff[$0].map { "\($0.name)" } ?? $0 }
        let organisations = (export.registerEntries + export.propertyEntries).flatMap(\.disclosures)
            .map { "\($0.to) (\($0.date.british), \($0.reason))" }
        var recipients = "Council staff who need to know it"
            + (told.isEmpty ? "." : "; these were told of your case: " + PrivacyInformation.list(told) + ".")
        recipients += organisations.isEmpty ? " It has not been shared with any organisation outside the council."
            : " It has been shared with " + PrivacyInformation.list(organisations) + "."
        var left = ["Other people named in these records are shown as [another person] or [third party]: their information "
            + "is theirs (UK GDPR Art 15(4))."]
        for item in export.withheld {
            left.append("Withheld: \(item.what), under \(item.exemption).")
        }
        return [
            "(a) Why we hold it: \(council.privacyNotice) The law that allows us to: \(council.lawfulBasis)",
            "(b) What we hold: " + PrivacyInformation.list(categories) + ".",
            "(c) Who it has been shared with: " + recipients,
            "(d) How long we keep it: \(retention.yearsAfterCaseClosed) years after a case closes, \(retention.yearsAfterStatusLifted) "
                + "years after a restriction or status ends, and \(retention.yearsAfterEntryRemoved) years after a register entry is "
                + "removed; then we erase it.",
            "(e) Your rights: you may ask us to correct anything that is wrong (rectification), to erase it, to restrict how we use "
                + "it, or object to our using it. Write to our Data Protection Officer: "
                + (council.dataProtectionOfficer.isEmpty ? "see our website" : council.dataProtectionOfficer) + ".",
            "(f) If you are unhappy with how we have used your information, you may complain to \(PrivacyInformation.ico).",
            "(g) Where it came from: from you, in your contacts with us; from council staff who dealt with you and recorded what "
                + "happened" + (export.registerEntries.isEmpty && export.propertyEntries.isEmpty ? "." : "; register entries record "
                + "incidents reported by our staff and contractors."),
            "(h) Automated decisions: none. Every decision about you was made by a person (policy 4.2).",
            "What is not included: " + left.joined(separator: " "),
        ]
    }

    var rawDocument: String {
        var lines = ["Information held about \(customer.name) (\(customer.id))", ""]
        for address in customer.addresses { lines.append("Address: \(address)") }
        if let email = customer.email { lines.append("Email: \(email)") }
        if let phone = customer.phone { lines.append("Phone: \(phone)") }
        if let adjustments = customer.adjustments { lines.append("Reasonable adjustments: \(adjustments)") }
        for correction in customer.corrections {
            lines.append("Corrected \(correction.on): \(correction.field) from \(correction.was ?? "(none)") to \(correction.now ?? "(none)")"
                + " — \(correction.reason)")
        }
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
                if let note = value.importNote(for: proposal) { lines.append("  \(note)") }
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
            for note in value.notes { lines.append("Note \(note.on) by \(note.by): \(note.text)") }
            for reminder in value.reminders { lines.append("Reminder for \(reminder.due): \(reminder.text)") }
            // UK GDPR Art 16: what was corrected, and what it said before.
            for correction in value.contactCorrections { lines.append("Correction \(correction.on): \(correction.description)") }
            for file in value.files { lines.append("File (a copy is in the files folder of this export): \(file.line)") }
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
        for entry in registerEntries { lines += entryLines(entry, heading: "Register entry about you") }
        for entry in propertyEntries { lines += entryLines(entry, heading: "Register entry about your address") }
        if !mentionsElsewhere.isEmpty {
            lines += ["", "Where you are mentioned in other people's records"]
            for mention in mentionsElsewhere { lines.append("\(mention.place): \(mention.text)") }
        }
        for letter in lettersAsSent {
            lines += ["", "Letter as sent: \(letter.kind) on \(letter.about), \(letter.sentOn.british)", letter.text]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func entryLines(_ entry: RegisterEntry, heading: String) -> [String] {
        var lines = ["", "\(heading): \(entry.id) (\(entry.state.rawValue)): \(entry.facts)", "Agreed communication: \(entry.communication)"]
        if let restrictions = entry.restrictions { lines.append("Restrictions: \(restrictions)") }
        if let reason = entry.notToldReason { lines.append("Recorded reason for not telling you at first: \(reason)") }
        if let imported = entry.imported { lines.append(imported.note) }
        for disclosure in entry.disclosures { lines.append("Shared with \(disclosure.to) on \(disclosure.date): \(disclosure.reason)") }
        for view in entry.views { lines.append("Viewed by \(view.by) on \(view.on)") }
        return lines
    }
}
