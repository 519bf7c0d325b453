import Foundation
import Testing

@Suite(.serialized) struct ErasureTests {
    /// Every byte of every file under `folder`.
    func everyByte(_ folder: String) throws -> [(String, Data)] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).compactMap { name in
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return isDirectory.boolValue ? nil : (name, try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    @Test func erasingAPersonLeavesNoTraceAndTheJournalVerifies() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/sample")
        cli.actor = "ofarrell"
        cli.today = "2026-11-27"
        #expect(cli.raw(["init", "--sample"]).status == 0)
        // Hamza Mahmood (CUST-0028): his case's status was overturned on appeal; nothing is in force.
        let before = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", "CUST-0028", "--json"], as: "sysadmin").utf8))
            as! [String: Any]
        let customer = before["customer"] as! [String: Any]
        let name = customer["name"] as! String
        let address = ((customer["addresses"] as! [[String: Any]]).first!["text"] as! String)
        let phone = customer["phone"] as! String
        #expect(name == "Hamza Mahmood")
        // Someone else's case mentions him by name.
        cli.ok(["contact", "add", "CASE-0001", "--date", "2026-11-27", "--channel", "phone", "--kind", "routine",
                "--summary", "Said Hamza Mahmood of \(address) told her to call"], as: "ofarrell")
        // A torn record holding his name, set aside into quarantine by the next open.
        let journal = cli.store + "/journal.jsonl"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"v\":1,\"seq\":999,\"payload\":\"Hamza Mahmood".utf8))
        try handle.close()
        cli.ok(["queue"], as: "ofarrell")
        #expect(try everyByte(cli.store + "/quarantine").contains { String(decoding: $0.1, as: UTF8.self).contains(name) })
        cli.ok(["settings", "show"], as: "sysadmin")  // a snapshot may exist too; erasure replaces them

        // Only an administrator, and only with confirmation.
        #expect(cli.run(["erase", "CUST-0028", "--reason", "Retention period ended", "--yes"], as: "ofarrell").status == 1)
        #expect(cli.run(["erase", "CUST-0028", "--reason", "Retention period ended"], as: "sysadmin").status == 2)
        // Not while something is in force.
        let refused = cli.run(["erase", "CUST-0025", "--reason", "r", "--yes"], as: "sysadmin")
        #expect(refused.status == 1)
        #expect(refused.err.contains("in force") || refused.err.contains("live"))

        let erased = cli.run(["erase", "CUST-0028", "--reason", "Retention period ended", "--yes"], as: "sysadmin")
        #expect(erased.status == 0, "\(erased.err)")
        for (file, data) in try everyByte(cli.store) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in [name, address, phone] {
                #expect(!text.contains(secret), "\(file) still holds \(secret)")
            }
            #expect(!text.contains("Hamza"), "\(file) still mentions Hamza")
        }
        #expect(cli.ok(["verify"]).contains("sound"))
        let journalText = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(journalText.contains("\"type\":\"store.erasure\""))
        #expect(journalText.contains("\"reason\":\"Retention period ended\""))
        // The shape of what the council did remains; other people are untouched.
        let after = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", "CASE-0028", "--json"], as: "ofarrell").utf8))
            as! [String: Any]
        #expect(after["title"] as? String == "[erased]")
        #expect((after["contacts"] as? [Any])?.count == 5)
        #expect(cli.ok(["find", "zoe"]).contains("Zoë Brown"))
        #expect(cli.ok(["show", "CASE-0001"]).contains("Said [erased] of [erased] told her to call"))
        #expect(cli.run(["erase", "CUST-0028", "--reason", "again", "--yes"], as: "sysadmin").status == 2)
    }

    @Test func retentionListsThoseDue() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/sample")
        cli.actor = "ofarrell"
        #expect(cli.raw(["init", "--sample"]).status == 0)
        #expect(cli.ok(["retention"], on: "2026-11-27").contains("Nobody"))
        let later = cli.ok(["retention", "--json"], on: "2033-01-01")
        let rows = try JSONSerialization.jsonObject(with: Data(later.utf8)) as! [[String: Any]]
        let ids = rows.compactMap { $0["customer"] as? String }
        #expect(ids.contains("CUST-0028"))   // lifted on appeal in 2025
        #expect(!ids.contains("CUST-0025"))  // a live register entry
    }
}
