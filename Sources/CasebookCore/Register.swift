import Foundation
import Synchronization

/// The register's state: the fold of every event recorded so far.
///
/// `apply` never fails: an event is a fact already validated by `execute`. Ids are given out in
/// sequence per kind and never reused.
public struct Register: Equatable, Sendable, Codable {
    public private(set) var name: String?
    public private(set) var staff: [Login: StaffMember] = [:]
    public private(set) var customers: [CustomerID: Customer] = [:]
    public private(set) var cases: [CaseID: Case] = [:]
    public private(set) var registerEntries: [RegisterEntryID: RegisterEntry] = [:]
    public private(set) var appeals: [AppealID: Appeal] = [:]
    public private(set) var conferences: [ConferenceID: CaseConference] = [:]
    /// Every service area named so far, by staff or cases.
    public private(set) var serviceAreas: Set<ServiceArea> = []
    /// Cases per customer, in the order they were opened.
    public private(set) var casesByCustomer: [CustomerID: [CaseID]] = [:]
    public private(set) var eventCount = 0
    /// Every file brought in with `casebook import`, in order.
    public private(set) var imports: [ImportRecord] = []
    /// The cases that may put a row in a queue (`Case.mayBeWaiting`), kept as cases change: a
    /// queue looks at these alone, not at every case ever opened.
    package private(set) var casesMayBeWaiting: Set<CaseID> = []
    /// What the cases put before decision-makers (`DeciderView`), kept as cases change: the queue
    /// of someone who is not an officer reads these alone.
    package private(set) var deciderViews: [CaseID: DeciderView] = [:]
    /// The cases with a reminder not yet closed, kept as cases change: the queue of someone who is
    /// not an officer reads their own reminders from these.
    package private(set) var casesWithOpenReminders: Set<CaseID> = []
    /// Who a new customer may already be (`DuplicateIndex`), when this register keeps it.
    private(set) var duplicates = NotRecorded<DuplicateIndex>()
    /// The names of customers this register does not hold whose cases' views it does (a
    /// decision-maker's queue read alone): for the rows those views make, and nothing else.
    private(set) var namesBesideViews = NotRecorded<[CustomerID: String]>()
    /// The cases changed while what is derived from them is put off (`putOffDerivedViews`); nil when nothing is.
    private var putOff = NotRecorded<PutOffCases>()

    public init() {}

    /// From now on, look up possible duplicates of a new customer rather than compare them with
    /// every customer: for a register about to take many customers in one go.
    public mutating func indexCustomersForDuplicates() {
        if duplicates.value == nil { duplicates.value = DuplicateIndex(customers.values) }
    }

    /// Folds `events` into an empty register.
    public init<S: Sequence>(replaying events: S) where S.Element == (actor: Login, event: Event) {
        for (actor, event) in events { apply(event, by: actor) }
    }

    public var isInitialised: Bool { name != nil }

    /// The customer whose name or address `event` may change.
    private static func customerRenamed(by event: Event) -> CustomerID? {
        switch event {
        case .customerAdded(let e): e.id
        case .customerUpdated(let e): e.id
        default: nil
        }
    }

    /// The name a row or a listing shows for a customer: theirs, else the one kept beside their
    /// cases' views when the register was read without them, else their id.
    package func name(of customer: CustomerID) -> String {
        customers[customer]?.name ?? namesBesideViews.value?[customer] ?? customer.description
    }

    var nextCustomerID: CustomerID { CustomerID(number: customers.count + 1) }
    var nextCaseID: CaseID { CaseID(number: cases.count + 1) }
    var nextRegisterEntryID: RegisterEntryID { RegisterEntryID(number: registerEntries.count + 1) }
    var nextAppealID: AppealID { AppealID(number: appeals.count + 1) }
    var nextConferenceID: ConferenceID { ConferenceID(number: conferences.count + 1) }

    /// The Head of Service – Customer Services (5.2.5, 6.1), if one is marked and still here.
    public var customerServicesHead: StaffMember? {
        staff.values.first { $0.isCustomerServicesHead && $0.active }
    }

    public func customer(of caseID: CaseID) -> Customer? { cases[caseID].flatMap { customers[$0.customer] } }

    /// The event is used up here: what it holds is moved into the records (a replay applies a
    /// million, and a copy of each retained every text in it, released again when it was let go).
    public mutating func apply(_ event: consuming Event, by actor: Login) {
        eventCount += 1
        // The duplicate index, kept: the customer as they were leaves it, as `apply` leaves them joins it.
        let renamed = duplicates.value == nil ? nil : Self.customerRenamed(by: event)
        if let renamed, let was = customers[renamed] { duplicates.value?.remove(was) }
        defer { if let renamed, let now = customers[renamed] { duplicates.value?.add(now) } }
        switch consume event {
        case .registerInitialised(let e):
            name = e.name
            staff[e.admin] = StaffMember(login: e.admin, name: e.name, roles: [.admin])
        case .staffAdded(let e):
            if e.customerServicesHead {
                for login in staff.keys { staff[login]?.isCustomerServicesHead = false }
            }
            staff[e.login] = StaffMember(login: e.login, name: e.name, roles: Set(e.roles), serviceArea: e.serviceArea,
                                         isCustomerServicesHead: e.customerServicesHead)
            if let area = e.serviceArea { serviceAreas.insert(area) }
        case .staffLeft(let e):
            staff[e.login]?.active = false
            staff[e.login]?.isCustomerServicesHead = false
        case .customerAdded(let e):
            customers[e.id] = Customer(id: e.id, name: e.name, addresses: e.address.map { [$0] } ?? [],
                                       email: e.email, phone: e.phone, adjustments: e.adjustments)
        case .noteAdded(let e):
            updateCase(e.caseID) { $0.notes.append(CaseNote(number: e.number, on: e.on, by: actor, text: e.text)) }
        case .reminderSet(let e):
            updateCase(e.caseID) { $0.reminders.append(Reminder(number: e.number, due: e.due, by: actor, text: e.text)) }
        case .reminderClosed(let e):
            updateCase(e.caseID) { value in
                guard value.reminders.indices.contains(e.number - 1) else { return }
                value.reminders[e.number - 1].closed = e.outcome
                value.reminders[e.number - 1].closedOn = e.on
            }
        case .caseAssigned(let e):
            updateCase(e.caseID) { $0.assignments.append(Assignment(to: e.to, by: actor, on: e.on, reason: e.reason)) }
        case .contactCorrected(let e):
            applyCorrection(e, by: actor)
        case .fileAttached(let e):
            let file = EvidenceFile(sha256: e.sha256, name: e.name, size: e.size, type: e.type, description: e.description,
                                    contact: e.contact, by: actor, on: e.on)
            switch e.subject {
            case .case(let id): updateCase(id) { $0.files.append(file) }
            case .registerEntry(let id): registerEntries[id]?.files.append(file)
            }
        case .fileRetrieved:
            break
        case .statusImported(let e):
            updateCase(e.caseID) { c in
                let number = c.proposals.count + 1
                var proposal = Proposal(number: number, categories: Set(e.categories), behaviours: [], reason: e.reason,
                                        proposedBy: e.proposedBy, proposedOn: e.decidedOn)
                proposal.decision = Decision(outcome: .apply, decidedBy: e.decidedBy, consulted: e.proposedBy, date: e.decidedOn,
                                             reason: e.reason, recordedOn: e.source.on)
                c.proposals.append(proposal)
                c.status = AppliedStatus(categories: Set(e.categories), proposalNumber: number, proposedBy: e.proposedBy,
                                         decidedBy: e.decidedBy, decisionDate: e.decidedOn)
                if let reviewed = e.lastReviewedOn {
                    c.reviews.append(Review(outcome: .continue, reviewedBy: e.decidedBy, date: reviewed, reason: Self.importedReviewReason))
                }
                c.imported = ImportedHistory(source: e.source, proposal: number, reviews: c.reviews.count)
            }
        case .registerEntryImported(let e):
            guard var entry = registerEntries[e.id] else { break }
            registerEntries[e.id] = nil
            entry.proposedBy = e.proposedBy
            entry.proposedOn = e.approvedOn
            entry.state = .live
            entry.approvedBy = e.approvedBy
            entry.approvedOn = e.approvedOn
            entry.notToldReason = e.notToldReason
            if let reviewed = e.lastReviewedOn {
                entry.reviews.append(Review(outcome: .continue, reviewedBy: e.approvedBy, date: reviewed, reason: Self.importedReviewReason))
            }
            entry.imported = ImportedHistory(source: e.source, proposal: 0, reviews: entry.reviews.count)
            registerEntries[e.id] = entry
        case .registerImported(let e):
            imports.append(ImportRecord(file: e.file, sha256: e.sha256, kind: e.kind, rows: e.rows, by: actor, on: e.on))
        case .subjectAccessAnswered(let e):
            customers[e.customer]?.subjectAccess.append(SubjectAccessRecord(on: e.on, by: actor, withheld: e.withheld,
                                                                            thirdPartiesRedacted: e.thirdPartiesRedacted))
        case .customerUpdated(let e):
            guard var customer = customers[e.id] else { break }
            let was = customer
            customer.name = e.name
            customer.addresses = e.address.map { [$0] + was.addresses.dropFirst() } ?? Array(was.addresses.dropFirst())
            customer.email = e.email
            customer.phone = e.phone
            customer.adjustments = e.adjustments
            let values: [String: (String?, String?)] = [
                "name": (was.name, customer.name), "address": (was.addresses.first?.description, customer.addresses.first?.description),
                "email": (was.email, customer.email), "phone": (was.phone, customer.phone),
                "adjustments": (was.adjustments, customer.adjustments)]
            for field in e.changed {
                guard let (old, new) = values[field] else { continue }
                customer.corrections.append(CustomerCorrection(field: field, was: old, now: new, reason: e.reason, on: e.on, by: actor))
            }
            customers[e.id] = customer
        case .staffUpdated(let e):
            if e.customerServicesHead {
                for login in staff.keys where login != e.login { staff[login]?.isCustomerServicesHead = false }
            }
            staff[e.login]?.roles = Set(e.roles)
            staff[e.login]?.serviceArea = e.serviceArea
            staff[e.login]?.isCustomerServicesHead = e.customerServicesHead
            if let area = e.serviceArea { serviceAreas.insert(area) }
        case .caseOpened(let e):
            cases[e.id] = Case(id: e.id, customer: e.customer, title: e.title, serviceAreas: e.serviceAreas,
                               openedBy: actor, openedOn: e.on)
            casesByCustomer[e.customer, default: []].append(e.id)
            serviceAreas.formUnion(e.serviceAreas)
        case .contactLogged(let e):
            updateCase(e.caseID) { c in
                c.contacts.append(Contact(number: e.number, date: e.date, channel: e.channel, kind: e.kind, officer: actor,
                                          summary: e.summary, behaviours: e.behaviours,
                                          significantNewInformation: e.significantNewInformation,
                                          underReadAndFile: e.underReadAndFile))
                // 4.1: significant new information re-opens the fourth check of a pending proposal.
                if e.significantNewInformation, let index = c.proposals.indices.last, c.proposals[index].decision == nil,
                   c.proposals[index].checks[.noNewInformation] != nil {
                    c.proposals[index].checks[.noNewInformation]?.reopenedByContact = e.number
                }
            }
        case .statutoryRequestAnswered(let e):
            updateCase(e.caseID) { $0.statutoryAnswers.append(StatutoryAnswer(contact: e.contact, on: e.on, note: e.note, by: actor)) }
        case .filedContactConfirmed(let e):
            updateCase(e.caseID) { c in
                if let index = c.contactIndex(e.contact) { c.contacts[index].filedConfirmation = FiledConfirmation(by: actor, on: e.on) }
            }
        case .matterSettled(let e):
            updateCase(e.caseID) { $0.settled = Settlement(on: e.on, note: e.note, recordedBy: actor) }
        case .classificationProposed(let e):
            updateCase(e.caseID) { c in
                c.proposals.append(Proposal(number: e.number, categories: Set(e.categories), behaviours: e.behaviours,
                                            reason: e.reason, proposedBy: actor, proposedOn: e.on))
            }
        case .checkConfirmed(let e):
            updateCase(e.caseID) { c in
                c.proposals[c.proposals.count - 1].checks[e.item] =
                    PreDecisionCheck(item: e.item, evidence: e.evidence, confirmedBy: actor, confirmedOn: e.on)
            }
        case .decisionRecorded(let e):
            updateCase(e.caseID) { c in
                let index = c.proposals.count - 1
                c.proposals[index].decision = Decision(outcome: e.outcome, decidedBy: actor, consulted: e.consulted,
                                                       date: e.date, reason: e.reason, recordedOn: e.on,
                                                       adjustmentsConsidered: e.adjustmentsConsidered)
                guard e.outcome == .apply else { return }
                let proposal = c.proposals[index]
                let carried = c.isStatusInForce ? c.status!.categories : []
                c.status = AppliedStatus(categories: carried.union(proposal.categories), proposalNumber: proposal.number,
                                         proposedBy: proposal.proposedBy, decidedBy: actor, decisionDate: e.date)
            }
        case .restrictionAdded(let e):
            updateCase(e.caseID) { c in
                c.restrictions.append(Restriction(number: e.number, type: e.type, details: e.details, from: e.from,
                                                  escalationReason: e.escalationReason, statutoryBasis: e.statutoryBasis,
                                                  recordedBy: actor, reason: e.reason,
                                                  changedOn: e.laterChange == true ? e.recordedOn ?? e.from : nil,
                                                  adjustmentReason: e.adjustmentReason))
            }
        case .restrictionEnded(let e):
            updateCase(e.caseID) { c in
                c.restrictions[e.number - 1].ended = e.on
                c.restrictions[e.number - 1].endReason = e.reason
                c.restrictions[e.number - 1].endedBy = actor
                if e.laterChange == true { c.restrictions[e.number - 1].endChangedOn = e.recordedOn ?? e.on }
            }
        case .letterSent(let e):
            let letter = LetterSent(kind: e.kind, sentOn: e.sentOn, recordedBy: actor, copy: e.copy)
            switch e.subject {
            case .case(let id): updateCase(id) { $0.letters.append(letter) }
            case .registerEntry(let id): registerEntries[id]?.letters.append(letter)
            case .appeal(let id): appeals[id]?.letters.append(letter)
            }
        case .staffNotified(let e):
            updateCase(e.caseID) { $0.notifications.append(Notification(recipients: e.recipients, by: actor, on: e.on)) }
        case .conferenceCalled(let e):
            // An earlier release made the summary when the conference was called: it met then.
            conferences[e.id] = CaseConference(id: e.id, caseID: e.caseID, date: e.date, chair: e.chair, calledBy: actor,
                                               invitees: e.invitees, summary: e.summary,
                                               missingInvitees: e.missingInvitees, actions: [],
                                               met: e.summary.isEmpty ? nil : e.date)
            updateCase(e.caseID) { $0.conferences.append(e.id) }
        case .conferenceMet(let e):
            conferences[e.id]?.met = e.date
            conferences[e.id]?.summary = e.summary
            if let caseID = conferences[e.id]?.caseID { updateCase(caseID) { _ in } }
        case .complexStatusEnded(let e):
            updateCase(e.caseID) { c in
                guard var status = c.status else { return }
                status.categories.remove(.complex)
                if status.categories.isEmpty {
                    status.categories = [.complex]
                    status.lifted = e.on
                    for index in c.restrictions.indices where c.restrictions[index].ended == nil {
                        c.restrictions[index].ended = e.on
                        c.restrictions[index].endReason = e.reason
                    }
                }
                c.status = status
            }
        case .conferenceActionAgreed(let e):
            conferences[e.conference]?.actions.append(
                ConferenceAction(number: e.number, owner: e.owner, due: e.due, text: e.text))
        case .conferenceActionDone(let e):
            conferences[e.conference]?.actions[e.number - 1].done = e.date
        case .registerEntryProposed(let e):
            registerEntries[e.id] = RegisterEntry(id: e.id, subject: e.subject, facts: e.facts, communication: e.communication,
                                                  restrictions: e.restrictions, proposedBy: actor, proposedOn: e.on,
                                                  state: .pending, reviews: [], letters: [], views: [])
        case .registerEntryAmended(let e):
            registerEntries[e.id]?.amendment = EntryAmendment(facts: e.facts, communication: e.communication,
                                                              restrictions: e.restrictions, reason: e.reason, by: actor, on: e.on)
        case .registerEntryApproved(let e):
            let amended = registerEntries[e.id]?.amendment != nil
            let keptReason = registerEntries[e.id]?.notToldReason
            if var entry = registerEntries[e.id], let amendment = entry.amendment {
                // The approved version is kept; the amendment becomes the entry.
                entry.versions.append(EntryAmendment(facts: entry.facts, communication: entry.communication,
                                                     restrictions: entry.restrictions, reason: "replaced on \(e.date)",
                                                     by: entry.approvedBy ?? entry.proposedBy, on: entry.approvedOn ?? entry.proposedOn))
                entry.facts = amendment.facts
                entry.communication = amendment.communication
                entry.restrictions = amendment.restrictions
                entry.amendment = nil
                registerEntries[e.id] = entry
            }
            registerEntries[e.id]?.state = .live
            registerEntries[e.id]?.approvedBy = actor
            registerEntries[e.id]?.approvedOn = e.date
            registerEntries[e.id]?.notToldReason = amended ? (e.notToldReason ?? keptReason) : e.notToldReason
        case .registerEntryDeclined(let e):
            if registerEntries[e.id]?.amendment != nil {
                registerEntries[e.id]?.amendment = nil  // the amendment declined; the entry stands as it was
                break
            }
            registerEntries[e.id]?.state = .declined
            registerEntries[e.id]?.declineReason = e.reason
        case .registerEntryViewed(let e):
            registerEntries[e.id]?.views.append(RegisterView(by: actor, on: e.on))
        case .registerEntryDisclosed(let e):
            registerEntries[e.id]?.disclosures.append(Disclosure(to: e.to, reason: e.reason, date: e.date, by: actor))
        case .appealLodged(let e):
            appeals[e.id] = Appeal(id: e.id, subject: e.subject, received: e.received, grounds: e.grounds,
                                   deadline: e.deadline, lateReason: e.lateReason, outcomeDue: e.outcomeDue,
                                   lodgedBy: actor, against: e.against, letters: [])
            if case .case(let caseID) = e.subject { updateCase(caseID) { $0.appeals.append(e.id) } }
        case .appealDecided(let e):
            appeals[e.id]?.decision = AppealDecision(outcome: e.outcome, decidedBy: actor, date: e.date, reason: e.reason,
                                                     ended: e.ended ?? [], added: e.added ?? [])
            if e.outcome == .overturned, let subject = appeals[e.id]?.subject {
                lift(subject: subject, on: e.date, reason: "appeal \(e.id) overturned the decision")
            }
        case .ombudsmanReferred(let e):
            appeals[e.id]?.referral = OmbudsmanReferral(body: e.body, date: e.date, recordedBy: actor)
        case .reviewRequested(let e):
            updateCase(e.caseID) { $0.reviewRequests.append(ReviewRequest(received: e.received, recordedBy: actor)) }
        case .reviewRecorded(let e):
            let review = Review(outcome: e.outcome, reviewedBy: actor, date: e.date, reason: e.reason,
                                ended: e.ended ?? [], added: e.added ?? [], deputyReason: e.deputyReason)
            switch e.subject {
            case .case(let id):
                updateCase(id) { c in
                    c.reviews.append(review)
                    for index in c.reviewRequests.indices where c.reviewRequests[index].answered == nil {
                        c.reviewRequests[index].answered = e.date
                    }
                }
                if e.outcome == .lift { lift(subject: .case(id), on: e.date, reason: "status lifted on review") }
            case .registerEntry(let id):
                registerEntries[id]?.reviews.append(review)
                if e.outcome == .lift { lift(subject: .registerEntry(id), on: e.date, reason: "entry lifted on review") }
            }
        }
    }

    /// 5.2.5: when status is lifted the restrictions end; a lifted register entry is removed.
    private mutating func lift(subject: Appeal.Subject, on day: Day, reason: String) {
        switch subject {
        case .case(let id):
            updateCase(id) { c in
                c.status?.lifted = day
                for index in c.restrictions.indices where c.restrictions[index].ended == nil {
                    c.restrictions[index].ended = day
                    c.restrictions[index].endReason = reason
                }
            }
        case .registerEntry(let id):
            registerEntries[id]?.state = .removed
            registerEntries[id]?.removedOn = day
        }
    }

    /// From now on, what is derived from a case as it changes (`casesMayBeWaiting`,
    /// `casesWithOpenReminders`, `deciderViews`) is worked out once per case at
    /// `derivePutOffViews`, not after each event: for a replay of a million events, between which
    /// nobody asks.
    package mutating func putOffDerivedViews() {
        if putOff.value == nil { putOff.value = PutOffCases() }
    }

    /// What was put off, worked out for each case changed since `putOffDerivedViews`: from each
    /// case alone, on every core, then kept; from `threshold` cases changed, the sets kept on one
    /// core and the views on another (tests take small registers there).
    package mutating func derivePutOffViews(onTwoCoresFrom threshold: Int = 4_096) {
        guard let changed = putOff.value else { return }
        putOff.value = nil
        let ids = Array(changed.ids), cases = cases
        let derived = inOrder(count: ids.count) { index in cases[ids[index]].map(Derived.init) }
        guard ids.count >= threshold else {
            for (id, derived) in zip(ids, derived) { if let derived { keep(derived, of: id) } }
            return
        }
        // Many: the two sets kept on one core and the views on the other, each taken out of the
        // register (no second holder, so none is copied) and put back.
        var taken = (waiting: Set<CaseID>(), reminding: Set<CaseID>(), views: [CaseID: DeciderView]())
        swap(&taken.waiting, &casesMayBeWaiting)
        swap(&taken.reminding, &casesWithOpenReminders)
        swap(&taken.views, &deciderViews)
        let sets = Mutex((taken.waiting, taken.reminding)), views = Mutex(taken.views)
        taken = ([], [], [:])
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                sets.withLock { sets in
                    for (id, derived) in zip(ids, derived) {
                        if let derived { Self.keep(derived, of: id, waiting: &sets.0, reminding: &sets.1) }
                    }
                }
            } else {
                views.withLock { views in for (id, derived) in zip(ids, derived) { if let derived { Self.keep(derived, of: id, views: &views) } } }
            }
        }
        sets.withLock { sets in
            swap(&casesMayBeWaiting, &sets.0)
            swap(&casesWithOpenReminders, &sets.1)
        }
        views.withLock { swap(&deciderViews, &$0) }
    }

    /// The cases changed while their derived views are put off.
    private struct PutOffCases: Sendable {
        private(set) var ids: Set<CaseID> = []
        /// The case noted last: a case's events mostly come together (its contacts, its checks),
        /// and each would otherwise hash the same id into the set again.
        private var last: CaseID?

        mutating func insert(_ id: CaseID) {
            guard id != last else { return }
            ids.insert(id)
            last = id
        }
    }

    /// What the queues keep of one case (`casesMayBeWaiting`, `casesWithOpenReminders`,
    /// `deciderViews`), worked out from the case alone.
    private struct Derived {
        let waiting: Bool, reminding: Bool
        let view: DeciderView?

        init(_ value: Case) {
            waiting = value.mayBeWaiting
            reminding = value.hasOpenReminder
            view = DeciderView(value)
        }
    }

    private mutating func keep(_ derived: Derived, of id: CaseID) {
        Self.keep(derived, of: id, waiting: &casesMayBeWaiting, reminding: &casesWithOpenReminders)
        Self.keep(derived, of: id, views: &deciderViews)
    }

    /// Whether one case may be waiting and has an open reminder: the part of what is kept of it
    /// that `derivePutOffViews` keeps on one core,
    private static func keep(_ derived: Derived, of id: CaseID, waiting: inout Set<CaseID>, reminding: inout Set<CaseID>) {
        if derived.waiting { waiting.insert(id) } else { waiting.remove(id) }
        if derived.reminding { reminding.insert(id) } else { reminding.remove(id) }
    }

    /// and its view, the part it keeps on the other.
    private static func keep(_ derived: Derived, of id: CaseID, views: inout [CaseID: DeciderView]) {
        views[id] = derived.view
    }

    mutating func updateCase(_ id: CaseID, _ change: (inout Case) -> Void) {
        guard let index = cases.index(forKey: id) else { return }
        if putOff.value != nil {
            change(&cases.values[index])
            putOff.value!.insert(id)
            return
        }
        // Changed where it lies (one lookup, no copy of the case), then what is derived from it.
        var derived: Derived?
        func update(_ value: inout Case) {
            change(&value)
            derived = Derived(value)
        }
        update(&cases.values[index])
        if let derived { keep(derived, of: id) }
    }
}

/// The register taken apart and put back together, so that a snapshot can write its largest
/// collections in pieces and read them on several cores at once.
extension Register {
    public struct Parts: Codable, Sendable {
        public var name: String?
        public var staff: [Login: StaffMember]
        public var registerEntries: [RegisterEntryID: RegisterEntry]
        public var appeals: [AppealID: Appeal]
        public var conferences: [ConferenceID: CaseConference]
        public var serviceAreas: Set<ServiceArea>
        public var eventCount: Int
        public var imports: [ImportRecord]
    }

    /// Everything but the customers and the cases.
    public var parts: Parts {
        Parts(name: name, staff: staff, registerEntries: registerEntries, appeals: appeals, conferences: conferences,
              serviceAreas: serviceAreas, eventCount: eventCount, imports: imports)
    }

    /// Puts a register back together from its parts, customers and cases. The records are moved
    /// out of the arrays into the register, not copied (a hundred thousand cases copied, then let
    /// go, took a tenth of the time to open a store).
    public init(parts: Parts, customers: consuming [Customer], cases: consuming [Case]) {
        self.init(parts: parts, customers: customers, cases: cases, indexes: nil)
    }

    /// The same, with what the queues keep of the cases already worked out (`nil`: worked out here).
    package init(parts: Parts, customers: consuming [Customer], cases: consuming [Case], indexes: consuming [QueueIndexes]?) {
        self.init()
        name = parts.name
        staff = parts.staff
        registerEntries = parts.registerEntries
        appeals = parts.appeals
        conferences = parts.conferences
        serviceAreas = parts.serviceAreas
        eventCount = parts.eventCount
        imports = parts.imports
        self.customers.reserveCapacity(customers.count)
        while let customer = customers.popLast() { self.customers[customer.id] = customer }
        // Consumed, so that what is taken from it below has no second holder (and is not copied when changed).
        var indexes = (consume indexes) ?? []
        if indexes.isEmpty {
            var all = QueueIndexes()
            for index in cases.indices { all.note(cases[index]) }
            indexes = [all]
        }
        // The views and names keyed already are taken whole (moved, not copied), the others added to them.
        var names: [CustomerID: String] = [:]
        swap(&deciderViews, &indexes[0].keyedViews)
        swap(&names, &indexes[0].names)
        casesMayBeWaiting.reserveCapacity(indexes.reduce(0) { $0 + $1.waiting.count })
        // Not when views were taken keyed: reserving more would rehash them all, for the few cases
        // read whole beside them, whose views are mostly theirs already.
        if deciderViews.isEmpty { deciderViews.reserveCapacity(indexes.reduce(0) { $0 + $1.views.count + $1.keyedViews.count }) }
        for part in indexes {
            casesMayBeWaiting.formUnion(part.waiting)
            casesWithOpenReminders.formUnion(part.reminding)
            for (id, view) in part.views { deciderViews[id] = view }
            for (id, view) in part.keyedViews { deciderViews[id] = view }
            for (id, name) in part.names { names[id] = name }
        }
        // A name beside the views only for a customer not read (one read is named by their record, and stays so when erased).
        if !names.isEmpty { for id in self.customers.keys { names.removeValue(forKey: id) } }
        if !names.isEmpty { namesBesideViews.value = names }
        // Each customer's cases, derived from the cases rather than kept (opened in id order).
        self.cases.reserveCapacity(cases.count)
        while let value = cases.popLast() {
            casesByCustomer[value.customer, default: []].append(value.id)
            self.cases[value.id] = value
        }
        for customer in casesByCustomer.keys { casesByCustomer[customer]!.sort() }
    }
}
