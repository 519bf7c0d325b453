import Testing
@testable import CasebookCore

/// 17: bringing an existing register in. Imported decisions and entries are history: their own
/// dates and people, checked by the same rules, no letters owed, reviews from their own dates.
@Suite struct ImportTests {
    static let restrictionHeader = ["ref", "name", "postcode", "title", "service", "categories", "reason", "proposed-by",
                                    "decided-by", "decided-on", "restriction", "details", "from", "escalation-reason"]

    /// A row of a restrictions file: one decision (by harriet, proposed by olivia) with one restriction.
    static func decisionRow(_ ref: String, name: String, decidedOn: String = "2024-01-15", decider: String = "harriet",
                            restriction: String = "single-channel", from: String? = nil, escalation: String = "") -> [String] {
        [ref, name, "ST4 1HH", "Repairs", "housing", "persistent", "Forty calls a week about a settled repair", "olivia",
         decider, decidedOn, restriction, "Email to the repairs team only", from ?? decidedOn, escalation]
    }

    static func table(_ header: [String], _ rows: [[String]]) -> ImportTable {
        ImportTable(header: header, rows: rows.enumerated().map { (number: $0.offset + 2, cells: $0.element) })
    }

    var fixture = Fixture()
    var today: Day { fixture.today }  // 2026-03-02

    func plan(_ table: ImportTable, _ kind: ImportKind, as actor: Login = "admin", hash: String = "abc123") -> ImportPlan {
        fixture.register.planImport(table, kind: kind, file: "old.csv", sha256: hash, fixture.context(actor))
    }

    mutating func imported(_ table: ImportTable, _ kind: ImportKind, hash: String = "abc123") throws -> ImportPlan {
        let plan = plan(table, kind, hash: hash)
        #expect(plan.problems == [])
        for command in plan.commands { try fixture.run(command, as: "admin") }
        return plan
    }

    @Test mutating func twoHundredRowsWithThreeBadOnesChangeNothingAndNameTheThree() {
        var rows = (1...200).map { Self.decisionRow("OLD-\($0)", name: "Customer \($0)", decidedOn: "2024-0\($0 % 9 + 1)-1\($0 % 9)") }
        rows[40][9] = "31/02/2024"                       // row 42: no such day
        rows[90][8] = "nobody"                            // row 92: not on the staff list
        rows[150][10] = "cease-and-desist"                // row 152: tier 3 with nothing in force, no escalation reason
        let before = fixture.register
        let plan = plan(Self.table(Self.restrictionHeader, rows), .restrictions)
        #expect(!plan.isAccepted)
        #expect(plan.commands.isEmpty)
        #expect(fixture.register == before)
        #expect(plan.problems.map(\.row) == [42, 92, 152])
        #expect(plan.problems.map(\.column) == ["decided-on", "decided-by", "escalation-reason"])
        #expect(plan.problems[0].message.contains("'31/02/2024' is not a date"))
        #expect(plan.problems[1].message.contains("no member of staff 'nobody'"))
        #expect(plan.problems[2].message.contains("the escalation-reason column"), "\(plan.problems[2])")
    }

    @Test mutating func aGoodImportPutsTheReviewsInTheQueuesOnTheirOwnDates() throws {
        let header = Self.restrictionHeader + ["last-reviewed-on"]
        let rows = [
            Self.decisionRow("OLD-1", name: "Ann Old", decidedOn: "2023-03-20") + [""],            // three years on 2026-03-20
            Self.decisionRow("OLD-2", name: "Bob Older", decidedOn: "2022-02-01") + ["2025-01-31"], // reviewed at three years: next 2028
            Self.decisionRow("OLD-3", name: "Cal Recent", decidedOn: "2025-12-01") + [""],         // six months on 2026-06-01
        ]
        try imported(Self.table(header, rows), .restrictions)
        let queue = fixture.register.queue(on: today, calendar: fixture.calendar)
        let reviews = queue.filter { $0.kind == .statusReview }
        #expect(reviews.map(\.subject) == ["CASE-0001"])
        #expect(reviews.first?.due == day("2026-03-20"))
        #expect(reviews.first?.assignee == .person("harriet"))
        #expect(fixture.register.cases[CaseID(number: 2)]?.threeYearReviewDue == day("2028-02-01"))
        #expect(!queue.contains { $0.kind == .letter }, "imported decisions owe no new letters")
        // 5.2.5: the six-month minimum runs from the original decision.
        let early = fixture.refusal(.requestReview(CaseID(number: 3), received: today), as: "olivia")
        #expect(early?.message.contains("from 1 June 2026") == true)
        try fixture.run(.requestReview(CaseID(number: 1), received: today), as: "olivia")
    }

    @Test mutating func importedHistoryKeepsItsPeopleAndDatesAndSaysWhereItCameFrom() throws {
        try fixture.run(.staffLeaves(login: "diana", on: day("2026-01-05")), as: "admin")
        try imported(Self.table(Self.restrictionHeader, [Self.decisionRow("OLD-7", name: "Dee Left", decidedOn: "2023-02-10",
                                                                            decider: "diana")]), .restrictions)
        let value = try #require(fixture.register.cases[CaseID(number: 1)])
        #expect(value.status?.decidedBy == "diana" && value.status?.proposedBy == "olivia")
        #expect(value.status?.decisionDate == day("2023-02-10"))
        #expect(value.restrictions.first?.from == day("2023-02-10"))
        #expect(value.imported?.source == ImportSource(file: "old.csv", sha256: "abc123", row: 2, reference: "OLD-7", on: today))
        #expect(value.importNote(for: value.proposals[0])?.contains("old.csv row 2 (reference OLD-7)") == true)
        #expect(fixture.journal.allSatisfy { $0.actor == "admin" }, "the journal records who imported, never the decider")
        // The decider has left: the three-year review (due 2026-02-10) goes to any other decision-maker.
        let review = fixture.register.queue(on: today, calendar: fixture.calendar).first { $0.kind == .statusReview }
        #expect(review?.assignee == .anyOf([.headOfService, .director], excluding: ["olivia"]))
        // A restriction added after the import is a change of its own: the customer was told of the decision.
        let later = fixture.refusal(.restrict(CaseID(number: 1), type: .namedOfficer, details: "Only via Olivia", from: today,
                                              escalationReason: nil, statutoryBasis: nil), as: "harriet")
        #expect(later?.field == .reason)
    }

    @Test mutating func registerEntriesComeInLiveWithTheirAnnualReviews() throws {
        let customer = try fixture.customer("Eve Known")
        let header = ["ref", "subject", "customer", "address", "postcode", "facts", "communication", "proposed-by", "approved-by",
                      "approved-on", "last-reviewed-on"]
        let rows = [
            ["R-1", "person", customer.description, "", "", "Threatened an officer on 3 May 2024", "Visits in pairs", "olivia", "henry",
             "01/06/2024", "20/05/2025"],
            ["R-2", "property", "", "12 Low Road, Newtown", "ST4 2AB", "Dog loose in the yard", "Call ahead", "olivia", "diana",
             "2025-04-10", ""],
        ]
        try imported(Self.table(header, rows), .register)
        let first = try #require(fixture.register.registerEntries[RegisterEntryID(number: 1)])
        #expect(first.state == .live && first.approvedBy == "henry" && first.proposedBy == "olivia")
        #expect(first.nextReviewDue == day("2026-05-20"))
        #expect(fixture.register.registerEntries[RegisterEntryID(number: 2)]?.nextReviewDue == day("2026-04-10"))
        let queue = fixture.register.queue(on: today, calendar: fixture.calendar, lookAheadDays: 90)
        #expect(queue.filter { $0.kind == .registerReview }.map(\.due) == [day("2026-04-10"), day("2026-05-20")])
        #expect(!queue.contains { $0.kind == .letter || $0.kind == .registerApproval })
        // A review recorded here owes its letter as usual.
        try fixture.run(.recordReview(.registerEntry(first.id), outcome: .continue, date: today, reason: "Still a risk"), as: "henry")
        #expect(fixture.register.letterObligations(for: .registerEntry(first.id), calendar: fixture.calendar)
            .contains { $0.kind == .reviewOutcome && !$0.sent })
    }

    @Test func theSameRulesRefuseAnImportedDecision() {
        let rows = [
            Self.decisionRow("A", name: "One", decider: "olivia"),                     // not a decision-maker
            Self.decisionRow("B", name: "Two", decider: "harriet") ,
            Self.decisionRow("C", name: "Three", decidedOn: "2026-04-01"),              // after today
            Self.decisionRow("D", name: "Four", restriction: "silence"),               // no such restriction
            Self.decisionRow("E", name: "Five", from: "2023-01-01"),                   // restriction before the decision
        ]
        var withProposer = rows
        withProposer[1][7] = "harriet"                                                  // proposer decides: four eyes
        let plan = plan(Self.table(Self.restrictionHeader, withProposer), .restrictions)
        #expect(plan.problems.map(\.row) == [2, 3, 4, 5, 6])
        #expect(plan.problems.map(\.column) == ["decided-by", "proposed-by", "decided-on", "restriction", "from"])
        #expect(plan.problems[0].message.contains("Head of Service or a Director"))
        #expect(plan.problems[1].message.contains("four eyes"))
    }

    @Test func onlyAnAdministratorImportsAndTheHeaderMustBeRight() {
        let good = Self.table(Self.restrictionHeader, [Self.decisionRow("A", name: "One")])
        #expect(plan(good, .restrictions, as: "harriet").problems.first?.message.contains("Only an administrator") == true)
        var header = Self.restrictionHeader
        header[9] = "decided-0n"
        header.removeAll { $0 == "reason" }
        let bad = plan(Self.table(header, [Array(Self.decisionRow("A", name: "One").dropLast())]), .restrictions)
        #expect(bad.problems.map(\.row) == [1, 1, 1])
        #expect(bad.problems.contains { $0.message.contains("did you mean 'decided-on'?") })
        #expect(bad.problems.contains { $0.column == "reason" && $0.message.contains("required column") })
        let short = plan(Self.table(Self.restrictionHeader, [["A", "One"]]), .restrictions)
        #expect(short.problems.first?.message.contains("2 cells but the header has 14") == true)
        #expect(plan(Self.table(Self.restrictionHeader, []), .restrictions).problems.first?.message.contains("no rows") == true)
    }

    @Test mutating func rowsOfOneReferenceAreOneDecisionAndMustAgree() throws {
        var second = Self.decisionRow("OLD-1", name: "Ann", restriction: "no-face-to-face")
        second[11] = "No meetings at the housing office"
        var disagreeing = Self.decisionRow("OLD-1", name: "Ann", decidedOn: "2024-02-01", restriction: "named-officer")
        disagreeing[11] = "Olivia only"
        let refused = plan(Self.table(Self.restrictionHeader, [Self.decisionRow("OLD-1", name: "Ann"), second, disagreeing]), .restrictions)
        #expect(refused.problems.map(\.row) == [3, 4])
        #expect(refused.problems[1].column == "decided-on")
        // no-face-to-face withholds an in-person housing service: its basis is required, at its own row.
        #expect(refused.problems[0].column == "statutory-basis")
        let header = Self.restrictionHeader + ["statutory-basis"]
        let rows = [Self.decisionRow("OLD-1", name: "Ann") + [""], second + ["Housing Act 1996 s.167 (example)"]]
        try imported(Self.table(header, rows), .restrictions)
        #expect(fixture.register.cases[CaseID(number: 1)]?.restrictions.map(\.type) == [.singleChannel, .noFaceToFace])
    }

    @Test mutating func theSameFileIsNeverImportedTwiceAndDuplicatesAreShown() throws {
        _ = try fixture.customer("Zoë Brown")
        let table = Self.table(["name", "postcode"], [["Zoë Brown", "ST4 1HH"], ["New Person", ""]])
        let first = try imported(table, .customers)
        #expect(first.duplicates.count == 1 && first.duplicates[0].hasPrefix("row 2: Zoë Brown may be someone already known"))
        #expect(fixture.register.customers.count == 3)
        #expect(fixture.register.imports.map(\.rows) == [2])
        let again = plan(table, .customers)
        #expect(again.problems.first?.message.contains("already imported on 2026-03-02 by admin") == true)
        #expect(again.commands.isEmpty)
    }

    @Test func datesAreReadAsISOOrAsABritishSpreadsheetWritesThem() {
        #expect(Cells.day("2025-03-04") == day("2025-03-04"))
        #expect(Cells.day("4/3/2025") == day("2025-03-04"))
        #expect(Cells.day("04/03/2025") == day("2025-03-04"))
        #expect(Cells.day("31/02/2025") == nil)
        #expect(Cells.day("04/03/25") == nil, "a two-digit year is ambiguous")
        #expect(Cells.day("March 4") == nil)
        #expect(ImportRows.columnName(" Decided On ") == "decided-on")
    }

    @Test mutating func anErasureRemovesTheImportedReasons() throws {
        try imported(Self.table(Self.restrictionHeader, [Self.decisionRow("OLD-1", name: "Ann Gone")]), .restrictions)
        try fixture.run(.recordReview(.case(CaseID(number: 1)), outcome: .lift, date: today, reason: "Calls have stopped"), as: "harriet")
        let erasure = try Erasure(register: fixture.register, customer: CustomerID(number: 1), today: today)
        let redacted = fixture.journal.map { erasure.redact($0.event) }
        let status = redacted.compactMap { event -> StatusImported? in if case .statusImported(let e) = event { e } else { nil } }
        #expect(status.map(\.reason) == [Erasure.marker])
    }
}
