import Foundation
import Testing

/// 17 from the command line: assignment, handover when an officer leaves, and contact corrections.
@Suite(.serialized) struct TeamTests {
    @Test func assignmentPutsOfficerWorkInTheAssigneesQueueAndALeaverHandsOver() throws {
        let scratch = Scratch()
        let (cli, id) = decidedCase(scratch)
        #expect(cli.run(["assign", id, "--to", "hbanks"], as: "gokafor").status == 2, "a head of service is not an officer")
        #expect(cli.run(["assign", id, "--to", "pnowak"], as: "irahman").status == 1)
        cli.ok(["assign", id, "--to", "pnowak"], as: "gokafor")
        #expect(cli.ok(["queue", "--mine"], as: "pnowak").contains("letter              \(id)"))
        #expect(!cli.ok(["queue", "--mine"], as: "ofarrell").contains("letter              \(id)"))
        let handover = cli.run(["assign", id, "--to", "ofarrell"], as: "gokafor")
        #expect(handover.status == 2 && handover.err.contains("--reason"))

        let leave = cli.run(["staff", "leave", "pnowak", "--date", "2026-03-02"], as: "admin")
        #expect(leave.status == 1 && leave.err.contains("Piotr Nowak holds \(id)") && leave.err.contains("--reassign-to"))
        cli.ok(["staff", "leave", "pnowak", "--date", "2026-03-02", "--reassign-to", "ofarrell"], as: "admin")
        let shown = cli.ok(["show", id], as: "ofarrell")
        #expect(shown.contains("Assigned to: Orla O'Farrell (ofarrell)"))
        #expect(shown.contains("Assigned to ofarrell by admin on 2026-03-02: Piotr Nowak left on 2026-03-02"))
    }

    @Test func aContactIsCorrectedWithAnAuditAndTheOriginalKept() throws {
        let scratch = Scratch()
        let (cli, id) = decidedCase(scratch)
        let refused = cli.run(["correct", id, "--contact", "1", "--date", "2026-02-03", "--reason", "Logged late"], as: "ofarrell")
        #expect(refused.status == 1 && refused.err.contains("Head of Service or an administrator"))
        #expect(cli.run(["correct", id, "--contact", "1", "--reason", "Nothing"], as: "gokafor").status != 0)
        #expect(cli.run(["correct", id, "--contact", "7", "--date", "2026-02-03", "--reason", "x"], as: "gokafor").err.contains("no contact 7"))
        cli.ok(["correct", id, "--contact", "1", "--date", "2026-02-03", "--reason", "Logged a week late"], as: "gokafor")
        let shown = cli.ok(["show", id], as: "ofarrell")
        #expect(shown.contains("1. 2026-02-03"), "\(shown)")
        #expect(shown.contains("Correction: contact 1 corrected by gokafor on 2026-03-02: date 2026-02-03, was 2026-02-10 — Logged a week late"))
        let journal = String(decoding: FileManager.default.contents(atPath: cli.store + "/journal.jsonl") ?? Data(), as: UTF8.self)
        #expect(journal.contains("\"date\":\"2026-02-10\"") && journal.contains("contact-corrected"), "the original stays")
        #expect(cli.run(["verify"], as: "admin").status == 0, "the store verifies after the correction")
    }
}
