/// What a register keeps beside its records to answer quickly (the duplicate index, names read
/// beside views, cases whose derived views wait): not part of what it records, so two registers
/// with the same records are equal whatever either keeps here, and it is never encoded (decoded
/// as nothing kept).
struct NotRecorded<Value: Sendable>: Sendable, Equatable, Codable {
    var value: Value?

    init(_ value: Value? = nil) { self.value = value }
    static func == (_: Self, _: Self) -> Bool { true }
    init(from decoder: any Decoder) throws { value = nil }
    func encode(to encoder: any Encoder) throws {}
}
