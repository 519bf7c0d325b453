import ArgumentParser
import CasebookCore
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
        abstract: "Subject access: write everything held on one person to a folder, as JSON and as a readable document.",
        discussion: "Includes their record, cases, contacts, decisions, restrictions, letters, appeals, reviews, conferences and register entries with who viewed them. Nothing about any other customer is included.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer (CUST-0001).") var customer: String
    @Option(help: "The folder to write to.") var out: String

    func run() throws {
        try Session.run(global) { session in
            let id = try session.customerID(customer)
            let export = SubjectAccess(register: session.register, customer: id)
            let folder = URL(fileURLWithPath: out)
            let files = session.store.userFiles
            do {
                try files.makeFolder(out)
                try files.write(json: String(decoding: try export.json(), as: UTF8.self), to: folder.appendingPathComponent("\(id).json").path)
                try files.write(text: export.document, to: folder.appendingPathComponent("\(id).txt").path)
            } catch let failure as UserFiles.Failure {
                throw Failure.usage("The export could not be written: \(failure)")
            } catch {
                throw Failure.usage("The export could not be written to \(out): \(error.localizedDescription)")
            }
            print(folder.appendingPathComponent("\(id).json").path)
        }
    }
}
