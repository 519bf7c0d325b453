import Foundation
import Testing

@Suite(.serialized) struct DataTests {
    /// The journal's content without recorded times and hashes (which include the times).
    func content(_ store: String) throws -> [String] {
        try String(contentsOfFile: store + "/journal.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let payload = try JSONSerialization.data(withJSONObject: object["payload"]!, options: .sortedKeys)
            return "\(object["seq"]!) \(object["actor"]!) \(object["type"]!) " + String(decoding: payload, as: UTF8.self)
        }
    }

    @Test func generateIsDeterministicAndPassesEveryRule() throws {
        let scratch = Scratch()
        var first = CLI(store: scratch.path + "/one")
        let second = CLI(store: scratch.path + "/two")
        first.actor = "oadams"
        #expect(first.raw(["generate", "--cases", "300", "--seed", "42"]).status == 0)
        #expect(second.raw(["generate", "--cases", "300", "--seed", "42"]).status == 0)
        #expect(try content(first.store) == content(second.store))
        let other = CLI(store: scratch.path + "/three")
        #expect(other.raw(["generate", "--cases", "300", "--seed", "43"]).status == 0)
        #expect(try content(other.store) != content(first.store))
        let cases = try JSONSerialization.jsonObject(with: Data(first.ok(["list", "--json"]).utf8)) as! [[String: Any]]
        #expect(cases.count == 300)
        #expect(Set(cases.compactMap { $0["status"] as? String }).isSuperset(of: ["open", "proposed", "applied", "declined"]))
        let records = try content(first.store).count
        #expect(records > 300 * 8 && records < 300 * 14, "about ten events a case: \(records)")
        #expect(first.ok(["verify"]).contains("sound"))
        #expect(first.raw(["generate", "--cases", "10"]).status == 2, "never over an existing store")
    }

    @Test func initSampleCopiesTheSampleRegister() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/sample")
        cli.actor = "ofarrell"
        let result = cli.raw(["init", "--sample"])
        #expect(result.status == 0, "\(result.err)")
        let cases = try JSONSerialization.jsonObject(with: Data(cli.ok(["list", "--json"]).utf8)) as! [[String: Any]]
        #expect(cases.count >= 40)
        let stages = Set(cases.compactMap { $0["status"] as? String })
        #expect(stages == ["open", "proposed", "awaiting-decision", "declined", "applied", "lifted"])
        var attributes = stat()
        stat(cli.store + "/journal.jsonl", &attributes)
        #expect(attributes.st_mode & 0o007 == 0)
        #expect(cli.ok(["verify"]).contains("sound"))
        // Its people have the names of the city, and the register has entries in every state.
        #expect(cli.ok(["find", "wojcik"]).contains("Krzysztof Wójcik"))
        #expect(cli.ok(["find", "siobhan"]).contains("Siobhán O'Neill"))
        let queue = cli.ok(["queue"], on: "2026-11-27")
        for kind in ["decision", "register-approval", "register-review", "letter", "appeal", "review-request", "status-review",
                     "conference-action", "filed-contact"] {
            #expect(queue.contains(kind), "the sample's queue has a \(kind) row")
        }
    }

    @Test func findAnswersTheSameFromTheSearchIndexAsFromTheRegister() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/sample")
        cli.actor = "ofarrell"
        #expect(cli.raw(["init", "--sample"]).status == 0)
        // Adding a customer writes the search index after the answer.
        cli.ok(["customer", "add", "--name", "Ana Lima", "--address", "1 Hope Street, Hanley", "--postcode", "ST1 5AA"],
               as: "ofarrell", on: "2026-11-27")
        #expect(FileManager.default.fileExists(atPath: cli.store + "/search.index"))
        let queries = ["wojcik", "zoe", "st4", "harry shaw", "leek road", "case-0013", "lima", "hope street", "nobody at all"]
        func answers() -> [String] {
            queries.flatMap { query in
                [cli.run(["find", query], on: "2026-11-27"), cli.run(["find", query, "--json"], on: "2026-11-27")].map { "\($0.status) \($0.out)" }
            }
        }
        // With the lock file made unusable, only the index can answer: proof that it does.
        try FileManager.default.moveItem(atPath: cli.store + "/lock", toPath: scratch.path + "/lock")
        try FileManager.default.createDirectory(atPath: cli.store + "/lock", withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o770])
        let fromIndex = answers()
        #expect(cli.run(["list"], on: "2026-11-27").status == 3)
        try FileManager.default.removeItem(atPath: cli.store + "/lock")
        try FileManager.default.moveItem(atPath: scratch.path + "/lock", toPath: cli.store + "/lock")
        try FileManager.default.removeItem(atPath: cli.store + "/search.index")
        let fromRegister = answers()
        #expect(fromIndex == fromRegister)
        #expect(fromIndex.contains { $0.contains("Harry Shaw") && $0.contains("[!] ON THE REGISTER") })
        #expect(fromIndex.contains { $0.contains("Ana Lima") })
    }

    @Test func exportHoldsOnePersonAndNobodyElse() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/sample")
        cli.actor = "ofarrell"
        #expect(cli.raw(["init", "--sample"]).status == 0)
        // Free text on her case names another customer.
        cli.ok(["contact", "add", "CASE-0025", "--date", "2026-11-27", "--channel", "phone", "--kind", "routine",
                "--summary", "Says her neighbour Wei Zhang of 45 Waterloo Road, Burslem complained too"], as: "ofarrell", on: "2026-11-27")
        let out = scratch.path + "/export"
        let path = cli.ok(["export", "CUST-0025", "--out", out], as: "irahman", on: "2026-11-27")
        let json = try String(contentsOfFile: path, encoding: .utf8)
        let text = try String(contentsOfFile: out + "/CUST-0025.txt", encoding: .utf8)
        #expect(json.contains("Mia Hughes") && text.contains("Mia Hughes"))
        #expect(text.contains("Register entry"))
        #expect(text.contains("Says her neighbour [another person] of [another person] complained too"))
        let customers = try JSONSerialization.jsonObject(with: Data(cli.ok(["find", "st", "--json"]).utf8)) as! [[String: Any]]
        let others = customers.filter { $0["kind"] as? String == "customer" && $0["id"] as? String != "CUST-0025" }
        #expect(others.count > 20)
        for other in others {
            let name = other["title"] as! String
            #expect(!json.contains(name) && !text.contains(name), "\(name) appears in CUST-0025's export")
        }
    }
}

/// A cold `show` reads one customer and their cases alone when the snapshot's index allows
/// (issue 19): the real binary answers the same, byte for byte, either way.
@Suite struct PointReadCLITests {
    /// A generated register of 150 cases acting as a Head of Service, and the same asked only
    /// from records read alone, and only from the whole register.
    static func generated(seed: Int, in scratch: Scratch) -> (cli: CLI, alone: CLI, whole: CLI) {
        var cli = CLI(store: scratch.path + "/store")
        cli.actor = "hcs"
        #expect(cli.raw(["generate", "--cases", "150", "--seed", "\(seed)"]).status == 0)
        var alone = cli, whole = cli
        alone.environment["CASEBOOK_POINT_READS"] = "only"
        whole.environment["CASEBOOK_POINT_READS"] = "off"
        return (cli, alone, whole)
    }

    @Test func showReadAloneIsTheWholeRegistersAnswer() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/store")
        cli.actor = "hcs"
        #expect(cli.raw(["generate", "--cases", "150", "--seed", "7"]).status == 0)
        // Some journal after the snapshot, so the path applies a tail.
        let opened = cli.ok(["case", "open", "--customer", "CUST-0003", "--title", "A further matter", "--service", "waste"], as: "admin")
        #expect(opened.hasPrefix("CASE-"))
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cli.store + "/snapshots")
        #expect(!snapshots.isEmpty, "generate leaves a snapshot")
        var ids = stride(from: 1, through: 150, by: 7).map { String(format: "CASE-%04d", $0) }
        ids += stride(from: 1, through: 60, by: 5).map { String(format: "CUST-%04d", $0) } + ["CUST-0003"]
        ids += ["APL-0001", "APL-0002", "CONF-0001", "CASE-9999", "CUST-9999", "REG-0001", "CASE-0000"]
        var alone = cli, whole = cli
        alone.environment["CASEBOOK_POINT_READS"] = "only"
        whole.environment["CASEBOOK_POINT_READS"] = "off"
        var readAlone = 0
        for id in ids {
            for json in [false, true] {
                let arguments = ["show", id] + (json ? ["--json"] : [])
                let full = whole.run(arguments)
                let point = alone.run(arguments)
                if point.status == 0 {
                    readAlone += 1
                    #expect(point.out == full.out && point.err == full.err && full.status == 0, "\(arguments)")
                } else if point.err.contains("could not be read alone") {
                    // Left to the whole register, which answers (or says why not) as always; a
                    // register entry's view is recorded, so its count moves on each time.
                    let either = cli.run(arguments)
                    #expect(either.status == full.status && (id.hasPrefix("REG-") || either.out == full.out), "\(arguments)")
                } else {
                    #expect(point.status == full.status && point.err == full.err, "\(arguments): \(point.err)")
                }
            }
        }
        #expect(readAlone > 40, "most views read alone: \(readAlone)")
        // Not one of the staff: refused the same way on either path.
        let stranger = alone.run(["show", "CASE-0001"], as: "nobody")
        #expect(stranger.status != 0 && stranger.err.contains("not one of this register's staff"))
    }

    @Test func aListReadPieceByPieceIsTheWholeRegistersAnswer() throws {
        let scratch = Scratch()
        let (cli, alone, whole) = Self.generated(seed: 9, in: scratch)
        func expectSame(_ comment: String) {
            for filters in [[], ["--status", "applied"], ["--category", "persistent"], ["--service", "waste"], ["--status", "lifted"]] {
                for json in [false, true] {
                    let arguments = ["list"] + filters + (json ? ["--json"] : [])
                    let full = whole.run(arguments), point = alone.run(arguments)
                    #expect(point.status == 0 && point.out == full.out && point.err == full.err && full.status == 0,
                            "\(comment): \(arguments)")
                }
            }
            // On later days: reminders come due and three-year reviews near (the outlines' due dates).
            for day in ["2026-09-30", "2027-12-01", "2029-06-30"] {
                let full = whole.run(["list", "--json"], on: day), point = alone.run(["list", "--json"], on: day)
                #expect(point.status == 0 && point.out == full.out && full.status == 0, "\(comment): on \(day)")
            }
        }
        expectSame("straight after the snapshot")
        #expect(whole.run(["list"]).out.split(separator: "\n").count >= 150)
        // The journal after the snapshot: a new case for a customer with others, a renamed
        // customer, a reminder that gives a case a due date.
        let opened = cli.ok(["case", "open", "--customer", "CUST-0004", "--title", "A further matter", "--service", "waste"], as: "admin")
        #expect(opened.hasPrefix("CASE-"))
        _ = cli.ok(["customer", "update", "CUST-0010", "--name", "Renamed Person", "--reason", "Married"], as: "oadams")
        _ = cli.ok(["remind", "CASE-0020", "--on", "2026-11-30", "--text", "Ring back"], as: "oadams", on: "2026-11-30")
        expectSame("after the journal grew")
        #expect(whole.run(["list"]).out.contains("Renamed Person"))
        // Not one of the staff, or a service area that does not exist: refused the same way.
        #expect(alone.run(["list"], as: "nobody").err == whole.run(["list"], as: "nobody").err)
        #expect(alone.run(["list", "--service", "nowhere"]).err == whole.run(["list", "--service", "nowhere"]).err)
        // A closure day after the snapshot moves due dates its outlines were worked out without:
        // the listing is left to the whole register.
        _ = cli.ok(["settings", "add-closure", "2026-03-04"], as: "admin")
        let moved = alone.run(["list"])
        #expect(moved.status == 3 && moved.err.contains("could not be read alone"), "\(moved.err)")
        #expect(cli.run(["list", "--json"]).out == whole.run(["list", "--json"]).out)
    }

    @Test func aMembersQueueReadAloneIsTheWholeRegistersAnswer() throws {
        let scratch = Scratch()
        let (cli, alone, whole) = Self.generated(seed: 8, in: scratch)
        // Some journal after the snapshot: a new case, and a reminder due today for an officer.
        let opened = cli.ok(["case", "open", "--customer", "CUST-0004", "--title", "A further matter", "--service", "waste"], as: "admin")
        #expect(opened.hasPrefix("CASE-"))
        _ = cli.ok(["remind", opened, "--on", "2026-11-30", "--text", "Chase the contractor"], as: "oadams", on: "2026-11-30")
        var rows = 0
        for login in ["hcs", "hhousing", "dplace", "oadams", "obrown", "admin"] {
            for json in [false, true] {
                let arguments = ["queue", "--mine"] + (json ? ["--json"] : [])
                let full = whole.run(arguments, as: login), point = alone.run(arguments, as: login)
                #expect(point.status == 0 && point.out == full.out && point.err == full.err && full.status == 0, "\(login) \(arguments)")
                rows += full.out.split(separator: "\n").count
            }
        }
        #expect(rows > 100, "the queues have work in them: \(rows) lines")
        // Not one of the staff: refused the same way on either path.
        let stranger = alone.run(["queue", "--mine"], as: "nobody")
        #expect(stranger.status != 0 && stranger.err.contains("not one of this register's staff"))
        // A change of staff: the whole register answers, and says the same.
        _ = cli.ok(["staff", "add", "onew", "--name", "New Officer", "--role", "officer"], as: "admin")
        #expect(alone.run(["queue", "--mine"], as: "oadams").err.contains("could not be read alone"))
        #expect(cli.run(["queue", "--mine"], as: "oadams").out == whole.run(["queue", "--mine"], as: "oadams").out)
    }
}
