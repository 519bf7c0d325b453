import Foundation
import Testing
@testable import CasebookCore
import CasebookDocuments

/// UK GDPR Art 13/14 in every letter: who holds the data and the DPO, why and on what basis, who it
/// is shared with, how long it is kept, the person's rights and the ICO; and no letter from a
/// council that is still the placeholder.
@Suite struct PrivacyLetterTests {
    let council = CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre, Glebe Street", customerServicesAddress: "Civic Centre, Glebe Street",
                                 email: "cft@stoke.example.org", phone: "01782 234567",
                                 privacyNotice: "We use it to deal with your contact fairly.",
                                 dataProtectionOfficer: "Data Protection Officer, dpo@stoke.example.org")
    let retention = RetentionPeriods(yearsAfterCaseClosed: 7, yearsAfterStatusLifted: 5, yearsAfterEntryRemoved: 3)

    /// A case decided, written to, appealed and decided; the person on the register, shared with a contractor.
    func register() throws -> (Fixture, CaseID, RegisterEntryID, AppealID) {
        var f = Fixture()
        let id = try f.appliedCase()
        try f.run(.notify(id, recipients: ["sam", "omar"]), as: "olivia")
        try f.run(.recordLetterSent(.case(id), kind: .decision, sentOn: day("2026-03-02")), as: "olivia")
        let customer = f.register.cases[id]!.customer
        let proposed = try f.run(.proposeRegisterEntry(.person(customer), facts: "On 1 March 2026 threatened a surveyor.",
                                                       communication: "Letters only.", restrictions: nil), as: "olivia")
        let entry = RegisterEntryID(proposed.created!)!
        try f.run(.approveRegisterEntry(entry, date: f.today, notToldReason: nil), as: "harriet")
        try f.run(.discloseRegisterEntry(entry, to: "Kier Repairs Ltd", reason: "Gas safety visit", date: f.today), as: "olivia")
        let lodged = try f.run(.lodgeAppeal(.case(id), received: f.today, grounds: "Unfair.", lateReason: nil), as: "olivia")
        return (f, id, entry, AppealID(lodged.created!)!)
    }

    @Test func everyLetterKindStatesEveryArticle13Item() throws {
        let (f, id, entry, appeal) = try register()
        let writer = LetterText(register: f.register, council: council, calendar: f.calendar, retention: retention)
        let letters: [(LetterKind, LetterSubject)] = [(.warning, .case(id)), (.decision, .case(id)), (.registerEntry, .registerEntry(entry)),
                                                      (.appealAcknowledgement, .appeal(appeal))]
        for (kind, subject) in letters {
            let letter = try writer.letter(kind, on: subject, date: f.today)
            let text = letter.plainText
            for wanted in ["City of Stoke-on-Trent, Civic Centre, Glebe Street", "Data Protection Officer, dpo@stoke.example.org",
                           "We use it to deal with your contact fairly.", "Article 6(1)(e)", "Article 9(2)(g)",
                           "Kier Repairs Ltd (2 March 2026)", "7 years after your case closes", "5 years after a restriction",
                           "3 years after a register entry", "a copy of the information", "correct it", "erase it",
                           "restrict how we use it", "object", "Information Commissioner's Office"] {
                #expect(text.contains(wanted), "the \(kind.title) does not say \(wanted)")
            }
            // Each is a statement a template must keep.
            #expect(letter.required.filter { $0.what.contains("Art 13") }.count == 6)
        }
        let decision = try writer.render(.decision, on: .case(id), date: f.today)
        #expect(decision.contains("(2 have been told of your case)"))
    }

    @Test func aPlaceholderCouncilOrNoDPORefusesTheLetter() throws {
        let (f, id, _, _) = try register()
        for (details, missing) in [(CouncilDetails.placeholder, "--name"), (CouncilDetails(name: "City of Stoke-on-Trent", address: "Civic Centre, Glebe Street",
                customerServicesAddress: "Civic Centre, Glebe Street", email: "cft@stoke.example.org", phone: "01782 234567", privacyNotice: "p"), "--dpo")] {
            do throws(Refusal) {
                _ = try LetterText(register: f.register, council: details, calendar: f.calendar).render(.decision, on: .case(id), date: f.today)
                Issue.record("a letter from a placeholder council")
            } catch {
                #expect(error.paragraph == "5.2.3" && error.message.contains(missing) && error.message.contains("casebook settings council"))
            }
        }
    }

    @Test func settingsRecordedBeforeTheDPOWasAskedForReadAsNotSet() throws {
        let old = #"{"name":"N","address":"A","customerServicesAddress":"C","email":"e@x.org","phone":"1","privacyNotice":"p"}"#
        let details = try JSONDecoder().decode(CouncilDetails.self, from: Data(old.utf8))
        #expect(details.dataProtectionOfficer == "" && details.lawfulBasis == CouncilDetails.standardLawfulBasis)
        #expect(details.placeholders == ["--dpo"])
    }
}
