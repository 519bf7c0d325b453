/// 5.2.5 and 5.3.2: reviews of a status or a register entry.
extension Register {
    /// 5.2.5: after three years the status is reviewed by the Head of Service or Director who made the decision.
    public static let statusReviewYears = 3
    /// 5.3.2: register entries are reviewed every year.
    public static let registerReviewYears = 1

    func requestReview(_ id: CaseID, received: Day, _ context: Context) throws(Refusal) -> Outcome {
        let (value, status) = try caseWithStatus(id, for: "review", paragraph: "5.2.5")
        if let open = value.reviewRequests.first(where: { $0.answered == nil }) {
            throw .badInput("A review request received on \(open.received) is still awaiting its review.")
        }
        try businessDate(received, "date received", today: context.today, notBefore: status.decisionDate,
                         stepName: "the decision")
        // 5.2.5: a minimum of six months; after six months the customer may ask for a review.
        guard received >= status.minimumUntil else {
            throw .rule("5.2.5", "Status lasts at least six months from the decision on \(status.decisionDate.british): "
                + "the customer may ask for a review from \(status.minimumUntil.british) (\(status.minimumUntil)).",
                field: "received")
        }
        var warnings: [Warning] = []
        if customerServicesHead == nil {
            warnings.append(Warning("Nobody is marked Head of Service – Customer Services, who reviews the request.",
                                    paragraph: "5.2.5"))
        }
        return Outcome(events: [.reviewRequested(ReviewRequested(caseID: id, received: received))], warnings: warnings)
    }

    func recordReview(_ subject: ReviewSubject, outcome: Review.Outcome, date: Day, reason: String, by actor: StaffMember,
                      _ context: Context) throws(Refusal) -> Outcome {
        switch subject {
        case .case(let id):
            let (value, status) = try caseWithStatus(id, for: "review", paragraph: "5.2.5")
            try requireDecisionMaker(actor, to: "review a status", paragraph: "5.2.5")
            try requireFourEyes(actor, proposer: status.proposedBy, action: "review", paragraph: "5.2.5")
            let request = value.reviewRequests.first { $0.answered == nil }
            if let request {
                // 5.2.5: the customer's request goes to the Head of Service – Customer Services.
                guard actor.isCustomerServicesHead else {
                    let head = customerServicesHead.map { "\($0.name) (\($0.login))" } ?? "nobody is marked as such"
                    throw .rule("5.2.5", "The customer asked for this review, so the Head of Service – Customer Services "
                        + "reviews it: \(head).")
                }
                try businessDate(date, "review date", today: context.today, notBefore: request.received,
                                 stepName: "the request")
            } else {
                // 5.2.5: otherwise the Head of Service or Director who made the decision reviews it.
                let decider = staff[status.decidedBy]
                if decider?.active == true, actor.login != status.decidedBy {
                    throw .rule("5.2.5", "The status is reviewed by \(decider!.name) (\(status.decidedBy)), who made the "
                        + "decision.")
                }
                try businessDate(date, "review date", today: context.today, notBefore: status.decisionDate,
                                 stepName: "the decision")
            }
            if outcome == .lift, date < status.minimumUntil {
                throw .rule("5.2.5", "Status lasts at least six months (until \(status.minimumUntil.british)); before then "
                    + "it can be lifted only through an appeal.", field: "outcome")
            }
        case .registerEntry(let id):
            let entry = try existingEntry(id)
            guard entry.state == .live, let approvedBy = entry.approvedBy, let approvedOn = entry.approvedOn else {
                throw .rule("5.3.2", "Register entry \(id) is \(entry.state.rawValue): only an approved entry is reviewed.")
            }
            // 5.3.2: reviewed by whoever approved it, or a Service Manager or Director in their place.
            guard actor.login == approvedBy || actor.has(.serviceManager) || actor.has(.director) else {
                throw .rule("5.3.2", "A register entry is reviewed by the person who approved it (\(approvedBy)) or a "
                    + "Service Manager or Director in their place; \(actor.name) is neither.")
            }
            try requireFourEyes(actor, proposer: entry.proposedBy, action: "review", paragraph: "5.3.2")
            try businessDate(date, "review date", today: context.today, notBefore: entry.reviews.last?.date ?? approvedOn,
                             stepName: "the approval or last review")
        }
        let reason = try required(reason, "reason", what: "The reasons for the review's outcome")
        return Outcome(events: [.reviewRecorded(ReviewRecorded(subject: subject, outcome: outcome, date: date, reason: reason))])
    }
}
