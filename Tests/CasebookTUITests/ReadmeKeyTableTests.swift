import Foundation
import Testing
@testable import CasebookTUI

/// The README's table of recording keys is made from the registry's actions: it cannot say a key
/// the terminal does not have, nor leave one out. `CASEBOOK_UPDATE_README=1 swift test --filter
/// ReadmeKeyTableTests` writes it again after the actions change.
@Suite struct ReadmeKeyTableTests {
    static let begin = "<!-- The table below is made from Registry.actionSections: CASEBOOK_UPDATE_README=1 swift test --filter ReadmeKeyTableTests -->\n"
    static let end = "<!-- end of the generated table -->\n"

    @Test func theReadmesKeyTableIsTheRegistrys() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let path = url.appendingPathComponent("README.md").path
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "the README marks where the table goes")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let table = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["CASEBOOK_UPDATE_README"] == "1", table != Registry.keyTable {
            try (String(readme[..<start.upperBound]) + Registry.keyTable + String(readme[stop.lowerBound...]))
                .write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(table == Registry.keyTable)
        for binding in Registry.actions where !binding.keys.isEmpty {
            #expect(table.contains("`\(binding.keyLabel)` "), "\(binding.name) is in the table")
        }
    }
}
