/// Finding mentions of people in free text: their full names and exact addresses as whole words
/// (case, accents and punctuation aside: "Sean Murphy" is "SEÁN MURPHY"; "12 Leek Road, Shelton" is
/// "12 leek road shelton"), their email addresses exactly, and their phone numbers by their digits
/// ("01782 234567" is "01782-234567" is "01782234567"). Never by substring: "Sean" is not in
/// "Seán Murphy"'s first name unless a pattern is exactly "Sean".
///
/// Linear in the text and in the number of patterns, however hostile the text: the text is cut
/// into words once, each word folded once, and the words walked through a trie of the patterns'
/// words; digits and emails are read in one pass each. (Comparing every other person's name with
/// every text, accent-insensitively, took hours on a real register.)
public struct Mentions: Sendable {
    /// What a pattern stands for: an index the caller gives meaning to (a person, a kind of detail).
    public typealias Tag = Int

    /// A found mention: where it is in the text and whose it is.
    public struct Match: Equatable, Sendable {
        public let range: Range<String.Index>
        public let tag: Tag
    }

    private struct Node: Sendable {
        var children: [String: Int] = [:]
        var tag: Tag?
    }

    private var nodes = [Node()]
    private var phones: [String: Tag] = [:]
    private var emails: [String: Tag] = [:]

    public init() {}

    /// What identifies `person` in others' text: their full name and each address with a house
    /// number as whole words, their email, their phone by its digits. A one-word name, an address
    /// without a number and a postcode alone are other people's too, and are left out.
    public static func of(_ person: Customer) -> Mentions {
        var mentions = Mentions()
        if words(person.name).count >= 2 { mentions.add(words: person.name, tag: 0) }
        for address in person.addresses {
            let parts = words(address.text)
            if parts.count >= 2, parts.contains(where: { $0.first?.isNumber == true }) { mentions.add(words: address.text, tag: 0) }
        }
        if let email = person.email { mentions.add(email: email, tag: 0) }
        if let phone = person.phone { mentions.add(phone: phone, tag: 0) }
        return mentions
    }

    /// Up to `radius` characters of `text` either side of `range`, marked where cut.
    public static func excerpt(_ text: String, around range: Range<String.Index>, radius: Int) -> String {
        let from = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        return (from > text.startIndex ? "…" : "") + text[from..<to] + (to < text.endIndex ? "…" : "")
    }

    /// Each word of `text` with where it is, folded as matching compares them.
    public static func spans(_ text: String) -> [(range: Range<String.Index>, folded: String)] {
        split(text).map { ($0.range, $0.folded) }
    }

    /// The folded words of `text`, as matching compares them.
    public static func words(_ text: String) -> [String] { split(text).map(\.folded) }

    /// Adds a name or an address: its words, in order, as whole words. One made of no words is ignored.
    public mutating func add(words text: String, tag: Tag) {
        let words = Self.words(text)
        guard !words.isEmpty else { return }
        var node = 0
        for word in words {
            if let next = nodes[node].children[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if nodes[node].tag == nil { nodes[node].tag = tag }
    }

    /// Adds a phone number: matched by its digits, however they are spaced (at least six of them).
    public mutating func add(phone text: String, tag: Tag) {
        let digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) })
        if digits.count >= 6, phones[digits] == nil { phones[digits] = tag }
    }

    /// Adds an email address: matched exactly, case aside.
    public mutating func add(email text: String, tag: Tag) {
        let address = text.trimmed.lowercased()
        if address.contains("@"), emails[address] == nil { emails[address] = tag }
    }

    public var isEmpty: Bool { nodes[0].children.isEmpty && phones.isEmpty && emails.isEmpty }

    /// Every mention in `text`, earliest first, the longest where two start together, none overlapping.
    public func matches(in text: String) -> [Match] {
        guard !isEmpty else { return [] }
        var found: [Match] = []
        let words = Self.split(text)
        var index = 0
        while index < words.count {
            var node = 0, at = index
            var best: (end: Int, tag: Tag)?
            while at < words.count, let next = nodes[node].children[words[at].folded] {
                node = next
                if let tag = nodes[node].tag { best = (at, tag) }
                at += 1
            }
            if let best {
                found.append(Match(range: words[index].range.lowerBound..<words[best.end].range.upperBound, tag: best.tag))
                index = best.end + 1
            } else {
                index += 1
            }
        }
        if !phones.isEmpty { found += phoneMatches(in: text) }
        if !emails.isEmpty { found += emailMatches(in: text) }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Keep the first of any that overlap.
        var kept: [Match] = []
        for match in found where kept.last.map({ $0.range.upperBound <= match.range.lowerBound }) ?? true { kept.append(match) }
        return kept
    }

    /// `text` with each mention replaced by what `replacement` gives for its tag.
    public func replacing(in text: String, with replacement: (Tag) -> String) -> String {
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        var result = ""
        var position = text.startIndex
        for match in found {
            result += text[position..<match.range.lowerBound]
            result += replacement(match.tag)
            position = match.range.upperBound
        }
        result += text[position...]
        return result
    }

    // MARK: - Words

    private struct Word {
        let range: Range<String.Index>
        let folded: String
    }

    /// Letters and digits make words; an apostrophe or a full stop inside a word joins it
    /// ("O'Neill", "St."), as `Search.fold` has it; anything else separates words.
    private static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            guard let begin = start else { return }
            let folded = Search.fold(String(text[begin..<end]))
            if !folded.isEmpty { words.append(Word(range: begin..<end, folded: folded)) }
            start = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if start != nil, character == "'" || character == "’" || character == ".",
                      let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex,
                      text[next].isLetter || text[next].isNumber {
                // inside a word
            } else {
                close(at: index)
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return words
    }

    // MARK: - Phones and emails

    /// Runs of digit groups (digits with single spaces, hyphens or full stops between them); any
    /// unbroken stretch of whole groups whose digits are a phone's is a mention.
    private func phoneMatches(in text: String) -> [Match] {
        var found: [Match] = []
        let scalars = Array(text.unicodeScalars)
        var offsets: [String.Index] = []
        offsets.reserveCapacity(scalars.count + 1)
        var position = text.unicodeScalars.startIndex
        for _ in scalars {
            offsets.append(position)
            position = text.unicodeScalars.index(after: position)
        }
        offsets.append(text.endIndex)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }
        var i = 0
        while i < scalars.count {
            guard isDigit(i), !isDigit(i - 1) else {
                i += 1
                continue
            }
            // The groups of one run: (start, end) in scalars.
            var groups: [(Int, Int)] = []
            var j = i
            while true {
                let begin = j
                while isDigit(j) { j += 1 }
                groups.append((begin, j))
                if j < scalars.count, [" ", "-", "."].contains(scalars[j]), isDigit(j + 1) { j += 1 } else { break }
                if groups.count > 12 { break }
            }
            var matchedUpTo = 0
            for first in groups.indices where first >= matchedUpTo {
                var digits = ""
                for last in first..<groups.count {
                    digits += String(String.UnicodeScalarView(scalars[groups[last].0..<groups[last].1]))
                    if digits.count > 15 { break }
                    if let tag = phones[digits] {
                        found.append(Match(range: offsets[groups[first].0]..<offsets[groups[last].1], tag: tag))
                        matchedUpTo = last + 1
                        break
                    }
                }
            }
            i = j
        }
        return found
    }

    /// Email addresses: the span of address characters around each "@", compared exactly.
    private func emailMatches(in text: String) -> [Match] {
        var found: [Match] = []
        let scalars = Array(text.unicodeScalars)
        var offsets: [String.Index] = []
        var position = text.unicodeScalars.startIndex
        for _ in scalars {
            offsets.append(position)
            position = text.unicodeScalars.index(after: position)
        }
        offsets.append(text.endIndex)
        func isAddress(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._%+-@".unicodeScalars.contains(scalar)
        }
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "@" else {
                i += 1
                continue
            }
            var begin = i, end = i + 1
            while begin > 0, isAddress(scalars[begin - 1]), scalars[begin - 1] != "@" { begin -= 1 }
            while end < scalars.count, isAddress(scalars[end]), scalars[end] != "@" { end += 1 }
            while end > i + 1, scalars[end - 1] == "." { end -= 1 }  // a sentence's full stop
            let candidate = String(String.UnicodeScalarView(scalars[begin..<end])).lowercased()
            if let tag = emails[candidate] { found.append(Match(range: offsets[begin]..<offsets[end], tag: tag)) }
            i = end
        }
        return found
    }
}
