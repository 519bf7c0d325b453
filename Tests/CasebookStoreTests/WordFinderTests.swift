import Testing
@testable import CasebookStore

/// The word finder picks out candidates sixteen places at a time: it finds every place a plain
/// byte-by-byte search finds, in order, up to the very end of the range and no further.
@Suite struct WordFinderTests {
    /// Every start of `word` in `text[position..<end]`, found byte by byte.
    func plainly(_ word: [UInt8], in text: [UInt8], from position: Int, to end: Int) -> [Int] {
        guard word.count <= end - position else { return [] }
        return (position...(end - word.count)).filter { Array(text[$0..<($0 + word.count)]) == word }
    }

    func found(_ word: [UInt8], in text: [UInt8], from position: Int, to end: Int) -> [Int] {
        guard let finder = WordFinder(word) else { return [] }
        var starts: [Int] = [], at = position
        text.withUnsafeBytes { bytes in
            while let start = finder.next(in: bytes, from: at, to: end) {
                starts.append(start)
                at = start + 1
            }
        }
        return starts
    }

    @Test func itFindsWhatAPlainSearchFinds() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("smith a\tb1\n".utf8)
        for _ in 0..<300 {
            let length = Int.random(in: 0...200, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let word = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let position = Int.random(in: 0...length, using: &generator), end = Int.random(in: position...length, using: &generator)
            #expect(found(word, in: text, from: position, to: end) == plainly(word, in: text, from: position, to: end),
                    "\(String(decoding: word, as: UTF8.self).debugDescription) in \(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }

    @Test func atTheEdgesOfTheRange() {
        let text = Array("smith smith and smithson; smith".utf8), word = Array("smith".utf8)
        #expect(found(word, in: text, from: 0, to: text.count) == [0, 6, 16, 26])
        #expect(found(word, in: text, from: 0, to: text.count - 1) == [0, 6, 16])  // the last one crosses the end
        #expect(found(word, in: text, from: 1, to: text.count) == [6, 16, 26])
        #expect(found(Array("n".utf8), in: text, from: 0, to: text.count) == [13, 23])
        #expect(found(Array("smithsmith".utf8), in: Array("smith".utf8), from: 0, to: 5) == [])
        #expect(WordFinder([]) == nil)
        #expect(WordFinder(Array("smith".utf8)).map { [$0.first, $0.second] } == [1, 4])  // "m", then "h"
    }
}
