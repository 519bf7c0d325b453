/// When a journal line was recorded, as the journal writes it ("2026-12-03T06:10:20Z"). Those 20
/// bytes are kept in three words rather than as a string of their own on the heap: a replay reads
/// a million lines at register scale and uses none of their times. Any other text is kept as it is.
struct RecordedTime: Equatable, Sendable {
    private enum Form: Equatable, Sendable {
        /// Exactly 20 bytes, the first lowest.
        case packed(UInt64, UInt64, UInt32)
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
        guard bytes.count == 20 else { return nil }
        return .packed(bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                       bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    var text: String {
        switch form {
        case .text(let text):
            return text
        case .packed(let first, let second, let third):
            var words = (first, second, third)
            return withUnsafeBytes(of: &words) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[..<20]), as: UTF8.self) }
        }
    }
}
