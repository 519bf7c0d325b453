import Testing
@testable import CasebookCore

/// A postcode or a service area already written as the register writes it is taken as it is, byte
/// by byte (a journal holds a million of them); the answer is always the long way's.
@Suite struct WrittenFormTests {
    static let postcodes = ["ST4 9FJ", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "st4 9fj", "ST49FJ",
                            "ST4  9FJ", " ST4 9FJ", "ST4 9FJ ", "ST4 9F", "S 9FJ", "ST4 99J", "STT4 9FJ", "1T4 9FJ", "ST4A 9FJ",
                            "ST44A 9FJ", "A9A9 9AA", "ＳＴ4 9FJ", "ST4 9ＦJ", "ST4\u{00A0}9FJ", "", "      ", "AB12 3CD", "AB1C 2DE",
                            "A1 1AA", "AA1 1AA", "A11 1AA", "AA11 1AA", "A1A 1AA", "AA1A 1AA", "A1AA 1AA", "AAA1 1AA"]

    @Test(arguments: postcodes) func aPostcodeIsReadAsTheLongWayReadsIt(_ text: String) {
        #expect(Postcode(text)?.value == Postcode.normalised(text))
        if Postcode.isWrittenOut(text) { #expect(Postcode.normalised(text) == text) }
    }

    @Test func everyOutwardShapeIsKnownByBoth() {
        for shape in ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"] {
            let outward = String(shape.map { $0 == "A" ? "W" : "1" })
            #expect(Postcode.isWrittenOut(outward + " 1AA"), "\(shape)")
            #expect(Postcode.normalised(outward + " 1AA") == outward + " 1AA")
        }
    }

    static let areas = ["housing", "adult-social-care", "environmental-health", "waste2", "2waste", "Housing", "adult social care",
                        "adult--social", "-housing", "housing-", "-", "", "café", "adult_social", "a", "a-b-c", "ａｂｃ", "über-care"]

    @Test(arguments: areas) func aServiceAreaIsReadAsTheLongWayReadsIt(_ text: String) {
        #expect(ServiceArea(text)?.name == ServiceArea.normalised(text))
        if ServiceArea.isNormal(text) { #expect(ServiceArea.normalised(text) == text) }
    }
}
