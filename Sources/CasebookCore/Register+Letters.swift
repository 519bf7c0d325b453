/// A letter the policy requires, owed from a step onwards.
public struct LetterObligation: Equatable, Sendable {
    public let subject: LetterSubject
    public let kind: LetterKind
    /// The step the letter reports; it cannot be sent before it.
    public let since: Day
    public let due: Day
    public let sent: Bool
}

extension Register {
    /// Letters the policy requires for one subject: the decision (5.2.3), lifting (5.2.5), a review's
    /// outcome (5.2.5), a register entry unless a reason not to tell was recorded (5.3), an appeal's
    /// outcome within 15 working days of receipt (6.2).
    public func letterObligations(for subject: LetterSubject, calendar: WorkingDayCalendar,
                                  timescales: ProcedureTimescales = .standard) -> [LetterObligation] {
        func owed(_ kind: LetterKind, since: Day, due: Day? = nil, letters: [LetterSent]) -> LetterObligation {
            Self.obligation(subject, kind, since: since, due: due, letters: letters, calendar: calendar, timescales: timescales)
        }
        var result: [LetterObligation] = []
        switch subject {
        case .case(let id):
            guard let value = cases[id] else { return [] }
            return letterObligations(of: value, calendar: calendar, timescales: timescales)
        case .registerEntry(let id):
            guard let entry = registerEntries[id], let approved = entry.approvedOn, entry.notToldReason == nil,
                  case .person = entry.subject else { return [] }
            // An imported entry's letter was the old register's to send, unless it has been amended since.
            if entry.imported == nil || !entry.versions.isEmpty {
                result.append(owed(.registerEntry, since: approved, letters: entry.letters))
            }
            if let review = entry.reviews.last, review.outcome != .lift, entry.reviews.count > (entry.imported?.reviews ?? 0) {
                result.append(owed(.reviewOutcome, since: review.date, letters: entry.letters))
            }
            if let removed = entry.removedOn, entry.reviews.last?.outcome == .lift {
                result.append(owed(.lifted, since: removed, letters: entry.letters))
            }
        case .appeal(let id):
            guard let appeal = appeals[id], let decision = appeal.decision else { return [] }
            // 6.2: the outcome in writing within 15 working days of receipt.
            result.append(owed(.appealOutcome, since: decision.date, due: appeal.outcomeDue, letters: appeal.letters))
        }
        return result
    }

    /// A case's letters, for a case already in hand (the queue goes through every case).
    func letterObligations(of value: Case, calendar: WorkingDayCalendar, timescales: ProcedureTimescales = .standard)
        -> [LetterObligation] {
        guard let status = value.status else { return [] }
        func owed(_ kind: LetterKind, since: Day) -> LetterObligation {
            Self.obligation(.case(value.id), kind, since: since, due: nil, letters: value.letters, calendar: calendar,
                            timescales: timescales)
        }
        var result: [LetterObligation] = []
        // 5.2.3 (and, informing the customer, 5.1): the decision is written to them; a complex status
        // too, though it brings no restrictions, appeal or review.
        // An imported decision's letter, and its last review's, were the old register's to send.
        if !value.isImportedDecision { result.append(owed(.decision, since: status.decisionDate)) }
        if let review = value.reviews.last, review.outcome != .lift, review.date >= status.decisionDate,
           value.reviews.count > (value.imported?.reviews ?? 0) {
            result.append(owed(.reviewOutcome, since: review.date))
        }
        if let lifted = status.lifted, !liftedByAppeal(value, on: lifted) {
            result.append(owed(.lifted, since: lifted))
        }
        // 5.2.3, 6.1: every change of restrictions after the decision letter is written about: owed
        // from the first change no restriction letter has covered yet.
        if status.lifted == nil, let since = value.unletteredRestrictionChange {
            result.append(owed(.restriction, since: since))
        }
        return result
    }

    /// A letter owed since `since`: due within the letters' working days unless `due` says, and
    /// sent if one of its kind was sent since.
    static func obligation(_ subject: LetterSubject, _ kind: LetterKind, since: Day, due: Day?, letters: [LetterSent],
                           calendar: WorkingDayCalendar, timescales: ProcedureTimescales) -> LetterObligation {
        LetterObligation(subject: subject, kind: kind, since: since,
                         due: due ?? calendar.adding(workingDays: timescales.letterWorkingDays, to: since),
                         sent: letters.contains { $0.kind == kind && $0.sentOn >= since })
    }

    private func liftedByAppeal(_ value: Case, on day: Day) -> Bool {
        value.appeals.contains { appeals[$0]?.decision.map { $0.outcome == .overturned && $0.date == day } ?? false }
    }

    func recordLetterSent(_ subject: LetterSubject, kind: LetterKind, sentOn: Day, copy: LetterCopy?,
                          _ context: Context) throws(Refusal) -> Outcome {
        switch subject {
        case .case(let id): _ = try existingCase(id)
        case .registerEntry(let id): _ = try existingEntry(id)
        case .appeal(let id): _ = try existingAppeal(id)
        }
        let since: Day?
        switch (subject, kind) {
        case (.case, .warning):
            // The Ombudsmen recommend a warning before any decision; it may be sent at any time.
            since = nil
        case (.appeal(let id), .appealAcknowledgement):
            since = appeals[id]!.received
        default:
            let obligations = letterObligations(for: subject, calendar: context.calendar).filter { $0.kind == kind }
            guard let obligation = obligations.first else {
                throw .badInput("No \(kind.title) is owed on \(subject): \(Register.whenOwed(kind)).", field: .kind)
            }
            guard !obligation.sent else {
                throw .badInput("The \(kind.title) on \(subject) has already been recorded as sent.", field: .kind)
            }
            since = obligation.since
        }
        try businessDate(sentOn, "date sent", field: .sent, today: context.today, notBefore: since, stepName: "the step it reports")
        if let copy, sentOn < copy.dated {
            throw .badInput("The letter is dated \(copy.dated.british); it cannot have been sent on \(sentOn.british), before "
                + "that. Record the day it was sent, or produce the letter again dated that day.", field: .sent)
        }
        return Outcome(events: [.letterSent(LetterRecorded(subject: subject, kind: kind, sentOn: sentOn, copy: copy))])
    }

    package static func whenOwed(_ kind: LetterKind) -> String {
        switch kind {
        case .warning: "a warning letter is sent on a case"
        case .decision: "a decision letter follows a decision to apply persistent or unreasonable status (5.2.3)"
        case .lifted: "a lifting letter follows a review that lifts status or removes an entry (5.2.5)"
        case .registerEntry: "a register entry letter follows the approval of an entry on a person, unless a reason not to tell them was recorded (5.3)"
        case .appealAcknowledgement: "an acknowledgement is sent on an appeal (APL-...)"
        case .appealOutcome: "an appeal outcome letter follows the appeal's decision (6.2)"
        case .reviewOutcome: "a review outcome letter follows a review that continues or varies (5.2.5)"
        case .restriction: "a restriction letter follows a restriction added or ended after the decision letter (5.2.3, 6.1)"
        }
    }
}
