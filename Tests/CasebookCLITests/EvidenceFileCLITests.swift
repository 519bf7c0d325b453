import Foundation
import Testing

/// 17: evidence files from the command line: attached, listed, given back, exported to the person
/// with their notes, and removed by their erasure.
@Suite(.serialized) struct EvidenceFileCLITests {
    @Test func aFileIsAttachedExportedWithNotesAndErased() throws {
        let scratch = Scratch()
        var cli = CLI(store: scratch.path + "/sample")
        cli.actor = "ofarrell"
        cli.today = "2026-11-27"
        #expect(cli.raw(["init", "--sample"]).status == 0)
        let evidence = scratch.path + "/call note.txt"
        try Data("Called at 09:12 and shouted at the officer.\n".utf8).write(to: URL(fileURLWithPath: evidence))
        #expect(cli.run(["attach", "CASE-0028", scratch.path + "/missing.txt", "--description", "x"]).status == 2)
        #expect(cli.run(["attach", "CASE-0028", evidence, "--description", "x", "--contact", "99"]).status == 2)
        let short = cli.ok(["attach", "CASE-0028", evidence, "--description", "Note of the call of 20 November"])
        #expect(short.count == 12)
        #expect(cli.ok(["show", "CASE-0028"]).contains("File: call note.txt (44 bytes, text/plain) — Note of the call of 20 November"))
        #expect(cli.ok(["verify"], as: "sysadmin").contains("1 evidence files"))
        cli.ok(["note", "CASE-0028", "--text", "Spoke to the repairs manager."])

        // Given back, checked, recorded; never over an existing file.
        let out = scratch.path + "/back.txt"
        cli.ok(["file", "get", short, "--out", out])
        #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: evidence))
        #expect(cli.run(["file", "get", short, "--out", out]).err.contains("already exists"))
        #expect(cli.ok(["audit", "--record", "CASE-0028"], as: "sysadmin").contains("file"))

        // The subject access export holds the file and the note.
        let folder = scratch.path + "/sar"
        let export = cli.run(["export", "CUST-0028", "--out", folder], as: "irahman")
        #expect(export.status == 0, "\(export.err)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/files")) ?? []
        #expect(names.count == 1 && names[0].hasSuffix("-call note.txt"))
        let document = String(decoding: FileManager.default.contents(atPath: folder + "/CUST-0028.txt") ?? Data(), as: UTF8.self)
        #expect(document.contains("Spoke to the repairs manager.") && document.contains("call note.txt"))

        // Erasure removes the kept file.
        let hashes = try FileManager.default.contentsOfDirectory(atPath: cli.store + "/files")
        #expect(hashes.count == 1)
        #expect(cli.ok(["erase", "CUST-0028", "--preview"], as: "sysadmin").contains("(call note.txt)"))
        let erased = cli.run(["erase", "CUST-0028", "--reason", "Retention period ended", "--yes"], as: "sysadmin")
        #expect(erased.status == 0, "\(erased.err)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: cli.store + "/files")) ?? []).isEmpty)
        #expect(cli.run(["verify"], as: "sysadmin").status == 0)
    }
}
