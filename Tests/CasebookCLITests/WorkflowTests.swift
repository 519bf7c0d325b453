import Foundation
import Testing

@Suite(.serialized) struct WorkflowTests {
    @Test func officerToHeadOfServiceToDirector() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let customer = cli.ok(["customer", "add", "--name", "Zoë Brown", "--address", "1 Hope Street, Hanley",
                               "--postcode", "st1 1hr"], as: "ofarrell", on: "2026-01-05")
        #expect(customer == "CUST-0001")
        let caseID = cli.ok(["case", "open", "--customer", customer, "--title", "Housing repairs", "--service", "housing"],
                            as: "ofarrell", on: "2026-01-05")
        #expect(caseID == "CASE-0001")
        for (index, date) in ["2026-01-05", "2026-01-12", "2026-01-19"].enumerated() {
            #expect(cli.ok(["contact", "add", caseID, "--date", date, "--channel", "phone", "--kind", "complaint",
                            "--summary", "Called again about the same repair", "--behaviour", "repeat-complaints",
                            "--behaviour", "swearing"], as: "pnowak", on: date) == String(index + 1))
        }
        cli.ok(["letter", caseID, "--kind", "warning", "--sent", "2026-01-20"], as: "ofarrell", on: "2026-01-20")
        cli.ok(["propose", caseID, "--category", "persistent", "--category", "unreasonable", "--reason", "Three calls a week",
                "--behaviour", "repeat-complaints", "--behaviour", "swearing"], as: "ofarrell", on: "2026-02-02")
        for item in ["facts", "investigated", "communications", "no-new-information"] {
            cli.ok(["check", caseID, "--item", item, "--evidence", "Checked"], as: "pnowak", on: "2026-02-03")
        }
        // The head of service finds it in their queue.
        let queue = try JSONSerialization.jsonObject(with: Data(cli.ok(["queue", "--mine", "--json"], as: "gokafor",
                                                                         on: "2026-02-04").utf8)) as! [[String: Any]]
        #expect(queue.count == 1)
        #expect(queue.first?["kind"] as? String == "decision")
        #expect(queue.first?["subject"] as? String == caseID)
        #expect(Set(queue.first!.keys) == ["kind", "subject", "due", "assignee", "overdueDays"])
        cli.ok(["decide", caseID, "--apply", "--consulted", "ofarrell", "--date", "2026-02-04", "--reason", "Persistent"],
               as: "gokafor", on: "2026-02-04")
        #expect(cli.ok(["restrict", caseID, "--type", "single-channel", "--details", "Email only", "--from", "2026-02-04"],
                       as: "gokafor", on: "2026-02-04") == "1")
        let preview = cli.ok(["letter", caseID, "--kind", "decision"], as: "ofarrell", on: "2026-02-05")
        #expect(preview.contains("Zoë Brown"))
        #expect(preview.contains("26 February 2026"))  // 15 working days from 5 February
        #expect(preview.contains("4 August 2026"))     // six months from the decision
        #expect(preview.contains("Helen Banks, Head of Service – Customer Services"))
        #expect(preview.contains("Housing Ombudsman"))
        cli.ok(["letter", caseID, "--kind", "decision", "--sent", "2026-02-05", "--out", scratch.path + "/letter.txt"],
               as: "ofarrell", on: "2026-02-05")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/letter.txt"))
        cli.ok(["notify", caseID, "--to", "mwright"], as: "ofarrell", on: "2026-02-05")
        #expect(cli.run(["end-restriction", caseID, "1", "--date", "2026-02-05", "--reason", "r"], as: "ofarrell",
                        on: "2026-02-05").status == 1)
        let appeal = cli.ok(["appeal", "lodge", caseID, "--received", "2026-02-20", "--grounds", "I was only asking"],
                            as: "ofarrell", on: "2026-02-20")
        #expect(appeal == "APL-0001")
        let directorQueue = cli.ok(["queue", "--mine"], as: "dkaur", on: "2026-02-23")
        #expect(directorQueue.contains("APL-0001"))
        cli.ok(["appeal", "decide", appeal, "--outcome", "upheld", "--date", "2026-03-02", "--reason", "Sound"],
               as: "dkaur", on: "2026-03-02")
        cli.ok(["appeal", "ombudsman", appeal, "--body", "housing", "--date", "2026-03-20"], as: "ofarrell", on: "2026-03-20")
        let shown = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", caseID, "--json"], on: "2026-03-20").utf8))
            as! [String: Any]
        #expect((shown["contacts"] as? [Any])?.count == 3)
        #expect((shown["restrictions"] as? [Any])?.count == 1)
        #expect((shown["status"] as? [String: Any])?["decidedBy"] as? String == "gokafor")
        #expect(cli.ok(["find", "zoe"]).contains("CUST-0001"))
        #expect(cli.ok(["verify"]).contains("sound"))
    }

    @Test func complexCaseConference() {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let customer = cli.ok(["customer", "add", "--name", "Wei Zhang"], as: "ofarrell")
        let caseID = cli.ok(["case", "open", "--customer", customer, "--title", "Many services", "--service", "housing",
                             "--service", "waste"], as: "ofarrell")
        cli.ok(["propose", caseID, "--category", "complex", "--reason", "Spans housing and waste"], as: "ofarrell")
        let refused = cli.run(["conference", "call", caseID, "--date", "2026-03-09", "--chair", "dkaur", "--invite", "ofarrell"],
                              as: "gokafor")
        #expect(refused.status == 1)
        #expect(refused.err.contains("5.1.1"))
        let call = cli.run(["conference", "call", caseID, "--date", "2026-03-09", "--chair", "dkaur", "--invite", "ofarrell",
                            "--invite", "irahman", "--invite", "lchen"], as: "dkaur")
        #expect(call.status == 0)
        #expect(call.trimmed == "CONF-0001")
        #expect(call.err.contains("the waste service"))
        #expect(cli.run(["conference", "action", "CONF-0001", "--owner", "mwright", "--due", "2026-03-20", "--text", "Plan"],
                        as: "ofarrell").status == 1, "actions are agreed once it has met")
        cli.ok(["conference", "meet", "CONF-0001", "--date", "2026-03-02"], as: "ofarrell")
        #expect(cli.ok(["conference", "action", "CONF-0001", "--owner", "mwright", "--due", "2026-03-20", "--text", "Plan"],
                       as: "ofarrell") == "1")
        cli.ok(["conference", "done", "CONF-0001", "1", "--date", "2026-03-10"], as: "mwright", on: "2026-03-10")
        #expect(cli.ok(["show", "CONF-0001"]).contains("[closed]"))
    }

    @Test func registerEntriesAreApprovedAndEveryViewRecorded() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let customer = cli.ok(["customer", "add", "--name", "Krzysztof Wójcik"], as: "ofarrell")
        let add = cli.run(["register", "add", "--person", customer, "--facts", "He is a nutter who shouted on 1 March",
                           "--communication", "Two officers"], as: "ofarrell")
        #expect(add.status == 0)
        #expect(add.err.contains("5.3.1"))
        let entry = add.trimmed
        #expect(cli.run(["register", "approve", entry, "--date", "2026-03-02"], as: "ofarrell").status == 1)
        cli.ok(["register", "approve", entry, "--date", "2026-03-02"], as: "gokafor")
        cli.ok(["show", entry], as: "pnowak")
        cli.ok(["show", customer], as: "mwright")
        let json = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", entry, "--json"], as: "hbanks").utf8)) as! [String: Any]
        let viewers = (json["views"] as? [[String: Any]])?.compactMap { $0["by"] as? String }
        #expect(viewers == ["pnowak", "mwright", "hbanks"])
        cli.ok(["register", "disclose", entry, "--to", "Kier Repairs Ltd", "--reason", "Gas safety visit"], as: "ofarrell")
        #expect(cli.ok(["show", entry], as: "ofarrell").contains("Shared with Kier Repairs Ltd"))
        let export = cli.ok(["export", customer, "--out", scratch.path + "/sar"], as: "irahman")
        #expect(try String(contentsOfFile: export, encoding: .utf8).contains("Kier Repairs Ltd"))
    }
}
