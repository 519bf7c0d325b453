import Crypto

/// A journal record's SHA-256 kept as its 32 bytes, not as 64 digits of text: a replay reads two
/// on every line (its own and the one before it) and compares them down the chain, a million
/// times at register scale, with no text made for either. Written out, it is lower-case hex.
public struct RecordHash: Hashable, Sendable, CustomStringConvertible {
    /// The digest's bytes, eight to a word, the first byte highest.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// What the first record follows: 64 zeros.
    public static let genesis = RecordHash(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// The hash written as exactly 64 lower-case hex digits (as the journal writes it); nil for
    /// anything else.
    init?(hex: UnsafeRawBufferPointer) {
        guard hex.count == 64, let base = hex.baseAddress else { return nil }
        // Sixteen digits a word, each checked and turned into its four bits without a branch.
        func word(_ start: Int) -> UInt64? {
            var word: UInt64 = 0, bad: UInt8 = 0
            for index in start..<(start + 16) {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                let digit = byte &- UInt8(ascii: "0"), letter = byte &- UInt8(ascii: "a")
                bad |= (digit >= 10 && letter >= 6) ? 1 : 0
                word = word << 4 | UInt64(digit < 10 ? digit : letter &+ 10)
            }
            return bad == 0 ? word : nil
        }
        guard let first = word(0), let second = word(16), let third = word(32), let fourth = word(48) else { return nil }
        self.init(words: (first, second, third, fourth))
    }

    public init?(_ hex: String) {
        var text = hex
        guard let parsed = text.withUTF8({ RecordHash(hex: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// The SHA-256 of what was hashed.
    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { bytes in
            func word(_ index: Int) -> UInt64 {
                (0..<8).reduce(0) { $0 << 8 | UInt64(bytes[index * 8 + $1]) }
            }
            return RecordHash(words: (word(0), word(1), word(2), word(3)))
        }
    }

    public static func == (left: RecordHash, right: RecordHash) -> Bool {
        left.words.0 == right.words.0 && left.words.1 == right.words.1 && left.words.2 == right.words.2
            && left.words.3 == right.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// 64 lower-case hex digits.
    public var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { text in
            for (place, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for nibble in 0..<16 {
                    text[place * 16 + nibble] = digits.utf8Start[Int(word >> UInt64(60 - 4 * nibble) & 0xF)]
                }
            }
            return 64
        }
    }

    public var description: String { hex }
}
