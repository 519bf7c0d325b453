import ArgumentParser
import CasebookCore
import CasebookSynthetic
import CasebookStore
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", 
        abstract: "Build a large, deterministic synthetic register for benchmarks, through the same domain commands.",
        discussion: "Writes a new store (identity 'declared') at --store. About ten events per case. The same --seed always gives the same register.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many cases.") var cases: Int
    @Option(help: "The seed.") var seed: UInt64 = 1

    func validate() throws {
        guard cases > 0 else { throw ValidationError("--cases must be at least 1.") }
    }

    func run() throws {
        try Session.report {
            // A synthetic register for benchmarks is the user's own, never a protected store.
            try Session.dropPrivilegeForGood()
            let synthetic = SyntheticRegister(cases: cases, seed: seed)
            var options = Session.storeOptions(actor: SyntheticRegister.admin)
            options.snapshotInterval = Int.max
            options.lockTimeout = 60
            let store = try Store.create(at: global.storePath, settings: StoreSettings(identity: .declared),
                                         admin: SyntheticRegister.admin, adminName: "Administrator",
                                         today: synthetic.referenceDate.adding(days: -3 * 365), options: options)
            var batch: [Store.Step] = []
            batch.reserveCapacity(20_000)
            for step in synthetic {
                batch.append(Store.Step(step.command, as: step.actor, on: step.today))
                if batch.count == 20_000 {
                    try store.executeBatch(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try store.executeBatch(batch) }
            try store.writeSnapshot()
            printError("\(store.register.cases.count) cases, \(store.sequence) records, as of \(synthetic.referenceDate).")
            print(global.storePath)
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export",
        abstract: "Subject access (UK GDPR Art 15): everything held on one person, for Information Rights and administrators.",
        discussion: """
            Writes CUST.json, CUST.txt (readable) and CUST-cover.txt (the Art 15(1)(a)-(h) information) to the folder: their \
            record, cases, contacts, decisions, restrictions, letters as sent, appeals, reviews, conferences, register entries \
            about them and about properties at their addresses (with disclosures and views), and mentions of them in other \
            people's records. Other customers appear as [another person]; third parties found in free text (a title or a \
            given name and a surname) as [third party] unless you --disclose them. A register entry with a recorded reason \
            for not telling the person must be decided first: --release it, or --withhold it under an exemption. \
            --preview lists those decisions and the third parties found, and writes and records nothing. The export is \
            recorded (who, when, for whom, what was withheld) and shown on the person's page.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer (CUST-0001).") var customer: String
    @Option(help: "The folder to write to (not with --preview).") var out: String?
    @Flag(help: "List what needs deciding (not-told reasons, third parties found) and what would be included; write and record nothing.")
    var preview = false
    @Option(help: ArgumentHelp("Leave a register entry out under an exemption, as REG=EXEMPTION (for example "
        + "REG-0002=\"DPA 2018 Sch 2 para 2 (crime)\"); repeat for several.", valueName: "REG=EXEMPTION"))
    var withhold: [String] = []
    @Option(help: ArgumentHelp("Include a register entry with a recorded reason for not telling the person.", valueName: "REG"))
    var release: [String] = []
    @Option(help: ArgumentHelp("A third party's name to leave in (they consented, or it is reasonable to: DPA 2018 Sch 2 para 16).",
                               valueName: "NAME"))
    var disclose: [String] = []

    func validate() throws {
        if !preview, out == nil { throw ValidationError("Give the folder to write to with --out (or look first with --preview).") }
        if preview, out != nil { throw ValidationError("--preview writes nothing: leave out --out.") }
    }

    func run() throws {
        try Session.run(global) { session in
            let id = try session.customerID(customer)
            do throws(Refusal) {
                try Register.requireSubjectAccessOfficer(session.register.staff[session.actor], login: session.actor)
            } catch {
                throw StoreError.refused(error)
            }
            var decisions = SubjectAccess.Decisions(disclose: disclose)
            let theirs = Set(session.register.registerEntries.values.filter { $0.subject == .person(id) }.map(\.id))
            func entry(_ text: String) throws -> RegisterEntryID {
                let entry = try session.entryID(text.trimmingCharacters(in: .whitespaces))
                guard theirs.contains(entry) else { throw Failure.usage("\(entry) is not a register entry about \(id).") }
                return entry
            }
            for item in withhold {
                guard let equals = item.firstIndex(of: "="), !item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw Failure.usage("--withhold \(item): write REG=EXEMPTION, for example REG-0002=\"DPA 2018 Sch 2 para 2\".")
                }
                decisions.withhold[try entry(String(item[..<equals]))] = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            }
            for item in release { decisions.release.insert(try entry(item)) }
            if let both = decisions.release.first(where: { decisions.withhold[$0] != nil }) {
                throw Failure.usage("\(both) is both released and withheld: choose one.")
            }
            let settings = session.store.settings
            let export = SubjectAccess(register: session.register, customer: id, decisions: decisions, council: settings.council,
                                       retention: settings.retention ?? .standard, keptLetter: session.store.keptLetter)
            if preview { return Self.printPreview(export) }
            guard export.undecided.isEmpty else {
                throw Failure.usage("Decide first on what the person was not told (UK GDPR Art 15; DPA 2018 Sch 2-4 exemptions): "
                    + export.undecided.map { "\($0.id) (reason recorded: \($0.notToldReason ?? ""))" }.joined(separator: "; ")
                    + ". Add --release REG to include it, or --withhold REG=EXEMPTION to leave it out; --preview lists it all.")
            }
            let folder = URL(fileURLWithPath: out!)
            let files = session.store.userFiles
            var paths = ["\(id).json", "\(id).txt", "\(id)-cover.txt"].map { folder.appendingPathComponent($0).path }
            do {
                try files.makeFolder(out!)
                try files.write(json: String(decoding: try export.json(), as: UTF8.self), to: paths[0])
                try files.write(text: export.document, to: paths[1])
                try files.write(text: export.withoutOthers(export.cover), to: paths[2])
                // The person's evidence files, as kept (checked against their hashes).
                let evidence = export.cases.flatMap(\.files) + export.registerEntries.flatMap(\.files)
                if !evidence.isEmpty {
                    let folder = out! + "/files"
                    try files.makeFolder(folder)
                    for file in evidence {
                        guard let bytes = session.store.keptFile(file.sha256) else {
                            throw Failure.usage("The file \(file.name) (files/\(file.sha256)) is missing from the store or damaged: "
                                + "restore it from a backup ('casebook verify' checks every file), then export again.")
                        }
                        let safe = file.name.map { "/\\:".contains($0) || $0.isNewline ? "_" : $0 }
                        let path = folder + "/" + file.sha256.prefix(12) + "-" + String(safe)
                        try files.write(bytes, to: path)
                        paths.append(path)
                    }
                }
            } catch let failure as UserFiles.Failure {
                throw Failure.usage("The export could not be written: \(failure)")
            } catch {
                throw Failure.usage("The export could not be written to \(out!): \(error.localizedDescription)")
            }
            // Recorded once written; an export that cannot be recorded is not left behind.
            do {
                try session.execute(.answerSubjectAccess(id, withheld: export.withheld, thirdPartiesRedacted: export.thirdPartiesRedacted))
            } catch {
                for path in paths { try? FileManager.default.removeItem(atPath: path) }
                throw error
            }
            print(paths[0])
        }
    }

    static func printPreview(_ export: SubjectAccess) {
        let id = export.customer.id
        print("Subject access for \(export.customer.name) (\(id)) — nothing has been written or recorded.")
        print("Would include: \(export.cases.count) cases, \(export.appeals.count) appeals, \(export.conferences.count) conferences, "
            + "\(export.registerEntries.count) register entries about them, \(export.propertyEntries.count) about properties at their "
            + "addresses, \(export.lettersAsSent.count) letters as sent, \(export.mentionsElsewhere.count) mentions in others' records.")
        for item in export.withheld { print("Withheld: \(item.what) under \(item.exemption)") }
        if !export.undecided.isEmpty {
            print("")
            print("To decide — a reason for not telling them is recorded (--release REG, or --withhold REG=EXEMPTION):")
            for entry in export.undecided { print("  \(entry.id): \(entry.notToldReason ?? "")") }
        }
        if !export.candidates.isEmpty {
            print("")
            print("Third parties found (shown as [third party] unless you --disclose NAME):")
            for candidate in export.candidates {
                print("  \(candidate.name)\(candidate.disclosed ? " [disclosed]" : ""): \(candidate.excerpt)")
            }
        }
    }
}
