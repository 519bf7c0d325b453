import CasebookStore
import Foundation
import Testing

/// Casework as it really runs: letters kept as sent, later restrictions, statutory requests.
@Suite(.serialized) struct CaseworkTests {
    func journal(_ cli: CLI) -> Data { FileManager.default.contents(atPath: cli.store + "/journal.jsonl") ?? Data() }

    func json(_ text: String) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any] }

    /// A letter Casebook refuses to produce is never recorded as sent: the journal, the queue and
    /// the appeal clock stay as they were.
    @Test func aLetterThatCannotBeProducedIsNotRecorded() throws {
        let scratch = Scratch()
        let (cli, id) = decidedCase(scratch)
        cli.ok(["staff", "leave", "hbanks", "--date", "2026-03-02"], as: "admin")
        let before = journal(cli)
        let queue = cli.ok(["queue"], on: "2026-03-02")
        let result = cli.run(["letter", id, "--kind", "decision", "--sent", "2026-03-02"], on: "2026-03-02")
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("Head of Service – Customer Services"))
        #expect(journal(cli) == before, "nothing recorded")
        #expect(cli.ok(["queue"], on: "2026-03-02") == queue, "the letter is still owed")
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/letters"), "nothing kept")
    }

    /// Recording a letter as sent keeps its exact text, content-addressed; show lists it with its
    /// hash; verify checks it; the deadline it states is the one enforced.
    @Test func aLetterRecordedAsSentIsKeptExactlyAndItsDeadlineEnforced() throws {
        let scratch = Scratch()
        let (cli, id) = decidedCase(scratch)
        // Printed (dated) on 3 March, posted on 5 March.
        let recorded = cli.run(["letter", id, "--kind", "decision", "--sent", "2026-03-05", "--dated", "2026-03-03"], on: "2026-03-05")
        #expect(recorded.status == 0, "\(recorded.err)")
        let shown = try json(cli.ok(["show", id, "--json"], on: "2026-03-05"))
        let letters = try #require(shown["letters"] as? [[String: Any]])
        let copy = try #require(letters.first?["copy"] as? [String: Any])
        let hash = try #require(copy["sha256"] as? String)
        #expect(copy["dated"] as? String == "2026-03-03")
        #expect(copy["statedDeadline"] as? String == "2026-03-24", "15 working days from the date it bears")
        let kept = try String(contentsOfFile: cli.store + "/letters/\(hash).txt", encoding: .utf8)
        #expect(kept.contains("24 March 2026") && kept.contains("3 March 2026"))
        #expect(JournalLineHash.sha256(kept) == hash)
        #expect(cli.ok(["verify"]).contains("sound"))
        // Enforced: the later of what the letter said (24 March) and 15 working days from sending (26 March).
        #expect(cli.run(["appeal", "lodge", id, "--received", "2026-03-26", "--grounds", "Unfair"], on: "2026-03-26").status == 0)
        // A letter said to be sent before the date it bears is refused.
        let otherScratch = Scratch()
        let (other, second) = decidedCase(otherScratch)
        let early = other.run(["letter", second, "--kind", "decision", "--sent", "2026-03-02", "--dated", "2026-03-03"], on: "2026-03-05")
        #expect(early.status == 2 && early.err.contains("cannot have been sent"), "\(early.status) \(early.err)")
        // A kept letter changed afterwards is found by verify.
        var bytes = Array(kept.utf8)
        bytes[10] ^= 1
        FileManager.default.createFile(atPath: cli.store + "/letters/\(hash).txt", contents: Data(bytes), attributes: [.posixPermissions: 0o660])
        let verify = cli.run(["verify"])
        #expect(verify.status == 3 && verify.err.contains("letters/\(hash).txt"), "\(verify.err)")
    }
}

enum JournalLineHash {
    static func sha256(_ text: String) -> String { JournalLine.sha256Hex(Array(text.utf8)) }
}

@Suite(.serialized) struct LaterChangeWalkTests {
    /// decision → letter → a later restriction → its letter → an appeal against it decided "varied" →
    /// the varied restrictions and their letter, all through the real binary.
    @Test func aLaterRestrictionIsWrittenAboutAppealedAndVaried() throws {
        let scratch = Scratch()
        let (cli, id) = decidedCase(scratch)
        cli.ok(["restrict", id, "--type", "single-channel", "--details", "Email the housing team only", "--from", "2026-03-02"],
               as: "gokafor", on: "2026-03-02")
        cli.ok(["letter", id, "--kind", "decision", "--sent", "2026-03-03"], on: "2026-03-03")
        // A month later a further restriction: a decision of its own.
        let without = cli.run(["restrict", id, "--type", "named-officer", "--details", "Only through Orla O'Farrell",
                               "--from", "2026-04-06"], as: "gokafor", on: "2026-04-06")
        #expect(without.status == 1 && without.err.contains("--reason"), "\(without.err)")
        let added = cli.run(["restrict", id, "--type", "named-officer", "--details", "Only through Orla O'Farrell",
                             "--from", "2026-04-06", "--reason", "Calls to six officers in March"], as: "gokafor", on: "2026-04-06")
        #expect(added.status == 0, "\(added.err)")
        #expect(added.err.contains("restriction letter is now owed"))
        #expect(cli.ok(["queue"], on: "2026-04-06").contains("letter about a change of restrictions"))
        let preview = cli.ok(["letter", id, "--kind", "restriction"], on: "2026-04-07")
        #expect(preview.contains("Only through Orla O'Farrell") && preview.contains("Calls to six officers in March"))
        #expect(preview.contains("must reach us by"), "the letter gives the right of appeal with its date")
        cli.ok(["letter", id, "--kind", "restriction", "--sent", "2026-04-07"], on: "2026-04-07")
        #expect(!cli.ok(["queue"], on: "2026-04-07").contains("letter about a change"))
        // The customer appeals the new restriction (the first decision was never appealed; it may be anyway).
        let appeal = cli.ok(["appeal", "lodge", id, "--received", "2026-04-20", "--grounds", "I need to reach the repairs team"],
                            on: "2026-04-20")
        let shown = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", appeal, "--json"], on: "2026-04-20").utf8)) as! [String: Any]
        #expect(shown["against"] as? String == "the restrictions added on 6 April 2026")
        // The one who imposed it may not decide the appeal; a varied outcome must say what changes.
        #expect(cli.run(["appeal", "decide", appeal, "--outcome", "upheld", "--date", "2026-04-24", "--reason", "r"],
                        as: "gokafor", on: "2026-04-24").status == 1)
        #expect(cli.run(["appeal", "decide", appeal, "--outcome", "varied", "--date", "2026-04-24", "--reason", "r"],
                        as: "dkaur", on: "2026-04-24").status == 1)
        let varied = cli.run(["appeal", "decide", appeal, "--outcome", "varied", "--date", "2026-04-24",
                              "--reason", "One named officer is too narrow for repairs", "--end", "2",
                              "--add", "named-officer:Through the repairs team's case officer"], as: "dkaur", on: "2026-04-24")
        #expect(varied.status == 0, "\(varied.err)")
        let value = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", id, "--json"], on: "2026-04-24").utf8)) as! [String: Any]
        let restrictions = value["restrictions"] as! [[String: Any]]
        #expect(restrictions.count == 3)
        #expect(restrictions[1]["ended"] as? String == "2026-04-24")
        #expect(restrictions[2]["details"] as? String == "Through the repairs team's case officer")
        // The outcome letter says what changed.
        let letter = cli.ok(["letter", appeal, "--kind", "appeal-outcome"], on: "2026-04-27")
        #expect(letter.contains("What has changed:") && letter.contains("Ended on 24 April 2026")
            && letter.contains("Through the repairs team's case officer"), "\(letter)")
        cli.ok(["letter", appeal, "--kind", "appeal-outcome", "--sent", "2026-04-27"], on: "2026-04-27")
        #expect(cli.ok(["verify"]).contains("sound"))
    }

    /// A telephone-only restriction for a customer who cannot use the telephone needs a recorded reason.
    @Test func aRestrictionThatConflictsWithAnAdjustmentNeedsAReason() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let customer = cli.ok(["customer", "add", "--name", "Amir Shah", "--adjustments", "Deaf; BSL user; cannot use the telephone"])
        let id = cli.ok(["case", "open", "--customer", customer, "--title", "Noise", "--service", "environmental-health"])
        cli.ok(["contact", "add", id, "--date", "2026-02-10", "--channel", "email", "--kind", "complaint", "--summary", "Again",
                "--behaviour", "repeat-complaints"])
        cli.ok(["propose", id, "--category", "persistent", "--reason", "r", "--behaviour", "repeat-complaints"])
        for item in ["facts", "investigated", "communications", "no-new-information"] { cli.ok(["check", id, "--item", item, "--evidence", "e"], as: "pnowak") }
        // The decision says how the adjustments were weighed.
        let silent = cli.run(["decide", id, "--apply", "--consulted", "ofarrell", "--date", "2026-03-02", "--reason", "r"], as: "gokafor")
        #expect(silent.status == 1 && silent.err.contains("--adjustments-considered"), "\(silent.err)")
        cli.ok(["decide", id, "--apply", "--consulted", "ofarrell", "--date", "2026-03-02", "--reason", "r",
                "--adjustments-considered", "Written contact only, by email, as he asks"], as: "gokafor")
        #expect(cli.ok(["show", id]).contains("Adjustments considered: Written contact only"))
        #expect(cli.ok(["show", id]).contains("Reasonable adjustments: Deaf; BSL user"))
        let refused = cli.run(["restrict", id, "--type", "single-channel", "--details", "Telephone only, to the duty officer",
                               "--from", "2026-03-02"], as: "gokafor")
        #expect(refused.status == 1 && refused.err.contains("cannot use") && refused.err.contains("--adjustment-reason"), "\(refused.err)")
        cli.ok(["restrict", id, "--type", "single-channel", "--details", "Email only, to the duty officer", "--from", "2026-03-02"],
               as: "gokafor")
    }
}
