import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// 17: an import file read with CSV.swift (quotes, commas and line breaks inside values, a
/// spreadsheet's byte-order mark), recorded in one write or not at all, and kept by snapshots.
@Suite struct ImportFileTests {
    static let header = "ref,name,postcode,title,service,categories,reason,proposed-by,decided-by,decided-on,restriction,details,from"

    func staffedStore(_ folder: TemporaryFolder) throws -> Store {
        let store = try makeStore(folder)
        for (login, name, role) in [("olivia", "Olivia Officer", Role.officer), ("harriet", "Harriet Head", .headOfService)] {
            try store.execute(.addStaff(login: login, name: name, roles: [role], serviceArea: nil, customerServicesHead: false),
                              actor: "admin", today: today)
        }
        return store
    }

    @Test func quotedValuesLineBreaksAndAByteOrderMarkAreRead() throws {
        let text = "\u{FEFF}name,adjustments\r\n\"O'Neill, Siobhán\",\"Large print;\nno calls before 10\"\r\n\"Say \"\"Hi\"\"\",\r\n\r\n"
        let table = try Store.importTable(Array(text.utf8))
        #expect(table.header == ["name", "adjustments"])
        #expect(table.rows.map(\.cells) == [["O'Neill, Siobhán", "Large print;\nno calls before 10"], ["Say \"Hi\"", ""], [""]])
        #expect(table.rows.map(\.number) == [2, 3, 4])
    }

    @Test func aFileThatIsNotCommaSeparatedUTF8IsRefusedWhole() {
        func message(_ bytes: [UInt8]) -> String? {
            do { _ = try Store.importTable(bytes); return nil } catch { return error.description }
        }
        #expect(message([0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xE9, 0x0A])?.contains("not UTF-8") == true, "Latin-1 é")
        #expect(message(Array("name;postcode\nA;B\n".utf8))?.contains("semicolons") == true)
        #expect(message([])?.contains("empty") == true)
        #expect(message(Array("name\nA\u{0}B\n".utf8))?.contains("NUL") == true)
    }

    @Test func aFileWithARefusedRowWritesNothingAndAGoodOneIsKeptBySnapshots() throws {
        let folder = TemporaryFolder()
        let store = try staffedStore(folder)
        let good = "OLD-1,Ann Example,ST4 1HH,Repairs,housing,persistent,\"Calls, daily\",olivia,harriet,15/01/2024,single-channel,Email only,2024-01-15"
        let bad = "OLD-2,Bob Example,,Noise,waste,persistent,Abuse,olivia,olivia,2024-01-15,,,"
        let before = journalBytes(folder)
        let refused = try store.importRecords(Array([Self.header, good, bad].joined(separator: "\n").utf8), file: "old.csv",
                                              kind: .restrictions, dryRun: false, actor: "admin", today: today)
        #expect(!refused.isAccepted && refused.problems.map(\.row) == [3])
        #expect(journalBytes(folder) == before, "nothing of the file is written")
        let checked = try store.importRecords(Array([Self.header, good].joined(separator: "\n").utf8), file: "old.csv",
                                              kind: .restrictions, dryRun: true, actor: "admin", today: today)
        #expect(checked.isAccepted && journalBytes(folder) == before, "a dry run writes nothing")

        _ = try store.importRecords(Array([Self.header, good].joined(separator: "\n").utf8), file: "old.csv", kind: .restrictions,
                                    dryRun: false, actor: "admin", today: today)
        let imported = try #require(store.register.cases[CaseID(number: 1)])
        #expect(imported.imported?.source.row == 2 && imported.status?.decisionDate == day("2024-01-15"))
        try store.writeSnapshot()
        let reopened = try Store.open(at: folder.store)
        #expect(reopened.register == store.register)
        #expect(reopened.register.imports.map(\.file) == ["old.csv"])
        #expect(reopened.verify().isSound)
    }
}
