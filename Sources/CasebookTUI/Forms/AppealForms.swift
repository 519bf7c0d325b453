import CasebookCore

/// Forms for letters (5.2.3, 5.3, 6.2), appeals (6.1–6.3) and reviews (5.2.5, 5.3.2).
extension AppModel {
    /// The letters one may record as sent on `subject`: those the policy requires, and on a case a warning.
    func letterKinds(for subject: LetterSubject) -> [LetterKind] {
        var kinds = register.letterObligations(for: subject, calendar: calendar).sorted { !$0.sent && $1.sent }.map(\.kind)
        if case .case = subject, !kinds.contains(.warning) { kinds.append(.warning) }
        return kinds.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    func letterSentForm(_ subject: LetterSubject, kind: LetterKind? = nil) -> Form {
        let owed = register.letterObligations(for: subject, calendar: calendar)
        let kinds = letterKinds(for: subject)
        let options = kinds.map { kind in
            let state = owed.first { $0.kind == kind }.map { $0.sent ? " (recorded as sent)" : " (owed, due \($0.due))" } ?? ""
            return FieldOption(kind.rawValue, kind.title + state)
        }
        let selected = kind.flatMap { kinds.firstIndex(of: $0) } ?? 0
        return Form("Record a letter as sent on \(subject)", context: [
            Line("Preview and save a letter with l on the record; record here the day it was sent.", .muted)], fields: [
            FormField(.kind, "Letter", .choice(options, selected: selected), required: true),
            Self.dateField(.sent, "Sent on", today: today),
        ]) { form throws(FormProblem) in
            .recordLetterSent(subject, kind: LetterKind(rawValue: try form.choice(.kind))!, sentOn: try form.day(.sent))
        }
    }

    func lodgeAppealForm(_ subject: Appeal.Subject) -> Form {
        let deadline = register.appealDeadline(for: subject, calendar: calendar)
        let note = deadline.map { "In time until \($0.british) (15 working days from the letter, 6.1)." }
            ?? "The letter of the decision is not recorded as sent, so the appeal is in time (6.1)."
        let late: @Sendable (Form) -> Bool = { form in
            guard let deadline, let received = Day(form.text(.received)) else { return false }
            return received > deadline
        }
        return Form("Lodge an appeal against the decision on \(subject)", context: [Line(note)], fields: [
            Self.dateField(.received, "Received on", today: today),
            FormField(.grounds, "Grounds", .multiline(TextInput()), required: true,
                      note: "6.1: the appeal is in writing and sets out the reasons."),
            FormField(.lateReason, "Why it is late", .multiline(TextInput()), required: true,
                      note: "The appeal arrived after the 15 working days: a late appeal needs a recorded reason.", shownWhen: late),
        ], afterwards: nil) { form throws(FormProblem) in
            .lodgeAppeal(subject, received: try form.day(.received), grounds: form.text(.grounds),
                         lateReason: form.optionalText(.lateReason))
        }
    }

    func decideAppealForm(_ appeal: Appeal) -> Form {
        let id = appeal.id
        var context = [
            Line("\(appeal.id) against \(appeal.against ?? "the decision on \(appeal.subject)"), received \(appeal.received); "
                + "outcome due \(appeal.outcomeDue).", .heading),
            Line("Grounds: \(appeal.grounds)")]
        var fields = [
            FormField(.outcome, "Outcome", .choice(Self.enumOptions(Appeal.Outcome.self) { $0.meaning }, selected: 0), required: true),
            Self.dateField(.date, "Decided on", today: today),
            FormField(.reason, "Reasons", .multiline(TextInput()), required: true,
                      note: "They go into the letter to the customer (6.2)."),
        ]
        switch appeal.subject {
        case .case(let caseID):
            if let value = register.cases[caseID] {
                context += standingLines(value)
                let varied: @Sendable (Form) -> Bool = { form in (try? form.choice(.outcome)) == Appeal.Outcome.varied.rawValue }
                fields += Self.variationFields(value, today: today, shownWhen: varied)
            }
        case .registerEntry(let entryID):
            if let entry = register.registerEntries[entryID] { context += entryLines(entry) }
        }
        context.append(Line("6.2: reviewed by a Director who did not take, vary or impose what is appealed.", .muted))
        return Form("Decide appeal \(appeal.id)", context: context, fields: fields, irreversible: true) { form throws(FormProblem) in
            let change = try Self.variation(form)
            return .decideAppeal(id, outcome: Appeal.Outcome(rawValue: try form.choice(.outcome))!, date: try form.day(.date),
                                 reason: form.text(.reason), end: change.end, add: change.add)
        }
    }

    func ombudsmanForm(_ appeal: Appeal) -> Form {
        let id = appeal.id
        return Form("Record a referral of \(appeal.id) to the Ombudsman", context: [
            Line("6.3: after the appeal's outcome the customer may go to the Ombudsman.", .muted)], fields: [
            FormField(.body, "Ombudsman", .choice(Self.enumOptions(OmbudsmanBody.self) { $0.name }, selected: 0), required: true,
                      note: "The Housing Ombudsman deals with housing matters."),
            Self.dateField(.date, "Referred on", today: today),
        ]) { form throws(FormProblem) in
            .referToOmbudsman(id, body: OmbudsmanBody(rawValue: try form.choice(.body))!, date: try form.day(.date))
        }
    }

    func requestReviewForm(_ value: Case) -> Form {
        let id = value.id
        var context = [caseHeading(value)]
        if let status = value.status {
            context.append(Line("5.2.5: status lasts at least six months, until \(status.minimumUntil.british).", .muted))
        }
        return Form("Record a review request on \(value.id)", context: context, fields: [
            Self.dateField(.received, "Received on", today: today),
        ]) { form throws(FormProblem) in
            .requestReview(id, received: try form.day(.received))
        }
    }

    func recordReviewForm(_ subject: ReviewSubject) -> Form {
        var context: [Line] = []
        var fields = [
            FormField(.outcome, "Outcome", .choice(Self.enumOptions(Review.Outcome.self) { $0.meaning }, selected: 0), required: true,
                      note: "Lifting ends the status; varying names what it changes; the customer is told by letter."),
            Self.dateField(.date, "Reviewed on", today: today),
            FormField(.reason, "Reasons", .multiline(TextInput()), required: true),
        ]
        switch subject {
        case .case(let id):
            if let value = register.cases[id] {
                context.append(caseHeading(value))
                context += standingLines(value)
                if let request = value.reviewRequests.first(where: { $0.answered == nil }) {
                    context.append(Line("The customer asked for this review on \(request.received) (5.2.5).", .heading))
                }
                let since = value.status?.decisionDate
                let later = value.contacts.filter { contact in since.map { contact.date >= $0 } ?? false }
                context.append(Line("Contacts since the decision: \(later.count)", .normal))
                for contact in later.suffix(3) {
                    context.append(Line("  \(contact.date) \(contact.channel.rawValue), \(contact.kind.rawValue): \(contact.summary)", .muted))
                }
                let varies: @Sendable (Form) -> Bool = { form in (try? form.choice(.outcome)) == Review.Outcome.vary.rawValue }
                fields += Self.variationFields(value, today: today, shownWhen: varies)
            }
        case .registerEntry(let id):
            if let entry = register.registerEntries[id] { context += entryLines(entry) }
        }
        fields.append(FormField(.deputy, "Why you review it in another's place", .multiline(TextInput()),
                                note: "Only if the one the policy names cannot (conflicted, or left); Casebook records the usual reasons itself.",
                                aliases: [.deputyReason]))
        return Form("Record a review of \(subject)", context: context, fields: fields) { form throws(FormProblem) in
            let change = try Self.variation(form)
            return .recordReview(subject, outcome: Review.Outcome(rawValue: try form.choice(.outcome))!, date: try form.day(.date),
                                 reason: form.text(.reason), end: change.end, add: change.add, deputyReason: form.optionalText(.deputy))
        }
    }
}
