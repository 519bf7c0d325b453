/// A fact recorded in the register. Events are produced only by `Register.execute` after every
/// rule has been checked; the register's state is the fold of its events (`Register.apply`).
/// The acting staff member is kept beside the event, not inside it (the journal's `actor`).
///
/// The cases whose facts are largest are `indirect` (kept in a box of their own): every event is
/// then no larger than a logged contact's, and a replay moves a million of them about.
public enum Event: Equatable, Sendable {
    case registerInitialised(RegisterInitialised)
    case staffAdded(StaffAdded)
    case staffLeft(StaffLeft)
    indirect case customerAdded(CustomerAdded)
    indirect case customerUpdated(CustomerUpdated)
    case staffUpdated(StaffUpdated)
    case caseOpened(CaseOpened)
    case contactLogged(ContactLogged)
    case filedContactConfirmed(FiledContactConfirmed)
    case statutoryRequestAnswered(StatutoryRequestAnswered)
    case matterSettled(MatterSettled)
    case classificationProposed(ClassificationProposed)
    case checkConfirmed(CheckConfirmed)
    case decisionRecorded(DecisionRecorded)
    indirect case restrictionAdded(RestrictionAdded)
    case restrictionEnded(RestrictionEnded)
    case letterSent(LetterRecorded)
    case staffNotified(StaffNotified)
    case conferenceCalled(ConferenceCalled)
    case conferenceMet(ConferenceMet)
    case complexStatusEnded(ComplexStatusEnded)
    case conferenceActionAgreed(ConferenceActionAgreed)
    case conferenceActionDone(ConferenceActionDone)
    indirect case registerEntryProposed(RegisterEntryProposed)
    case registerEntryApproved(RegisterEntryApproved)
    case registerEntryAmended(RegisterEntryAmended)
    case registerEntryDeclined(RegisterEntryDeclined)
    case registerEntryViewed(RegisterEntryViewed)
    case registerEntryDisclosed(RegisterEntryDisclosed)
    indirect case appealLodged(AppealLodged)
    case appealDecided(AppealDecided)
    case ombudsmanReferred(OmbudsmanReferred)
    case reviewRequested(ReviewRequested)
    case reviewRecorded(ReviewRecorded)
    /// UK GDPR Art 15: a subject access request answered with an export.
    case subjectAccessAnswered(SubjectAccessAnswered)
    case noteAdded(NoteAdded)
    case reminderSet(ReminderSet)
    case reminderClosed(ReminderClosed)
    case caseAssigned(CaseAssigned)
    indirect case contactCorrected(ContactCorrected)
    indirect case fileAttached(FileAttached)
    /// A kept file given back to a member of staff: recorded like a view.
    case fileRetrieved(FileRetrieved)
    indirect case statusImported(StatusImported)
    indirect case registerEntryImported(RegisterEntryImported)
    case registerImported(RegisterImported)
}

public struct RegisterInitialised: Equatable, Sendable, Codable {
    public var admin: Login
    public var name: String
}

public struct StaffAdded: Equatable, Sendable, Codable {
    public var login: Login
    public var name: String
    public var roles: [Role]
    public var serviceArea: ServiceArea?
    public var customerServicesHead: Bool
}

public struct StaffLeft: Equatable, Sendable, Codable {
    public var login: Login
    public var on: Day
}

public struct CustomerAdded: Equatable, Sendable, Codable {
    public var id: CustomerID
    public var name: String
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var address: Optional<Address>
    public var email: Optional<String>
    public var phone: Optional<String>
    public var adjustments: Optional<String>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(id: CustomerID, name: String, address: Address?, email: String?, phone: String?, adjustments: String?) {
        self.id = id
        self.name = name
        self.address = address
        self.email = email
        self.phone = phone
        self.adjustments = adjustments
    }
}

/// UK GDPR Art 16: a customer's details as corrected (all of them), which fields changed and why.
public struct CustomerUpdated: Equatable, Sendable, Codable {
    public var id: CustomerID
    public var name: String
    public var address: Address?
    public var email: String?
    public var phone: String?
    public var adjustments: String?
    public var changed: [String]
    public var reason: String
    public var on: Day
}

/// A member of staff's roles, service area or Customer Services mark changed (administrators).
public struct StaffUpdated: Equatable, Sendable, Codable {
    public var login: Login
    public var roles: [Role]
    public var serviceArea: ServiceArea?
    public var customerServicesHead: Bool
}

public struct CaseOpened: Equatable, Sendable, Codable {
    public var id: CaseID
    public var customer: CustomerID
    public var title: String
    public var serviceAreas: [ServiceArea]
    public var on: Day

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(id: CaseID, customer: CustomerID, title: String, serviceAreas: [ServiceArea], on: Day) {
        self.id = id
        self.customer = customer
        self.title = title
        self.serviceAreas = serviceAreas
        self.on = on
    }
}

public struct ContactLogged: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var date: Day
    public var channel: Channel
    public var kind: ContactKind
    public var summary: String
    public var behaviours: [Behaviour]
    public var significantNewInformation: Bool
    public var underReadAndFile: Bool

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(caseID: CaseID, number: Int, date: Day, channel: Channel, kind: ContactKind, summary: String,
                 behaviours: [Behaviour], significantNewInformation: Bool, underReadAndFile: Bool) {
        self.caseID = caseID
        self.number = number
        self.date = date
        self.channel = channel
        self.kind = kind
        self.summary = summary
        self.behaviours = behaviours
        self.significantNewInformation = significantNewInformation
        self.underReadAndFile = underReadAndFile
    }
}

public struct StatutoryRequestAnswered: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var contact: Int
    public var on: Day
    public var note: String
}

public struct FiledContactConfirmed: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var contact: Int
    public var on: Day
}

public struct MatterSettled: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var on: Day
    public var note: String
}

public struct ClassificationProposed: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var categories: [Category]
    public var behaviours: [Behaviour]
    public var reason: String
    public var on: Day

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(caseID: CaseID, number: Int, categories: [Category], behaviours: [Behaviour], reason: String, on: Day) {
        self.caseID = caseID
        self.number = number
        self.categories = categories
        self.behaviours = behaviours
        self.reason = reason
        self.on = on
    }
}

public struct CheckConfirmed: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var item: CheckItem
    public var evidence: String
    public var on: Day

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(caseID: CaseID, item: CheckItem, evidence: String, on: Day) {
        self.caseID = caseID
        self.item = item
        self.evidence = evidence
        self.on = on
    }
}

public struct DecisionRecorded: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var outcome: Decision.Outcome
    public var consulted: Login
    public var date: Day
    public var reason: String
    public var on: Day
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    /// How the customer's recorded reasonable adjustments were considered.
    public var adjustmentsConsidered: Optional<String>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(caseID: CaseID, outcome: Decision.Outcome, consulted: Login, date: Day, reason: String, on: Day) {
        self.caseID = caseID
        self.outcome = outcome
        self.consulted = consulted
        self.date = date
        self.reason = reason
        self.on = on
        adjustmentsConsidered = nil
    }
}

public struct RestrictionAdded: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var type: RestrictionType
    public var details: String
    public var from: Day
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var escalationReason: Optional<String>
    public var statutoryBasis: Optional<String>
    /// Why it was added, when it is a decision of its own (after the decision letter, or by an
    /// appeal or a review that varied the restrictions).
    public var reason: Optional<String>
    /// Added after the decision letter had gone: a change of its own, owing a letter and open to appeal.
    public var laterChange: Optional<Bool>
    /// The day it was recorded (a later change's letter is owed from then).
    public var recordedOn: Optional<Day>
    /// 5.2.1 / Equality Act 2010 s20: why it stands although it conflicts with a recorded adjustment.
    public var adjustmentReason: Optional<String>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(caseID: CaseID, number: Int, type: RestrictionType, details: String, from: Day,
                 escalationReason: String?, statutoryBasis: String?, reason: String? = nil, laterChange: Bool? = nil,
                 recordedOn: Day? = nil, adjustmentReason: String? = nil) {
        self.recordedOn = recordedOn
        self.caseID = caseID
        self.number = number
        self.type = type
        self.details = details
        self.from = from
        self.escalationReason = escalationReason
        self.statutoryBasis = statutoryBasis
        self.reason = reason
        self.laterChange = laterChange
        self.adjustmentReason = adjustmentReason
    }
}

public struct RestrictionEnded: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var on: Day
    public var reason: String
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    /// Ended after the decision letter had gone, on its own (not by an appeal, review or lifting):
    /// a change owing a letter and open to appeal.
    public var laterChange: Optional<Bool>
    public var recordedOn: Optional<Day>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(caseID: CaseID, number: Int, on: Day, reason: String, laterChange: Bool? = nil, recordedOn: Day? = nil) {
        self.caseID = caseID
        self.number = number
        self.on = on
        self.reason = reason
        self.laterChange = laterChange
        self.recordedOn = recordedOn
    }
}

/// What a letter is about.
public enum LetterSubject: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    case `case`(CaseID)
    case registerEntry(RegisterEntryID)
    case appeal(AppealID)

    public var description: String {
        switch self {
        case .case(let id): id.description
        case .registerEntry(let id): id.description
        case .appeal(let id): id.description
        }
    }
}

public struct LetterRecorded: Equatable, Sendable, Codable {
    public var subject: LetterSubject
    public var kind: LetterKind
    public var sentOn: Day
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    /// The letter exactly as it was sent, kept in the store; nil for letters recorded before
    /// copies were kept (and in synthetic registers).
    public var copy: Optional<LetterCopy>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(subject: LetterSubject, kind: LetterKind, sentOn: Day, copy: LetterCopy? = nil) {
        self.subject = subject
        self.kind = kind
        self.sentOn = sentOn
        self.copy = copy
    }
}

/// A letter as it was sent: the SHA-256 of its text (the text itself is kept in the store's
/// `letters/` folder under that name), the date it bears, and the appeal deadline it states, if
/// any: what the customer was told is what is enforced (the later of it and the one worked out
/// from the day it was sent).
public struct LetterCopy: Equatable, Hashable, Sendable, Codable {
    public var sha256: String
    public var dated: Day
    public var statedDeadline: Day?

    public init(sha256: String, dated: Day, statedDeadline: Day?) {
        self.sha256 = sha256
        self.dated = dated
        self.statedDeadline = statedDeadline
    }
}

public struct StaffNotified: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var recipients: [Login]
    public var on: Day
}

public struct ConferenceCalled: Equatable, Sendable, Codable {
    public var id: ConferenceID
    public var caseID: CaseID
    public var date: Day
    public var chair: Login
    public var invitees: [Login]
    /// Empty: the summary is made when the conference meets (earlier releases made it when called).
    public var summary: String
    public var missingInvitees: [String]
}

/// 5.1.2: the conference met and received the summary of open issues and background made then.
public struct ConferenceMet: Equatable, Sendable, Codable {
    public var id: ConferenceID
    public var date: Day
    public var summary: String
}

/// 5.1: a complex status ended: its conference closed, or a Director reviewed it.
public struct ComplexStatusEnded: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var on: Day
    public var reason: String
}

public struct ConferenceActionAgreed: Equatable, Sendable, Codable {
    public var conference: ConferenceID
    public var number: Int
    public var owner: Login
    public var due: Day
    public var text: String
}

public struct ConferenceActionDone: Equatable, Sendable, Codable {
    public var conference: ConferenceID
    public var number: Int
    public var date: Day
}

public struct RegisterEntryProposed: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var subject: RegisterEntry.Subject
    public var facts: String
    public var communication: String
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var restrictions: Optional<String>
    public var on: Day

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(id: RegisterEntryID, subject: RegisterEntry.Subject, facts: String, communication: String, restrictions: String?, on: Day) {
        self.id = id
        self.subject = subject
        self.facts = facts
        self.communication = communication
        self.restrictions = restrictions
        self.on = on
    }
}

/// 5.3.1: a new version of an entry's facts, communication or restrictions, to be approved again.
public struct RegisterEntryAmended: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var facts: String
    public var communication: String
    public var restrictions: String?
    public var reason: String
    public var on: Day
}

public struct RegisterEntryApproved: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var date: Day
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var notToldReason: Optional<String>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(id: RegisterEntryID, date: Day, notToldReason: String?) {
        self.id = id
        self.date = date
        self.notToldReason = notToldReason
    }
}

public struct RegisterEntryDeclined: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var date: Day
    public var reason: String
}

public struct RegisterEntryViewed: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var on: Day
}

public struct RegisterEntryDisclosed: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var to: String
    public var reason: String
    public var date: Day
}

public struct AppealLodged: Equatable, Sendable, Codable {
    public var id: AppealID
    public var subject: Appeal.Subject
    public var received: Day
    public var grounds: String
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    public var deadline: Optional<Day>
    public var lateReason: Optional<String>
    public var outcomeDue: Day
    /// What is appealed, in words (the decision, or a later change of restrictions).
    public var against: Optional<String>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(id: AppealID, subject: Appeal.Subject, received: Day, grounds: String, deadline: Day?, lateReason: String?,
                 outcomeDue: Day, against: String?) {
        self.id = id
        self.subject = subject
        self.received = received
        self.grounds = grounds
        self.deadline = deadline
        self.lateReason = lateReason
        self.outcomeDue = outcomeDue
        self.against = against
    }
}

public struct AppealDecided: Equatable, Sendable, Codable {
    public var id: AppealID
    public var outcome: Appeal.Outcome
    public var date: Day
    public var reason: String
    // Spelt `Optional<…>`, not `…?`, so that no initialiser copies the record: see `Contact.filedConfirmation`.
    /// A varied outcome: the restrictions it ended and added (their numbers); the restriction
    /// events follow this one.
    public var ended: Optional<[Int]>
    public var added: Optional<[Int]>

    /// Memberwise; package-wide so that the store's lean journal reader can make one.
    package init(id: AppealID, outcome: Appeal.Outcome, date: Day, reason: String, ended: [Int]?, added: [Int]?) {
        self.id = id
        self.outcome = outcome
        self.date = date
        self.reason = reason
        self.ended = ended
        self.added = added
    }
}

public struct OmbudsmanReferred: Equatable, Sendable, Codable {
    public var id: AppealID
    public var body: OmbudsmanBody
    public var date: Day
}

public struct ReviewRequested: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var received: Day
}

/// What a review is of: a status on a case (5.2.5) or a register entry (5.3.2).
public typealias ReviewSubject = Appeal.Subject

public struct ReviewRecorded: Equatable, Sendable, Codable {
    public var subject: ReviewSubject
    public var outcome: Review.Outcome
    public var date: Day
    public var reason: String
    /// A varied outcome: the restrictions it ended and added (their numbers).
    public var ended: [Int]?
    public var added: [Int]?
    /// Why someone other than the one the policy names recorded it (the Head of Service – Customer
    /// Services proposed the case, or the decision-maker has left).
    public var deputyReason: String?
}

/// UK GDPR Art 15: an export made for a subject access request — for whom, when, and what was
/// withheld under which exemption (who made it is the record's actor).
public struct SubjectAccessAnswered: Equatable, Sendable, Codable {
    public var customer: CustomerID
    public var on: Day
    public var withheld: [Withholding]
    /// Mentions of third parties replaced in the export.
    public var thirdPartiesRedacted: Int
}

/// Something left out of a subject access export, and the exemption relied on (DPA 2018 Sch 2–4).
public struct Withholding: Equatable, Hashable, Sendable, Codable {
    public var what: String
    public var exemption: String

    public init(what: String, exemption: String) {
        self.what = what
        self.exemption = exemption
    }
}

public struct NoteAdded: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var on: Day
    public var text: String
}

public struct ReminderSet: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var due: Day
    public var text: String
}

public struct ReminderClosed: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var number: Int
    public var outcome: Reminder.Outcome
    public var on: Day
}

public struct CaseAssigned: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var to: Login
    public var on: Day
    public var reason: String?
}

/// A contact corrected: its date, its summary, or the case it belongs to (`toCase`, where it takes
/// the number `newNumber`). The contact as logged stays in the journal.
public struct ContactCorrected: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var contact: Int
    public var date: Day?
    public var summary: String?
    public var toCase: CaseID?
    public var newNumber: Int?
    public var reason: String
    public var on: Day
}

public struct FileAttached: Equatable, Sendable, Codable {
    public var subject: Appeal.Subject
    public var sha256: String
    public var name: String
    public var size: Int
    public var type: String
    public var description: String
    public var contact: Int?
    public var on: Day
}

public struct FileRetrieved: Equatable, Sendable, Codable {
    public var subject: Appeal.Subject
    public var sha256: String
    public var on: Day
}

/// A decision the old register records, brought in on a case opened for it: history, not a new
/// decision (its own dates and people, the import as its source, no letters owed for it).
public struct StatusImported: Equatable, Sendable, Codable {
    public var caseID: CaseID
    public var categories: [Category]
    public var reason: String
    public var proposedBy: Login
    public var decidedBy: Login
    public var decidedOn: Day
    public var lastReviewedOn: Day?
    public var source: ImportSource
}

/// An approved register entry the old register holds, on the entry proposed for it.
public struct RegisterEntryImported: Equatable, Sendable, Codable {
    public var id: RegisterEntryID
    public var proposedBy: Login
    public var approvedBy: Login
    public var approvedOn: Day
    public var lastReviewedOn: Day?
    public var notToldReason: String?
    public var source: ImportSource
}

/// A file brought in whole: its name, hash, kind and number of rows.
public struct RegisterImported: Equatable, Sendable, Codable {
    public var file: String
    public var sha256: String
    public var kind: ImportKind
    public var rows: Int
    public var on: Day
}
