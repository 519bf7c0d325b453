import Foundation

/// Everything the register holds on one person, for a subject access request (UK GDPR Art 15):
/// their record, cases (contacts, proposals, checks, decisions, restrictions, letters,
/// notifications, reviews), appeals, case conferences, register entries about them and about
/// properties at their addresses (with their disclosures and views), the letters as sent, and
/// mentions of them in other people's records — with a cover saying the Art 15(1)(a)–(h)
/// information. Other people are kept out: another customer named in free text appears as
/// "[another person]", a third party found by `ThirdParties` as "[third party]" unless an officer
/// decided to disclose them. A register entry with a recorded reason for not telling the person
/// must be decided on first: released, or withheld under a named exemption.
public struct SubjectAccess: Encodable, Sendable {
    /// What the officer decided: entries withheld (and the exemption), entries released, third-party names disclosed.
    public struct Decisions: Sendable {
        public var withhold: [RegisterEntryID: String]
        public var release: Set<RegisterEntryID>
        /// Third-party names to leave in, as typed (compared folded).
        public var disclose: [String]

        public init(withhold: [RegisterEntryID: String] = [:], release: Set<RegisterEntryID> = [], disclose: [String] = []) {
            self.withhold = withhold
            self.release = release
            self.disclose = disclose
        }
    }

    public struct LetterAsSent: Encodable, Sendable {
        public let kind: String
        public let about: String
        public let sentOn: Day
        public let sha256: String
        public let text: String
    }

    /// The person mentioned in someone else's record.
    public struct Mention: Encodable, Sendable {
        public let place: String
        public let text: String
    }

    /// A third party found in what would be exported, for the officer to check.
    public struct Candidate: Equatable, Sendable {
        public let name: String
        public let excerpt: String
        public let disclosed: Bool
    }

    /// A conference as the person may see it.
    public struct Conference: Encodable, Sendable {
        public let id: ConferenceID
        public let caseID: CaseID
        public let date: Day
        public let chair: Login
        public let summary: String
        public let actions: [ConferenceAction]
    }

    public let customer: Customer
    public let cases: [Case]
    public let appeals: [Appeal]
    public let conferences: [Conference]
    public let registerEntries: [RegisterEntry]
    public let propertyEntries: [RegisterEntry]
    public let lettersAsSent: [LetterAsSent]
    public let mentionsElsewhere: [Mention]
    /// Art 15(1)(a)–(h), a paragraph each, and what was left out.
    public private(set) var article15: [String]
    /// Entries with a recorded reason for not telling the person, neither released nor withheld yet.
    public let undecided: [RegisterEntry]
    public let withheld: [Withholding]
    public private(set) var candidates: [Candidate]

    private let others: Mentions
    private let thirdParties: ThirdParties
    private let disclosed: Set<[String]>

    enum CodingKeys: String, CodingKey {
        case customer, cases, appeals, conferences, registerEntries, propertyEntries, lettersAsSent, mentionsElsewhere, article15, withheld
    }

    public init(register: Register, customer id: CustomerID, decisions: Decisions = Decisions(),
                council: CouncilDetails = .placeholder, retention: RetentionPeriods = .standard,
                keptLetter: (LetterCopy) -> String? = { _ in nil }) {
        let person = register.customers[id]!
        customer = person
        cases = (register.casesByCustomer[id] ?? []).compactMap { register.cases[$0] }
        let about = register.registerEntries.values.filter { $0.subject == .person(id) }.sorted { $0.id < $1.id }
        undecided = about.filter { $0.notToldReason != nil && decisions.withhold[$0.id] == nil && !decisions.release.contains($0.id) }
        withheld = about.compactMap { entry in decisions.withhold[entry.id].map { Withholding(what: entry.id.description, exemption: $0) } }
        registerEntries = about.filter { decisions.withhold[$0.id] == nil }
        propertyEntries = register.propertyEntries(atAddressesOf: id)
        let caseIDs = Set(cases.map(\.id)), entryIDs = Set(registerEntries.map(\.id))
        appeals = register.appeals.values.filter {
            switch $0.subject {
            case .case(let caseID): caseIDs.contains(caseID)
            case .registerEntry(let entryID): entryIDs.contains(entryID)
            }
        }.sorted { $0.id < $1.id }
        conferences = register.conferences.values.filter { caseIDs.contains($0.caseID) }.sorted { $0.id < $1.id }.map {
            Conference(id: $0.id, caseID: $0.caseID, date: $0.date, chair: $0.chair, summary: $0.summary, actions: $0.actions)
        }
        var letters: [LetterAsSent] = []
        func keep(_ sent: [LetterSent], _ about: String) {
            for letter in sent {
                guard let copy = letter.copy, let text = keptLetter(copy) else { continue }
                letters.append(LetterAsSent(kind: letter.kind.rawValue, about: about, sentOn: letter.sentOn, sha256: copy.sha256, text: text))
            }
        }
        for value in cases { keep(value.letters, value.id.description) }
        for entry in registerEntries { keep(entry.letters, entry.id.description) }
        for appeal in appeals { keep(appeal.letters, appeal.id.description) }
        lettersAsSent = letters

        // Other customers' full names, exact addresses, emails and phones, matched as whole words
        // (a namesake of the person, or someone at the same address, is the person's own).
        let own = Set(([person.name] + person.addresses.map(\.text)).map(Mentions.words))
        var others = Mentions()
        for other in register.customers.values where other.id != id {
            for text in [other.name] + other.addresses.map(\.text) where !own.contains(Mentions.words(text)) {
                if Mentions.words(text).count >= 2 { others.add(words: text, tag: 0) }
            }
            if let email = other.email, email.lowercased() != person.email?.lowercased() { others.add(email: email, tag: 0) }
            if let phone = other.phone, phone != person.phone { others.add(phone: phone, tag: 0) }
        }
        self.others = others
        thirdParties = ThirdParties(person: person, staff: Array(register.staff.values))
        disclosed = Set(decisions.disclose.map(Mentions.words))

        // Mentions of them in other people's records (not in what is already theirs, nor withheld).
        let theirs = Mentions.of(person)
        let included = Set(propertyEntries.map(\.id.description))
        let withheldIDs = Set(withheld.map(\.what))
        mentionsElsewhere = register.freeTexts().filter { text in
            let record = String(text.place.prefix { $0 != " " })
            return text.owner != id && !included.contains(record) && !withheldIDs.contains(record)
        }.compactMap { text in
            guard let first = theirs.matches(in: text.text).first else { return nil }
            return Mention(place: text.place, text: Self.excerpt(text.text, around: first.range))
        }

        // The third parties in everything exported, for the preview; counted for the record.
        var found: [Candidate] = []
        func look(_ text: String) {
            let kept = others.replacing(in: text) { _ in "[another person]" }
            for range in thirdParties.candidates(in: kept) {
                let name = String(kept[range])
                found.append(Candidate(name: name, excerpt: Self.excerpt(kept, around: range), disclosed: disclosed.contains(Mentions.words(name))))
            }
        }
        article15 = []
        candidates = []
        let draft = self
        if let data = try? JSONEncoder().encode(draft) { Self.strings(in: data).forEach(look) }
        candidates = found
        article15 = Self.article15(for: self, register: register, council: council, retention: retention)
    }

    /// What the export left out of its free text: third parties, counted.
    public var thirdPartiesRedacted: Int { candidates.filter { !$0.disclosed }.count }

    /// `text` with other customers and undisclosed third parties replaced.
    public func withoutOthers(_ text: String) -> String {
        let kept = others.replacing(in: text) { _ in "[another person]" }
        let ranges = thirdParties.candidates(in: kept).filter { !disclosed.contains(Mentions.words(String(kept[$0]))) }
        guard !ranges.isEmpty else { return kept }
        var result = "", position = kept.startIndex
        for range in ranges {
            result += kept[position..<range.lowerBound] + "[third party]"
            position = range.upperBound
        }
        return result + kept[position...]
    }

    /// The export as JSON, with other people kept out of its free text.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try JSONStrings.map(try encoder.encode(self), withoutOthers).data
    }

    /// The cover (Art 15(1)(a)–(h)) as one document.
    public var cover: String {
        (["Your subject access request: \(customer.name) (\(customer.id))", ""] + article15.flatMap { [$0, ""] })
            .joined(separator: "\n")
    }

    /// The same, as one readable document, with other people kept out of it.
    public var document: String { withoutOthers(rawDocument) }

    static func strings(in data: Data) -> [String] {
        var found: [String] = []
        _ = try? JSONStrings.map(data) { text in
            found.append(text)
            return text
        }
        return found
    }

    static func excerpt(_ text: String, around range: Range<String.Index>) -> String {
        Mentions.excerpt(text, around: range, radius: 150)
    }
}
