/// How many terminal columns text takes: "山田太郎" is 8, "Zoë" is 3, a combining accent 0.
/// Pure Swift, so that headless rendering does not depend on the process's locale.
public enum DisplayWidth {
    /// The columns of a grapheme: its code points' columns added up, as curses draws them (a base and
    /// its combining marks take the base's; a wide character two); one shown as emoji takes two.
    public static func of(_ character: Character) -> Int {
        var width = 0, emoji = false
        for scalar in character.unicodeScalars {
            width += of(scalar)
            if scalar.value == 0xFE0F { emoji = true }
        }
        return emoji ? max(width, 2) : width
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// A code point's columns as glibc's `wcwidth` gives them under C.UTF-8 (the table is made from
    /// it by Scripts/display-width-table.py; DisplayWidthTests compares every code point). Control
    /// characters, for which `wcwidth` has no answer, take none: they are shown visibly before drawing.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if Self.contains(zeroWidth, value) { return 0 }
        return Self.contains(doubleWidth, value) ? 2 : 1
    }

    /// Whether `value` lies in one of `ranges` (sorted, apart).
    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    /// Cuts `text` to at most `width` columns, ending in "…" when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = "", used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads `text` with spaces to exactly `width` columns (cutting it first if needed).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
