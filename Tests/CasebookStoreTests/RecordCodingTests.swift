import Foundation
import CasebookCore
import CasebookSynthetic
import Testing
@testable import CasebookStore

/// Customers and cases are written and read by hand for snapshots: every field must come back as
/// it went in, and a field added to a record must not be silently left out of the snapshot.
@Suite struct RecordCodingTests {
    static let day = Day("2025-03-04")!

    /// A case with every field, optional or not, set to something other than its default.
    static var fullCase: Case {
        var value = Case(id: CaseID(number: 42), customer: CustomerID(number: 7), title: "Fly-tipping, and the reply",
                         serviceAreas: [ServiceArea("waste")!, ServiceArea("Council Tax")!], openedBy: "oadams", openedOn: day)
        value.contacts = [
            Contact(number: 1, date: day, channel: .phone, kind: .complaint, officer: "oadams", summary: "Shouted; line 2\nand a tab\t",
                    behaviours: [.swearing, .repeatComplaints], significantNewInformation: true, underReadAndFile: true,
                    filedConfirmation: FiledConfirmation(by: "bkhan", on: day.adding(days: 2))),
            Contact(number: 2, date: day.adding(days: -40_000), channel: .email, kind: .routine, officer: "zoë-ñ", summary: "",
                    behaviours: [], significantNewInformation: false, underReadAndFile: false),
        ]
        value.settled = Settlement(on: day, note: "Settled at stage 2", recordedBy: "oadams")
        let checks = Dictionary(uniqueKeysWithValues: CheckItem.allCases.enumerated().map { index, item in
            (item, PreDecisionCheck(item: item, evidence: "Evidence \(index)", confirmedBy: "bkhan", confirmedOn: day,
                                    reopenedByContact: index == 1 ? 2 : nil))
        })
        value.proposals = [
            Proposal(number: 1, categories: [.persistent, .unreasonable], behaviours: [.excessiveDemands], reason: "Why",
                     proposedBy: "oadams", proposedOn: day, checks: checks,
                     decision: Decision(outcome: .apply, decidedBy: "hcs", consulted: "legal", date: day, reason: "Because",
                                        recordedOn: day.adding(days: 1))),
            Proposal(number: 2, categories: [.complex], behaviours: [], reason: "", proposedBy: "oadams", proposedOn: day),
        ]
        value.status = AppliedStatus(categories: [.persistent], proposalNumber: 1, proposedBy: "oadams", decidedBy: "hcs",
                                     decisionDate: day, lifted: day.adding(days: 200))
        value.restrictions = [
            Restriction(number: 1, type: .singleChannel, details: "Email only", from: day, escalationReason: "Threats",
                        statutoryBasis: "Housing Act 1996", recordedBy: "oadams", ended: day.adding(days: 10), endReason: "Varied"),
            Restriction(number: 2, type: .namedOfficer, details: "", from: day, escalationReason: nil, statutoryBasis: nil,
                        recordedBy: "oadams", ended: nil, endReason: nil),
        ]
        value.statutoryAnswers = [StatutoryAnswer(contact: 1, on: day, note: "Answered in full", by: "irahman")]
        value.notes = [CaseNote(number: 1, on: day, by: "oadams", text: "Spoke to the repairs manager; call back Friday")]
        value.files = [EvidenceFile(sha256: String(repeating: "ab", count: 32), name: "call note.pdf", size: 340_000, type: "application/pdf",
                                    description: "Note of the call", contact: 1, by: "oadams", on: day)]
        value.assignments = [Assignment(to: "oadams", by: "hcs", on: day, reason: nil),
                             Assignment(to: "pnowak", by: "hcs", on: day, reason: "Leave until January")]
        value.contactCorrections = [
            ContactCorrection(contact: 1, change: .date(was: day, now: day.adding(days: -7)), by: "hcs", on: day, reason: "Logged late"),
            ContactCorrection(contact: 1, change: .summary(was: "Old", now: "New"), by: "hcs", on: day, reason: "Typo"),
            ContactCorrection(contact: 4, change: .movedTo(CaseID(number: 9), number: 2), by: "hcs", on: day, reason: "Wrong case"),
            ContactCorrection(contact: 5, change: .movedFrom(CaseID(number: 8), number: 3), by: "hcs", on: day, reason: "Wrong case"),
        ]
        value.imported = ImportedHistory(source: ImportSource(file: "old register.csv", sha256: String(repeating: "cd", count: 32), row: 17,
                                                              reference: "OLD-9", on: day), proposal: 1, reviews: 1)
        value.reminders = [Reminder(number: 1, due: day, by: "oadams", text: "Has the contractor replied?"),
                           Reminder(number: 2, due: day, by: "oadams", text: "Chase", closed: .cancelled, closedOn: day)]
        value.letters = [LetterSent(kind: .decision, sentOn: day, recordedBy: "oadams",
                                    copy: LetterCopy(sha256: String(repeating: "ab", count: 32), dated: day, statedDeadline: day.adding(days: 21)))]
        value.notifications = [Notification(recipients: ["a", "b"], by: "oadams", on: day)]
        value.conferences = [ConferenceID(number: 3)]
        value.appeals = [AppealID(number: 4), AppealID(number: 5)]
        value.reviewRequests = [ReviewRequest(received: day, recordedBy: "oadams", answered: day.adding(days: 5)),
                                ReviewRequest(received: day, recordedBy: "oadams", answered: nil)]
        value.reviews = [Review(outcome: .vary, reviewedBy: "hcs", date: day, reason: "Less needed")]
        return value
    }

    static let fullCustomer = Customer(id: CustomerID(number: 123_456), name: "Zoë O’Brien-Wójcik",
                                       addresses: [Address(text: "12 Mill Lane, Stoke", postcode: Postcode("st4 9fj")),
                                                   Address(text: "No postcode")],
                                       email: "zoe@example.org", phone: "01782 000000", adjustments: "Large print",
                                       corrections: [CustomerCorrection(field: "phone", was: nil, now: "01782 000000",
                                                                        reason: "Mistyped", on: Day(ordinal: 20_000), by: "oadams")],
                                       subjectAccess: [SubjectAccessRecord(on: Day(ordinal: 20_001), by: "irahman",
                                                                           withheld: [Withholding(what: "REG-0002", exemption: "DPA 2018 Sch 2 para 2")],
                                                                           thirdPartiesRedacted: 3)])

    func roundTrip<Record: Equatable>(_ records: [Record], _ write: (Record, inout RecordWriter) -> Void,
                                      _ read: (inout RecordReader) throws(RecordReader.Failure) -> Record) throws -> [Record] {
        var writer = RecordWriter()
        writer.array(records) { write($1, &$0) }
        return try writer.bytes.withUnsafeBytes { bytes in
            var reader = RecordReader(bytes)
            let values = try reader.array(read)
            #expect(reader.isAtEnd)
            return values
        }
    }

    @Test func everyFieldOfACaseAndACustomerReadsBack() throws {
        #expect(try roundTrip([Self.fullCase, Self.fullCase], { $0.write(to: &$1) }, Case.read) == [Self.fullCase, Self.fullCase])
        #expect(try roundTrip([Self.fullCustomer], { $0.write(to: &$1) }, Customer.read) == [Self.fullCustomer])
    }

    /// Enum values are remembered by symbol number; a name written first as something else (a login
    /// that happens to be "email") still reads back as each field's own value.
    @Test func aNameSharedByALoginAndAnEnumReadsBackAsBoth() throws {
        var value = Self.fullCase
        value.contacts = [
            Contact(number: 1, date: Self.day, channel: .phone, kind: .routine, officer: "email", summary: "A", behaviours: [],
                    significantNewInformation: false, underReadAndFile: false),
            Contact(number: 2, date: Self.day, channel: .email, kind: .routine, officer: "email", summary: "B", behaviours: [.swearing],
                    significantNewInformation: false, underReadAndFile: false),
            Contact(number: 3, date: Self.day, channel: .email, kind: .complaint, officer: "phone", summary: "C",
                    behaviours: [.swearing, .threatening], significantNewInformation: false, underReadAndFile: false),
        ]
        #expect(try roundTrip([value, Self.fullCase, value], { $0.write(to: &$1) }, Case.read) == [value, Self.fullCase, value])
    }

    @Test func aSyntheticRegistersCasesAndCustomersReadBack() throws {
        let register = try syntheticRegister(cases: 300, seed: 5)
        let cases = register.cases.values.sorted { $0.id < $1.id }
        let customers = register.customers.values.sorted { $0.id < $1.id }
        #expect(try roundTrip(cases, { $0.write(to: &$1) }, Case.read) == cases)
        #expect(try roundTrip(customers, { $0.write(to: &$1) }, Customer.read) == customers)
        #expect(cases.contains { $0.status != nil } && cases.contains { !$0.restrictions.isEmpty })
    }

    /// What a snapshot keeps beside the cases: each case's outline (`list`) and its decision-makers' view (their queues).
    @Test func aSyntheticRegistersOutlinesAndViewsReadBack() throws {
        let register = try syntheticRegister(cases: 300, seed: 5)
        let cases = register.cases.values.sorted { $0.id < $1.id }
        let outlines = cases.map { register.outline(of: $0, calendar: WorkingDayCalendar()) }
        let views = cases.compactMap { DeciderView($0) }
        #expect(try roundTrip(outlines, { $0.write(to: &$1) }, CaseOutline.read) == outlines)
        #expect(try roundTrip(views, { $0.write(to: &$1) }, DeciderView.read) == views)
        #expect(outlines.contains { !$0.dues.later.isEmpty } && outlines.contains { !$0.categories.isEmpty })
        #expect(views.contains { $0.pending != nil } && views.contains { $0.status != nil })
        // Every field set, each to a value no other field has.
        let full = DeciderView(id: CaseID(number: 7), customer: CustomerID(number: 9),
                               pending: .init(proposedOn: Self.day, proposedBy: "oadams", categories: [.persistent, .unreasonable],
                                              outstandingChecks: 3),
                               status: .init(decidedBy: "hcs", proposedBy: "obrown", decisionDate: Self.day.adding(days: 1),
                                             threeYearReview: Self.day.adding(days: 1_096), unansweredRequest: Self.day.adding(days: 200)),
                               conferenceToCall: Self.day.adding(days: 2))
        #expect(try roundTrip([full, views[0], full], { $0.write(to: &$1) }, DeciderView.read) == [full, views[0], full])
        // A field added to either is written and read in RecordCoding+Outline.swift and +DeciderView.swift.
        let view = try #require(views.first { $0.pending != nil }), status = try #require(views.first { $0.status != nil })
        for (name, record, fields) in [("CaseOutline", outlines[0], 8), ("DueSchedule", outlines[0].dues, 2),
                                       ("DeciderView", view, 5), ("Pending", view.pending!, 4),
                                       ("StatusInForce", status.status!, 5)] as [(String, Any, Int)] {
            #expect(Mirror(reflecting: record).children.count == fields, "\(name) has a field its RecordCoding does not write")
        }
    }

    /// A field added to any of these records must be written and read in RecordCoding.swift (and
    /// Snapshot.format bumped); this count is the reminder.
    @Test func theRecordsHaveTheFieldsRecordCodingWrites() {
        let value = Self.fullCase
        let expected: [(String, Any, Int)] = [
            ("Case", value, 24), ("ImportedHistory", value.imported!, 3), ("ImportSource", value.imported!.source, 5), ("EvidenceFile", value.files[0], 8), ("Assignment", value.assignments[1], 4), ("ContactCorrection", value.contactCorrections[0], 5), ("StatutoryAnswer", value.statutoryAnswers[0], 4),
            ("CaseNote", value.notes[0], 4), ("Reminder", value.reminders[1], 6), ("Contact", value.contacts[0], 10), ("FiledConfirmation", value.contacts[0].filedConfirmation!, 2),
            ("Settlement", value.settled!, 3), ("Proposal", value.proposals[0], 8),
            ("PreDecisionCheck", value.proposals[0].checks.first!.value, 5), ("Decision", value.proposals[0].decision!, 7),
            ("AppliedStatus", value.status!, 6), ("Restriction", value.restrictions[0], 14), ("LetterSent", value.letters[0], 4), ("LetterCopy", value.letters[0].copy!, 3),
            ("Notification", value.notifications[0], 3), ("ReviewRequest", value.reviewRequests[0], 3), ("Review", value.reviews[0], 7),
            ("Customer", Self.fullCustomer, 8), ("CustomerCorrection", Self.fullCustomer.corrections[0], 6),
            ("SubjectAccessRecord", Self.fullCustomer.subjectAccess[0], 4), ("Withholding", Self.fullCustomer.subjectAccess[0].withheld[0], 2), ("Address", Self.fullCustomer.addresses[0], 2),
            ("Postcode", Self.fullCustomer.addresses[0].postcode!, 1), ("ServiceArea", value.serviceAreas[0], 1),
        ]
        for (name, record, fields) in expected {
            #expect(Mirror(reflecting: record).children.count == fields,
                    "\(name) has a field RecordCoding.swift does not write: add it there and bump Snapshot.format")
        }
    }

    @Test func cutOrDamagedBytesAreRefusedNotMisread() throws {
        var writer = RecordWriter()
        writer.array([Self.fullCase]) { $1.write(to: &$0) }
        let bytes = writer.bytes
        for cut in 0..<bytes.count {
            let refused = Array(bytes[..<cut]).withUnsafeBytes { part in
                var reader = RecordReader(part)
                return (try? reader.array(Case.read)) == nil
            }
            #expect(refused, "cut at \(cut)")
        }
        // A yes-or-no byte that is neither, and a name never written.
        [UInt8]([5]).withUnsafeBytes { bytes in
            var reader = RecordReader(bytes)
            #expect(throws: RecordReader.Failure.self) { try reader.bool() }
        }
        [UInt8]([3]).withUnsafeBytes { bytes in
            var reader = RecordReader(bytes)
            #expect(throws: RecordReader.Failure.self) { try reader.symbol() }
        }
    }
}

/// The register's other parts (staff, entries, appeals, conferences, imports) by the same codec.
@Suite struct RegisterPartsCodingTests {
    /// The bundled sample register: entries live, pending, amended and shared, appeals decided and
    /// referred, conferences met with actions.
    static let sample: Register = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let text = (try? String(contentsOfFile: url.appendingPathComponent("SampleData/store/journal.jsonl").path, encoding: .utf8)) ?? ""
        var register = Register()
        for line in text.split(separator: "\n") {
            guard case .domain(let event) = try! JournalLine.decode(Array(line.utf8)[...]).entry else { continue }
            register.apply(event, by: (try! JournalLine.decode(Array(line.utf8)[...])).actor)
        }
        return register
    }()

    @Test func theSampleRegistersPartsReadBackWhole() throws {
        let parts = Self.sample.parts
        #expect(parts.registerEntries.count > 3 && parts.appeals.count > 1 && parts.conferences.count > 0)
        var writer = RecordWriter()
        parts.write(to: &writer)
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = RecordReader(bytes)
            let value = try Register.Parts.read(from: &reader)
            #expect(reader.isAtEnd)
            return value
        }
        let register = Register(parts: read, customers: Array(Self.sample.customers.values), cases: Array(Self.sample.cases.values))
        #expect(register == Self.sample)
        var again = RecordWriter()
        read.write(to: &again)
        #expect(again.bytes == writer.bytes, "the same register always gives the same bytes")
    }

    /// A field added to any of these records must be written and read in RecordCoding+Parts.swift
    /// (and Snapshot.format bumped); this count is the reminder.
    @Test func thePartsHaveTheFieldsRecordCodingWrites() throws {
        let entry = try #require(Self.sample.registerEntries.values.first)
        let appeal = try #require(Self.sample.appeals.values.first)
        let conference = try #require(Self.sample.conferences.values.first)
        let expected: [(String, Any, Int)] = [
            ("Register.Parts", Self.sample.parts, 8), ("StaffMember", Self.sample.staff.values.first!, 6), ("RegisterEntry", entry, 21),
            ("Appeal", appeal, 12), ("CaseConference", conference, 10),
            ("ImportRecord", ImportRecord(written: "a", sha256: "b", kind: .customers, rows: 1, by: "c", on: Day(ordinal: 1)), 6),
            ("EntryAmendment", EntryAmendment(facts: "", communication: "", restrictions: nil, reason: "", by: "", on: Day(ordinal: 1)), 6),
            ("AppealDecision", AppealDecision(outcome: .upheld, decidedBy: "", date: Day(ordinal: 1), reason: ""), 6),
            ("OmbudsmanReferral", OmbudsmanReferral(written: .lgsco, date: Day(ordinal: 1), recordedBy: ""), 3),
            ("ConferenceAction", ConferenceAction(written: 1, owner: "", due: Day(ordinal: 1), text: "", done: nil), 5),
            ("Disclosure", Disclosure(written: "", reason: "", date: Day(ordinal: 1), by: ""), 4),
            ("RegisterView", RegisterView(written: "", on: Day(ordinal: 1)), 2),
        ]
        for (name, record, fields) in expected {
            #expect(Mirror(reflecting: record).children.count == fields,
                    "\(name) has a field RecordCoding+Parts.swift does not write: add it there and bump Snapshot.format")
        }
    }
}
