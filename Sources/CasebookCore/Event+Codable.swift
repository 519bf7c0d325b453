/// Events are encoded as `{"type": "...", "payload": {...}}`; the type names are part of the
/// journal format and never change.
extension Event: Codable {
    enum CodingKeys: String, CodingKey { case type, payload }

    public var type: String {
        switch self {
        case .registerInitialised: "register-initialised"
        case .staffAdded: "staff-added"
        case .staffLeft: "staff-left"
        case .customerAdded: "customer-added"
        case .customerUpdated: "customer-updated"
        case .staffUpdated: "staff-updated"
        case .caseOpened: "case-opened"
        case .contactLogged: "contact-logged"
        case .filedContactConfirmed: "filed-contact-confirmed"
        case .statutoryRequestAnswered: "statutory-request-answered"
        case .matterSettled: "matter-settled"
        case .classificationProposed: "classification-proposed"
        case .checkConfirmed: "check-confirmed"
        case .decisionRecorded: "decision-recorded"
        case .restrictionAdded: "restriction-added"
        case .restrictionEnded: "restriction-ended"
        case .letterSent: "letter-sent"
        case .staffNotified: "staff-notified"
        case .conferenceCalled: "conference-called"
        case .conferenceMet: "conference-met"
        case .complexStatusEnded: "complex-status-ended"
        case .conferenceActionAgreed: "conference-action-agreed"
        case .conferenceActionDone: "conference-action-done"
        case .registerEntryProposed: "register-entry-proposed"
        case .registerEntryApproved: "register-entry-approved"
        case .registerEntryAmended: "register-entry-amended"
        case .registerEntryDeclined: "register-entry-declined"
        case .registerEntryViewed: "register-entry-viewed"
        case .registerEntryDisclosed: "register-entry-disclosed"
        case .appealLodged: "appeal-lodged"
        case .appealDecided: "appeal-decided"
        case .ombudsmanReferred: "ombudsman-referred"
        case .reviewRequested: "review-requested"
        case .reviewRecorded: "review-recorded"
        case .subjectAccessAnswered: "subject-access-answered"
        case .noteAdded: "note-added"
        case .reminderSet: "reminder-set"
        case .reminderClosed: "reminder-closed"
        case .caseAssigned: "case-assigned"
        case .contactCorrected: "contact-corrected"
        case .fileAttached: "file-attached"
        case .fileRetrieved: "file-retrieved"
        case .statusImported: "status-imported"
        case .registerEntryImported: "register-entry-imported"
        case .registerImported: "register-imported"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func payload<T: Decodable>(_: T.Type) throws -> T { try container.decode(T.self, forKey: .payload) }
        switch type {
        case "register-initialised": self = .registerInitialised(try payload(RegisterInitialised.self))
        case "staff-added": self = .staffAdded(try payload(StaffAdded.self))
        case "staff-left": self = .staffLeft(try payload(StaffLeft.self))
        case "customer-updated": self = .customerUpdated(try payload(CustomerUpdated.self))
        case "staff-updated": self = .staffUpdated(try payload(StaffUpdated.self))
        case "customer-added": self = .customerAdded(try payload(CustomerAdded.self))
        case "case-opened": self = .caseOpened(try payload(CaseOpened.self))
        case "contact-logged": self = .contactLogged(try payload(ContactLogged.self))
        case "filed-contact-confirmed": self = .filedContactConfirmed(try payload(FiledContactConfirmed.self))
        case "statutory-request-answered": self = .statutoryRequestAnswered(try payload(StatutoryRequestAnswered.self))
        case "matter-settled": self = .matterSettled(try payload(MatterSettled.self))
        case "classification-proposed": self = .classificationProposed(try payload(ClassificationProposed.self))
        case "check-confirmed": self = .checkConfirmed(try payload(CheckConfirmed.self))
        case "decision-recorded": self = .decisionRecorded(try payload(DecisionRecorded.self))
        case "restriction-added": self = .restrictionAdded(try payload(RestrictionAdded.self))
        case "restriction-ended": self = .restrictionEnded(try payload(RestrictionEnded.self))
        case "letter-sent": self = .letterSent(try payload(LetterRecorded.self))
        case "staff-notified": self = .staffNotified(try payload(StaffNotified.self))
        case "conference-met": self = .conferenceMet(try payload(ConferenceMet.self))
        case "complex-status-ended": self = .complexStatusEnded(try payload(ComplexStatusEnded.self))
        case "conference-called": self = .conferenceCalled(try payload(ConferenceCalled.self))
        case "conference-action-agreed": self = .conferenceActionAgreed(try payload(ConferenceActionAgreed.self))
        case "conference-action-done": self = .conferenceActionDone(try payload(ConferenceActionDone.self))
        case "register-entry-proposed": self = .registerEntryProposed(try payload(RegisterEntryProposed.self))
        case "register-entry-amended": self = .registerEntryAmended(try payload(RegisterEntryAmended.self))
        case "register-entry-approved": self = .registerEntryApproved(try payload(RegisterEntryApproved.self))
        case "register-entry-declined": self = .registerEntryDeclined(try payload(RegisterEntryDeclined.self))
        case "register-entry-viewed": self = .registerEntryViewed(try payload(RegisterEntryViewed.self))
        case "register-entry-disclosed": self = .registerEntryDisclosed(try payload(RegisterEntryDisclosed.self))
        case "appeal-lodged": self = .appealLodged(try payload(AppealLodged.self))
        case "appeal-decided": self = .appealDecided(try payload(AppealDecided.self))
        case "ombudsman-referred": self = .ombudsmanReferred(try payload(OmbudsmanReferred.self))
        case "review-requested": self = .reviewRequested(try payload(ReviewRequested.self))
        case "review-recorded": self = .reviewRecorded(try payload(ReviewRecorded.self))
        case "subject-access-answered": self = .subjectAccessAnswered(try payload(SubjectAccessAnswered.self))
        case "note-added": self = .noteAdded(try payload(NoteAdded.self))
        case "reminder-set": self = .reminderSet(try payload(ReminderSet.self))
        case "reminder-closed": self = .reminderClosed(try payload(ReminderClosed.self))
        case "case-assigned": self = .caseAssigned(try payload(CaseAssigned.self))
        case "contact-corrected": self = .contactCorrected(try payload(ContactCorrected.self))
        case "file-attached": self = .fileAttached(try payload(FileAttached.self))
        case "file-retrieved": self = .fileRetrieved(try payload(FileRetrieved.self))
        case "status-imported": self = .statusImported(try payload(StatusImported.self))
        case "register-entry-imported": self = .registerEntryImported(try payload(RegisterEntryImported.self))
        case "register-imported": self = .registerImported(try payload(RegisterImported.self))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown event type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try payload.encode(to: container.superEncoder(forKey: .payload))
    }
}

extension Event {
    /// The event's payload alone, for a journal that writes the type beside it.
    public var payload: any Encodable & Sendable {
        switch self {
        case .registerInitialised(let p): p
        case .staffAdded(let p): p
        case .staffLeft(let p): p
        case .customerAdded(let p): p
        case .customerUpdated(let p): p
        case .staffUpdated(let p): p
        case .caseOpened(let p): p
        case .contactLogged(let p): p
        case .filedContactConfirmed(let p): p
        case .statutoryRequestAnswered(let p): p
        case .matterSettled(let p): p
        case .classificationProposed(let p): p
        case .checkConfirmed(let p): p
        case .decisionRecorded(let p): p
        case .restrictionAdded(let p): p
        case .restrictionEnded(let p): p
        case .letterSent(let p): p
        case .staffNotified(let p): p
        case .conferenceCalled(let p): p
        case .conferenceMet(let p): p
        case .complexStatusEnded(let p): p
        case .conferenceActionAgreed(let p): p
        case .conferenceActionDone(let p): p
        case .registerEntryProposed(let p): p
        case .registerEntryApproved(let p): p
        case .registerEntryAmended(let p): p
        case .registerEntryDeclined(let p): p
        case .registerEntryViewed(let p): p
        case .registerEntryDisclosed(let p): p
        case .appealLodged(let p): p
        case .appealDecided(let p): p
        case .ombudsmanReferred(let p): p
        case .reviewRequested(let p): p
        case .reviewRecorded(let p): p
        case .subjectAccessAnswered(let p): p
        case .noteAdded(let p): p
        case .reminderSet(let p): p
        case .reminderClosed(let p): p
        case .caseAssigned(let p): p
        case .contactCorrected(let p): p
        case .fileAttached(let p): p
        case .fileRetrieved(let p): p
        case .statusImported(let p): p
        case .registerEntryImported(let p): p
        case .registerImported(let p): p
        }
    }
}
