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
        guard hex.count == 64, let base = hex.baseAddress,
              let first = Self.word(base), let second = Self.word(base + 16), let third = Self.word(base + 32),
              let fourth = Self.word(base + 48) else { return nil }
        self.init(words: (first, second, third, fourth))
    }

    /// Sixteen hex digits as one word: eight digits at a time, each byte checked and turned into its
    /// four bits at once, with no branch per digit.
    private static func word(_ digits: UnsafeRawPointer) -> UInt64? {
        guard let high = eight(digits), let low = eight(digits + 8) else { return nil }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// Eight hex digits ('0'-'9', 'a'-'f') as 32 bits; nil when any byte is anything else.
    private static func eight(_ digits: UnsafeRawPointer) -> UInt32? {
        let bytes = UInt64(littleEndian: digits.loadUnaligned(as: UInt64.self))  // the first digit lowest
        let ones: UInt64 = 0x0101_0101_0101_0101, tops = ones << 7
        // For bytes below 0x80, adding 0x80 - n sets a byte's top bit exactly when it is at least n
        // (no carry reaches the next byte).
        func atLeast(_ n: UInt64) -> UInt64 { (bytes &+ (0x80 - n) &* ones) & tops }
        let digit = atLeast(0x30) & ~atLeast(0x3A), letter = atLeast(0x61) & ~atLeast(0x67)
        guard bytes & tops == 0, digit | letter == tops else { return nil }
        // A digit's value is its low four bits; a letter's, its low four bits plus 9 (0x40 marks letters).
        let values = (bytes & (0x0F &* ones)) &+ (bytes >> 6 & ones) &* 9
        // Put the eight four-bit values together, the first digit highest.
        let pairs = (values << 4 | values >> 8) & 0x00FF_00FF_00FF_00FF
        let quads = (pairs << 8 | pairs >> 16) & 0x0000_FFFF_0000_FFFF
        return UInt32(truncatingIfNeeded: quads << 16 | quads >> 32)
    }

    public init?(_ hex: String) {
        var text = hex
        guard let parsed = text.withUTF8({ RecordHash(hex: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// The SHA-256 of what was hashed.
    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { RecordHash(bigEndianBytes: $0.baseAddress!) }
    }

    /// The 32 bytes of a digest at `bytes`, the first byte highest.
    init(bigEndianBytes bytes: UnsafeRawPointer) {
        func word(_ index: Int) -> UInt64 { UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        self.init(words: (word(0), word(1), word(2), word(3)))
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
