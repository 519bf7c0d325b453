import Foundation
import Testing

/// Subject access as UK GDPR Art 15 asks: only Information Rights (or an administrator), recorded,
/// everything held — the property entry at their address, disclosures, letters as sent, mentions
/// elsewhere — with an Art 15 cover; third parties kept out; a recorded "not told" reason decided
/// on by an officer, with the exemption recorded; and the audit shows the views and the export.
@Suite(.serialized) struct SubjectAccessTests {
    func journal(_ cli: CLI) -> String { (try? String(contentsOfFile: cli.store + "/journal.jsonl", encoding: .utf8)) ?? "" }

    @Test func anExportIsForInformationRightsRecordedCompleteAndKeepsThirdPartiesOut() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let today = "2026-03-02"
        let customer = cli.ok(["customer", "add", "--name", "Liam Byrne", "--address", "7 King Street, Fenton", "--postcode", "ST4 3JR",
                               "--phone", "01782 555123"], on: today)
        let neighbour = cli.ok(["customer", "add", "--name", "Ada Lovelace", "--address", "9 King Street, Fenton"], on: today)
        let id = cli.ok(["case", "open", "--customer", customer, "--title", "Repairs", "--service", "housing"], on: today)
        cli.ok(["contact", "add", id, "--date", "2026-02-10", "--channel", "phone", "--kind", "complaint", "--behaviour", "repeat-complaints",
                "--summary", "Shouted that Mrs Patel next door and Liam Murphy from the pub would back him."], on: today)
        cli.ok(["propose", id, "--category", "persistent", "--reason", "r", "--behaviour", "repeat-complaints"], on: today)
        for item in ["facts", "investigated", "communications", "no-new-information"] {
            cli.ok(["check", id, "--item", item, "--evidence", "e"], as: "pnowak", on: today)
        }
        cli.ok(["decide", id, "--apply", "--consulted", "ofarrell", "--date", today, "--reason", "Twelve calls a week"], as: "gokafor", on: today)
        cli.ok(["letter", id, "--kind", "decision", "--sent", today], on: today)
        // The property entry at his address, shared with a contractor; an entry about him he was not told of.
        cli.ok(["register", "add", "--property", "7 King Street, Fenton, ST4 3JR", "--facts", "On 1 February 2026 a dog bit a meter reader.",
                "--communication", "Visits in pairs."], on: today)
        cli.ok(["register", "approve", "REG-0001", "--date", today], as: "gokafor", on: today)
        cli.ok(["register", "disclose", "REG-0001", "--to", "Kier Repairs Ltd", "--reason", "Gas safety visit", "--date", today], on: today)
        cli.ok(["register", "add", "--person", customer, "--facts", "On 20 February 2026 he threatened an officer.",
                "--communication", "Letters only."], on: today)
        cli.ok(["register", "approve", "REG-0002", "--date", today, "--not-told-reason", "Police advise that telling him now risks serious harm"],
               as: "gokafor", on: today)
        cli.ok(["show", "REG-0002"], as: "hbanks", on: today)  // a recorded view
        // A neighbour's case names him.
        let theirs = cli.ok(["case", "open", "--customer", neighbour, "--title", "Noise", "--service", "environmental-health"], on: today)
        cli.ok(["contact", "add", theirs, "--date", "2026-02-11", "--channel", "email", "--kind", "routine",
                "--summary", "Complains that Liam Byrne plays music at night."], on: today)

        // Not for an officer, nor a head of service; nothing written, nothing recorded.
        let out = scratch.path + "/sar"
        let before = journal(cli)
        for login in ["ofarrell", "hbanks"] {
            let refused = cli.run(["export", customer, "--out", out], as: login, on: today)
            #expect(refused.status == 1 && refused.err.contains("Information Rights"), "\(login): \(refused.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: out) && journal(cli) == before)

        // The preview lists what needs deciding, and records nothing.
        let preview = cli.ok(["export", customer, "--preview"], as: "irahman", on: today)
        #expect(preview.contains("REG-0002: Police advise that telling him now risks serious harm"))
        #expect(preview.contains("Mrs Patel") && preview.contains("Liam Murphy"))
        #expect(journal(cli) == before)
        // Undecided: refused, naming the entry.
        let undecided = cli.run(["export", customer, "--out", out], as: "irahman", on: today)
        #expect(undecided.status == 2 && undecided.err.contains("REG-0002") && undecided.err.contains("--withhold"))

        let path = cli.ok(["export", customer, "--out", out, "--withhold", "REG-0002=DPA 2018 Sch 2 para 2 (crime)"], as: "irahman", on: today)
        let json = try String(contentsOfFile: path, encoding: .utf8)
        let text = try String(contentsOfFile: out + "/\(customer).txt", encoding: .utf8)
        let cover = try String(contentsOfFile: out + "/\(customer)-cover.txt", encoding: .utf8)
        for document in [json, text] {
            #expect(document.contains("REG-0001") && document.contains("a dog bit a meter reader"), "the property entry at his address")
            #expect(document.contains("Kier Repairs Ltd"), "the disclosure")
            #expect(document.contains("Complains that Liam Byrne plays music at night"), "the mention in a neighbour's case")
            #expect(document.contains("How we use your information"), "the letter as sent")
            #expect(!document.contains("Mrs Patel") && !document.contains("Liam Murphy"), "third parties")
            #expect(document.contains("[third party]"))
            #expect(!document.contains("Police advise") && !document.contains("threatened an officer"), "withheld under the exemption")
            #expect(!document.contains("Ada Lovelace"))
        }
        for wanted in ["(a) Why we hold it", "(b) What we hold", "(c) Who it has been shared with", "Kier Repairs Ltd", "(d) How long",
                       "(e) Your rights", "(f)", "Information Commissioner", "(g) Where it came from", "(h) Automated decisions: none",
                       "Withheld: REG-0002, under DPA 2018 Sch 2 para 2 (crime)."] {
            #expect(cover.contains(wanted), "the cover says \(wanted)")
        }
        // Recorded, and on the person's page.
        #expect(journal(cli).contains("\"type\":\"subject-access-answered\""))
        #expect(journal(cli).contains("DPA 2018 Sch 2 para 2 (crime)"))
        let page = cli.ok(["show", customer], as: "irahman", on: today)
        #expect(page.contains("Subject access answered \(today) by Imran Rahman (irahman); withheld: REG-0002 under DPA 2018 Sch 2 para 2 (crime)"))
        #expect(page.contains("REG-0002 viewed 2 times (last 2026-03-02): Helen Banks (hbanks) 1, Imran Rahman (irahman) 1"))
        #expect(cli.ok(["verify"]).contains("sound"))

        // The audit: for Information Rights and administrators, filtered by record, staff and date.
        #expect(cli.run(["audit"], as: "hbanks", on: today).status == 1)
        let audit = cli.ok(["audit", "--record", customer], as: "irahman", on: today)
        #expect(audit.contains("hbanks") && audit.contains("view") && audit.contains("REG-0002"))
        #expect(audit.contains("export") && audit.contains("withheld REG-0002 under DPA 2018 Sch 2 para 2 (crime)"))
        #expect(!audit.contains("REG-0001"), "the property entry's views belong to no customer")
        let byHelen = try JSONSerialization.jsonObject(with: Data(cli.ok(["audit", "--staff", "hbanks", "--json"], as: "admin", on: today).utf8))
            as! [[String: Any]]
        #expect(!byHelen.isEmpty && byHelen.allSatisfy { $0["actor"] as? String == "hbanks" && $0["kind"] as? String == "view" })
        let everything = cli.ok(["audit"], as: "admin", on: today)
        #expect(everything.contains("disclosure") && everything.contains("Kier Repairs Ltd"))
        #expect(everything.contains("settings changed: council name, council address"))
        #expect(cli.ok(["audit", "--from", "2099-01-01"], as: "admin", on: today).contains("Nothing in the audit matches."))
        #expect(cli.run(["audit", "--staff", "nobody"], as: "admin", on: today).status == 2)
    }
}
