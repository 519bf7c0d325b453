/// An import file as read: its header and its rows of cells, in order (the header is row 1).
public struct ImportTable: Equatable, Sendable {
    public var header: [String]
    /// Each row's spreadsheet number and cells.
    public var rows: [(number: Int, cells: [String])]

    public init(header: [String], rows: [(number: Int, cells: [String])]) {
        self.header = header
        self.rows = rows
    }

    public static func == (a: ImportTable, b: ImportTable) -> Bool {
        a.header == b.header && a.rows.map(\.number) == b.rows.map(\.number) && a.rows.map(\.cells) == b.rows.map(\.cells)
    }
}

/// Something wrong with an import file, at its row and column where it has one.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    public var row: Int?
    public var column: String?
    public var message: String
    /// Whether a rule of the policy refuses it (rather than the file being wrong).
    public var isRule = false

    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    init(_ refusal: Refusal, row: Int? = nil) {
        self.init(row: refusal.row ?? row, column: refusal.field?.rawValue, message: refusal.description)
        isRule = refusal.kind == .rule
    }

    public var description: String {
        var place: [String] = []
        if let row { place.append("row \(row)") }
        if let column { place.append("column \(column)") }
        return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + message
    }
}

/// What an import would do, worked out on a copy of the register: the commands to record (all of
/// them, or none), every row refused and why, the possible duplicates and the warnings.
public struct ImportPlan: Sendable {
    public let kind: ImportKind
    public let rowCount: Int
    public var commands: [Command] = []
    public var problems: [ImportProblem] = []
    /// New customers who may be someone already on the register (or earlier in the file).
    public var duplicates: [String] = []
    public var warnings: [Warning] = []
    /// The register as it would be after the import (for the report of what it brings in).
    public var after: Register

    public var isAccepted: Bool { problems.isEmpty }
}

extension Register {
    /// Checks every row of `table` as a `kind` import by `context.actor`, against the same rules
    /// as a new record, and gives the commands that record it. Nothing changes here: the store
    /// records the commands in one write, or none of them.
    public func planImport(_ table: ImportTable, kind: ImportKind, file: String, sha256: String, _ context: Context) -> ImportPlan {
        var plan = ImportPlan(kind: kind, rowCount: table.rows.count, after: self)
        if let refusal = refusal(.importRecords, by: context.actor) {
            plan.problems.append(ImportProblem(refusal))
            return plan
        }
        let reader = ImportRows(kind: kind, header: table.header)
        plan.problems += reader.headerProblems
        guard plan.problems.isEmpty else { return plan }
        guard !table.rows.isEmpty else {
            plan.problems.append(ImportProblem(row: nil, column: nil, message: "The file has a header but no rows: there is nothing to import."))
            return plan
        }
        let parsed = reader.commands(table.rows, file: file, sha256: sha256, on: context.today)
        plan.problems += parsed.problems
        var working = self
        if parsed.commands.count > 100 { working.indexCustomersForDuplicates() }
        for (row, command) in parsed.commands {
            if let duplicate = working.duplicateNote(command, row: row) { plan.duplicates.append(duplicate) }
            switch working.execute(command, in: context) {
            case .failure(let refusal):
                plan.problems.append(ImportProblem(refusal, row: row))
            case .success(let outcome):
                for event in outcome.events { working.apply(event, by: context.actor) }
                plan.warnings += outcome.warnings.filter { !$0.message.contains(Self.duplicateWarningStart) }
                    .map { $0.message.hasPrefix("row ") ? $0 : Warning("row \(row): \($0.message)", paragraph: $0.paragraph) }
                plan.commands.append(command)
            }
        }
        let record = Command.recordImport(file: file, sha256: sha256, kind: kind, rows: table.rows.count)
        switch working.execute(record, in: context) {
        case .failure(let refusal): plan.problems.append(ImportProblem(refusal))
        case .success(let outcome):
            for event in outcome.events { working.apply(event, by: context.actor) }
            plan.commands.append(record)
        }
        // The rules speak of the command line's options; an import's are its columns.
        for index in plan.problems.indices { plan.problems[index].message = kind.inColumnWords(plan.problems[index].message) }
        plan.problems.sort { ($0.row ?? 0, $0.column ?? "") < ($1.row ?? 0, $1.column ?? "") }
        if plan.isAccepted { plan.after = working } else { plan.commands = [] }
        return plan
    }

    /// A new customer in `command` who may be someone already on the register (or earlier in the file).
    func duplicateNote(_ command: Command, row: Int) -> String? {
        let person: ImportedCustomer?
        switch command {
        case let .addCustomer(name, address, postcode, email, phone, adjustments):
            person = .new(name: name, address: address, postcode: postcode, email: email, phone: phone, adjustments: adjustments)
        case .importStatus(let imported): person = imported.customer
        case .importRegisterEntry(let imported):
            if case .person(let customer) = imported.subject { person = customer } else { person = nil }
        default: person = nil
        }
        guard case let .new(name, address, postcode, _, _, _) = person else { return nil }
        let place = (try? Self.address(address, postcode: postcode)) ?? nil
        let same = possibleDuplicateCustomers(name: name.trimmed, address: place)
        guard !same.isEmpty else { return nil }
        return "row \(row): \(name.trimmed) may be someone already known: \(Self.listed(same)). Put their id in the customer "
            + "column to use that record, or leave it blank to add a new one."
    }
}

extension ImportKind {
    /// A refusal's command-line hints ("record it with --statutory-basis") in the words of this
    /// kind's columns ("record it in the statutory-basis column").
    func inColumnWords(_ message: String) -> String {
        var text = message
        for column in columns.map(\.name).sorted(by: { $0.count > $1.count }) {
            text = text.replacing("with --\(column)", with: "in the \(column) column")
                .replacing("(--\(column))", with: "(the \(column) column)")
                .replacing("--\(column)", with: "the \(column) column")
        }
        return text
    }
}
