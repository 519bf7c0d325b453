import Foundation
import Testing

/// 17 from the command line: `casebook import` reports every refused row and records nothing, or
/// records the whole file with its reviews in the queues on their own dates.
@Suite(.serialized) struct ImportCLITests {
    static let header = "ref,name,postcode,title,service,categories,reason,proposed-by,decided-by,decided-on,restriction,details,from"

    /// Row `n` of a restrictions file: a decision by gokafor (proposed by ofarrell) on a date
    /// between 2023 and 2025, with a single-channel restriction from then.
    static func row(_ n: Int) -> [String] {
        let decided = String(format: "%02d/%02d/%d", n % 28 + 1, n % 12 + 1, 2023 + n % 3)
        return ["OLD-\(n)", "Customer \(n)", "ST4 1HH", "Repairs", "housing", "persistent", "\"Calls, daily, about \(n)\"",
                "ofarrell", "gokafor", decided, "single-channel", "Email to the repairs team only", decided]
    }

    static func write(_ rows: [[String]], to path: String) {
        let text = ([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    @Test func twoHundredRowsWithThreeBadOnesChangeNothingAndTheGoodFileBringsItsReviews() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        var rows = (1...200).map(Self.row)
        rows[9][9] = "30/02/2024"          // row 11
        rows[99][8] = "zz-nobody"          // row 101
        rows[179][10] = "premises-ban"     // row 181: tier 4 skips tiers; in housing it also withholds a service
        let file = scratch.path + "/old-register.csv"
        Self.write(rows, to: file)
        let journal = cli.store + "/journal.jsonl"
        let before = FileManager.default.contents(atPath: journal)

        let refused = cli.run(["import", file, "--kind", "restrictions"], as: "admin")
        #expect(refused.status == 2)
        #expect(refused.out.contains("NOTHING WAS IMPORTED: 3 problems"), "\(refused.out)")
        #expect(refused.out.contains("row 11, column decided-on: '30/02/2024' is not a date"))
        #expect(refused.out.contains("row 101, column decided-by: There is no member of staff 'zz-nobody'"))
        #expect(refused.out.contains("row 181, column escalation-reason:"))
        #expect(FileManager.default.contents(atPath: journal) == before, "the journal is untouched")
        #expect(cli.run(["import", file, "--kind", "restrictions"], as: "ofarrell").status == 1, "administrators only")

        rows[9][9] = "28/02/2024"; rows[9][12] = "28/02/2024"
        rows[99][8] = "gokafor"
        rows[179][10] = "named-officer"
        Self.write(rows, to: file)
        let dry = cli.ok(["import", file, "--kind", "restrictions", "--dry-run"], as: "admin")
        #expect(dry.contains("Checked only (--dry-run): nothing was recorded"))
        #expect(FileManager.default.contents(atPath: journal) == before)
        let done = cli.ok(["import", file, "--kind", "restrictions"], as: "admin")
        #expect(done.contains("Imported 200 new customers, 200 decisions, each on a case of its own, 200 restrictions."), "\(done)")
        // Decisions of 2023 reach their three-year review in 2026: in the decider's queue on the day.
        let queue = cli.ok(["queue", "--mine", "--json"], as: "gokafor", on: "2026-03-02")
        let rowsDue = try JSONSerialization.jsonObject(with: Data(queue.utf8)) as! [[String: Any]]
        let reviews = rowsDue.filter { $0["kind"] as? String == "status-review" }
        // Row n is decided in 2023 when n % 3 == 0; due by 2026-04-01 (30 days ahead) when its month is 1 to 4.
        let expected = (1...200).filter { $0 % 3 == 0 && $0 % 12 + 1 <= 4 && ($0 % 12 + 1 < 4 || $0 % 28 + 1 <= 1) }
        #expect(reviews.count == expected.count, "\(reviews.map { $0["due"] ?? "" })")
        #expect(reviews.allSatisfy { ($0["due"] as? String ?? "").hasPrefix("2026-0") })
        #expect(!rowsDue.contains { $0["kind"] as? String == "letter" }, "no letters owed for imported decisions")
        #expect(cli.ok(["show", "CASE-0003"], as: "gokafor").contains("Brought in from the old register, imported on 2026-03-02 from "
            + "old-register.csv row 4 (reference OLD-3)"))
        let again = cli.run(["import", file, "--kind", "restrictions"], as: "admin")
        #expect(again.status == 2 && again.out.contains("already imported"))
        #expect(cli.run(["verify"], as: "admin").status == 0)
    }

    @Test func theTemplateIsAHeaderToFillAndTheColumnsAreExplained() {
        let scratch = Scratch()
        let cli = CLI(store: scratch.path + "/none")
        let template = cli.raw(["import", "--template", "--kind", "register"])
        #expect(template.status == 0)
        #expect(template.trimmed.hasPrefix("ref,subject,customer,name,address,postcode"))
        #expect(template.err.contains("approved-on (required): The date it was approved"))
        #expect(cli.raw(["import", "--kind", "register"]).status == 2)
    }
}
