// Memberwise initialisers, package-wide, so that the store's snapshot reader (`RecordCoding`) puts
// the register's records back exactly as they were written. Declared in extensions, so that each
// record keeps its own memberwise initialiser inside the core.

extension RegisterEntry {
    package init(written id: RegisterEntryID, subject: Subject, facts: String, communication: String, restrictions: String?,
                 amendment: EntryAmendment?, versions: [EntryAmendment], proposedBy: Login, proposedOn: Day, state: State,
                 approvedBy: Login?, approvedOn: Day?, notToldReason: String?, declineReason: String?, reviews: [Review],
                 letters: [LetterSent], files: [EvidenceFile], views: [RegisterView], disclosures: [Disclosure], removedOn: Day?,
                 imported: ImportedHistory?) {
        self.init(id: id, subject: subject, facts: facts, communication: communication, restrictions: restrictions,
                  amendment: amendment, versions: versions, proposedBy: proposedBy, proposedOn: proposedOn, state: state,
                  approvedBy: approvedBy, approvedOn: approvedOn, notToldReason: notToldReason, declineReason: declineReason,
                  reviews: reviews, letters: letters, files: files, views: views, disclosures: disclosures, removedOn: removedOn,
                  imported: imported)
    }
}

extension RegisterView {
    package init(written by: Login, on: Day) { self.init(by: by, on: on) }
}

extension Disclosure {
    package init(written to: String, reason: String, date: Day, by: Login) { self.init(to: to, reason: reason, date: date, by: by) }
}

extension Appeal {
    package init(written id: AppealID, subject: Subject, received: Day, grounds: String, deadline: Day?, lateReason: String?, outcomeDue: Day,
                 lodgedBy: Login, against: String?, decision: AppealDecision?, referral: OmbudsmanReferral?, letters: [LetterSent]) {
        self.init(id: id, subject: subject, received: received, grounds: grounds, deadline: deadline, lateReason: lateReason,
                  outcomeDue: outcomeDue, lodgedBy: lodgedBy, against: against, decision: decision, referral: referral,
                  letters: letters)
    }
}

extension OmbudsmanReferral {
    package init(written body: OmbudsmanBody, date: Day, recordedBy: Login) { self.init(body: body, date: date, recordedBy: recordedBy) }
}

extension CaseConference {
    package init(written id: ConferenceID, caseID: CaseID, date: Day, chair: Login, calledBy: Login, invitees: [Login], summary: String,
                 missingInvitees: [String], actions: [ConferenceAction], met: Day?) {
        self.init(id: id, caseID: caseID, date: date, chair: chair, calledBy: calledBy, invitees: invitees, summary: summary,
                  missingInvitees: missingInvitees, actions: actions, met: met)
    }
}

extension ConferenceAction {
    package init(written number: Int, owner: Login, due: Day, text: String, done: Day?) {
        self.init(number: number, owner: owner, due: due, text: text, done: done)
    }
}

extension ImportRecord {
    package init(written file: String, sha256: String, kind: ImportKind, rows: Int, by: Login, on: Day) {
        self.init(file: file, sha256: sha256, kind: kind, rows: rows, by: by, on: on)
    }
}

extension Register.Parts {
    package init(written name: String?, staff: [Login: StaffMember], registerEntries: [RegisterEntryID: RegisterEntry], appeals: [AppealID: Appeal],
                 conferences: [ConferenceID: CaseConference], serviceAreas: Set<ServiceArea>,
                 eventCount: Int, imports: [ImportRecord]) {
        self.init(name: name, staff: staff, registerEntries: registerEntries, appeals: appeals, conferences: conferences,
                  serviceAreas: serviceAreas, eventCount: eventCount, imports: imports)
    }
}
