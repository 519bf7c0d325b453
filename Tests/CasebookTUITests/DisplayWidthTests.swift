import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CasebookTUI

/// The columns the headless renderer gives text agree with the C library's `wcwidth` under
/// C.UTF-8, which curses uses to draw it: for every code point `wcwidth` knows.
@Suite struct DisplayWidthTests {
    @Test func everyCodePointAgreesWithWcwidth() throws {
        let locale = try #require(newlocale(1 << LC_CTYPE, "C.UTF-8", nil), "the C.UTF-8 locale is needed")
        let previous = uselocale(locale)
        defer {
            uselocale(previous)
            freelocale(locale)
        }
        // wcwidth is not in Swift's Glibc module (it needs _XOPEN_SOURCE): looked up at run time.
        typealias Width = @convention(c) (Int32) -> Int32
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: Width.self)
        var disagreements: [String] = []
        var compared = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            let expected = wcwidth(Int32(bitPattern: value))
            guard expected >= 0 else { continue }  // controls and what the C library does not know
            compared += 1
            if DisplayWidth.of(scalar) != Int(expected) {
                disagreements.append(String(format: "U+%04X: %d, wcwidth %d", value, DisplayWidth.of(scalar), expected))
            }
        }
        #expect(compared > 100_000)
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree, first \(disagreements.prefix(10)); run Scripts/display-width-table.py")
    }

    @Test func formatCharactersTakeNoColumnAndGraphemesAddUp() {
        for mark in ["\u{200E}", "\u{200F}", "\u{200C}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{00AD}"] {
            #expect(DisplayWidth.of(mark) == (mark == "\u{00AD}" ? 1 : 0), "U+\(String(mark.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2, "shown as emoji")
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2, "conjoining jamo make one wide syllable")
    }
}
