import CasebookCore

extension JournalLine {
    /// The line read by the lean reader (`LeanJSON`), or nil to leave it to the full decoder. The
    /// hash has been checked already.
    static func leanDecode(_ bytes: UnsafeRawBufferPointer) -> JournalLine? {
        guard var line = LeanObject(LeanJSON.parse(bytes), in: bytes),
              line.integer("v") == formatVersion, let sequence = line.integer("seq"), let recorded = line.string("at"),
              let actor = line.string("actor"), let type = line.string("type"), let previousHash = line.string("prev"),
              let hash = line.string("hash"), var payload = LeanObject(line.value("payload"), in: bytes), line.complete,
              let event = Event.lean(type, &payload), payload.complete
        else { return nil }
        return JournalLine(sequence: sequence, recorded: recorded, actor: actor, entry: .domain(event),
                           previousHash: previousHash, hash: hash)
    }
}

extension Event {
    /// The record types that make up nearly all of a journal, read field by field exactly as
    /// their Codable conformances would; nil for any other type or anything unexpected.
    static func lean(_ type: String, _ payload: inout LeanObject) -> Event? {
        switch type {
        case "contact-logged":
            guard let id = payload.id("caseID", CaseID.self), let number = payload.integer("number"),
                  let date = payload.day("date"), let channel = payload.parsed("channel", Channel.init(rawValue:)),
                  let kind = payload.parsed("kind", ContactKind.init(rawValue:)), let summary = payload.string("summary"),
                  let behaviours = payload.list("behaviours", Behaviour.init(rawValue:)),
                  let significant = payload.bool("significantNewInformation"), let readAndFile = payload.bool("underReadAndFile")
            else { return nil }
            return .contactLogged(ContactLogged(caseID: id, number: number, date: date, channel: channel, kind: kind, summary: summary,
                                                behaviours: behaviours, significantNewInformation: significant,
                                                underReadAndFile: readAndFile))
        case "check-confirmed":
            guard let id = payload.id("caseID", CaseID.self), let item = payload.parsed("item", CheckItem.init(rawValue:)),
                  let evidence = payload.string("evidence"), let on = payload.day("on") else { return nil }
            return .checkConfirmed(CheckConfirmed(caseID: id, item: item, evidence: evidence, on: on))
        case "case-opened":
            guard let id = payload.id("id", CaseID.self), let customer = payload.id("customer", CustomerID.self),
                  let title = payload.string("title"), let areas = payload.list("serviceAreas", { ServiceArea($0) }),
                  let on = payload.day("on") else { return nil }
            return .caseOpened(CaseOpened(id: id, customer: customer, title: title, serviceAreas: areas, on: on))
        case "customer-added":
            guard let id = payload.id("id", CustomerID.self), let name = payload.string("name"),
                  let address = leanAddress(&payload), let email = payload.optionalString("email"),
                  let phone = payload.optionalString("phone"), let adjustments = payload.optionalString("adjustments")
            else { return nil }
            return .customerAdded(CustomerAdded(id: id, name: name, address: address, email: email, phone: phone, adjustments: adjustments))
        case "classification-proposed":
            guard let id = payload.id("caseID", CaseID.self), let number = payload.integer("number"),
                  let categories = payload.list("categories", Category.init(rawValue:)),
                  let behaviours = payload.list("behaviours", Behaviour.init(rawValue:)), let reason = payload.string("reason"),
                  let on = payload.day("on") else { return nil }
            return .classificationProposed(ClassificationProposed(caseID: id, number: number, categories: categories,
                                                                  behaviours: behaviours, reason: reason, on: on))
        case "decision-recorded":
            guard let id = payload.id("caseID", CaseID.self), let outcome = payload.parsed("outcome", Decision.Outcome.init(rawValue:)),
                  let consulted = payload.string("consulted"), let date = payload.day("date"),
                  let reason = payload.string("reason"), let on = payload.day("on") else { return nil }
            return .decisionRecorded(DecisionRecorded(caseID: id, outcome: outcome, consulted: consulted, date: date, reason: reason, on: on))
        case "restriction-added":
            guard let id = payload.id("caseID", CaseID.self), let number = payload.integer("number"),
                  let restriction = payload.parsed("type", RestrictionType.init(rawValue:)), let details = payload.string("details"),
                  let from = payload.day("from"), let escalation = payload.optionalString("escalationReason"),
                  let basis = payload.optionalString("statutoryBasis") else { return nil }
            return .restrictionAdded(RestrictionAdded(caseID: id, number: number, type: restriction, details: details, from: from,
                                                      escalationReason: escalation, statutoryBasis: basis))
        case "letter-sent":
            guard let kind = payload.parsed("kind", LetterKind.init(rawValue:)), let sentOn = payload.day("sentOn"),
                  let subject = leanLetterSubject(&payload) else { return nil }
            return .letterSent(LetterRecorded(subject: subject, kind: kind, sentOn: sentOn))
        default:
            return nil
        }
    }

    /// A letter's subject as Codable writes an enum case with one value: `{"case":{"_0":"CASE-0001"}}`.
    private static func leanLetterSubject(_ payload: inout LeanObject) -> LetterSubject? {
        let bytes = payload.bytes
        // Exactly one key, as Codable insists.
        guard var subject = LeanObject(payload.value("subject"), in: bytes), subject.count == 1 else { return nil }
        let result: LetterSubject
        if var value = LeanObject(subject.value("case"), in: bytes), let id = value.id("_0", CaseID.self), value.complete {
            result = .case(id)
        } else if var value = LeanObject(subject.value("registerEntry"), in: bytes), let id = value.id("_0", RegisterEntryID.self),
                  value.complete {
            result = .registerEntry(id)
        } else if var value = LeanObject(subject.value("appeal"), in: bytes), let id = value.id("_0", AppealID.self), value.complete {
            result = .appeal(id)
        } else {
            return nil
        }
        return subject.complete ? result : nil
    }

    /// A customer's optional address: nil inside when absent or null.
    private static func leanAddress(_ payload: inout LeanObject) -> Address?? {
        let bytes = payload.bytes
        switch payload.value("address") {
        case nil, .null?:
            return .some(nil)
        case let value:
            guard var address = LeanObject(value, in: bytes), let text = address.string("text") else { return nil }
            let postcode: Postcode?
            switch address.value("postcode") {
            case nil, .null?: postcode = nil
            case let written:
                guard let parsed = address.text(written).flatMap({ Postcode($0) }) else { return nil }
                postcode = parsed
            }
            guard address.complete else { return nil }
            return .some(Address(text: text, postcode: postcode))
        }
    }
}
