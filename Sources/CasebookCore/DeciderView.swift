/// What a case puts before decision-makers: a proposal awaiting decision (4.2) and the reviews
/// of a persistent or unreasonable status in force (5.2.5). The register keeps one for each case
/// that has either, as the case changes, so that a Head of Service's or a Director's queue reads
/// these few fields instead of whole cases (reading a case copies all of it).
package struct DeciderView: Equatable, Sendable, Codable {
    package struct Pending: Equatable, Sendable, Codable {
        package var proposedOn: Day
        package var proposedBy: Login
        package var categories: Set<Category>
        package var outstandingChecks: UInt8

        package init(proposedOn: Day, proposedBy: Login, categories: Set<Category>, outstandingChecks: UInt8) {
            (self.proposedOn, self.proposedBy, self.categories, self.outstandingChecks) = (proposedOn, proposedBy, categories, outstandingChecks)
        }
    }

    package struct StatusInForce: Equatable, Sendable, Codable {
        package var decidedBy: Login
        package var proposedBy: Login
        package var decisionDate: Day
        /// 5.2.5: when the decision-maker's next three-year review is due.
        package var threeYearReview: Day
        // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
        /// When the first review request not yet answered was received.
        package var unansweredRequest: Optional<Day>

        package init(decidedBy: Login, proposedBy: Login, decisionDate: Day, threeYearReview: Day, unansweredRequest: Day?) {
            (self.decidedBy, self.proposedBy, self.decisionDate) = (decidedBy, proposedBy, decisionDate)
            (self.threeYearReview, self.unansweredRequest) = (threeYearReview, unansweredRequest)
        }
    }

    package var id: CaseID
    package var customer: CustomerID
    package var pending: Optional<Pending>
    package var status: Optional<StatusInForce>
    /// 5.1.1: a complex status applied (on this day) with no conference called since: the relevant Director calls one.
    package var conferenceToCall: Optional<Day>

    /// A view as a snapshot kept it.
    package init(id: CaseID, customer: CustomerID, pending: Pending?, status: StatusInForce?, conferenceToCall: Day?) {
        (self.id, self.customer, self.pending, self.status, self.conferenceToCall) = (id, customer, pending, status, conferenceToCall)
    }

    /// nil when the case waits on no decision-maker.
    package init?(_ value: borrowing Case) {
        let last = value.proposals.count - 1
        var pending: Pending?
        if last >= 0, value.proposals[last].decision == nil {
            pending = Pending(proposedOn: value.proposals[last].proposedOn, proposedBy: value.proposals[last].proposedBy,
                              categories: value.proposals[last].categories,
                              outstandingChecks: UInt8(value.proposals[last].outstandingCheckCount))
        }
        // 5.2.5: reviews concern persistent or unreasonable status (complex cases close through their conference).
        var inForce: StatusInForce?
        if let status = value.status, status.lifted == nil, status.isPersistentOrUnreasonable {
            inForce = StatusInForce(decidedBy: status.decidedBy, proposedBy: status.proposedBy, decisionDate: status.decisionDate,
                                    threeYearReview: value.threeYearReviewDue ?? status.decisionDate,
                                    unansweredRequest: value.reviewRequests.first(where: { $0.answered == nil })?.received)
        }
        var conferenceToCall: Day?
        if let status = value.status, status.lifted == nil, status.categories.contains(.complex), value.conferences.isEmpty {
            conferenceToCall = status.decisionDate
        }
        if pending == nil && inForce == nil && conferenceToCall == nil { return nil }
        self.init(id: value.id, customer: value.customer, pending: pending, status: inForce, conferenceToCall: conferenceToCall)
    }
}

/// What the queues keep of some cases, worked out where the cases are read (a snapshot's pieces,
/// on several cores) and handed to `Register(parts:customers:cases:indexes:)`.
package struct QueueIndexes: Sendable {
    var waiting: [CaseID] = []
    var views: [(id: CaseID, view: DeciderView)] = []
    var reminding: [CaseID] = []
    /// Views already keyed where they were read (a snapshot's index, on a core of its own), and
    /// the names of their customers when the customers are not read: the register takes them as
    /// they are instead of keying them again.
    var keyedViews: [CaseID: DeciderView] = [:]
    var names: [CustomerID: String] = [:]

    package init() {}

    /// Views and their customers' names already keyed.
    package init(views: consuming [CaseID: DeciderView], names: consuming [CustomerID: String]) {
        keyedViews = views
        self.names = names
    }

    package mutating func note(_ value: borrowing Case) {
        if value.mayBeWaiting { waiting.append(value.id) }
        if value.hasOpenReminder { reminding.append(value.id) }
        if let view = DeciderView(value) { views.append((value.id, view)) }
    }
}
