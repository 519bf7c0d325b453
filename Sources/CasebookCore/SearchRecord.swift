/// What `find` searches and shows for one customer, case or property entry, with what its flags
/// depend on: all that the search index keeps, so that a cold `casebook find` can answer from it.
public struct SearchRecord: Equatable, Sendable {
    /// A restriction's period on one of a person's cases.
    public struct Period: Equatable, Sendable {
        public let from: Day
        public let ended: Day?

        public init(from: Day, ended: Day?) {
            self.from = from
            self.ended = ended
        }

        public func isInForce(on day: Day) -> Bool { Restriction.isInForce(from: from, ended: ended, on: day) }
    }

    public let kind: Search.Hit.Kind
    public let id: String
    public let title: String
    /// The texts matched, in order (name, id, address, postcode...).
    public let fields: [String]
    /// The fields folded and joined: what the words are looked for in.
    public let folded: String
    /// A person with a live register entry.
    public let onRegister: Bool
    /// The periods of the restrictions on a person's cases.
    public let restrictions: [Period]
    /// A property entry's state.
    public let entryState: RegisterEntry.State?
    /// 5.3.2: when the live entry (a person's earliest) is due its annual review.
    public let reviewDue: Day?

    public init(kind: Search.Hit.Kind, id: String, title: String, fields: [String], folded: String? = nil, onRegister: Bool = false,
                restrictions: [Period] = [], entryState: RegisterEntry.State? = nil, reviewDue: Day? = nil) {
        self.reviewDue = reviewDue
        self.kind = kind
        self.id = id
        self.title = title
        self.fields = fields
        self.folded = folded ?? Search.fold(joining: fields)
        self.onRegister = onRegister
        self.restrictions = restrictions
        self.entryState = entryState
    }

    /// The hit, naming the first field that holds one of the words.
    func hit(for words: [[UInt8]]) -> Search.Hit {
        let matched = fields.first { field in
            var folded = Search.fold(field)
            return folded.withUTF8 { text in words.contains { word in word.withUnsafeBufferPointer { FoldedText.find($0, in: text) } } }
        } ?? fields[0]
        return Search.Hit(kind: kind, id: id, title: title, matched: matched)
    }

    /// What an officer must see at once beside the name: on the register, restricted, or an
    /// entry's state.
    public func flags(on today: Day) -> String {
        switch kind {
        case .customer:
            var flag = ""
            if onRegister { flag += "  [!] ON THE REGISTER" + RegisterEntry.overdueNote(reviewDue, on: today) }
            if restrictions.contains(where: { $0.isInForce(on: today) }) { flag += "  [!] RESTRICTED" }
            return flag
        case .registerEntry:
            return "  [!] " + (entryState?.rawValue.uppercased() ?? "") + RegisterEntry.overdueNote(reviewDue, on: today)
        case .case:
            return ""
        }
    }
}

/// Looking for folded words in folded text by their UTF-8 bytes: several times faster than
/// comparing characters, and for folded text (lower case, no accents) the answer is the same.
public enum FoldedText {
    public static func contains(_ text: String, all words: [[UInt8]]) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            words.allSatisfy { word in word.withUnsafeBufferPointer { find($0, in: bytes) } }
        }) {
            return found
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in words.allSatisfy { word in word.withUnsafeBufferPointer { find($0, in: buffer) } } }
    }

    public static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        let count = needle.count
        guard count <= haystack.count else { return false }
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            index += 1
        }
        return false
    }
}
