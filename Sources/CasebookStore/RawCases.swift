/// An enum's cases by the bytes of their raw values, listed once, so that the lean reader reads a
/// contact's channel or a check's item where its bytes lie, without first making a string of them
/// and matching that against every case in turn. Text that is not plain ASCII is matched as a
/// string, exactly as `init(rawValue:)` matches it.
///
/// Each raw value of up to 32 bytes is kept in four words beside its length, nothing counted by
/// reference: every decoding thread reads these tables for nearly every line, and a table of
/// arrays was retained and released for each case compared, the threads taking the same counts
/// from each other's caches. Longer raw values (none of the register's) are compared as bytes.
struct RawCases<Value: CaseIterable & RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
    /// Up to 32 bytes, the first lowest, then zeros.
    private struct Packed: Equatable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0

        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count <= 32 else { return nil }
            count = bytes.count
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        }

        static func == (left: Packed, right: Packed) -> Bool {
            left.count == right.count && left.words.0 == right.words.0 && left.words.1 == right.words.1
                && left.words.2 == right.words.2 && left.words.3 == right.words.3
        }
    }

    private let packed: ContiguousArray<(text: Packed, value: Value)>
    private let long: [(text: [UInt8], value: Value)]

    init() {
        var packed = ContiguousArray<(text: Packed, value: Value)>(), long: [(text: [UInt8], value: Value)] = []
        for value in Value.allCases {
            let bytes = Array(value.rawValue.utf8)
            if let text = bytes.withUnsafeBytes({ Packed($0) }) { packed.append((text, value)) } else { long.append((bytes, value)) }
        }
        (self.packed, self.long) = (packed, long)
    }

    func value(of text: UnsafeRawBufferPointer) -> Value? {
        guard !text.contains(where: { $0 >= 0x80 }) else {
            return String(validating: text, as: UTF8.self).flatMap(Value.init(rawValue:))
        }
        guard let wanted = Packed(text) else {
            return long.first { $0.text.elementsEqual(text) }?.value
        }
        for index in packed.indices where packed[index].text == wanted { return packed[index].value }
        return nil
    }
}
