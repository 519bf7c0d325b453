/// Text on its way to a person's terminal or a text file: the one sanitising step every
/// human-readable output goes through. Control characters (C0, DEL, C1) and the bidirectional
/// controls never reach a terminal raw, however they got into a record (an older release, an
/// import, a damaged file): each is shown visibly as `\u{1B}`, so that an escape sequence in a
/// name can neither rewrite the screen nor hide the warning beside it, and a right-to-left
/// override cannot make a name read as another. Newlines and tabs of multi-line text stay.
public enum VisibleText {
    /// Whether a scalar must be shown as its code rather than written.
    @inline(__always)
    static func mustShow(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x0A && value != 0x09 }
        if value < 0x7F { return false }
        return value <= 0x9F || TextRules.isBidiControl(scalar) || value == 0x2028 || value == 0x2029
    }

    /// `text` with every control shown visibly; the same text when there is none (the common case
    /// costs one pass over its bytes).
    public static func sanitised(_ text: String) -> String {
        replacing(text, where: { $0 < 0x20 || $0 == 0x7F }, mustShow) { "\\u{" + String($0.value, radix: 16, uppercase: true) + "}" }
    }

    /// `text` with each scalar `escape` answers for replaced by its answer. `suspect` is a quick
    /// look at the bytes: a text with no suspect byte (nor a lead byte of C1 controls, the bidi
    /// marks or the line separators) is given back as it is, after one pass.
    @inline(__always)
    static func replacing(_ text: String, where suspect: (UInt8) -> Bool, _ escape: (Unicode.Scalar) -> Bool,
                          with replacement: (Unicode.Scalar) -> String) -> String {
        func isSuspect(_ byte: UInt8) -> Bool { suspect(byte) || byte == 0xC2 || byte == 0xE2 || byte == 0xD8 }
        // Over the bytes where they lie (a native string's are), else one by one.
        let clean = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: isSuspect) } ?? !text.utf8.contains(where: isSuspect)
        if clean { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if escape(scalar) {
                result += replacement(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One line of a listing: newlines and tabs shown too, so that a record cannot add a line of
    /// its own to what is printed about it.
    public static func oneLine(_ text: String) -> String {
        sanitised(text).replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: " ")
    }

    /// JSON text made safe for a terminal as well as for a parser: every C0 and C1 control, DEL
    /// and bidirectional control escaped as `\u00XX` (JSON's own encoder leaves C1 and DEL raw).
    /// Such characters can only be inside strings, so escaping them keeps the JSON the same.
    public static func jsonEscaped(_ json: String) -> String {
        replacing(json, where: { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F }, { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || TextRules.isBidiControl(scalar)
                || value == 0x2028 || value == 0x2029
        }) { scalar in
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
