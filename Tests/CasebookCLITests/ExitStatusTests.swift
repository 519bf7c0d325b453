import Foundation
import Testing

/// Every exit status of the contract, and the refusal paths, through the real binary.
@Suite(.serialized) struct ExitStatusTests {
    /// A store with a case decided by Grace Okafor on 2 March 2026, the letter sent that day.
    func decided(_ scratch: Scratch) -> (CLI, String) {
        let (cli, id) = decidedCase(scratch)
        cli.ok(["letter", id, "--kind", "decision", "--sent", "2026-03-02"], as: "ofarrell")
        return (cli, id)
    }

    @Test func refusedByARuleIsOneAndNamesTheParagraph() {
        let scratch = Scratch()
        let (cli, id) = decided(scratch)
        let cases: [([String], String, String)] = [
            (["restrict", id, "--type", "premises-ban", "--details", "x", "--from", "2026-03-02", "--reason", "r"], "gokafor", "5.2.1"),
            (["restrict", id, "--type", "single-channel", "--details", "x", "--from", "2026-03-02"], "ofarrell", "4.2"),
            (["restrict", id, "--type", "single-channel", "--details", "x", "--from", "2026-03-02"], "gokafor", "5.2.3"),
            (["review", "request", id, "--received", "2026-03-02"], "ofarrell", "5.2.5"),
            (["appeal", "lodge", id, "--received", "2026-03-24", "--grounds", "late"], "ofarrell", "6.1"),
        ]
        for (arguments, actor, paragraph) in cases {
            let result = cli.run(arguments, as: actor, on: "2026-03-24")
            #expect(result.status == 1, "\(arguments)")
            #expect(result.err.contains("policy \(paragraph)"), "\(arguments): \(result.err)")
            #expect(result.out.isEmpty)
        }
    }

    @Test func badInputIsTwo() {
        let scratch = Scratch()
        let (cli, id) = decided(scratch)
        let cases: [([String], String)] = [
            (["show", "CASE-0099"], "There is no case CASE-0099"),
            (["show", "banana"], "is not an id"),
            (["contact", "add", id, "--date", "2026-02-30", "--channel", "phone", "--kind", "routine", "--summary", "x"], "2026-02-30"),
            (["contact", "add", id, "--date", "2026-03-03", "--channel", "phone", "--kind", "routine", "--summary", "x"], "after today"),
            (["appeal", "lodge", id, "--received", "2026-03-01", "--grounds", "g"], "before the decision"),
            (["contact", "add", id, "--date", "2026-03-01", "--channel", "pigeon", "--kind", "routine", "--summary", "x"], "pigeon"),
            (["decide", id, "--consulted", "ofarrell", "--date", "2026-03-02", "--reason", "r"], "--apply or --decline"),
            (["frobnicate"], "frobnicate"),
        ]
        for (arguments, fragment) in cases {
            let result = cli.run(arguments, as: "ofarrell")
            #expect(result.status == 2, "\(arguments): \(result.err)")
            #expect(result.err.contains(fragment), "\(arguments): \(result.err)")
        }
        #expect(cli.raw(["queue", "--today", "27/01/2026"]).status == 2)
        #expect(cli.ok(["verify"]).contains("sound"), "bad input changed nothing")
    }

    @Test func asIsRefusedOnAnOSStore() {
        let scratch = Scratch()
        let cli = CLI(store: scratch.path + "/store")
        cli.ok(["init", "--name", "Root Admin"])
        let result = cli.run(["customer", "add", "--name", "X"], as: "someone")
        #expect(result.status == 2)
        #expect(result.err.contains("--as is not allowed"))
        #expect(cli.run(["init", "--identity", "os"], as: "someone").status == 2)
    }

    /// On an `os` store --today changes what is shown, never the date a record is judged against.
    @Test func anOSStoreRecordsAgainstTheRealDate() throws {
        let scratch = Scratch()
        let cli = CLI(store: scratch.path + "/store")
        cli.ok(["init", "--name", "Root Admin"])
        let customer = cli.ok(["customer", "add", "--name", "Zoë Brown"])
        let opened = cli.run(["case", "open", "--customer", customer, "--title", "Bins", "--service", "waste"], on: "2020-01-06")
        #expect(opened.status == 0, "\(opened.err)")
        #expect(opened.err.contains("records against the real date"), "\(opened.err)")
        let shown = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", opened.trimmed, "--json"]).utf8)) as! [String: Any]
        let parts = Calendar.current.dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        let real = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        #expect(shown["openedOn"] as? String == real)
        // A business date after the real today is refused, whatever --today says.
        let future = cli.run(["contact", "add", opened.trimmed, "--date", "2099-01-05", "--channel", "phone", "--kind", "routine",
                              "--summary", "Rang."], on: "2099-01-06")
        #expect(future.status == 2, "\(future.err)")
    }

    @Test func datesOutsideTheYearsCasebookTakesAreBadInputAndNeverFatal() {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        for today in ["9999-12-31", "2200-01-01", "1899-12-31"] {
            let result = cli.run(["register", "add", "--property", "1 Hope Street", "--facts", "A dog.", "--communication", "Phone"],
                                 on: today)
            #expect(result.status == 2, "--today \(today): \(result.err)")
            #expect(result.err.contains("1900-01-01 to 2199-12-31"), "\(result.err)")
        }
        #expect(cli.run(["calendar", "add-working-days", "2026-03-02", "10000000"]).status == 2)
        #expect(cli.run(["calendar", "add-working-days", "9999-12-31", "1"]).status == 2)
        for command in [["list"], ["queue"], ["report"], ["find", "hope"]] {
            #expect(cli.run(command).status == 0, "\(command)")
        }
    }

    @Test func storeProblemsAreThree() throws {
        let scratch = Scratch()
        let missing = CLI(store: scratch.path + "/nowhere")
        let result = missing.run(["queue"])
        #expect(result.status == 3)
        #expect(result.err.contains("casebook init"))
        #expect(CLI(store: scratch.path).run(["queue"]).status == 3)  // not a store
        let (cli, _) = decided(scratch)
        // Damage in the middle of the journal: verify names the record and exits 3; writes are refused.
        let journal = scratch.path + "/store/journal.jsonl"
        var bytes = Array(FileManager.default.contents(atPath: journal)!)
        let third = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[2] + 1
        bytes[third + 20] ^= 0x04
        FileManager.default.createFile(atPath: journal, contents: Data(bytes), attributes: [.posixPermissions: 0o660])
        let verify = cli.run(["verify"])
        #expect(verify.status == 3)
        #expect(verify.err.contains("record 4 at byte \(third)"))
        let write = cli.run(["customer", "add", "--name", "Y"], as: "ofarrell")
        #expect(write.status == 3)
        #expect(write.err.contains("read-only"))
        #expect(Array(FileManager.default.contents(atPath: journal)!) == bytes)
    }

    @Test func initInAFolderInUseIsTwo() {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        #expect(cli.run(["init", "--identity", "declared"], as: "admin").status == 2)
    }

    @Test func helpExplainsInThePolicysWords() {
        let cli = CLI(store: "/nonexistent")
        let help = cli.raw(["decide", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("Head of Service"))
        #expect(help.out.contains("Customer Feedback Team"))
        #expect(cli.raw(["restrict", "--help"]).out.contains("escalation"))
        #expect(cli.raw(["--help"]).out.contains("appeal"))
    }

    @Test func calendarAddsWorkingDays() {
        let cli = CLI(store: "/nonexistent")
        #expect(cli.ok(["calendar", "add-working-days", "2026-12-14", "15"]) == "2027-01-07")
        let later = cli.run(["calendar", "add-working-days", "2029-12-20", "5"])
        #expect(later.trimmed == "2029-12-31")
        #expect(later.err.contains("not yet published"))
        #expect(cli.run(["calendar", "add-working-days", "2026-02-30", "5"]).status == 2)
    }
}
