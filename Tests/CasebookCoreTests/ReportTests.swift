import Testing
@testable import CasebookCore
import CasebookDocuments

@Suite struct ReportTests {
    /// A register in a known state: two cases decided (one housing with two restrictions, one waste
    /// with one), an appeal upheld and referred to the Housing Ombudsman, a register entry live and
    /// one pending, contacts on several channels.
    func knownState() throws -> Fixture {
        var f = Fixture()
        f.today = day("2026-03-02")
        let housing = try f.appliedCase(services: ["housing"])
        try f.run(.restrict(housing, type: .singleChannel, details: "Email only", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        try f.run(.restrict(housing, type: .noFaceToFace, details: "No meetings", from: f.today, escalationReason: nil,
                            statutoryBasis: "Health and Safety at Work etc. Act 1974 s2"), as: "harriet")
        let waste = try f.appliedCase(services: ["waste"])
        try f.run(.restrict(waste, type: .singleChannel, details: "Letters only", from: f.today, escalationReason: nil,
                            statutoryBasis: nil), as: "harriet")
        try f.contact(waste, on: "2026-01-20", channel: .email, kind: .foi, behaviours: [])
        let appeal = AppealID(try f.run(.lodgeAppeal(.case(housing), received: f.today, grounds: "g", lateReason: nil),
                                        as: "olivia").created!)!
        try f.run(.decideAppeal(appeal, outcome: .upheld, date: f.today, reason: "r"), as: "diana")
        try f.run(.referToOmbudsman(appeal, body: .housing, date: f.today), as: "olivia")
        let person = try f.customer("Li Wei")
        let live = RegisterEntryID(try f.run(.proposeRegisterEntry(.person(person), facts: "f", communication: "c", restrictions: nil),
                                             as: "olivia").created!)!
        try f.run(.approveRegisterEntry(live, date: f.today, notToldReason: nil), as: "henry")
        try f.run(.proposeRegisterEntry(.property(Address(text: "1 Leek Road ST4 2AR")), facts: "Dog", communication: "Phone",
                                        restrictions: nil), as: "olivia")
        return f
    }

    @Test func everyFigure() throws {
        let f = try knownState()
        let report = Report(register: f.register, from: day("2026-01-01"), to: day("2026-03-02"), calendar: f.calendar)
        #expect(report.section("Restrictions in force by tier")?.rows.map(\.value) == [2, 1, 0, 0])
        #expect(report.section("Restrictions in force by service area")?.value("housing") == 2)
        #expect(report.section("Restrictions in force by service area")?.value("waste") == 1)
        #expect(report.section("Reviews")?.value("Overdue") == 0)
        let appeals = try #require(report.section("Appeals received and outcomes"))
        #expect(appeals.value("Received") == 1)
        #expect(appeals.value("Upheld") == 1)
        #expect(appeals.value("Awaiting outcome") == 0)
        #expect(report.section("Ombudsman referrals")?.value("Housing Ombudsman") == 1)
        #expect(report.section("Ombudsman referrals")?.value("Local Government and Social Care Ombudsman") == 0)
        let entries = try #require(report.section("Register entries by state"))
        #expect(entries.value("Live") == 1)
        #expect(entries.value("Awaiting approval") == 1)
        // Contacts: two from appliedCase (10 Feb, phone, complaint) and one FOI by email (20 Jan).
        #expect(report.section("Contacts by channel")?.value("phone") == 2)
        #expect(report.section("Contacts by channel")?.value("email") == 1)
        #expect(report.section("Contacts by kind")?.value("foi") == 1)
        #expect(report.section("Contacts by kind")?.value("complaint") == 2)
        let months = try #require(report.section("Contacts by month"))
        #expect(months.rows.map(\.label) == ["2026-01", "2026-02", "2026-03"])
        #expect(months.rows.map(\.value) == [1, 2, 0])
        #expect(report.section("Decisions to apply the policy by month")?.rows.map(\.value) == [0, 0, 2])
    }

    @Test func thePeriodLimitsWhatIsCounted() throws {
        let f = try knownState()
        let report = Report(register: f.register, from: day("2026-02-01"), to: day("2026-03-02"), calendar: f.calendar)
        #expect(report.section("Contacts by kind")?.value("foi") == 0)
        #expect(report.section("Contacts by month")?.rows.map(\.label) == ["2026-02", "2026-03"])
    }

    @Test func textCSVAndHTMLCarryTheSameFigures() throws {
        let f = try knownState()
        let report = Report(register: f.register, from: day("2026-01-01"), to: day("2026-03-02"), calendar: f.calendar)
        let text = report.text()
        #expect(text.contains("report for 1 January 2026 to 2 March 2026"))
        #expect(text.contains("Tier 1      2  ##############################"))
        #expect(text.contains("Housing Ombudsman"))
        let csv = report.csv.split(separator: "\n").map(String.init)
        #expect(csv.first == "section,label,value")
        #expect(csv.contains("Restrictions in force by tier,Tier 1,2"))
        #expect(csv.contains("Ombudsman referrals,Housing Ombudsman,1"))
        #expect(csv.contains("Contacts by month,2026-02,2"))
        #expect(csv.count == 1 + report.sections.map(\.rows.count).reduce(0, +))
        let html = report.html
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.components(separatedBy: "<svg").count - 1 == report.sections.count)
        #expect(html.contains("<tr><td>Tier 1</td><td>2</td></tr>"))
        #expect(html.contains("<tr><td>Housing Ombudsman</td><td>1</td></tr>"))
    }
}
