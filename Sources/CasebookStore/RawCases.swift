/// An enum's cases by the bytes of their raw values, listed once, so that the lean reader reads a
/// contact's channel or a check's item where its bytes lie, without first making a string of them
/// and matching that against every case in turn. Text that is not plain ASCII is matched as a
/// string, exactly as `init(rawValue:)` matches it.
struct RawCases<Value: CaseIterable & RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
    private let cases: [(bytes: [UInt8], value: Value)]

    init() { cases = Value.allCases.map { (Array($0.rawValue.utf8), $0) } }

    func value(of text: UnsafeRawBufferPointer) -> Value? {
        guard !text.contains(where: { $0 >= 0x80 }) else {
            return String(validating: text, as: UTF8.self).flatMap(Value.init(rawValue:))
        }
        for (bytes, value) in cases where bytes.count == text.count {
            if text.isEmpty || bytes.withUnsafeBytes({ sameBytes($0.baseAddress!, text.baseAddress!, text.count) }) { return value }
        }
        return nil
    }
}
