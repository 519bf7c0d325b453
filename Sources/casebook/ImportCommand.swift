import ArgumentParser
import CasebookCore
import CasebookStore
import Foundation

extension ImportKind: ExpressibleByArgument {}

/// `casebook import`: an existing register brought in from a spreadsheet, whole or not at all.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
        abstract: "Bring an existing register in from a CSV file: customers, decisions with their restrictions, or register entries.",
        discussion: """
            The file's first row names its columns (any order; 'casebook import --template --kind KIND' prints them, and \
            docs/import.md explains each). Every row is checked by the same rules as a new record, and the file is \
            recorded whole, or not at all: a report names every row refused, by row and column, and the customers who may \
            already be on the register. Imported decisions and entries are history: they keep their dates and the people \
            who took them (who must be on the staff list, in post or left), say which file and row they came from, owe no \
            new letters, and their reviews fall due from their own dates. The same file is never imported twice. For \
            administrators. Try a file first with --dry-run.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file (UTF-8, comma-separated).") var file: String?
    @Option(help: "What the file holds: customers, restrictions (decisions with their restrictions) or register (entries).")
    var kind: ImportKind
    @Flag(help: "Check every row and report; record nothing.") var dryRun = false
    @Flag(help: "Print the header row to fill in (on stdout) and what each column means (on stderr).") var template = false

    func validate() throws {
        if !template && file == nil { throw ValidationError("Name the CSV file to import, or ask for --template.") }
        if template && file != nil { throw ValidationError("--template prints a header to fill in; it takes no file.") }
    }

    func run() throws {
        if template {
            print(kind.templateHeader)
            for column in kind.columns {
                printError("\(column.name)\(column.required ? " (required)" : ""): \(column.meaning)"
                    + (column.example.isEmpty ? "" : " For example: \(column.example)"))
            }
            return
        }
        guard let file else { return }
        try Session.run(global) { session in
            let bytes: [UInt8]
            do {
                let size = try session.store.userFiles.size(file)
                guard size <= Store.importMaximumBytes else {
                    throw Failure.usage("\(file) is \(size) bytes; an import reads files of up to \(Store.importMaximumBytes >> 20) "
                        + "MiB. Split it into several files.")
                }
                bytes = try session.store.userFiles.read(file)
            } catch let failure as UserFiles.Failure {
                throw Failure.usage("\(failure)")
            }
            let name = String(file.split(separator: "/").last ?? Substring(file))
            let plan = try session.store.importRecords(bytes, file: name, kind: kind, dryRun: dryRun, actor: session.actor,
                                                       today: session.recordingDay)
            let report = ImportReport(plan: plan, file: name, dryRun: dryRun, today: session.today)
            print(report.text, terminator: "")
            // The contract's statuses: 1 when only rules of the policy refuse it, 2 when the file is wrong.
            if !plan.isAccepted { throw CasebookExit(status: plan.problems.allSatisfy(\.isRule) ? 1 : 2) }
        }
    }
}

/// What an import did or would do, in words: refusals by row and column, possible duplicates,
/// warnings, then what came in and when its reviews fall due.
struct ImportReport {
    let plan: ImportPlan
    let file: String
    let dryRun: Bool
    let today: Day

    var text: String {
        var lines: [String] = []
        let rows = plan.rowCount == 1 ? "1 row" : "\(plan.rowCount) rows"
        if !plan.isAccepted {
            lines.append("\(file): \(rows) read as \(plan.kind.rawValue). NOTHING WAS IMPORTED: "
                + (plan.problems.count == 1 ? "1 problem" : "\(plan.problems.count) problems") + " to fix.")
            lines += plan.problems.map { "  \($0)" }
        } else {
            lines.append("\(file): \(rows) read as \(plan.kind.rawValue); every row passed the checks.")
        }
        if !plan.duplicates.isEmpty {
            lines.append("Possible duplicates (not refused; check them):")
            lines += plan.duplicates.map { "  \($0)" }
        }
        if !plan.warnings.isEmpty {
            lines.append("Warnings:")
            lines += plan.warnings.map { "  " + $0.description.replacingOccurrences(of: "warning: ", with: "") }
        }
        if plan.isAccepted {
            lines.append((dryRun ? "Checked only (--dry-run): nothing was recorded. It would bring in " : "Imported ")
                + broughtIn + ".")
            lines += reviews
        } else {
            lines.append("Fix the rows named (or add the staff they name) and run the import again; --dry-run checks without recording.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var hash: String? {
        plan.commands.lazy.compactMap { command -> String? in
            if case .recordImport(_, let hash, _, _) = command { return hash }
            return nil
        }.first
    }

    private var importedCases: [Case] {
        plan.after.cases.values.filter { $0.imported?.source.sha256 == hash }.sorted { $0.id < $1.id }
    }

    private var importedEntries: [RegisterEntry] {
        plan.after.registerEntries.values.filter { $0.imported?.source.sha256 == hash }.sorted { $0.id < $1.id }
    }

    private var broughtIn: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String { number == 1 ? "1 \(one)" : "\(number) \(many)" }
        let added = plan.commands.reduce(0) { total, command in
            switch command {
            case .addCustomer: total + 1
            case .importStatus(let status): total + (status.customer.isNew ? 1 : 0)
            case .importRegisterEntry(let entry): total + (entry.subject.isNewPerson ? 1 : 0)
            default: total
            }
        }
        var parts = added > 0 || plan.kind == .customers ? [count(added, "new customer", "new customers")] : []
        if plan.kind == .restrictions {
            let restrictions = importedCases.reduce(0) { $0 + $1.restrictions.count }
            parts.append(count(importedCases.count, "decision on a case of its own", "decisions, each on a case of its own"))
            parts.append(count(restrictions, "restriction", "restrictions"))
        }
        if plan.kind == .register { parts.append(count(importedEntries.count, "register entry", "register entries")) }
        return parts.joined(separator: ", ")
    }

    /// 5.2.5, 5.3.2: when the imported records' reviews fall due.
    private var reviews: [String] {
        var lines: [String] = []
        func line(_ what: String, _ dues: [Day]) {
            guard let first = dues.min() else { return }
            let overdue = dues.filter { $0 < today }.count
            lines.append("  \(dues.count) \(what), the first due \(first)"
                + (overdue > 0 ? " (\(overdue) already overdue: in the queues now)" : "") + ".")
        }
        line("three-year reviews of status (5.2.5)", importedCases.compactMap { $0.status?.isPersistentOrUnreasonable == true ? $0.threeYearReviewDue : nil })
        line("annual reviews of register entries (5.3.2)", importedEntries.compactMap(\.nextReviewDue))
        let requests = importedCases.compactMap { $0.status?.isPersistentOrUnreasonable == true ? $0.status?.minimumUntil : nil }
        if !requests.isEmpty {
            let open = requests.filter { $0 <= today }.count
            lines.append("  Customers may ask for a review after six months (5.2.5): \(open) of \(requests.count) may now.")
        }
        return lines.isEmpty ? [] : ["Reviews:"] + lines
    }
}

extension ImportedCustomer {
    var isNew: Bool { if case .new = self { true } else { false } }
}

extension ImportedEntry.Subject {
    var isNewPerson: Bool { if case .person(let customer) = self { customer.isNew } else { false } }
}
