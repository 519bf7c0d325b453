import Testing
@testable import CasebookStore

/// A record writer's symbols are numbered in the order they were first written, each found again
/// however many there are, and two texts are one symbol only when their bytes are the same.
@Suite struct SymbolNumbersTests {
    @Test func symbolsAreNumberedInTheOrderFirstWrittenAndFoundAgain() {
        var numbers = SymbolNumbers()
        // Short and long, around a word's eight bytes, and enough to grow the table many times.
        let symbols = (0..<1_000).map { number in String(repeating: "ab", count: number % 13) + "login\(number)" } + ["", "é", "a"]
        for symbol in symbols {
            #expect(numbers.number(of: symbol) == nil, "\(symbol) had a number before it was added")
            numbers.add(symbol)
        }
        #expect(numbers.symbols == symbols)
        for (number, symbol) in symbols.enumerated() { #expect(numbers.number(of: symbol) == number, "\(symbol)") }
        #expect(numbers.number(of: "login1000") == nil)
        #expect(numbers.number(of: "ablogin2") == nil)
    }

    @Test func anotherSpellingOfATextIsAnotherSymbol() {
        var numbers = SymbolNumbers()
        numbers.add("caf\u{E9}")
        #expect(numbers.number(of: "cafe\u{301}") == nil, "equal as Swift strings, but not the same bytes")
        numbers.add("cafe\u{301}")
        #expect(numbers.number(of: "cafe\u{301}") == 1)
        #expect(numbers.number(of: "caf\u{E9}") == 0)
    }

    @Test func aWriterReadsBackTheSymbolsItWrote() throws {
        var writer = RecordWriter()
        let written = ["officer", "email", "caf\u{E9}", "cafe\u{301}", "officer", "repeat-complaints", "email", "caf\u{E9}"]
        for symbol in written { writer.symbol(symbol) }
        #expect(writer.symbolTable == ["officer", "email", "caf\u{E9}", "cafe\u{301}", "repeat-complaints"])
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = RecordReader(bytes, at: 0)
            return try written.map { _ in Array(try reader.symbol().utf8) }
        }
        #expect(read == written.map { Array($0.utf8) })
    }
}
