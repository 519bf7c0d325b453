import CasebookCore
import CasebookDocuments
import CasebookSynthetic
import Foundation
import Testing

/// `JSONRows` writes a listing as it is made; it must give the very bytes JSONEncoder gives for the
/// whole answer, so that a script reading `--json` cannot tell which wrote it.
@Suite struct JSONRowsTests {
    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func streamed<Row>(_ rows: [Row], _ fields: (Row) -> [(key: String, value: JSONRows.Value?)]) -> String {
        var text = ""
        var json = JSONRows { text += $0 }
        for row in rows { json.append(fields(row)) }
        json.finish()
        return text
    }

    @Test func aGeneratedRegistersListingsAreTheEncodersBytes() throws {
        var register = Register()
        _ = try register.perform(.initialise(name: "Admin"), in: Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!))
        let synthetic = SyntheticRegister(cases: 150, seed: 5)
        for step in synthetic { _ = try register.perform(step.command, in: Context(actor: step.actor, today: step.today)) }
        let today = synthetic.referenceDate
        let queue = register.queue(on: today, calendar: WorkingDayCalendar())
        var due: [String: Day] = [:]
        for row in queue where due[row.subject].map({ row.due < $0 }) ?? true { due[row.subject] = row.due }
        let summaries = register.cases.keys.sorted().map { id in
            CaseSummary(register.outline(of: register.cases[id]!, calendar: WorkingDayCalendar()), nextDue: due[id.description])
        }
        #expect(summaries.contains { $0.nextDue == nil } && summaries.contains { $0.nextDue != nil })
        #expect(summaries.contains { $0.categories.isEmpty } && summaries.contains { !$0.categories.isEmpty })
        #expect(Self.streamed(summaries) { $0.fields } == (try Self.encoded(summaries)))
        let rows = queue.map(QueueRowJSON.init)
        #expect(!rows.isEmpty)
        #expect(Self.streamed(rows) { $0.fields } == (try Self.encoded(rows)))
        let hits = Search.find("a", in: Search.records(in: register)).map { HitJSON($0.hit) }
        #expect(!hits.isEmpty)
        #expect(Self.streamed(hits) { $0.fields } == (try Self.encoded(hits)))
    }

    @Test func rowsRenderedOnEveryCoreComeInTheirOrder() {
        let rows = (0..<1_000).map { ["\($0)", "name \u{1B}\u{7F}\($0 % 7)"] }
        let serial = rows.map { JSONRows.object([("id", .string($0[0])), ("name", .string($0[1]))]) }
        for block in [1, 7, 999, 1_000, 2_048] {
            #expect(JSONRows.objects(rows, block: block) { [("id", .string($0[0])), ("name", .string($0[1]))] } == serial, "\(block)")
        }
        #expect(JSONRows.objects([[String]](), block: 3) { _ in [] }.isEmpty)
        // Each object made (here, safe for a terminal) where it is rendered, on whichever core.
        let made = rows.map { VisibleText.jsonEscaped(JSONRows.object([("id", .string($0[0])), ("name", .string($0[1]))])) }
        #expect(JSONRows.objects(rows, block: 7, made: VisibleText.jsonEscaped) { [("id", .string($0[0])), ("name", .string($0[1]))] } == made)
        #expect(made[0].contains("\\u007f") && !serial[0].contains("\\u007f"))
    }

    @Test func fieldsGivenOutOfOrderAreWrittenInKeyOrder() {
        let ordered = JSONRows.object([("a", .int(1)), ("b", .bool(true)), ("c", .string("x"))])
        #expect(JSONRows.object([("c", .string("x")), ("a", .int(1)), ("b", .bool(true))]) == ordered)
        #expect(JSONRows.object([("b", .bool(true)), ("c", .string("x")), ("a", .int(1))]) == ordered)
        #expect(ordered.firstRange(of: "\"a\"")!.lowerBound < ordered.firstRange(of: "\"c\"")!.lowerBound)
    }

    @Test func hostileTextEmptyListsAndAnEmptyListingAreTheEncodersBytes() throws {
        struct Row: Encodable {
            let name: String
            let tags: [String]
            let count: Int?
            let flag: Bool
            var fields: [(key: String, value: JSONRows.Value?)] {
                [("name", .string(name)), ("tags", .strings(tags)), ("count", count.map { .int($0) }), ("flag", .bool(flag))]
            }
        }
        let hostile = "q\"b\\s/\n\r\t\u{08}\u{0C}\u{01}\u{1B}[2J\u{1F}\u{7F}\u{85}\u{202E}\u{2028}é😀 Zoë"
        let rows = [Row(name: hostile, tags: [], count: nil, flag: true),
                    Row(name: "", tags: ["x", hostile, ""], count: -3, flag: false),
                    Row(name: "plain", tags: ["one"], count: Int.max, flag: true)]
        #expect(Self.streamed(rows) { $0.fields } == (try Self.encoded(rows)))
        #expect(Self.streamed([Row]()) { $0.fields } == (try Self.encoded([Row]())))
    }
}
