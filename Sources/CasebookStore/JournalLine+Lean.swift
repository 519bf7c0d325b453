import CasebookCore

extension JournalLine {
    /// The line read by the lean reader (`LeanReader`), or nil to leave it to the full decoder.
    /// The hash has been checked already: it is `digest`.
    static func leanDecode(_ bytes: UnsafeRawBufferPointer, digest: RecordHash) -> JournalLine? {
        var line = LeanReader(bytes)
        guard line.begin(), line.field("v"), line.integer() == formatVersion, line.field("seq"), let sequence = line.integer(),
              line.field("at"), let recorded = line.raw(), !recorded.contains(where: { $0 >= 0x80 }),
              line.field("actor"), let actor = line.string(),
              line.field("type"), let type = line.raw(), line.field("payload"), let event = Event.lean(type, &line),
              line.field("prev"), let previous = line.raw(), line.field("hash"), line.raw() != nil,
              line.end(), line.atEnd
        else { return nil }
        return JournalLine(sequence: sequence, time: RecordedTime(utf8: recorded), actor: actor, entry: .domain(event),
                           previous: RecordHash(hex: previous), digest: digest)
    }
}

extension Event {
    /// The record types that make up nearly all of a journal, read field by field (in the sorted
    /// order JSONEncoder writes them) exactly as their Codable conformances would; nil for any
    /// other type or anything unexpected.
    static func lean(_ type: UnsafeRawBufferPointer, _ payload: inout LeanReader) -> Event? {
        func `is`(_ name: StaticString) -> Bool { LeanReader.raw(type, is: name) }
        guard payload.begin() else { return nil }
        let event: Event
        if `is`("contact-logged") {
            guard payload.field("behaviours"), let behaviours = payload.list(Known.behaviours),
                  payload.field("caseID"), let id = payload.id(CaseID.self),
                  payload.field("channel"), let channel = payload.parsed(Known.channels),
                  payload.field("date"), let date = payload.day(),
                  payload.field("kind"), let kind = payload.parsed(Known.contactKinds),
                  payload.field("number"), let number = payload.integer(),
                  payload.field("significantNewInformation"), let significant = payload.bool(),
                  payload.field("summary"), let summary = payload.string(),
                  payload.field("underReadAndFile"), let readAndFile = payload.bool()
            else { return nil }
            event = .contactLogged(ContactLogged(caseID: id, number: number, date: date, channel: channel, kind: kind, summary: summary,
                                                 behaviours: behaviours, significantNewInformation: significant,
                                                 underReadAndFile: readAndFile))
        } else if `is`("check-confirmed") {
            guard payload.field("caseID"), let id = payload.id(CaseID.self), payload.field("evidence"), let evidence = payload.string(),
                  payload.field("item"), let item = payload.parsed(Known.checkItems), payload.field("on"), let on = payload.day()
            else { return nil }
            event = .checkConfirmed(CheckConfirmed(caseID: id, item: item, evidence: evidence, on: on))
        } else if `is`("case-opened") {
            guard payload.field("customer"), let customer = payload.id(CustomerID.self), payload.field("id"), let id = payload.id(CaseID.self),
                  payload.field("on"), let on = payload.day(), payload.field("serviceAreas"), let areas = payload.list({ ServiceArea($0) }),
                  payload.field("title"), let title = payload.string()
            else { return nil }
            event = .caseOpened(CaseOpened(id: id, customer: customer, title: title, serviceAreas: areas, on: on))
        } else if `is`("customer-added") {
            guard let address = payload.optional("address", leanAddress),
                  let adjustments = payload.optional("adjustments", { $0.string() }),
                  let email = payload.optional("email", { $0.string() }),
                  payload.field("id"), let id = payload.id(CustomerID.self), payload.field("name"), let name = payload.string(),
                  let phone = payload.optional("phone", { $0.string() })
            else { return nil }
            event = .customerAdded(CustomerAdded(id: id, name: name, address: address, email: email, phone: phone, adjustments: adjustments))
        } else if `is`("classification-proposed") {
            guard payload.field("behaviours"), let behaviours = payload.list(Known.behaviours),
                  payload.field("caseID"), let id = payload.id(CaseID.self),
                  payload.field("categories"), let categories = payload.list(Known.categories),
                  payload.field("number"), let number = payload.integer(), payload.field("on"), let on = payload.day(),
                  payload.field("reason"), let reason = payload.string()
            else { return nil }
            event = .classificationProposed(ClassificationProposed(caseID: id, number: number, categories: categories,
                                                                   behaviours: behaviours, reason: reason, on: on))
        } else if `is`("decision-recorded") {
            guard payload.field("caseID"), let id = payload.id(CaseID.self), payload.field("consulted"), let consulted = payload.string(),
                  payload.field("date"), let date = payload.day(), payload.field("on"), let on = payload.day(),
                  payload.field("outcome"), let outcome = payload.parsed(Decision.Outcome.init(rawValue:)),
                  payload.field("reason"), let reason = payload.string()
            else { return nil }
            event = .decisionRecorded(DecisionRecorded(caseID: id, outcome: outcome, consulted: consulted, date: date, reason: reason, on: on))
        } else if `is`("restriction-added") {
            guard let adjustment = payload.optional("adjustmentReason", { $0.string() }),
                  payload.field("caseID"), let id = payload.id(CaseID.self), payload.field("details"), let details = payload.string(),
                  let escalation = payload.optional("escalationReason", { $0.string() }),
                  payload.field("from"), let from = payload.day(), let later = payload.optional("laterChange", { $0.bool() }),
                  payload.field("number"), let number = payload.integer(), let reason = payload.optional("reason", { $0.string() }),
                  let recordedOn = payload.optional("recordedOn", { $0.day() }),
                  let basis = payload.optional("statutoryBasis", { $0.string() }),
                  payload.field("type"), let restriction = payload.parsed(Known.restrictionTypes)
            else { return nil }
            event = .restrictionAdded(RestrictionAdded(caseID: id, number: number, type: restriction, details: details, from: from,
                                                       escalationReason: escalation, statutoryBasis: basis, reason: reason,
                                                       laterChange: later, recordedOn: recordedOn, adjustmentReason: adjustment))
        } else if `is`("restriction-ended") {
            guard payload.field("caseID"), let id = payload.id(CaseID.self), let later = payload.optional("laterChange", { $0.bool() }),
                  payload.field("number"), let number = payload.integer(), payload.field("on"), let on = payload.day(),
                  payload.field("reason"), let reason = payload.string(), let recordedOn = payload.optional("recordedOn", { $0.day() })
            else { return nil }
            event = .restrictionEnded(RestrictionEnded(caseID: id, number: number, on: on, reason: reason, laterChange: later,
                                                       recordedOn: recordedOn))
        } else if `is`("register-entry-proposed") {
            guard payload.field("communication"), let communication = payload.string(), payload.field("facts"), let facts = payload.string(),
                  payload.field("id"), let id = payload.id(RegisterEntryID.self), payload.field("on"), let on = payload.day(),
                  let restrictions = payload.optional("restrictions", { $0.string() }), payload.field("subject"),
                  let person = oneCase(&payload, { $0.field("person") ? onlyValue(&$0, CustomerID.self) : nil })
            else { return nil }
            event = .registerEntryProposed(RegisterEntryProposed(id: id, subject: .person(person), facts: facts, communication: communication,
                                                                 restrictions: restrictions, on: on))
        } else if `is`("register-entry-approved") {
            guard payload.field("date"), let date = payload.day(), payload.field("id"), let id = payload.id(RegisterEntryID.self),
                  let reason = payload.optional("notToldReason", { $0.string() })
            else { return nil }
            event = .registerEntryApproved(RegisterEntryApproved(id: id, date: date, notToldReason: reason))
        } else if `is`("appeal-lodged") {
            guard let against = payload.optional("against", { $0.string() }), let deadline = payload.optional("deadline", { $0.day() }),
                  payload.field("grounds"), let grounds = payload.string(), payload.field("id"), let id = payload.id(AppealID.self),
                  let late = payload.optional("lateReason", { $0.string() }), payload.field("outcomeDue"), let due = payload.day(),
                  payload.field("received"), let received = payload.day(), payload.field("subject"),
                  let subject = leanLetterSubject(&payload)
            else { return nil }
            let appealed: Appeal.Subject
            switch subject {
            case .case(let id): appealed = .case(id)
            case .registerEntry(let id): appealed = .registerEntry(id)
            case .appeal: return nil
            }
            event = .appealLodged(AppealLodged(id: id, subject: appealed, received: received, grounds: grounds, deadline: deadline,
                                               lateReason: late, outcomeDue: due, against: against))
        } else if `is`("appeal-decided") {
            guard let added = payload.optional("added", { $0.integers() }), payload.field("date"), let date = payload.day(),
                  let ended = payload.optional("ended", { $0.integers() }), payload.field("id"), let id = payload.id(AppealID.self),
                  payload.field("outcome"), let outcome = payload.parsed(Appeal.Outcome.init(rawValue:)),
                  payload.field("reason"), let reason = payload.string()
            else { return nil }
            event = .appealDecided(AppealDecided(id: id, outcome: outcome, date: date, reason: reason, ended: ended, added: added))
        } else if `is`("letter-sent") {
            guard payload.field("kind"), let kind = payload.parsed(Known.letterKinds), payload.field("sentOn"),
                  let sentOn = payload.day(), payload.field("subject"), let subject = leanLetterSubject(&payload)
            else { return nil }
            event = .letterSent(LetterRecorded(subject: subject, kind: kind, sentOn: sentOn))
        } else {
            return nil
        }
        return payload.end() ? event : nil
    }

    /// A letter's subject: `{"case":{"_0":"CASE-0001"}}`, or a register entry's or an appeal's.
    private static func leanLetterSubject(_ payload: inout LeanReader) -> LetterSubject? {
        oneCase(&payload) { reader -> LetterSubject? in
            if reader.field("case") { return onlyValue(&reader, CaseID.self).map { .case($0) } }
            if reader.field("registerEntry") { return onlyValue(&reader, RegisterEntryID.self).map { .registerEntry($0) } }
            if reader.field("appeal") { return onlyValue(&reader, AppealID.self).map { .appeal($0) } }
            return nil
        }
    }

    /// An enum case with one value as Codable writes it, exactly one key: `{"person":{"_0":"CUST-0001"}}`.
    /// `read` knows the case by its key and reads what follows it.
    private static func oneCase<Value>(_ payload: inout LeanReader, _ read: (inout LeanReader) -> Value?) -> Value? {
        guard payload.begin(), let value = read(&payload), payload.end() else { return nil }
        return value
    }

    /// A case's one value: `{"_0":"CASE-0001"}`.
    private static func onlyValue<ID: RecordID>(_ payload: inout LeanReader, _: ID.Type) -> ID? {
        guard payload.begin(), payload.field("_0"), let id = payload.id(ID.self), payload.end() else { return nil }
        return id
    }

    /// A customer's address: its text, and its postcode when given.
    private static func leanAddress(_ payload: inout LeanReader) -> Address? {
        guard payload.begin(), let postcode = payload.optional("postcode", { $0.parsed { Postcode($0) } }),
              payload.field("text"), let text = payload.string(), payload.end() else { return nil }
        return Address(text: text, postcode: postcode)
    }
}

/// The cases of the enums the commonest records hold, listed once for the lean reader.
private enum Known {
    static let behaviours = RawCases<Behaviour>()
    static let channels = RawCases<Channel>()
    static let contactKinds = RawCases<ContactKind>()
    static let checkItems = RawCases<CheckItem>()
    static let categories = RawCases<CasebookCore.Category>()
    static let restrictionTypes = RawCases<RestrictionType>()
    static let letterKinds = RawCases<LetterKind>()
}
