#if canImport(Glibc)
import Glibc
#endif

/// Where a folded word occurs in a long run of folded text (the search index's folded section):
/// the places holding its two rarest letters the right distance apart are picked out sixteen
/// places at a time, and only those compared whole. A common letter (the "m" of "smith" is in
/// every "complaint about") is no longer a stop for each time it occurs.
struct WordFinder {
    let word: [UInt8]
    /// The places in the word of its rarest byte and of the next rarest (the same for one byte).
    let first: Int, second: Int

    init?(_ word: [UInt8]) {
        guard !word.isEmpty else { return nil }
        self.word = word
        let byRarity = word.indices.sorted { Self.rarity(word[$0]) > Self.rarity(word[$1]) }
        first = byRarity[0]
        second = byRarity.count > 1 ? byRarity[1] : byRarity[0]
    }

    /// How seldom a byte is met in names and addresses: letters by their frequency in English,
    /// digits as uncommon, anything beyond ASCII as rare, a space as commonest of all.
    static func rarity(_ byte: UInt8) -> Int {
        let common = "etaoinsrhldcumfpgwybvkxjqz".utf8
        if let rank = common.firstIndex(of: byte) { return common.distance(from: common.startIndex, to: rank) }
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return 18 }
        return byte == UInt8(ascii: " ") ? -1 : 30
    }

    /// The first place at or after `position` where the word starts and ends before `end`, if any.
    func next(in bytes: UnsafeRawBufferPointer, from position: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, position >= 0, end <= bytes.count else { return nil }
        let last = end - word.count  // the last place the word can start
        let a = word[first], b = word[second]
        let wantA = SIMD16<UInt8>(repeating: a), wantB = SIMD16<UInt8>(repeating: b)
        var start = position
        // Sixteen starts at a time: both loads end at most at `last + 15 + word.count`, within `end`.
        while start + 15 <= last {
            let atA = base.loadUnaligned(fromByteOffset: start + first, as: SIMD16<UInt8>.self)
            let atB = base.loadUnaligned(fromByteOffset: start + second, as: SIMD16<UInt8>.self)
            let both = (atA .== wantA) .& (atB .== wantB)
            if any(both) {
                for lane in 0..<16 where both[lane] && holdsWord(base, at: start + lane) { return start + lane }
            }
            start += 16
        }
        while start <= last {
            if base.load(fromByteOffset: start + first, as: UInt8.self) == a && holdsWord(base, at: start) { return start }
            start += 1
        }
        return nil
    }

    private func holdsWord(_ base: UnsafeRawPointer, at start: Int) -> Bool {
        word.withUnsafeBufferPointer { memcmp(base + start, $0.baseAddress!, word.count) == 0 }
    }
}
