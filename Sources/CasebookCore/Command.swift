/// A request to change the register, as a front end (the command line or the terminal) makes it.
/// `Register.execute` validates it against the current state and either refuses it or turns it
/// into events.
public enum Command: Equatable, Sendable {
    /// Makes the acting login the register's first administrator.
    case initialise(name: String)
    case addStaff(login: Login, name: String, roles: [Role], serviceArea: String?, customerServicesHead: Bool)
    /// A leaver's assigned cases go to `reassignTo` (required when they hold any).
    case staffLeaves(login: Login, on: Day, reassignTo: Login? = nil)
    case addCustomer(name: String, address: String?, postcode: String?, email: String?, phone: String?, adjustments: String?)
    /// UK GDPR Art 16: correct a customer's details (nil leaves a field as it is; empty clears it).
    case updateCustomer(CustomerID, name: String?, address: String?, postcode: String?, email: String?, phone: String?,
                        adjustments: String?, reason: String)
    /// Change a member of staff's roles, service area or Customer Services mark (nil leaves it as it is).
    case updateStaff(login: Login, roles: [Role]?, serviceArea: String?, customerServicesHead: Bool?)
    case openCase(customer: CustomerID, title: String, serviceAreas: [String])
    case logContact(CaseID, date: Day, channel: Channel, kind: ContactKind, summary: String,
                    behaviours: [Behaviour], significantNewInformation: Bool)
    /// Read-and-file (5.2.2): an officer confirms a filed contact holds no new information or safeguarding concern.
    case confirmFiledContact(CaseID, contact: Int)
    /// 1.2: Information Rights records that a SAR or FOI request received on a restricted case was answered.
    case answerStatutoryRequest(CaseID, contact: Int, on: Day, note: String)
    /// 5.2.2: the decision or complaint on the matter has been settled.
    case settleMatter(CaseID, on: Day, note: String)
    case propose(CaseID, categories: [Category], reason: String, behaviours: [Behaviour])
    case confirmCheck(CaseID, item: CheckItem, evidence: String)
    /// `adjustmentsConsidered`: how the customer's recorded reasonable adjustments were weighed (needed when there are any).
    case decide(CaseID, outcome: Decision.Outcome, consulted: Login, date: Day, reason: String, adjustmentsConsidered: String? = nil)
    /// `reason` is required once the decision letter has gone (a decision of its own, 5.2.3);
    /// `adjustmentReason` when the restriction conflicts with the customer's recorded adjustments.
    case restrict(CaseID, type: RestrictionType, details: String, from: Day, escalationReason: String?, statutoryBasis: String?,
                  reason: String? = nil, adjustmentReason: String? = nil)
    case endRestriction(CaseID, number: Int, on: Day, reason: String)
    /// A letter recorded as sent, with its copy as sent (front ends keep the text in the store first).
    case recordLetterSent(LetterSubject, kind: LetterKind, sentOn: Day, copy: LetterCopy? = nil)
    case notify(CaseID, recipients: [Login])
    case callConference(CaseID, date: Day, chair: Login, invitees: [Login])
    /// 5.1.2: the conference met: the summary of open issues and background is made as of that day.
    case conferenceMeets(ConferenceID, date: Day)
    case agreeConferenceAction(ConferenceID, owner: Login, due: Day, text: String)
    case completeConferenceAction(ConferenceID, number: Int, date: Day)
    case proposeRegisterEntry(RegisterEntry.Subject, facts: String, communication: String, restrictions: String?)
    case approveRegisterEntry(RegisterEntryID, date: Day, notToldReason: String?)
    /// 5.3.1: a new version of a live entry's facts, communication or restrictions; it needs approval again.
    case amendRegisterEntry(RegisterEntryID, facts: String?, communication: String?, restrictions: String?, reason: String)
    case declineRegisterEntry(RegisterEntryID, date: Day, reason: String)
    /// 5.3: every view of an entry is recorded.
    case viewRegisterEntry(RegisterEntryID)
    /// 2.2: the entry was shared with a contractor or partner organisation.
    case discloseRegisterEntry(RegisterEntryID, to: String, reason: String, date: Day)
    case lodgeAppeal(Appeal.Subject, received: Day, grounds: String, lateReason: String?)
    /// A varied outcome names what it changes: restrictions ended (`end`) and added (`add`).
    case decideAppeal(AppealID, outcome: Appeal.Outcome, date: Day, reason: String, end: [Int] = [], add: [NewRestriction] = [])
    case referToOmbudsman(AppealID, body: OmbudsmanBody, date: Day)
    case requestReview(CaseID, received: Day)
    /// A note on the case, dated today, by the acting member of staff.
    case addNote(CaseID, text: String)
    /// A bring-forward date for the acting member of staff.
    case setReminder(CaseID, on: Day, text: String)
    /// The case's officer work goes to `to`'s own queue; a handover says why.
    case assign(CaseID, to: Login, reason: String?)
    /// A contact's date or summary corrected, or the contact moved to the right case (nil leaves each as it is).
    case correctContact(CaseID, contact: Int, date: Day?, toCase: CaseID?, summary: String?, reason: String)
    /// 4.1: evidence kept in the store (front ends keep the file first, under its hash).
    case attachFile(Appeal.Subject, sha256: String, name: String, size: Int, description: String, contact: Int?)
    /// A kept file given back: recorded like a view, to those who may read the record.
    case retrieveFile(sha256: String)
    /// Its author marks a reminder done, or cancels it.
    case closeReminder(CaseID, number: Int, cancelled: Bool)
    /// UK GDPR Art 15: Information Rights (or an administrator) answered a subject access request with an export.
    case answerSubjectAccess(CustomerID, withheld: [Withholding], thirdPartiesRedacted: Int)
    /// A review that varies names what it changes; `deputyReason` says why someone other than the one
    /// the policy names records it (the Head of Service – Customer Services is conflicted, the decision-maker has left).
    case recordReview(ReviewSubject, outcome: Review.Outcome, date: Day, reason: String, end: [Int] = [], add: [NewRestriction] = [],
                      deputyReason: String? = nil)
    /// Bringing an existing register in: a decision the old register records, with its case and restrictions.
    case importStatus(ImportedStatus)
    /// Bringing an existing register in: an approved register entry.
    case importRegisterEntry(ImportedEntry)
    /// The last step of an import: the file itself, so that it is never brought in twice.
    case recordImport(file: String, sha256: String, kind: ImportKind, rows: Int)
}

/// What a command produced: the events to record, warnings for the user, and the id of anything created.
public struct Outcome: Equatable, Sendable {
    public var events: [Event]
    public var warnings: [Warning]
    /// The new record's id, printed alone by creating commands.
    public var created: String?

    public init(events: [Event], warnings: [Warning] = [], created: String? = nil) {
        self.events = events
        self.warnings = warnings
        self.created = created
    }
}

/// Who is acting and when: injected, never read from a global clock.
public struct Context: Sendable {
    public var actor: Login
    public var today: Day
    public var calendar: WorkingDayCalendar
    /// The council's own list of its service areas (kept in the settings), which a new case or
    /// member of staff is checked against; nil while none is kept (the areas in use stand in).
    public var serviceAreas: Set<ServiceArea>?

    public init(actor: Login, today: Day, calendar: WorkingDayCalendar = WorkingDayCalendar(),
                serviceAreas: Set<ServiceArea>? = nil) {
        self.actor = actor
        self.today = today
        self.calendar = calendar
        self.serviceAreas = serviceAreas
    }
}

extension Command {
    /// Every date the command carries: each must lie within `Day.supported`.
    var days: [Day] {
        switch self {
        case .initialise, .addStaff, .addCustomer, .answerSubjectAccess, .addNote, .closeReminder, .updateCustomer, .updateStaff, .openCase, .amendRegisterEntry, .confirmFiledContact, .propose, .confirmCheck, .notify,
             .proposeRegisterEntry, .viewRegisterEntry:
            []
        case .staffLeaves(_, let on, _): [on]
        case .assign, .attachFile, .retrieveFile: []
        case .correctContact(_, _, let date, _, _, _): date.map { [$0] } ?? []
        case .answerStatutoryRequest(_, _, let on, _): [on]
        case .logContact(_, let date, _, _, _, _, _): [date]
        case .settleMatter(_, let on, _): [on]
        case .decide(_, _, _, let date, _, _): [date]
        case .restrict(_, _, _, let from, _, _, _, _): [from]
        case .endRestriction(_, _, let on, _): [on]
        case .recordLetterSent(_, _, let sentOn, let copy): [sentOn] + (copy.map { [$0.dated] } ?? [])
        case .callConference(_, let date, _, _): [date]
        case .conferenceMeets(_, let date): [date]
        case .agreeConferenceAction(_, _, let due, _): [due]
        case .completeConferenceAction(_, _, let date): [date]
        case .approveRegisterEntry(_, let date, _): [date]
        case .declineRegisterEntry(_, let date, _): [date]
        case .discloseRegisterEntry(_, _, _, let date): [date]
        case .lodgeAppeal(_, let received, _, _): [received]
        case .decideAppeal(_, _, let date, _, _, let add): [date] + add.map(\.from)
        case .referToOmbudsman(_, _, let date): [date]
        case .requestReview(_, let received): [received]
        case .setReminder(_, let on, _): [on]
        case .recordReview(_, _, let date, _, _, let add, _): [date] + add.map(\.from)
        case .importStatus(let s): [s.decidedOn] + [s.lastReviewedOn, s.settledOn].compactMap { $0 } + s.restrictions.map(\.from)
        case .importRegisterEntry(let e): [e.approvedOn] + (e.lastReviewedOn.map { [$0] } ?? [])
        case .recordImport: []
        }
    }
}

/// A restriction an appeal or a review puts in place of others (a varied outcome).
public struct NewRestriction: Equatable, Hashable, Sendable, Codable {
    public var type: RestrictionType
    public var details: String
    public var from: Day
    public var statutoryBasis: String?

    public init(type: RestrictionType, details: String, from: Day, statutoryBasis: String? = nil) {
        self.type = type
        self.details = details
        self.from = from
        self.statutoryBasis = statutoryBasis
    }
}
