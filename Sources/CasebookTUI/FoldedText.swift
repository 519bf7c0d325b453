#if canImport(Glibc)
import Glibc
#endif

/// Matching typed words against rows' folded text (lower case, accents removed: `Search.fold`)
/// by their UTF-8 bytes, which is several times faster than comparing characters; for folded
/// text the answer is the same.
enum FoldedText {
    static func contains(_ text: String, all words: [[UInt8]]) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            words.allSatisfy { word in word.withUnsafeBufferPointer { find($0, in: bytes) } }
        }) {
            return found
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in words.allSatisfy { word in word.withUnsafeBufferPointer { find($0, in: buffer) } } }
    }

    /// Whether `needle` occurs in `haystack`: memchr to each candidate first byte, then memcmp.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count, let base = haystack.baseAddress, let word = needle.baseAddress else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, word, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
