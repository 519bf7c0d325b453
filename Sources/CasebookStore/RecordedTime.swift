/// When a journal line was recorded, as the journal writes it ("2026-12-03T06:10:20.123Z"). Those
/// 24 bytes (or fewer) are kept in three words and a count rather than as a string of their own on
/// the heap: a replay reads a million lines at register scale and uses none of their times, and a
/// string of more than 15 bytes is one allocation on a decoding thread and one free on the thread
/// that applies the line. Any longer text is kept as it is.
struct RecordedTime: Equatable, Sendable {
    private enum Form: Equatable, Sendable {
        /// `count` bytes (at most 24), the first lowest, then zeros.
        case packed(UInt64, UInt64, UInt64, count: UInt8)
        case text(String)
    }

    private let form: Form

    init(_ text: String) {
        var text = text
        form = text.withUTF8 { Self.packed(UnsafeRawBufferPointer($0)) } ?? .text(text)
    }

    /// `bytes` must be UTF-8 (as a string's are).
    init(utf8 bytes: UnsafeRawBufferPointer) {
        form = Self.packed(bytes) ?? .text(String(decoding: bytes, as: UTF8.self))
    }

    private static func packed(_ bytes: UnsafeRawBufferPointer) -> Form? {
        guard bytes.count <= 24 else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        return .packed(words.0, words.1, words.2, count: UInt8(bytes.count))
    }

    /// Whether the text is kept in the three words (no string of its own).
    var isPacked: Bool {
        if case .packed = form { true } else { false }
    }

    var text: String {
        switch form {
        case .text(let text):
            return text
        case .packed(let first, let second, let third, let count):
            var words = (first, second, third)
            return withUnsafeBytes(of: &words) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[..<Int(count)]), as: UTF8.self) }
        }
    }
}
