/// 6: appeals, their decision and referral to an Ombudsman.
extension Register {
    /// 6.1: fifteen working days to appeal, counted from the decision letter being sent.
    public static let appealWorkingDays = 15
    /// 6.2: the outcome in writing within fifteen working days of receipt.
    public static let appealOutcomeWorkingDays = 15

    /// What an appeal on `subject` is against: who decided, when, and when the customer was told.
    /// On a case it is the latest decision the customer may appeal (6.1): the decision to apply the
    /// policy, or a later change that added restrictions (a decision of its own).
    struct AppealedDecision {
        let decidedBy: Login
        let proposedBy: Login
        let date: Day
        /// In words: "the decision of 2 March 2026", "the restrictions added on 1 April 2026".
        let against: String
        /// Whoever decided or imposed what is appealed: none of them decides the appeal (6.2).
        let involved: Set<Login>
        /// The letter that starts the 15 working days, if it has been sent.
        let letter: LetterSent?
        var letterSent: Day? { letter?.sentOn }
        let isHousingMatter: Bool
    }

    func appealedDecision(_ subject: Appeal.Subject) throws(Refusal) -> AppealedDecision {
        switch subject {
        case .case(let id):
            let (value, status) = try caseWithStatus(id, for: "appeal against", paragraph: "6.1")
            // A later change that added restrictions, written about or not yet: the latest is what is appealed.
            let added = value.restrictions.filter { $0.changedOn != nil }.sorted { $0.changedOn! < $1.changedOn! }
            if let last = added.last, let changed = last.changedOn {
                let letter = value.letters(of: .restriction).filter { $0.sentOn >= changed }.min { $0.sentOn < $1.sentOn }
                let same = added.filter { restriction in
                    letter.map { value.restrictionChanges(toldOn: $0.sentOn).added.contains(restriction) } ?? (restriction.changedOn == changed)
                }
                let first = same.compactMap(\.changedOn).min() ?? changed
                return AppealedDecision(decidedBy: last.recordedBy, proposedBy: status.proposedBy, date: first,
                                        against: "the restrictions added on \(first.british)",
                                        involved: Set(same.map(\.recordedBy)), letter: letter, isHousingMatter: value.isHousingMatter)
            }
            let letter = value.letters(of: .decision).filter { $0.sentOn >= status.decisionDate }.min { $0.sentOn < $1.sentOn }
            let imposed = value.restrictions.filter { $0.changedOn == nil && $0.reason == nil }.map(\.recordedBy)
            return AppealedDecision(decidedBy: status.decidedBy, proposedBy: status.proposedBy, date: status.decisionDate,
                                    against: "the decision of \(status.decisionDate.british)",
                                    involved: Set([status.decidedBy] + imposed), letter: letter, isHousingMatter: value.isHousingMatter)
        case .registerEntry(let id):
            let entry = try existingEntry(id)
            guard entry.state == .live, let approvedBy = entry.approvedBy, let approvedOn = entry.approvedOn else {
                throw .rule("6.1", "Register entry \(id) is \(entry.state.rawValue): only an approved entry can be appealed.")
            }
            let letter = entry.letters.filter { $0.kind == .registerEntry }.min { $0.sentOn < $1.sentOn }
            var housing = true
            if case .person(let customer) = entry.subject {
                housing = (casesByCustomer[customer] ?? []).contains { cases[$0]?.isHousingMatter == true }
            }
            return AppealedDecision(decidedBy: approvedBy, proposedBy: entry.proposedBy, date: approvedOn,
                                    against: "the register entry approved on \(approvedOn.british)", involved: [approvedBy],
                                    letter: letter, isHousingMatter: housing)
        }
    }

    /// 6.1: 15 working days from the letter telling the customer of the decision.
    public static func appealDeadline(letterSent sent: Day, calendar: WorkingDayCalendar) -> Day {
        calendar.adding(workingDays: appealWorkingDays, to: sent)
    }

    /// The last day an appeal against `subject` is in time; nil while the letter is not recorded as
    /// sent (the time has not started) or when there is no decision to appeal.
    public func appealDeadline(for subject: Appeal.Subject, calendar: WorkingDayCalendar) -> Day? {
        guard let decision = try? appealedDecision(subject), let letter = decision.letter else { return nil }
        return letter.appealDeadline(calendar: calendar)
    }

    func lodgeAppeal(_ subject: Appeal.Subject, received: Day, grounds: String, lateReason: String?,
                     _ context: Context) throws(Refusal) -> Outcome {
        let decision = try appealedDecision(subject)
        try businessDate(received, "date received", field: .received, today: context.today, notBefore: decision.date, stepName: "the decision")
        let grounds = try required(grounds, .grounds, what: "The grounds of appeal (6.1: in writing, setting out the reasons)")
        var warnings: [Warning] = []
        var deadline: Day?
        if let letter = decision.letter {
            let sent = letter.sentOn
            let last = letter.appealDeadline(calendar: context.calendar)
            deadline = last
            warnings += context.calendar.warnings(from: sent, to: last)
            if received > last, lateReason.nonBlank == nil {
                throw .rule("6.1", "The appeal is late: the letter was sent on \(sent.british) and the time to appeal it "
                    + "gave ended on \(last.british). A late appeal is accepted only with a recorded reason (--late-reason).",
                    field: .lateReason)
            }
        } else {
            warnings.append(Warning("The letter telling the customer of the decision is not recorded as sent, so the 15 "
                + "working days have not started; the appeal is in time.", paragraph: "6.1"))
        }
        if customerServicesHead == nil {
            warnings.append(Warning("Nobody is marked Head of Service – Customer Services, to whom appeals are "
                + "addressed.", paragraph: "6.1"))
        }
        let outcomeDue = context.calendar.adding(workingDays: Register.appealOutcomeWorkingDays, to: received)
        warnings += context.calendar.warnings(from: received, to: outcomeDue)
        let id = nextAppealID
        let late = deadline.map { received > $0 } ?? false
        let event = AppealLodged(id: id, subject: subject, received: received, grounds: grounds, deadline: deadline,
                                 lateReason: late ? lateReason.nonBlank : nil, outcomeDue: outcomeDue, against: decision.against)
        return Outcome(events: [.appealLodged(event)], warnings: warnings, created: id.description)
    }

    func decideAppeal(_ id: AppealID, outcome: Appeal.Outcome, date: Day, reason: String, end: [Int], add: [NewRestriction],
                      by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let appeal = try existingAppeal(id)
        let decided = try appealedDecision(appeal.subject)
        try businessDate(date, "date decided", today: context.today, notBefore: appeal.received, stepName: "the appeal's receipt")
        let reason = try required(reason, .reason, what: "The reasons for the outcome")
        var warnings: [Warning] = []
        if date > appeal.outcomeDue {
            warnings.append(Warning("The outcome was due by \(appeal.outcomeDue.british); it is late.", paragraph: "6.2"))
        }
        // 6.2: "the relevant Director": suggested by the case's services; another may decide, with a word.
        if case .case(let caseID) = appeal.subject, let value = cases[caseID] {
            let relevant = suggestedDirectors(for: value, excluding: decided.involved)
            if !relevant.isEmpty, !relevant.contains(where: { $0.login == actor.login }) {
                warnings.append(Warning("The relevant Director for \(value.serviceAreas.map(\.name).joined(separator: ", ")) is "
                    + relevant.map { "\($0.name) (\($0.login))" }.joined(separator: " or ") + "; record why another Director "
                    + "decided in the reasons.", paragraph: "6.2"))
            }
        }
        var events: [Event] = []
        var ended: [Int] = [], added: [Int] = []
        if case .case(let caseID) = appeal.subject {
            let change = try variation(caseID, varies: outcome == .varied, end: end, add: add, on: date,
                                       why: "appeal \(id): \(reason)", paragraph: "6.2")
            (events, ended, added) = (change.events, change.ended, change.added)
            warnings += change.warnings
        } else if !end.isEmpty || !add.isEmpty {
            throw .badInput("An appeal on a register entry changes no case restrictions; say in the reasons what is amended.",
                            field: .end)
        }
        let decidedEvent = AppealDecided(id: id, outcome: outcome, date: date, reason: reason,
                                         ended: ended.isEmpty ? nil : ended, added: added.isEmpty ? nil : added)
        return Outcome(events: [.appealDecided(decidedEvent)] + events, warnings: warnings)
    }

    func referToOmbudsman(_ id: AppealID, body: OmbudsmanBody, date: Day, _ context: Context) throws(Refusal) -> Outcome {
        let appeal = try existingAppeal(id)
        let decision = appeal.decision!
        let housing: Bool
        switch appeal.subject {
        case .case(let caseID): housing = cases[caseID]?.isHousingMatter ?? false
        case .registerEntry: housing = (try? appealedDecision(appeal.subject))?.isHousingMatter ?? true
        }
        if body == .housing, !housing {
            throw .rule("6.3", "The Housing Ombudsman deals with housing matters, and this is not one: record a referral "
                + "to the Local Government and Social Care Ombudsman (lgsco).", field: .body)
        }
        try businessDate(date, "referral date", today: context.today, notBefore: decision.date, stepName: "the appeal outcome")
        var warnings: [Warning] = []
        if body == .lgsco, housing {
            warnings.append(Warning("This is a housing matter: the customer may go to the Housing Ombudsman instead.",
                                    paragraph: "6.3"))
        }
        return Outcome(events: [.ombudsmanReferred(OmbudsmanReferred(id: id, body: body, date: date))], warnings: warnings)
    }
}
