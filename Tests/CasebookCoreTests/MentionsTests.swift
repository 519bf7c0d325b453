import Foundation
import Testing
@testable import CasebookCore

@Suite struct MentionsTests {
    func matcher() -> Mentions {
        var mentions = Mentions()
        mentions.add(words: "Seán Murphy", tag: 1)
        mentions.add(words: "12 Leek Road, Shelton", tag: 2)
        mentions.add(phone: "01782 234567", tag: 3)
        mentions.add(email: "Sean.Murphy@example.org", tag: 4)
        return mentions
    }

    @Test func wholeNamesAndExactAddressesMatchWhateverTheirCaseAccentsAndPunctuation() {
        let mentions = matcher()
        #expect(mentions.replacing(in: "Spoke to SEAN MURPHY about it", with: { "<\($0)>" }) == "Spoke to <1> about it")
        #expect(mentions.replacing(in: "Lives at 12 leek road shelton.", with: { "<\($0)>" }) == "Lives at <2>.")
        #expect(mentions.replacing(in: "12 Leek Road, Shelton, ST4 2AR", with: { "<\($0)>" }) == "<2>, ST4 2AR")
    }

    @Test func partsOfWordsAndPartsOfNamesAreNotMentions() {
        let mentions = matcher()
        for text in ["Seánna Murphy rang", "Murphy rang", "Sean rang", "Seán Murphyson", "112 Leek Road, Shelton", "Leek Road"] {
            #expect(mentions.matches(in: text).isEmpty, "\(text)")
        }
    }

    @Test func phonesMatchByTheirDigitsAndEmailsExactly() {
        let mentions = matcher()
        for text in ["ring 01782234567 today", "ring 01782-234567", "ring 01782 234 567"] {
            #expect(mentions.replacing(in: text, with: { "<\($0)>" }).contains("<3>"), "\(text)")
        }
        #expect(mentions.matches(in: "ring 9017822345670").isEmpty, "digits inside a longer number")
        #expect(mentions.replacing(in: "Wrote to sean.murphy@EXAMPLE.org.", with: { "<\($0)>" }) == "Wrote to <4>.")
        #expect(mentions.matches(in: "xsean.murphy@example.org").isEmpty)
    }

    /// Linear in the text and in the people: thousands of combining marks, thousands of people.
    @Test func hostileTextAndManyPeopleStayFast() {
        var mentions = Mentions()
        for index in 0..<5_000 { mentions.add(words: "Person\(index) Surname\(index)", tag: index) }
        let marks = "a" + String(repeating: "\u{0301}", count: 5_000) + " " + String(repeating: "zz\u{0308} ", count: 5_000)
        let start = Date()
        _ = mentions.replacing(in: marks + " Person4999 Surname4999", with: { _ in "[x]" })
        #expect(Date().timeIntervalSince(start) < 2, "took \(Date().timeIntervalSince(start)) s")
    }

    /// The subject-access export of a summary of 5,000 combining marks, with many other customers.
    @Test func anExportOfHostileTextFinishesInWellUnderASecond() throws {
        var fixture = Fixture()
        for index in 0..<300 { _ = try fixture.customer("Other Person\(index)") }
        let id = try fixture.openCase()
        try fixture.run(.logContact(id, date: fixture.today, channel: .email, kind: .complaint,
                                    summary: "a" + String(repeating: "\u{0301}", count: 5_000) + " said Other Person7 shouted",
                                    behaviours: [], significantNewInformation: false), as: "olivia")
        let customer = try #require(fixture.register.cases[id]?.customer)
        let start = Date()
        let export = SubjectAccess(register: fixture.register, customer: customer)
        let document = export.document
        _ = try export.json()
        #expect(Date().timeIntervalSince(start) < 1, "took \(Date().timeIntervalSince(start)) s")
        #expect(document.contains("said [another person] shouted"))
    }
}
