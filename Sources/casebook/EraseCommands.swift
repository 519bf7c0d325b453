import ArgumentParser
import CasebookCore
import CasebookStore
import Foundation

struct Retention: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retention", 
        abstract: "List the people whose data has passed its retention period and may be erased.",
        discussion: "Periods come from the store's settings (retention: yearsAfterCaseClosed, yearsAfterStatusLifted, yearsAfterEntryRemoved; six years each by default). Nobody with a status in force, a live register entry or an appeal awaiting its outcome is listed.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try Session.run(global) { session in
            let due = session.register.retentionDue(on: session.today, periods: session.store.settings.retention ?? .standard)
            if output.json {
                struct Row: Encodable { let customer: String; let name: String; let due: Day; let basis: String }
                return try printJSON(due.map { Row(customer: $0.customer.description, name: $0.name, due: $0.due, basis: $0.basis) })
            }
            if due.isEmpty { print("Nobody's data has passed its retention period.") }
            for row in due { print("\(row.customer)  \(row.name.padding(28))  due \(row.due)  (\(row.basis))") }
        }
    }
}

struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "erase", 
        abstract: "Erase one person's personal data from every file of the store (administrators only).",
        discussion: "The journal is rewritten with [erased] in place of their data and mentions of them, its chain re-anchored so that it still verifies, and a record of the erasure (who, when, why; no personal data) appended. Snapshots are replaced and quarantine cleaned. See docs/erasure.md. Asks for the customer's id to confirm, unless --yes.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer (CUST-0001).") var customer: String
    @Option(help: "Why (for example: retention period ended; a request under UK GDPR Article 17). Not needed with --preview.")
    var reason: String?
    @Flag(help: "Do not ask for confirmation.") var yes = false
    @Flag(help: "List every record and text the erasure would change, and the mentions it would leave for you to decide about; change nothing.")
    var preview = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.json, !preview { throw ValidationError("--json goes with --preview.") }
        if reason == nil, !preview { throw ValidationError("Say why the data is erased with --reason (or look first with --preview).") }
    }

    func run() throws {
        try Session.run(global) { session in
            let id = try session.customerID(customer)
            if preview {
                let result = try session.store.erasurePreview(id, actor: session.actor, today: session.today)
                if output.json {
                    struct Row: Encodable { let place: String; let before: String; let after: String }
                    struct Notice: Encodable { let kind: String; let place: String; let excerpt: String }
                    struct Preview: Encodable { let customer: String; let changes: [Row]; let leftForYou: [Notice] }
                    return try printJSON(Preview(customer: id.description,
                                                 changes: result.changes.map { Row(place: $0.place, before: $0.before, after: $0.after) },
                                                 leftForYou: result.notices.map { Notice(kind: $0.kind.rawValue, place: $0.place, excerpt: $0.excerpt) }))
                }
                print("Erasing \(id) would change \(result.changes.count) texts (nothing has been changed):")
                for change in result.changes {
                    print("  \(change.place)")
                    print("    was: \(change.before)")
                    print("    now: \(change.after)")
                }
                let kept = result.notices.filter { $0.kind == .keptInRegisterEntry }
                let ambiguous = result.notices.filter { $0.kind == .ambiguous }
                if !kept.isEmpty {
                    print("")
                    print("Left as they are — register entries are never altered by another's erasure (amend the entry if the mention must go):")
                    for notice in kept { print("  \(notice.place): \(notice.excerpt)") }
                }
                if !ambiguous.isEmpty {
                    print("")
                    print("Left for you to decide — one word of the name alone may be someone else (correct the record if it is them):")
                    for notice in ambiguous { print("  \(notice.place): \(notice.excerpt)") }
                }
                return
            }
            if !yes {
                let name = session.register.customers[id]?.name ?? ""
                Output.write(Array(VisibleText.sanitised("This erases all personal data of \(name) (\(id)) from the store. It "
                    + "cannot be undone. Type \(id) to confirm: ").utf8), to: 2)
                guard let answer = readLine(), answer.trimmingCharacters(in: .whitespaces).uppercased() == id.description else {
                    throw Failure.usage("Not confirmed: nothing was erased.")
                }
            }
            let summary = try session.store.erase(id, reason: reason ?? "", actor: session.actor, today: session.today)
            printError("Erased \(id): \(summary.recordsRedacted) records redacted, \(summary.quarantineFilesCleaned) quarantined files cleaned. The journal verifies.")
        }
    }
}
