/// The numbers a record writer has given its symbols (logins, the names of enum cases), looked up
/// by a hash of their bytes taken a word at a time. A snapshot writes several symbols for each of
/// a million contacts and checks; looked up in a `[String: Int]`, each was hashed with the
/// standard library's seeded SipHash, a sixth of the time the snapshot took to write.
///
/// Open addressing, at most half full; a hash that matches is confirmed by comparing the strings
/// themselves, byte for byte, so a collision never gives a symbol another's number (nor one text
/// the number of another spelling of it: a reader gives back the bytes that were written).
struct SymbolNumbers {
    /// Each slot: a symbol's number plus one (0 when empty), beside its hash.
    private var slots: [(hash: UInt64, number: Int)] = Array(repeating: (0, 0), count: 64)
    /// The symbols by number.
    private(set) var symbols: [String] = []

    /// The number of `symbol`, or nil when it has none yet.
    func number(of symbol: String) -> Int? {
        let hash = Self.hash(symbol)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot].number != 0 {
            if slots[slot].hash == hash, Self.sameBytes(symbols[slots[slot].number - 1], symbol) { return slots[slot].number - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Gives `symbol`, which has no number yet, the next one.
    mutating func add(_ symbol: String) {
        symbols.append(symbol)
        if symbols.count * 2 > slots.count {
            let old = slots
            slots = Array(repeating: (0, 0), count: slots.count * 2)
            for entry in old where entry.number != 0 { place(entry) }
        }
        place((Self.hash(symbol), symbols.count))
    }

    private mutating func place(_ entry: (hash: UInt64, number: Int)) {
        var slot = Int(truncatingIfNeeded: entry.hash) & (slots.count - 1)
        while slots[slot].number != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = entry
    }

    static func sameBytes(_ one: String, _ other: String) -> Bool {
        one.utf8.count == other.utf8.count && one.utf8.elementsEqual(other.utf8)
    }

    /// A hash of the symbol's UTF-8 bytes, eight at a time (symbols are short).
    static func hash(_ symbol: String) -> UInt64 {
        var symbol = symbol
        return symbol.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var index = 0
            while index + 8 <= bytes.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
                index += 8
            }
            var tail: UInt64 = 0
            for (shift, byte) in bytes[index...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            return hash ^ (hash >> 29)
        }
    }
}
