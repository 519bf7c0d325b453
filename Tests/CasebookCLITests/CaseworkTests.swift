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
