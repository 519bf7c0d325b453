import Foundation

/// Removing one person's personal data from the register's events (docs/erasure.md): every record
/// about them keeps its shape (ids, dates, types, outcomes) with its personal and free-text fields
/// replaced by `[erased]`; in every other record, mentions of their name, address, postcode,
/// email or phone are replaced too.
public struct Erasure: Sendable {
    public static let marker = "[erased]"

    public let customer: CustomerID
    public let cases: Set<CaseID>
    public let entries: Set<RegisterEntryID>
    public let appeals: Set<AppealID>
    public let conferences: Set<ConferenceID>
    /// What is removed wherever it appears in others' free text: the person's full name and exact
    /// address as whole words, their email, their phone by its digits (`Mentions`).
    public let mentions: Mentions
    /// What may be the person but may be someone else: one word of their name alone ("Murphy",
    /// "Seán"). Listed by the preview for a person to decide; never redacted.
    public let ambiguous: Mentions

    /// 7.1: erasure, and its preview, are for administrators.
    public static func requireEraser(_ login: Login, in register: Register) throws(Refusal) {
        guard let member = register.staff[login], member.active, member.has(.admin) else {
            throw .rule("7.1", "Only an administrator may erase a person's data, or preview an erasure; \(login) is not one.")
        }
    }

    /// Refused while the council must keep the records: a status in force, a live register entry,
    /// or an appeal awaiting its outcome.
    public init(register: Register, customer id: CustomerID, today: Day) throws(Refusal) {
        guard let person = register.customers[id] else {
            throw .badInput("There is no customer \(id).", field: .customer)
        }
        guard person.name != Erasure.marker else {
            throw .badInput("\(id)'s personal data has already been erased.", field: .customer)
        }
        let cases = Set(register.casesByCustomer[id] ?? [])
        let entries = Set(register.registerEntries.values.filter { $0.subject == .person(id) }.map(\.id))
        let appeals = Set(register.appeals.values.filter { appeal in
            switch appeal.subject {
            case .case(let caseID): cases.contains(caseID)
            case .registerEntry(let entryID): entries.contains(entryID)
            }
        }.map(\.id))
        if let value = cases.compactMap({ register.cases[$0] }).first(where: \.isStatusInForce) {
            throw .rule("5.2.4", "\(value.id) has a status in force: its record must be kept while it restricts what "
                + "\(id) may do. Lift it by review or appeal first.")
        }
        if let entry = entries.compactMap({ register.registerEntries[$0] }).first(where: { $0.state == .live }) {
            throw .rule("5.3.2", "Register entry \(entry.id) is live: remove it by review first.")
        }
        if let appeal = appeals.compactMap({ register.appeals[$0] }).first(where: { $0.decision == nil }) {
            throw .rule("6.2", "Appeal \(appeal.id) is awaiting its outcome: decide it first.")
        }
        self.customer = id
        self.cases = cases
        self.entries = entries
        self.appeals = appeals
        self.conferences = Set(register.conferences.values.filter { cases.contains($0.caseID) }.map(\.id))
        // A postcode alone is shared by many households, and so is not removed from others' records;
        // nor is a name of one word, or an address with no house number: they are someone else's too.
        mentions = Mentions.of(person)
        var ambiguous = Mentions()
        let words = Mentions.words(person.name)
        if words.count >= 2 { for word in words where word.count >= 2 { ambiguous.add(words: word, tag: 0) } }
        self.ambiguous = ambiguous
    }

    /// Replaces every mention of the person in `text` (whole words, exact details).
    public func scrub(_ text: String) -> String {
        mentions.replacing(in: text) { _ in Erasure.marker }
    }

    /// The event with this person's data removed; unchanged when it holds none.
    public func redact(_ event: Event) -> Event {
        let m = Erasure.marker
        switch event {
        case .customerAdded(var e) where e.id == customer:
            e.name = m
            e.address = e.address.map { _ in Address(text: m, postcode: nil) }
            e.email = e.email.map { _ in m }
            e.phone = e.phone.map { _ in m }
            e.adjustments = e.adjustments.map { _ in m }
            return .customerAdded(e)
        case .customerUpdated(var e) where e.id == customer:
            e.name = m
            e.address = e.address.map { _ in Address(text: m, postcode: nil) }
            e.email = e.email.map { _ in m }
            e.phone = e.phone.map { _ in m }
            e.adjustments = e.adjustments.map { _ in m }
            e.reason = m
            return .customerUpdated(e)
        case .caseOpened(var e) where cases.contains(e.id):
            e.title = m
            return .caseOpened(e)
        case .contactLogged(var e) where cases.contains(e.caseID):
            e.summary = m
            return .contactLogged(e)
        case .statutoryRequestAnswered(var e) where cases.contains(e.caseID):
            e.note = m
            return .statutoryRequestAnswered(e)
        case .noteAdded(var e) where cases.contains(e.caseID):
            e.text = m
            return .noteAdded(e)
        case .reminderSet(var e) where cases.contains(e.caseID):
            e.text = m
            return .reminderSet(e)
        case .fileAttached(var e) where owns(e.subject):
            // The kept file goes with the erasure; its hash (which would match a copy elsewhere) too.
            e.name = m
            e.description = m
            e.sha256 = ""
            return .fileAttached(e)
        case .fileRetrieved(var e) where owns(e.subject):
            e.sha256 = ""
            return .fileRetrieved(e)
        case .caseAssigned(var e) where cases.contains(e.caseID):
            e.reason = e.reason.map { _ in m }
            return .caseAssigned(e)
        case .contactCorrected(var e) where cases.contains(e.caseID):
            e.summary = e.summary.map { _ in m }
            e.reason = m
            return .contactCorrected(e)
        case .matterSettled(var e) where cases.contains(e.caseID):
            e.note = m
            return .matterSettled(e)
        case .classificationProposed(var e) where cases.contains(e.caseID):
            e.reason = m
            return .classificationProposed(e)
        case .checkConfirmed(var e) where cases.contains(e.caseID):
            e.evidence = m
            return .checkConfirmed(e)
        case .decisionRecorded(var e) where cases.contains(e.caseID):
            e.reason = m
            return .decisionRecorded(e)
        case .restrictionAdded(var e) where cases.contains(e.caseID):
            e.details = m
            e.escalationReason = e.escalationReason.map { _ in m }
            return .restrictionAdded(e)
        case .restrictionEnded(var e) where cases.contains(e.caseID):
            e.reason = m
            return .restrictionEnded(e)
        case .complexStatusEnded(var e) where cases.contains(e.caseID):
            e.reason = m
            return .complexStatusEnded(e)
        case .conferenceCalled(var e) where cases.contains(e.caseID):
            e.summary = m
            return .conferenceCalled(e)
        case .conferenceMet(var e) where conferences.contains(e.id):
            e.summary = m
            return .conferenceMet(e)
        case .conferenceActionAgreed(var e) where conferences.contains(e.conference):
            e.text = m
            return .conferenceActionAgreed(e)
        case .registerEntryProposed(var e) where entries.contains(e.id):
            e.facts = m
            e.communication = m
            e.restrictions = e.restrictions.map { _ in m }
            return .registerEntryProposed(e)
        case .registerEntryAmended(var e) where entries.contains(e.id):
            e.facts = m
            e.communication = m
            e.restrictions = e.restrictions.map { _ in m }
            e.reason = m
            return .registerEntryAmended(e)
        case .registerEntryApproved(var e) where entries.contains(e.id):
            e.notToldReason = e.notToldReason.map { _ in m }
            return .registerEntryApproved(e)
        case .registerEntryDeclined(var e) where entries.contains(e.id):
            e.reason = m
            return .registerEntryDeclined(e)
        case .statusImported(var e) where cases.contains(e.caseID):
            e.reason = m
            return .statusImported(e)
        case .registerEntryImported(var e) where entries.contains(e.id):
            e.notToldReason = e.notToldReason.map { _ in m }
            return .registerEntryImported(e)
        case .registerEntryDisclosed(var e) where entries.contains(e.id):
            e.reason = m
            return .registerEntryDisclosed(e)
        case .appealLodged(var e) where appeals.contains(e.id):
            e.grounds = m
            e.lateReason = e.lateReason.map { _ in m }
            return .appealLodged(e)
        case .appealDecided(var e) where appeals.contains(e.id):
            e.reason = m
            return .appealDecided(e)
        case .reviewRecorded(var e) where owns(e.subject):
            e.reason = m
            return .reviewRecorded(e)
        case .customerAdded, .customerUpdated, .staffAdded, .staffUpdated, .staffLeft, .registerInitialised:
            return event  // another person's own record, or staff's: a namesake is not a mention
        case .registerEntryProposed, .registerEntryAmended, .registerEntryApproved, .registerEntryDeclined,
             .registerEntryDisclosed, .registerEntryViewed, .registerEntryImported:
            return event  // another's register entry is a safety record: never altered (the preview lists mentions in it)
        case .reviewRecorded(let e) where { if case .registerEntry = e.subject { true } else { false } }():
            return event
        default:
            return scrubbed(event)
        }
    }

    // MARK: - What it would change, before it does

    /// What redacting `event` changes, text by text (before and after, cut around the change);
    /// empty when it changes nothing.
    public func changes(_ event: Event) -> [ErasureChange] {
        let after = redact(event)
        guard after != event else { return [] }
        let tree = Self.tree(event)
        let before = Self.strings(in: tree), now = Self.strings(in: Self.tree(after))
        let place = Self.place(of: event, tree: tree)
        if case .customerAdded = event {
            return [ErasureChange(place: place, before: "(their own record)", after: "every personal field \(Erasure.marker)")]
        }
        return before.keys.sorted().compactMap { path in
            let old = before[path]!, new = now[path] ?? Erasure.marker
            return old == new ? nil : ErasureChange(place: place, before: Self.excerpt(old, against: new), after: Self.excerpt(new, against: old))
        }
    }

    /// Mentions that the erasure leaves where they are: in others' register entries (never altered)
    /// and one word of the name alone (it may be someone else) — for a person to decide.
    public func notices(in register: Register) -> [ErasureNotice] {
        var notices: [ErasureNotice] = []
        // A word of their name inside another customer's full name ("Seán" in "Seán Murphy") is that person's.
        var others = Mentions()
        for other in register.customers.values where other.id != customer && Mentions.words(other.name).count >= 2 {
            others.add(words: other.name, tag: 0)
        }
        for text in register.freeTexts() where text.owner != customer {
            let full = mentions.matches(in: text.text)
            if text.inRegisterEntry {
                for match in full {
                    notices.append(ErasureNotice(kind: .keptInRegisterEntry, place: text.place,
                                                 excerpt: Self.excerpt(text.text, around: match.range)))
                }
            }
            let named = others.matches(in: text.text)
            for match in ambiguous.matches(in: text.text)
            where !(full + named).contains(where: { $0.range.overlaps(match.range) }) {
                notices.append(ErasureNotice(kind: .ambiguous, place: text.place, excerpt: Self.excerpt(text.text, around: match.range)))
            }
        }
        return notices
    }

    /// "contact-logged CASE-0003 4": the event's type and the ids that find its record.
    static func place(of event: Event, tree: Any?) -> String {
        guard let object = tree as? [String: Any] else { return event.type }
        let payload = object.values.compactMap { $0 as? [String: Any] }.first ?? object
        let keys = ["id", "caseID", "conference", "customer", "number", "contact"]
        let ids = keys.compactMap { key -> String? in
            if let text = payload[key] as? String { return text }
            if let number = payload[key] as? Int { return "#\(number)" }
            if let nested = payload[key] as? [String: Any], let text = nested.values.first as? String { return text }
            return nil
        }
        return ([event.type] + ids).joined(separator: " ")
    }

    /// The record as JSON objects, read once for its strings and its place.
    static func tree(_ event: Event) -> Any? {
        (try? JSONEncoder().encode(event)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
    }

    /// Every string of the record by its path, keys in order, so that before and after pair up.
    static func strings(in tree: Any?) -> [String: String] {
        var found: [String: String] = [:]
        func walk(_ node: Any, _ path: String) {
            switch node {
            case let text as String: found[path] = text
            case let array as [Any]: for (index, item) in array.enumerated() { walk(item, path + "[\(index)]") }
            case let object as [String: Any]: for key in object.keys.sorted() { walk(object[key]!, path + "." + key) }
            default: break
            }
        }
        if let tree { walk(tree, "") }
        return found
    }

    /// Up to 60 characters either side of the first difference from `other`.
    public static func excerpt(_ text: String, against other: String) -> String {
        let common = zip(text, other).prefix { $0 == $1 }.count
        let start = text.index(text.startIndex, offsetBy: common, limitedBy: text.endIndex) ?? text.endIndex
        return excerpt(text, around: start..<start)
    }

    public static func excerpt(_ text: String, around range: Range<String.Index>) -> String {
        Mentions.excerpt(text, around: range, radius: 60)
    }

    /// Any other event: mentions in its text fields replaced, found by walking its JSON strings.
    private func scrubbed(_ event: Event) -> Event {
        guard !mentions.isEmpty, let data = try? JSONEncoder().encode(event),
              let (out, changed) = try? JSONStrings.map(data, scrub), changed,
              let result = try? JSONDecoder().decode(Event.self, from: out) else { return event }
        return result
    }
}

/// One text an erasure would change.
public struct ErasureChange: Equatable, Sendable {
    public let place: String
    public let before: String
    public let after: String

    public init(place: String, before: String, after: String) {
        self.place = place
        self.before = before
        self.after = after
    }
}

/// A mention an erasure leaves, for a person to decide about.
public struct ErasureNotice: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// In another person's or a property's register entry: never altered; amend the entry if it must go.
        case keptInRegisterEntry = "kept-in-register-entry"
        /// One word of the name alone: it may be someone else.
        case ambiguous
    }

    public let kind: Kind
    public let place: String
    public let excerpt: String
}

extension Erasure {
    /// Whether a case or register entry is one of the person's own.
    public func owns(_ subject: Appeal.Subject) -> Bool {
        switch subject {
        case .case(let id): cases.contains(id)
        case .registerEntry(let id): entries.contains(id)
        }
    }

    /// The files kept in the store for the person's own records, which the erasure removes: all but
    /// any that is also kept (the same bytes) for someone else's record.
    public func filesRemoved(in register: Register) -> [EvidenceFile] {
        let own = cases.compactMap { register.cases[$0] }.flatMap(\.files) + entries.compactMap { register.registerEntries[$0] }.flatMap(\.files)
        return own.filter { file in register.evidenceFile(file.sha256).allSatisfy { owns($0.subject) } }
    }
}
