/// Which records a run of events touched, so that a front end can redraw those alone instead of
/// deriving every row again from the whole register.
public struct RecordChanges: Equatable, Sendable {
    /// Something that concerns every record (staff, the register itself, a rewritten journal).
    public var everything = false
    public var cases: Set<CaseID> = []
    public var customers: Set<CustomerID> = []
    public var entries: Set<RegisterEntryID> = []
    public var appeals: Set<AppealID> = []
    public var conferences: Set<ConferenceID> = []

    public init() {}

    public static var all: RecordChanges {
        var changes = RecordChanges()
        changes.everything = true
        return changes
    }

    public var isEmpty: Bool {
        !everything && cases.isEmpty && customers.isEmpty && entries.isEmpty && appeals.isEmpty && conferences.isEmpty
    }

    /// Notes the records `event` changes.
    public mutating func note(_ event: Event) {
        switch event {
        case .registerInitialised, .staffAdded, .staffLeft, .staffUpdated:
            // Who may act, and who is Head of Service – Customer Services, shape every queue.
            everything = true
        case .customerAdded(let e): customers.insert(e.id)
        case .customerUpdated(let e): customers.insert(e.id)
        case .subjectAccessAnswered(let e): customers.insert(e.customer)
        case .noteAdded(let e): cases.insert(e.caseID)
        case .caseAssigned(let e): cases.insert(e.caseID)
        case .fileAttached(let e):
            switch e.subject {
            case .case(let id): cases.insert(id)
            case .registerEntry(let id): entries.insert(id)
            }
        case .fileRetrieved: break
        case .statusImported(let e): cases.insert(e.caseID)
        case .registerEntryImported(let e): entries.insert(e.id)
        case .registerImported: break
        case .contactCorrected(let e):
            cases.insert(e.caseID)
            if let other = e.toCase { cases.insert(other) }
        case .reminderSet(let e): cases.insert(e.caseID)
        case .reminderClosed(let e): cases.insert(e.caseID)
        case .caseOpened(let e):
            cases.insert(e.id)
            customers.insert(e.customer)
        case .contactLogged(let e): cases.insert(e.caseID)
        case .filedContactConfirmed(let e): cases.insert(e.caseID)
        case .statutoryRequestAnswered(let e): cases.insert(e.caseID)
        case .matterSettled(let e): cases.insert(e.caseID)
        case .classificationProposed(let e): cases.insert(e.caseID)
        case .checkConfirmed(let e): cases.insert(e.caseID)
        case .decisionRecorded(let e): cases.insert(e.caseID)
        case .restrictionAdded(let e): cases.insert(e.caseID)
        case .restrictionEnded(let e): cases.insert(e.caseID)
        case .staffNotified(let e): cases.insert(e.caseID)
        case .reviewRequested(let e): cases.insert(e.caseID)
        case .letterSent(let e):
            switch e.subject {
            case .case(let id): cases.insert(id)
            case .registerEntry(let id): entries.insert(id)
            case .appeal(let id): appeals.insert(id)
            }
        case .conferenceCalled(let e):
            conferences.insert(e.id)
            cases.insert(e.caseID)
        case .conferenceActionAgreed(let e): conferences.insert(e.conference)
        case .conferenceActionDone(let e): conferences.insert(e.conference)
        case .conferenceMet(let e): conferences.insert(e.id)
        case .complexStatusEnded(let e): cases.insert(e.caseID)
        case .registerEntryProposed(let e):
            entries.insert(e.id)
            if case .person(let customer) = e.subject { customers.insert(customer) }
        case .registerEntryApproved(let e): entries.insert(e.id)
        case .registerEntryAmended(let e): entries.insert(e.id)
        case .registerEntryDeclined(let e): entries.insert(e.id)
        case .registerEntryViewed(let e): entries.insert(e.id)
        case .registerEntryDisclosed(let e): entries.insert(e.id)
        case .appealLodged(let e):
            appeals.insert(e.id)
            note(e.subject)
        case .appealDecided(let e): appeals.insert(e.id)
        case .ombudsmanReferred(let e): appeals.insert(e.id)
        case .reviewRecorded(let e): note(e.subject)
        }
    }

    mutating func note(_ subject: Appeal.Subject) {
        switch subject {
        case .case(let id): cases.insert(id)
        case .registerEntry(let id): entries.insert(id)
        }
    }

    /// Adds the records whose rows show what the touched ones hold: a case's customer (restricted),
    /// appeals (the decision appealed) and conferences; an entry's person and appeals; an appeal's
    /// subject (its letters and status).
    public func closed(over register: Register) -> RecordChanges {
        guard !everything else { return self }
        var result = self
        for id in appeals {
            if let subject = register.appeals[id]?.subject { result.note(subject) }
        }
        for id in result.cases {
            guard let value = register.cases[id] else { continue }
            result.customers.insert(value.customer)
            result.appeals.formUnion(value.appeals)
            result.conferences.formUnion(value.conferences)
        }
        for id in result.entries {
            guard let entry = register.registerEntries[id] else { continue }
            if case .person(let customer) = entry.subject { result.customers.insert(customer) }
        }
        if !result.entries.isEmpty {
            for appeal in register.appeals.values {
                if case .registerEntry(let id) = appeal.subject, result.entries.contains(id) { result.appeals.insert(appeal.id) }
            }
        }
        return result
    }
}
