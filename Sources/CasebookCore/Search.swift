import Foundation

/// Finding people, addresses, postcodes and cases as an officer types: case- and
/// accent-insensitive ("zoe" finds "Zoë", "lodz" finds "Łódź").
public enum Search {
    /// Text folded for matching: lower case, no accents, letters that have no decomposition
    /// (ł, ø, ß, æ...) spelt the usual English way, punctuation and runs of space as one space.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        fold(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `fields` each folded, joined by a space (an empty one too): what a record is searched in,
    /// made in one buffer rather than a string for each field.
    public static func fold(joining fields: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for index in fields.indices {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            fold(fields[index], into: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` folded, added to the end of `bytes` (which reserves the room: reserving a little
    /// more for each of many fields would make a new copy each time).
    static func fold(_ text: String, into bytes: inout [UInt8]) {
        if !foldASCII(text, into: &bytes) { foldMixed(text, into: &bytes) }
    }

    /// The same folding for text with some letters beyond ASCII ("Zoë Wójcik, 12 Mill Lane"):
    /// ASCII byte by byte, the accented letters of most names from a table (`latinLetters`), and
    /// only each run of other characters through Foundation's folding.
    static func foldMixed(_ text: String) -> String {
        var bytes: [UInt8] = []
        foldMixed(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func foldMixed(_ text: String, into bytes: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ foldMixed($0, into: &bytes) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { foldMixed($0, into: &bytes) }
        }
    }

    private static func foldMixed(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        let start = bytes.count
        var lastWasSpace = true
        var run: [UInt8] = []
        func space() {
            if !lastWasSpace { bytes.append(UInt8(ascii: " ")) }
            lastWasSpace = true
        }
        func write(_ written: [Written]) {
            for piece in written {
                switch piece {
                case .letters(let letters):
                    bytes += letters
                    lastWasSpace = false
                case .space:
                    space()
                }
            }
        }
        func flush() {
            guard !run.isEmpty else { return }
            let folded = foldedByFoundation(String(decoding: run, as: UTF8.self))
            run.removeAll(keepingCapacity: true)
            write(written(folded))
        }
        // The letter or digit just written, and whether a space came before it: a combining mark
        // that follows belongs to it, so it goes back into the run ("e" + acute is "é").
        var previous: (byte: UInt8, spaceBefore: Bool)?
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if byte >= 0x80 {
                // A letter from U+00C0 to U+017F standing alone (not in a run, and followed by
                // ASCII, the end or another such letter, never by a mark that would join it).
                if run.isEmpty, (0xC3...0xC5).contains(byte), index < utf8.count,
                   index + 1 == utf8.count || utf8[index + 1] < 0x80 || (0xC3...0xC5).contains(utf8[index + 1]) {
                    let scalar = Int(byte & 0x1F) << 6 | Int(utf8[index] & 0x3F)
                    index += 1
                    previous = nil
                    write(latinLetters[scalar - 0xC0])
                    continue
                }
                if run.isEmpty, let (letter, spaceBefore) = previous {
                    bytes.removeLast()
                    lastWasSpace = spaceBefore
                    run.append(letter)
                }
                previous = nil
                run.append(byte)
                continue
            }
            flush()
            previous = nil
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previous = (byte, lastWasSpace)
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                lastWasSpace = false
            case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."):
                continue
            default:
                space()
            }
        }
        flush()
        while bytes.count > start, bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
    }

    /// How one character of folded text is written: as letters, or as a space between words
    /// (a mark dropped is not written at all).
    enum Written: Equatable, Sendable {
        case letters([UInt8])
        case space
    }

    /// How the characters of `folded` (text already folded by Foundation) are written.
    static func written(_ folded: String) -> [Written] {
        var written: [Written] = []
        for character in folded {
            if let mapped = spelling(character) {
                if !mapped.isEmpty { written.append(.letters(Array(mapped.utf8))) }
            } else if character.isLetter || character.isNumber {
                written.append(.letters(Array(String(character).utf8)))
            } else {
                written.append(.space)
            }
        }
        return written
    }

    /// How each character from U+00C0 to U+017F (Latin-1's letters and Latin Extended-A, the
    /// accented letters of most names) is written, each folded once by Foundation: folding them
    /// one name at a time was most of the time it took to index a register.
    static let latinLetters: [[Written]] = (0xC0...0x17F).map { scalar in
        written(foldedByFoundation(String(Character(Unicode.Scalar(UInt32(scalar))!))))
    }

    /// Foundation's folding of case, accents and width: what every folding here follows.
    static func foldedByFoundation(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Letters with no decomposition, spelt the usual English way; "" for marks dropped; nil for
    /// any other character.
    public static func spelling(_ character: Character) -> String? {
        switch character {
        case "ł": "l"
        case "ø": "o"
        case "ß": "ss"
        case "æ": "ae"
        case "œ": "oe"
        case "đ", "ð": "d"
        case "þ": "th"
        case "ı": "i"
        case "'", "’", "‘", "`", ".": ""
        default: nil
        }
    }

    /// The same folding for text that is all ASCII (most names and addresses), byte by byte:
    /// Foundation's folding made searching a large register slow.
    static func foldASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        return foldASCII(text, into: &bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The same, added to the end of `bytes`; false, with `bytes` as they were, for text beyond ASCII.
    static func foldASCII(_ text: String, into bytes: inout [UInt8]) -> Bool {
        let start = bytes.count
        var lastWasSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x80...:
                bytes.removeSubrange(start...)
                return false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes.append(byte + 32)
                lastWasSpace = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                bytes.append(byte)
                lastWasSpace = false
            case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."):
                continue
            default:
                if !lastWasSpace { bytes.append(UInt8(ascii: " ")) }
                lastWasSpace = true
            }
        }
        while bytes.count > start, bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return true
    }

    static func foldUnicode(_ text: String) -> String {
        let folded = foldedByFoundation(text)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var lastWasSpace = true
        for character in folded {
            let mapped: String
            switch character {
            case "ł": mapped = "l"
            case "ø": mapped = "o"
            case "ß": mapped = "ss"
            case "æ": mapped = "ae"
            case "œ": mapped = "oe"
            case "đ", "ð": mapped = "d"
            case "þ": mapped = "th"
            case "ı": mapped = "i"
            case "'", "’", "‘", "`", ".": continue
            default:
                if character.isLetter || character.isNumber { mapped = String(character) }
                else { mapped = " " }
            }
            if mapped == " " {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result += mapped
                lastWasSpace = false
            }
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// A search result: what was found and the text that matched.
    public struct Hit: Equatable, Sendable {
        public enum Kind: String, Sendable, Codable { case customer, `case`, registerEntry = "register-entry" }

        public let kind: Kind
        public let id: String
        public let title: String
        public let matched: String
    }

    /// Every customer, case and property entry whose name, address, postcode, contact details,
    /// title or id contains each word of `query`.
    public static func find(_ query: String, in register: Register) -> [Hit] {
        find(query, in: records(in: register)).map(\.hit)
    }

    /// The words of a query, folded, as UTF-8.
    public static func words(_ query: String) -> [[UInt8]] { fold(query).split(separator: " ").map { Array($0.utf8) } }

    /// The records matching every word of `query`, in the order given, each with its hit.
    public static func find(_ query: String, in records: [SearchRecord]) -> [(hit: Hit, record: SearchRecord)] {
        let words = words(query)
        guard !words.isEmpty else { return [] }
        // Each record stands alone: on every core, a share of them each (a common name's thousands
        // of hits each fold their fields to say which one matched).
        let hits = inOrder(count: records.count, atLeast: 1_024) { index in hit(in: records[index], for: words) }
        var found: [(hit: Hit, record: SearchRecord)] = []
        for (index, hit) in hits.enumerated() { if let hit { found.append((hit, records[index])) } }
        return found
    }

    /// The hit `record` gives when its folded text holds every one of `words` (folded, as
    /// `words(_:)` gives them); nil when it does not.
    public static func hit(in record: SearchRecord, for words: [[UInt8]]) -> Hit? {
        FoldedText.contains(record.folded, all: words) ? record.hit(for: words) : nil
    }

    /// What `find` looks through: customers, then cases, then property entries, each in id order.
    public static func records(in register: Register) -> [SearchRecord] {
        var live: Set<CustomerID> = []
        var reviewDue: [CustomerID: Day] = [:]
        for entry in register.registerEntries.values where entry.state == .live {
            if case .person(let id) = entry.subject {
                live.insert(id)
                if let due = entry.nextReviewDue { reviewDue[id] = min(due, reviewDue[id] ?? due) }
            }
        }
        let onRegister = live, reviews = reviewDue
        @Sendable func record(of customer: Customer) -> SearchRecord {
            var fields = [customer.name, customer.id.description]
            for address in customer.addresses {
                fields.append(address.text)
                if let postcode = address.postcode {
                    fields.append(postcode.value)
                    // Without its spaces, byte by byte (a space is never part of another character's bytes).
                    fields.append(String(decoding: postcode.value.utf8.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self))
                }
            }
            if let email = customer.email { fields.append(email) }
            if let phone = customer.phone { fields.append(phone) }
            let periods = (register.casesByCustomer[customer.id] ?? []).compactMap { register.cases[$0] }.flatMap { value in
                value.restrictions.map { SearchRecord.Period(from: $0.from, ended: $0.ended) }
            }
            return SearchRecord(kind: .customer, id: customer.id.description, title: customer.name, fields: fields,
                                onRegister: onRegister.contains(customer.id), restrictions: periods, reviewDue: reviews[customer.id])
        }
        @Sendable func record(of value: Case) -> SearchRecord {
            let owner = register.customers[value.customer]?.name ?? ""
            return SearchRecord(kind: .case, id: value.id.description, title: "\(value.title) (\(owner))",
                                fields: [value.title, value.id.description, owner])
        }
        // The ids sorted, not the records (moving a hundred thousand records about to sort them
        // cost more than all the rest); each record stands alone, so they are made on every core.
        let customers = register.customers.keys.sorted(), cases = register.cases.keys.sorted()
        var records = inOrder(count: customers.count + cases.count) { index in
            index < customers.count ? record(of: register.customers[customers[index]]!)
                : record(of: register.cases[cases[index - customers.count]]!)
        }
        for entry in register.registerEntries.values.sorted(by: { $0.id < $1.id }) {
            guard case .property(let address) = entry.subject else { continue }
            records.append(SearchRecord(kind: .registerEntry, id: entry.id.description, title: address.description,
                                        fields: [address.text, address.postcode?.value ?? "", entry.id.description],
                                        entryState: entry.state, reviewDue: entry.nextReviewDue))
        }
        return records
    }

    /// Whether `event` can change what `find` shows (a new name or title, a flag): the search
    /// index is written again after one, and a cold `find` past one reads the whole register.
    public static func changesResults(_ event: Event) -> Bool {
        switch event {
        case .customerAdded, .customerUpdated, .caseOpened, .registerEntryProposed, .registerEntryApproved, .registerEntryDeclined, .registerEntryAmended,
             .restrictionAdded, .restrictionEnded, .reviewRecorded, .appealDecided, .registerInitialised, .complexStatusEnded,
             .statusImported, .registerEntryImported:
            true
        case .staffAdded, .staffLeft, .staffUpdated, .contactLogged, .filedContactConfirmed, .statutoryRequestAnswered, .matterSettled, .classificationProposed,
             .checkConfirmed, .decisionRecorded, .letterSent, .staffNotified, .conferenceCalled, .conferenceMet, .conferenceActionAgreed,
             .conferenceActionDone, .registerEntryViewed, .registerEntryDisclosed, .appealLodged, .ombudsmanReferred,
             .reviewRequested, .subjectAccessAnswered, .noteAdded, .reminderSet, .reminderClosed,
             .caseAssigned, .contactCorrected, .fileAttached, .fileRetrieved, .registerImported:
            false
        }
    }
}
