import Foundation
import Testing
@testable import CasebookCore

/// Ids and dates read from bytes where they lie (the journal's lean reader) are exactly the ids
/// and dates read from text.
struct ParsingFromBytesTests {
    static let ids = ["CASE-0001", "CASE-123456789", "case-0042", "CASE-0", "CASE-", "CASE-1234567890", "CASE--1", "CASE-+12",
                      "CASE-0x10", "CUST-0001", "CASE-٣", "CASE 0001", "", "CASE-00000001"]

    @Test(arguments: ids)
    func idsReadFromBytesAsFromText(text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { CaseID(utf8: $0) } == CaseID(text))
        #expect(bytes.withUnsafeBytes { CustomerID(utf8: $0) } == CustomerID(text))
    }

    @Test(arguments: ["2025-11-07", "2024-02-29", "2025-02-29", "2025-13-01", "2025-1-07", "20251107xx", "2025/11/07", "0000-01-01",
                      "9999-12-31", "2025-11-0a", ""])
    func datesReadFromBytesAsFromText(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { Day(utf8: $0) } == Day(text))
    }
}

/// A contact keeps its number in 32 bits but is written as it always was: `"number": 3`.
struct ContactJSONTests {
    @Test func aContactsNumberIsWrittenAndReadAsNumber() throws {
        let contact = Contact(number: 3, date: Day("2025-11-07")!, channel: .email, kind: .routine, officer: "oadams", summary: "S",
                              behaviours: [.swearing], significantNewInformation: false, underReadAndFile: false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(contact), as: UTF8.self)
        #expect(json.contains("\"number\":3") && !json.contains("stored"))
        #expect(try JSONDecoder().decode(Contact.self, from: Data(json.utf8)) == contact)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Contact.self, from: Data(json.replacingOccurrences(of: "\"number\":3", with: "\"number\":9999999999").utf8))
        }
    }
}
