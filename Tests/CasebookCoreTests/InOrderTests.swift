import Testing
@testable import CasebookCore

/// Values made on every core come back in index order, each made once, as one core would make them.
@Suite struct InOrderTests {
    @Test(arguments: [0, 1, 7, 8, 9, 1_000, 12_345])
    func madeOnEveryCoreInIndexOrder(count: Int) {
        let made = inOrder(count: count, atLeast: 4) { index in "value \(index) " + String(repeating: "x", count: index % 40) }
        #expect(made == (0..<count).map { "value \($0) " + String(repeating: "x", count: $0 % 40) })
    }
}
