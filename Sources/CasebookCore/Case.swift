/// One issue a customer pursues, across one or more service areas, and everything recorded on it.
///
/// A case's fields are kept together in one allocation (`Fields`), shared between copies of the
/// case and copied only when a shared case is changed (copy on write), so that a case is a value
/// like any other. The register's dictionary of cases holds one reference a case: growing it moves
/// eight bytes a case, not the 376 of its fields, and a case read out of it is retained, not copied.
public struct Case: Equatable, Sendable, Codable, CustomReflectable {
    /// What a case records, stored together. (Each is described at its accessor below.)
    private struct Fields: Equatable, Sendable, Codable {
        let id: CaseID
        let customer: CustomerID
        let title: String
        let serviceAreas: [ServiceArea]
        let openedBy: Login
        let openedOn: Day
        var contacts: [Contact] = []
        var settled: Settlement?
        var proposals: [Proposal] = []
        var status: AppliedStatus?
        var restrictions: [Restriction] = []
        var letters: [LetterSent] = []
        var notifications: [Notification] = []
        var conferences: [ConferenceID] = []
        var appeals: [AppealID] = []
        var reviewRequests: [ReviewRequest] = []
        var reviews: [Review] = []
        var statutoryAnswers: [StatutoryAnswer] = []
        var notes: [CaseNote] = []
        var reminders: [Reminder] = []
        var files: [EvidenceFile] = []
        var assignments: [Assignment] = []
        var contactCorrections: [ContactCorrection] = []
        var imported: ImportedHistory?
    }

    /// The one allocation a case's fields live in. Changed only through a case that holds it alone
    /// (`makeUnique`), so no two threads, nor two copies, ever see it change under them.
    private final class Storage: @unchecked Sendable {
        // Unchecked: a change goes through `makeUnique` first, so no access can overlap another.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(id: CaseID, customer: CustomerID, title: String, serviceAreas: [ServiceArea], openedBy: Login, openedOn: Day) {
        storage = Storage(Fields(id: id, customer: customer, title: title, serviceAreas: serviceAreas, openedBy: openedBy,
                                 openedOn: openedOn))
    }

    /// Before a change: the fields copied first if another case shares them.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    // Each field is read in place (`_read`), not returned as a copy: asking whether a case has a
    // status must not retain, then release, everything in it.

    public var id: CaseID { _read { yield storage.fields.id } }
    public var customer: CustomerID { _read { yield storage.fields.customer } }
    public var title: String { _read { yield storage.fields.title } }
    public var serviceAreas: [ServiceArea] { _read { yield storage.fields.serviceAreas } }
    public var openedBy: Login { _read { yield storage.fields.openedBy } }
    public var openedOn: Day { _read { yield storage.fields.openedOn } }
    public var contacts: [Contact] {
        _read { yield storage.fields.contacts }
        _modify { makeUnique(); yield &storage.fields.contacts }
    }
    /// 5.2.2: when a decision or complaint on the matter was settled (read-and-file needs it).
    public var settled: Settlement? {
        _read { yield storage.fields.settled }
        _modify { makeUnique(); yield &storage.fields.settled }
    }
    public var proposals: [Proposal] {
        _read { yield storage.fields.proposals }
        _modify { makeUnique(); yield &storage.fields.proposals }
    }
    /// The status in force, or last in force, after a decision to apply the policy.
    public var status: AppliedStatus? {
        _read { yield storage.fields.status }
        _modify { makeUnique(); yield &storage.fields.status }
    }
    public var restrictions: [Restriction] {
        _read { yield storage.fields.restrictions }
        _modify { makeUnique(); yield &storage.fields.restrictions }
    }
    public var letters: [LetterSent] {
        _read { yield storage.fields.letters }
        _modify { makeUnique(); yield &storage.fields.letters }
    }
    public var notifications: [Notification] {
        _read { yield storage.fields.notifications }
        _modify { makeUnique(); yield &storage.fields.notifications }
    }
    public var conferences: [ConferenceID] {
        _read { yield storage.fields.conferences }
        _modify { makeUnique(); yield &storage.fields.conferences }
    }
    public var appeals: [AppealID] {
        _read { yield storage.fields.appeals }
        _modify { makeUnique(); yield &storage.fields.appeals }
    }
    public var reviewRequests: [ReviewRequest] {
        _read { yield storage.fields.reviewRequests }
        _modify { makeUnique(); yield &storage.fields.reviewRequests }
    }
    public var reviews: [Review] {
        _read { yield storage.fields.reviews }
        _modify { makeUnique(); yield &storage.fields.reviews }
    }
    /// 1.2: statutory requests (SAR, FOI) received while restrictions were in force, answered by Information Rights.
    public var statutoryAnswers: [StatutoryAnswer] {
        _read { yield storage.fields.statutoryAnswers }
        _modify { makeUnique(); yield &storage.fields.statutoryAnswers }
    }
    public var notes: [CaseNote] {
        _read { yield storage.fields.notes }
        _modify { makeUnique(); yield &storage.fields.notes }
    }
    public var reminders: [Reminder] {
        _read { yield storage.fields.reminders }
        _modify { makeUnique(); yield &storage.fields.reminders }
    }
    /// Evidence kept in the store (4.1), in the order attached.
    public var files: [EvidenceFile] {
        _read { yield storage.fields.files }
        _modify { makeUnique(); yield &storage.fields.files }
    }
    /// Who has held the case's officer work, latest last.
    public var assignments: [Assignment] {
        _read { yield storage.fields.assignments }
        _modify { makeUnique(); yield &storage.fields.assignments }
    }
    /// Contacts corrected after they were logged, in the order corrected.
    public var contactCorrections: [ContactCorrection] {
        _read { yield storage.fields.contactCorrections }
        _modify { makeUnique(); yield &storage.fields.contactCorrections }
    }
    /// The decision (and last review) brought in from an existing register, when there was one.
    public var imported: ImportedHistory? {
        _read { yield storage.fields.imported }
        _modify { makeUnique(); yield &storage.fields.imported }
    }

    public static func == (lhs: Case, rhs: Case) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Coded as its fields, as before they were kept apart.
    public init(from decoder: any Decoder) throws { storage = Storage(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }

    /// Reflected as its fields (in test failures, `dump`, and the check that RecordCoding writes each one).
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: storage.fields).children, displayStyle: .struct)
    }

    /// The latest proposal, decided or not.
    public var currentProposal: Proposal? { proposals.last }

    /// A proposal awaiting its decision.
    public var pendingProposal: Proposal? {
        guard let last = proposals.last, last.decision == nil else { return nil }
        return last
    }

    /// SAR and FOI contacts received while a restriction was in force that Information Rights has
    /// not yet answered: they are never read-and-filed (1.2, 5.2.1), each has its statutory deadline.
    public var unansweredStatutoryRequests: [Contact] {
        contacts.indices.filter(isUnansweredStatutoryRequest).map { contacts[$0] }
    }

    /// Whether any contact is such a request, without making the list of them (asked of every
    /// case when the queues are worked out).
    public var hasUnansweredStatutoryRequest: Bool { contacts.indices.contains(where: isUnansweredStatutoryRequest) }

    /// Whether the contact at `index` is such a request. Asked by index, its kind first: a contact
    /// is not copied (with every text in it retained) to be asked, for every contact of every case.
    private func isUnansweredStatutoryRequest(_ index: Int) -> Bool {
        guard contacts[index].kind.isStatutoryRequest else { return false }
        let date = contacts[index].date, number = contacts[index].number
        return restrictions.contains { $0.isInForce(on: date) } && !statutoryAnswers.contains { $0.contact == number }
    }

    public var isStatusInForce: Bool { status?.lifted == nil && status != nil }

    public var isHousingMatter: Bool { serviceAreas.contains(where: \.isHousing) }

    public func restrictionsInForce(on day: Day) -> [Restriction] {
        restrictions.filter { $0.isInForce(on: day) }
    }

    /// Restrictions not ended, including those starting later.
    public var activeRestrictions: [Restriction] { restrictions.filter { $0.ended == nil } }

    /// 5.2.1: the highest tier already in force; a case with none counts as tier 0.
    public var highestActiveTier: Int { activeRestrictions.map(\.tier).max() ?? 0 }

    /// 5.2.1: a restriction more than one tier above the highest in force skips a tier, which
    /// needs an escalation reason.
    public func skipsTier(_ type: RestrictionType) -> Bool { type.tier > highestActiveTier + 1 }

    public var isUnderReadAndFile: Bool { activeRestrictions.contains { $0.type == .readAndFile } }

    public func letters(of kind: LetterKind) -> [LetterSent] { letters.filter { $0.kind == kind } }

    /// 5.2.5: "after three years their status will be reviewed by the Head of Service or Director who
    /// made the decision": due three years from the decision, then every three years, whatever
    /// other reviews happen (a review at the customer's request moves nothing). A review recorded from
    /// ninety days before a due date counts as that three-year review.
    public var threeYearReviewDue: Day? {
        guard let status, status.lifted == nil else { return nil }
        // Reviews that answered a customer's request are not the decision-maker's.
        let periodic = reviews.filter { review in !reviewRequests.contains { $0.answered == review.date } }.map(\.date)
        for period in 1...40 {
            let due = status.decisionDate.adding(years: Register.statusReviewYears * period)
            if !periodic.contains(where: { $0 >= due.adding(days: -90) }) { return due }
        }
        return nil
    }

    /// 5.2.3: whether the customer has been written to about the status in force.
    public var decisionLetterSent: Bool {
        guard let status else { return false }
        // An imported decision was the old register's to write; the customer has been told of it.
        if isImportedDecision { return true }
        return letters.contains { $0.kind == .decision && $0.sentOn >= status.decisionDate }
    }

    /// Whether the status in force, or last in force, came in with an import.
    public var isImportedDecision: Bool {
        guard let status, let imported else { return false }
        return imported.proposal == status.proposalNumber
    }

    /// The days restrictions were added or ended as changes of their own after the decision letter.
    public var restrictionChangeDays: [Day] {
        (restrictions.compactMap(\.changedOn) + restrictions.compactMap(\.endChangedOn)).sorted()
    }

    /// The first change of restrictions no restriction letter has yet told the customer of.
    public var unletteredRestrictionChange: Day? {
        let told = letters(of: .restriction).map(\.sentOn).max()
        return restrictionChangeDays.first { day in told.map { day > $0 } ?? true }
    }

    /// The changes a restriction letter sent on `day` tells of: those since the restriction letter before it.
    public func restrictionChanges(toldOn day: Day) -> (added: [Restriction], ended: [Restriction]) {
        let previous = letters(of: .restriction).map(\.sentOn).filter { $0 < day }.max()
        func covered(_ change: Day?) -> Bool {
            guard let change else { return false }
            return change <= day && previous.map { change > $0 } ?? true
        }
        return (restrictions.filter { covered($0.changedOn) }, restrictions.filter { covered($0.endChangedOn) })
    }

    public var stage: CaseStage {
        if let status {
            return status.lifted == nil ? .applied : .lifted
        }
        guard let proposal = currentProposal else { return .open }
        if let decision = proposal.decision { return decision.outcome == .apply ? .applied : .declined }
        return proposal.checksComplete ? .awaitingDecision : .proposed
    }
}

/// Where a case stands, as shown in lists and filtered by `casebook list --status`.
public enum CaseStage: String, CaseIterable, Sendable, Codable {
    /// Contacts only.
    case open
    /// Proposed for classification; checks not all done.
    case proposed
    /// 4.1 checks done; awaiting a Head of Service or Director.
    case awaitingDecision = "awaiting-decision"
    case declined
    /// Status in force.
    case applied
    /// Status lifted by a review or an appeal.
    case lifted
}

/// The status given by a decision to apply the policy (4.2, 5.2.5).
public struct AppliedStatus: Equatable, Sendable, Codable {
    public var categories: Set<Category>
    public var proposalNumber: Int
    public var proposedBy: Login
    public var decidedBy: Login
    /// The decision date: the six-month minimum and the three-year review run from it.
    public var decisionDate: Day
    public var lifted: Day?

    /// 5.2.5: at least six months.
    public var minimumUntil: Day { decisionDate.adding(months: 6) }

    public var isPersistentOrUnreasonable: Bool {
        categories.contains(.persistent) || categories.contains(.unreasonable)
    }

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(categories: Set<Category>, proposalNumber: Int, proposedBy: Login, decidedBy: Login, decisionDate: Day,
                 lifted: Day? = nil) {
        self.categories = categories
        self.proposalNumber = proposalNumber
        self.proposedBy = proposedBy
        self.decidedBy = decidedBy
        self.decisionDate = decisionDate
        self.lifted = lifted
    }
}

public struct Settlement: Equatable, Sendable, Codable {
    public let on: Day
    public let note: String
    public let recordedBy: Login

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(on: Day, note: String, recordedBy: Login) {
        self.on = on
        self.note = note
        self.recordedBy = recordedBy
    }
}

extension AppliedStatus {
    /// Sets are written sorted, so that the same status always gives the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(categories.sorted(), forKey: .categories)
        try container.encode(proposalNumber, forKey: .proposalNumber)
        try container.encode(proposedBy, forKey: .proposedBy)
        try container.encode(decidedBy, forKey: .decidedBy)
        try container.encode(decisionDate, forKey: .decisionDate)
        try container.encodeIfPresent(lifted, forKey: .lifted)
    }
}

/// 1.2: a SAR or FOI request answered under its own law by Information Rights.
public struct StatutoryAnswer: Equatable, Sendable, Codable {
    public let contact: Int
    public let on: Day
    public let note: String
    public let by: Login

    package init(contact: Int, on: Day, note: String, by: Login) {
        self.contact = contact
        self.on = on
        self.note = note
        self.by = by
    }
}
