import CasebookCore
import CasebookStore
import Foundation
import Testing

/// Issue: hostile input. Text that an older release let in (or a damaged file holds) never reaches
/// a terminal or a text file raw; text typed now is refused; nothing crashes.
@Suite(.serialized) struct HostileInputTests {
    static let escape = "\u{1B}", bell = "\u{07}"
    static let title = "Eve\u{1B}]0;TITLE\u{07}"
    static let clipboard = "Bins \u{1B}]52;c;ZXZpbA==\u{07} again"
    static let clear = "1 Hope Street\u{1B}[2J, Hanley"
    static let c1 = "Rang \u{9B}31m twice"
    static let bidi = "Ann \u{202E}nwoB"

    /// A store with hostile text in every kind of record, put there as an older release would
    /// have: journal lines written directly, hashed and chained, with the high-water mark.
    func hostileStore(_ scratch: Scratch) throws -> CLI {
        let cli = staffedStore(scratch)
        cli.ok(["customer", "add", "--name", "Placeholder"], as: "ofarrell")
        let events: [(String, Event)] = [
            ("ofarrell", try event(#"{"type":"customer-added","payload":{"id":"CUST-0002","name":"\#(json(Self.title))","address":{"text":"\#(json(Self.clear))"},"phone":"01782 1"}}"#)),
            ("ofarrell", try event(#"{"type":"case-opened","payload":{"id":"CASE-0001","customer":"CUST-0002","title":"\#(json(Self.clipboard))","serviceAreas":["waste"],"on":"2026-03-02"}}"#)),
            ("ofarrell", try event(#"{"type":"contact-logged","payload":{"caseID":"CASE-0001","number":1,"date":"2026-03-02","channel":"phone","kind":"complaint","summary":"\#(json(Self.c1))","behaviours":["swearing"],"significantNewInformation":false,"underReadAndFile":false}}"#)),
            ("ofarrell", try event(#"{"type":"customer-added","payload":{"id":"CUST-0003","name":"\#(json(Self.bidi))"}}"#)),
        ]
        try appendUnchecked(events, to: cli.store)
        return cli
    }

    func json(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else if scalar == "\"" { result += "\\\"" } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    func event(_ text: String) throws -> Event { try JSONDecoder().decode(Event.self, from: Data(text.utf8)) }

    /// Appends records without the domain's checks (as an older release might have written them).
    func appendUnchecked(_ events: [(String, Event)], to store: String) throws {
        let path = store + "/journal.jsonl"
        var bytes = Array(FileManager.default.contents(atPath: path)!)
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        var last = try JournalLine.decode(lines.last!)
        for (actor, event) in events {
            let (line, encoded) = try JournalLine.encode(sequence: last.sequence + 1, recorded: "2026-03-02T10:00:00.000Z", actor: actor,
                                                         entry: .domain(event), previousHash: last.hash)
            bytes += encoded
            last = line
        }
        FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o660])
        let mark = #"{"derived":{},"format":1,"hash":"\#(last.hash)","offset":\#(bytes.count),"sequence":\#(last.sequence)}"# + "\n"
        FileManager.default.createFile(atPath: store + "/head", contents: Data(mark.utf8), attributes: [.posixPermissions: 0o660])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: store + "/snapshots")) ?? [] {
            try FileManager.default.removeItem(atPath: store + "/snapshots/" + name)
        }
        try? FileManager.default.removeItem(atPath: store + "/search.index")
    }

    /// No ESC, BEL, C1 control or bidi override, raw.
    func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for scalar in text.unicodeScalars where scalar.value < 0x20 && scalar != "\n" && scalar != "\t"
            || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
            Issue.record("\(what) wrote \(TextRules.codePoint(scalar)) raw", sourceLocation: sourceLocation)
            return
        }
    }

    @Test func escapeSequencesInRecordsReachNoOutputRaw() throws {
        let scratch = Scratch()
        let cli = try hostileStore(scratch)
        let outputs: [(String, CLI.Result)] = [
            ("show CUST", cli.run(["show", "CUST-0002"])), ("show CASE", cli.run(["show", "CASE-0001"])),
            ("find", cli.run(["find", "eve"])), ("find bidi", cli.run(["find", "ann"])), ("list", cli.run(["list"])),
            ("queue", cli.run(["queue"])), ("letter", cli.run(["letter", "CASE-0001", "--kind", "warning"])),
            ("show --json", cli.run(["show", "CASE-0001", "--json"])), ("list --json", cli.run(["list", "--json"])),
            ("find --json", cli.run(["find", "eve", "--json"])), ("show CUST-0003", cli.run(["show", "CUST-0003"])),
        ]
        for (what, result) in outputs {
            #expect(result.status == 0, "\(what): \(result.err)")
            expectClean(result.out, what)
            expectClean(result.err, what + " (stderr)")
        }
        let show = outputs[1].1.out
        #expect(show.contains("\\u{1B}]52;c;ZXZpbA==\\u{7}"), "shown visibly: \(show)")
        #expect(outputs[0].1.out.contains("Eve\\u{1B}]0;TITLE\\u{7}"))
        #expect(outputs[7].1.out.contains("\\u009b31m"), "C1 escaped in --json")
        #expect(outputs[10].1.out.contains("Ann \\u{202E}nwoB"))
        // The letter and the subject-access documents written to files, too.
        let letter = scratch.path + "/letter.txt"
        cli.ok(["letter", "CASE-0001", "--kind", "warning", "--out", letter])
        expectClean(try String(contentsOfFile: letter, encoding: .utf8), "letter --out")
        let export = scratch.path + "/sar"
        cli.ok(["export", "CUST-0002", "--out", export], as: "irahman")
        for name in ["CUST-0002.txt", "CUST-0002.json"] {
            expectClean(try String(contentsOfFile: export + "/" + name, encoding: .utf8), name)
        }
        // And the journal still verifies (only the output changed).
        #expect(cli.ok(["verify"]).contains("sound"))
    }

    @Test func theBusyMessageShowsTheLockNoteVisibly() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let ready = scratch.path + "/ready"
        let holder = Spawn.start("/usr/bin/env", ["python3", "-c", """
            import fcntl, os, struct, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR)
            fcntl.fcntl(fd, 37, struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0))
            os.ftruncate(fd, 0); os.pwrite(fd, b'\\x1b[2J\\x1b]0;owned\\x07 pid %d\\n' % os.getpid(), 0)
            open(sys.argv[2], 'w').close()
            time.sleep(60)
            """, scratch.path + "/store/lock", ready], environment: ProcessInfo.processInfo.environment)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready), Date() < deadline { usleep(20_000) }
        defer {
            kill(holder, SIGKILL)
            Spawn.wait(holder)
        }
        var quick = cli
        quick.environment["CASEBOOK_LOCK_TIMEOUT"] = "0.3"
        let result = quick.run(["customer", "add", "--name", "Blocked"])
        #expect(result.status == 3)
        #expect(result.err.contains("\\u{1B}[2J"), "\(result.err)")
        expectClean(result.err, "the busy message")
    }

    @Test func hostileTextTypedNowIsRefusedNamingTheFieldAndCodePoint() {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let cases: [([String], String)] = [
            (["customer", "add", "--name", Self.title], "U+001B"),
            (["customer", "add", "--name", "Zoë", "--address", Self.clear], "U+001B"),
            (["customer", "add", "--name", Self.bidi], "U+202E"),
            (["customer", "add", "--name", "Zo\u{200B}ë"], "U+200B"),
            (["customer", "add", "--name", "Line\nBreak"], "U+000A"),
            (["customer", "add", "--name", String(repeating: "a", count: 201)], "at most 200"),
            (["customer", "add", "--name", "Zoë", "--adjustments", "Calls \u{9B}ok"], "U+009B"),
        ]
        let before = try? String(contentsOfFile: cli.store + "/journal.jsonl", encoding: .utf8)
        for (arguments, expected) in cases {
            let result = cli.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains(expected), "\(arguments): \(result.err)")
            expectClean(result.err, "the refusal")
        }
        // Multi-line text keeps its lines; a Persian name keeps its zero-width non-joiner.
        #expect(cli.run(["customer", "add", "--name", "Zoë", "--adjustments", "Large print.\n\tNo calls."]).status == 0)
        #expect(cli.run(["customer", "add", "--name", "مهسا می\u{200C}خواهد"]).status == 0)
        #expect(before != nil)
    }

    @Test func invalidUTF8InAnArgumentIsBadInputNamingTheOption() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let before = try String(contentsOfFile: cli.store + "/journal.jsonl", encoding: .utf8)
        // Through a shell, so that the bytes reach casebook as they are.
        let result = CLI.execute(arguments: ["/bin/sh", "-c", "'\(CLI.binary)' --store '\(cli.store)' --as ofarrell "
            + "customer add --name \"$(printf 'Zo\\351 Brown')\""])
        #expect(result.status == 2)
        #expect(result.err.contains("--name") && result.err.contains("UTF-8"), "\(result.err)")
        #expect(try String(contentsOfFile: cli.store + "/journal.jsonl", encoding: .utf8) == before)
    }

    @Test func unwritableOutputIsAFailureAndACreatedIDIsNeverLost() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let base = "'\(CLI.binary)' --store '\(cli.store)' --as ofarrell --today 2026-03-02"
        let full = CLI.execute(arguments: ["/bin/sh", "-c", "\(base) customer add --name 'Full Disk' > /dev/full"])
        #expect(full.status == 3)
        #expect(full.err.contains("saved as CUST-0001, but the id could not be printed"), "\(full.err)")
        #expect(cli.ok(["find", "full disk"]).contains("CUST-0001"), "the record was saved")
        for redirect in ["2>/dev/full", "2>&-"] {
            let result = CLI.execute(arguments: ["/bin/sh", "-c", "\(base) calendar add-working-days 2026-03-02 10000000 \(redirect)"])
            #expect(result.status == 2, "\(redirect): no trap, the usage status")
            let ok = CLI.execute(arguments: ["/bin/sh", "-c", "\(base) queue \(redirect)"])
            #expect(ok.status == 0, "\(redirect): nothing went to stderr")
            let warned = CLI.execute(arguments: ["/bin/sh", "-c", "\(base) staff add x --name X --role officer \(redirect)"])
            #expect(warned.status != 0 && warned.status < 4, "\(redirect): a message that could not be written is a failure")
        }
        let closed = CLI.execute(arguments: ["/bin/sh", "-c", "\(base) find zoe >&-"])
        #expect(closed.status == 3)
    }

    @Test func theCrashesOfTheIssueEndWithAStatus() {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        #expect(cli.run(["calendar", "add-working-days", "2026-03-02", "10000000"]).status == 2)
        #expect(cli.run(["calendar", "add-working-days", "9999-12-30", "5"]).status == 2)
        #expect(cli.run(["register", "add", "--property", "1 Hope Street", "--facts", "Dog.", "--communication", "Phone"],
                        on: "9999-12-31").status == 2)
        #expect(cli.run(["list"]).status == 0)
    }
}
