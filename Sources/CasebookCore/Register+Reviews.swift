/// 5.2.5 and 5.3.2: reviews of a status or a register entry.
extension Register {
    /// 5.2.5: after three years the status is reviewed by the Head of Service or Director who made the decision.
    public static let statusReviewYears = 3
    /// 5.3.2: register entries are reviewed every year.
    public static let registerReviewYears = 1

    func requestReview(_ id: CaseID, received: Day, _ context: Context) throws(Refusal) -> Outcome {
        let (_, status) = try caseWithStatus(id, for: "review", paragraph: "5.2.5")
        try businessDate(received, "date received", field: .received, today: context.today, notBefore: status.decisionDate,
                         stepName: "the decision")
        // 5.2.5: a minimum of six months; after six months the customer may ask for a review.
        guard received >= status.minimumUntil else {
            throw .rule("5.2.5", "Status lasts at least six months from the decision on \(status.decisionDate.british): "
                + "the customer may ask for a review from \(status.minimumUntil.british) (\(status.minimumUntil)).",
                field: .received)
        }
        var warnings: [Warning] = []
        if customerServicesHead == nil {
            warnings.append(Warning("Nobody is marked Head of Service – Customer Services, who reviews the request.",
                                    paragraph: "5.2.5"))
        }
        return Outcome(events: [.reviewRequested(ReviewRequested(caseID: id, received: received))], warnings: warnings)
    }

    func recordReview(_ subject: ReviewSubject, outcome: Review.Outcome, date: Day, reason: String, end: [Int], add: [NewRestriction],
                      deputyReason: String?, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        var deputy = deputyReason.nonBlank
        var events: [Event] = []
        var warnings: [Warning] = []
        var ended: [Int] = [], added: [Int] = []
        switch subject {
        case .case(let id) where cases[id].map({ $0.isStatusInForce && $0.status?.isPersistentOrUnreasonable == false }) == true:
            // 5.1: a complex status ends when its conference closes, or on a Director's review.
            guard actor.has(.director) else {
                throw .rule("5.1", "A complex status is reviewed by a Director; \(actor.name) is not one.")
            }
            guard outcome != .vary else {
                throw .badInput("A complex status carries no restrictions to vary: continue it, or lift it.", field: .outcome)
            }
            let value = try existingCase(id)
            try businessDate(date, "review date", today: context.today, notBefore: value.status?.decisionDate, stepName: "the decision")
            let reason = try required(reason, .reason, what: "The reasons for the review's outcome")
            var events: [Event] = [.reviewRecorded(ReviewRecorded(subject: subject, outcome: outcome, date: date, reason: reason))]
            if outcome == .lift {
                events.append(.complexStatusEnded(ComplexStatusEnded(caseID: id, on: date, reason: "a Director's review: \(reason)")))
            }
            return Outcome(events: events)
        case .case(let id):
            let (value, status) = try caseWithStatus(id, for: "review", paragraph: "5.2.5")
            try requireDecisionMaker(actor, to: "review a status", paragraph: "5.2.5")
            try requireFourEyes(actor, proposer: status.proposedBy, action: "review", paragraph: "5.2.5")
            let request = value.reviewRequests.first { $0.answered == nil }
            if outcome == .lift, date < status.minimumUntil {
                // 5.2.5 binds the customer's request, not the council: a status imposed in error may be
                // lifted before six months, with reasons, by a Head of Service or Director who did not decide it.
                guard actor.login != status.decidedBy else {
                    throw .rule("5.2.5", "Before six months (until \(status.minimumUntil.british)) a status is lifted for an error "
                        + "by a Head of Service or Director who did not decide it; \(actor.name) decided it.", field: .outcome)
                }
                warnings.append(Warning("Lifted before six months: recorded as the correction of an error. The customer is "
                    + "owed a letter saying the status is lifted.", paragraph: "5.2.5"))
                try businessDate(date, "review date", today: context.today, notBefore: status.decisionDate, stepName: "the decision")
            } else if let request {
                // 5.2.5: the customer's request goes to the Head of Service – Customer Services; when they
                // proposed the case (four eyes) or nobody is marked, another Head of Service or Director
                // records it, and the record says why.
                let head = customerServicesHead
                let conflicted = head.map { $0.login == status.proposedBy } ?? true
                if !actor.isCustomerServicesHead {
                    guard conflicted else {
                        throw .rule("5.2.5", "The customer asked for this review, so the Head of Service – Customer Services "
                            + "reviews it: \(head.map { "\($0.name) (\($0.login))" } ?? "").")
                    }
                    deputy = deputy ?? (head.map { "\($0.name), the Head of Service – Customer Services, proposed this case, "
                        + "so may not review it (four eyes)" } ?? "nobody is marked Head of Service – Customer Services")
                }
                try businessDate(date, "review date", today: context.today, notBefore: request.received, stepName: "the request")
            } else {
                // 5.2.5: otherwise the Head of Service or Director who made the decision reviews it; when they
                // have left, another, and the record says so.
                let decider = staff[status.decidedBy]
                if decider?.active == true, actor.login != status.decidedBy {
                    throw .rule("5.2.5", "The status is reviewed by \(decider!.name) (\(status.decidedBy)), who made the "
                        + "decision.")
                }
                if decider?.active != true {
                    deputy = deputy ?? "\(decider?.name ?? status.decidedBy), who made the decision, has left the council"
                }
                try businessDate(date, "review date", today: context.today, notBefore: status.decisionDate,
                                 stepName: "the decision")
            }
            let change = try variation(id, varies: outcome == .vary, end: end, add: add, on: date,
                                       why: "review of \(date.british): \(reason)", paragraph: "5.2.5")
            (events, ended, added) = (change.events, change.ended, change.added)
            warnings += change.warnings
        case .registerEntry(let id):
            let entry = try existingEntry(id)
            guard entry.state == .live, let approvedBy = entry.approvedBy, let approvedOn = entry.approvedOn else {
                throw .rule("5.3.2", "Register entry \(id) is \(entry.state.rawValue): only an approved entry is reviewed.")
            }
            // 5.3.2: reviewed by the Service Manager or Director who approved it; when they have left, a
            // Service Manager or Director of the same service, recorded.
            let approver = staff[approvedBy]
            if approver?.active == true {
                guard actor.login == approvedBy else {
                    throw .rule("5.3.2", "A register entry is reviewed by whoever approved it: \(approver!.name) "
                        + "(\(approvedBy)), who is still in post.")
                }
            } else {
                let area = approver?.serviceArea
                guard actor.has(.serviceManager) || actor.has(.director), area == nil || actor.serviceArea == area else {
                    throw .rule("5.3.2", "\(approver?.name ?? approvedBy), who approved \(id), has left: it is reviewed by a "
                        + "Service Manager or Director" + (area.map { " of \($0.name)" } ?? "") + " in their place; "
                        + "\(actor.name) is not one.")
                }
                deputy = deputy ?? "\(approver?.name ?? approvedBy), who approved the entry, has left the council"
            }
            try requireFourEyes(actor, proposer: entry.proposedBy, action: "review", paragraph: "5.3.2")
            try businessDate(date, "review date", today: context.today, notBefore: entry.reviews.last?.date ?? approvedOn,
                             stepName: "the approval or last review")
            if !end.isEmpty || !add.isEmpty {
                throw .badInput("A register entry's restrictions are its text: amend the entry instead.", field: .end)
            }
        }
        let reason = try required(reason, .reason, what: "The reasons for the review's outcome")
        let recorded = ReviewRecorded(subject: subject, outcome: outcome, date: date, reason: reason,
                                      ended: ended.isEmpty ? nil : ended, added: added.isEmpty ? nil : added, deputyReason: deputy)
        return Outcome(events: [.reviewRecorded(recorded)] + events, warnings: warnings)
    }
}
