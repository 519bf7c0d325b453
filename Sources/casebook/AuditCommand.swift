import ArgumentParser
import CasebookCore
import CasebookStore

/// `casebook audit`: who looked at, handed out or erased personal data, and who changed the settings.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit",
        abstract: "List views of register entries, subject access exports, disclosures, erasures and settings changes (Information Rights and administrators).",
        discussion: """
            Read from the journal, oldest first, each with when it was recorded (UTC), by whom and the record it concerns. \
            --record takes an entry (REG-0001) or a person (CUST-0001: their entries' views and disclosures, their \
            exports and erasure); --staff what one member of staff did; --from and --to a range of recorded dates.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only what concerns this record or person.", valueName: "ID")) var record: String?
    @Option(help: ArgumentHelp("Only what this member of staff did.", valueName: "LOGIN")) var staff: String?
    @Option(help: ArgumentHelp("Recorded on or after this day.", valueName: "YYYY-MM-DD")) var from: Day?
    @Option(help: ArgumentHelp("Recorded on or before this day.", valueName: "YYYY-MM-DD")) var to: Day?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to).") }
    }

    func run() throws {
        try Session.run(global) { session in
            let wanted = record?.trimmingCharacters(in: .whitespaces).uppercased()
            if let login = staff, session.register.staff[login] == nil {
                throw Failure.usage("There is no member of staff '\(login)'. 'casebook staff list' shows them.")
            }
            let entries = try session.store.auditTrail(actor: session.actor).filter { entry in
                let day = Day(String(entry.recorded.prefix(10)))
                return (wanted.map { entry.record == $0 || entry.customer == $0 } ?? true)
                    && (staff.map { entry.actor == $0 } ?? true)
                    && (from.map { first in day.map { $0 >= first } ?? false } ?? true)
                    && (to.map { last in day.map { $0 <= last } ?? false } ?? true)
            }
            if output.json { return try printJSON(entries) }
            if entries.isEmpty { print("Nothing in the audit matches.") }
            for entry in entries {
                print("\(entry.recorded)  \(entry.actor.padding(10))  \(entry.kind.rawValue.padding(10))  \(entry.record.padding(9))  \(entry.detail)")
            }
        }
    }
}
