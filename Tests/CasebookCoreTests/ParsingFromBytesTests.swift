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
