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

    /// Redaction by record and whole mention, never by substring: erasing "Sean" at "Shelton" leaves
    /// Seán Murphy's records byte for byte; the erased person's own record loses every field; their
    /// phone without spaces and address without its comma go from others' text; the surname alone
    /// is listed by --preview, not redacted; a property entry naming them is listed and left alone.
    @Test func erasureIsExactAndPreviewedFirst() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let sean = cli.ok(["customer", "add", "--name", "Sean Kelly", "--address", "4 Vale Street, Shelton", "--postcode", "ST4 2AR",
                           "--email", "sean.kelly@example.org", "--phone", "01782 234567", "--adjustments", "Large print"])
        let murphy = cli.ok(["customer", "add", "--name", "Seán Murphy", "--address", "12 Leek Road, Shelton", "--postcode", "ST4 2AR"])
        let theirs = cli.ok(["case", "open", "--customer", murphy, "--title", "Repairs at Shelton", "--service", "housing"])
        cli.ok(["contact", "add", theirs, "--date", "2026-02-02", "--channel", "phone", "--kind", "routine",
                "--summary", "Says Seán Murphy never got a reply; Sean Kelly (01782234567) of 4 Vale Street Shelton called for him. Kelly again."])
        cli.ok(["register", "add", "--property", "12 Leek Road, Shelton, ST4 2AR", "--facts",
                "On 1 February 2026 Sean Kelly threatened a gas engineer here.", "--communication", "Visits in pairs."])
        let own = cli.ok(["case", "open", "--customer", sean, "--title", "Noise", "--service", "environmental-health"])
        cli.ok(["contact", "add", own, "--date", "2026-02-03", "--channel", "email", "--kind", "routine", "--summary", "About noise"])
        let murphyBefore = cli.ok(["show", murphy, "--json"], as: "admin")
        let entryBefore = cli.ok(["show", "REG-0001", "--json"], as: "admin")
        let journalBefore = try String(contentsOfFile: cli.store + "/journal.jsonl", encoding: .utf8)

        // The preview, by an administrator only, changes nothing.
        #expect(cli.run(["erase", sean, "--preview"], as: "ofarrell").status == 1)
        let preview = cli.ok(["erase", sean, "--preview"], as: "admin")
        #expect(try String(contentsOfFile: cli.store + "/journal.jsonl", encoding: .utf8).hasPrefix(journalBefore))
        #expect(preview.contains("customer-added"))
        #expect(preview.contains("was: …") || preview.contains("was: Says"))
        #expect(preview.contains("now: ") && preview.contains("[erased] ([erased]) of [erased] called for him"))
        #expect(preview.contains("Left as they are") && preview.contains("REG-0001 facts"))
        #expect(preview.contains("Left for you to decide") && preview.contains("Kelly again"))
        let json = try JSONSerialization.jsonObject(with: Data(cli.ok(["erase", sean, "--preview", "--json"], as: "admin").utf8)) as! [String: Any]
        #expect((json["changes"] as? [Any])?.isEmpty == false && (json["leftForYou"] as? [Any])?.count == 2)

        // Copies of the search index left by writers that were killed (a live pid is kept by a reader; erase removes all).
        for folder in ["", "/snapshots", "/letters"] {
            try? FileManager.default.createDirectory(atPath: cli.store + folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o770])
            FileManager.default.createFile(atPath: cli.store + folder + "/.tmp-1-42", contents: Data("Sean Kelly 4 Vale Street sean.kelly@example.org".utf8),
                                           attributes: [.posixPermissions: 0o660])
        }
        cli.ok(["erase", sean, "--reason", "Art 17 request", "--yes"], as: "admin")
        for folder in ["", "/snapshots", "/letters"] {
            #expect(!FileManager.default.fileExists(atPath: cli.store + folder + "/.tmp-1-42"), "a stray copy in \(folder) survived")
        }
        // Seán Murphy's own record, and the property entry, byte for byte as they were.
        #expect(cli.ok(["show", murphy, "--json"], as: "admin") == murphyBefore)
        let entryAfter = cli.ok(["show", "REG-0001", "--json"], as: "admin")
        #expect(try (JSONSerialization.jsonObject(with: Data(entryAfter.utf8)) as! [String: Any])["facts"] as? String
            == (JSONSerialization.jsonObject(with: Data(entryBefore.utf8)) as! [String: Any])["facts"] as? String)
        let contact = cli.ok(["show", theirs], as: "hbanks")
        #expect(contact.contains("Says Seán Murphy never got a reply; [erased] ([erased]) of [erased] called for him. Kelly again."))
        #expect(contact.contains("Repairs at Shelton"))
        // Every field of the erased person's own record, postcode and email included.
        let erased = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", sean, "--json"], as: "admin").utf8)) as! [String: Any]
        let record = try #require(erased["customer"] as? [String: Any])
        let flat = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        for secret in ["Sean", "Vale", "ST4 2AR", "sean.kelly", "234567", "Large print"] {
            #expect(!flat.contains(secret), "the erased record still holds \(secret): \(flat)")
        }
        for (file, data) in try everyByte(cli.store) where !file.hasPrefix("journal") || true {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["sean.kelly@example.org", "01782 234567", "4 Vale Street", "About noise"] {
                #expect(!text.contains(secret), "\(file) still holds \(secret)")
            }
            #expect(!text.contains(".tmp-") || file.hasPrefix("journal"), "\(file)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.store).allSatisfy { !$0.hasPrefix(".tmp-") })
        #expect(cli.ok(["verify"]).contains("sound"))
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
