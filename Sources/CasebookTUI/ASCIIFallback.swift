import CasebookCore
import Foundation

/// A terminal whose locale is not UTF-8 (LANG=C, a vt100) cannot show "Zoë" or "山田": rather than
/// mangled text and broken columns, every cell is drawn in ASCII at its own width — letters
/// without their accents ("Zoe", "Siobhan"), other characters as "?" — and the status bar says so.
enum ASCIIFallback {
    static let note = "This terminal is not set to UTF-8 (LANG): names are shown without their accents. "
        + "Set LANG=C.UTF-8 (or en_GB.UTF-8) to see them as written."

    /// A cell's text in ASCII, exactly `width` columns wide.
    static func cell(_ text: String, width: Int) -> String {
        var result = ""
        for character in text {
            if character.isASCII {
                result.append(character)
            } else if let spelt = Search.spelling(Character(character.lowercased())), !spelt.isEmpty {
                result += character.isUppercase ? spelt.uppercased() : spelt
            } else if let mapped = symbols[character] {
                result += mapped
            } else {
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
                result += base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
            }
        }
        let padded = result.count >= width ? String(result.prefix(width)) : result + String(repeating: width > 1 ? "?" : " ", count: width - result.count)
        return padded.isEmpty && width > 0 ? "?" : padded
    }

    static let symbols: [Character: String] = ["…": ".", "↵": "/", "▸": ">", "│": "|", "─": "-", "█": "#", "–": "-", "—": "-",
                                               "‘": "'", "’": "'", "“": "\"", "”": "\"", "·": "."]
}
