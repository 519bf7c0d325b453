/// Reads an import file's rows into commands, by the documented layout (`ImportKind.columns`):
/// each cell is read as its column says (a date, a list, a restriction type), and each problem
/// is named by row and column. The commands themselves are checked by the register.
struct ImportRows {
    let kind: ImportKind
    /// Each known column's position in the file.
    private(set) var positions: [String: Int] = [:]
    private(set) var headerProblems: [ImportProblem] = []
    private let width: Int

    init(kind: ImportKind, header: [String]) {
        self.kind = kind
        width = header.count
        let known = kind.columns.map(\.name)
        for (index, raw) in header.enumerated() {
            let name = Self.columnName(raw)
            if name.isEmpty {
                // A spreadsheet's empty columns at the right are nothing; one in the middle is a mistake.
                if header[index...].allSatisfy({ Self.columnName($0).isEmpty }) { break }
                headerProblems.append(ImportProblem(row: 1, column: nil, message: "Column \(index + 1) of the header has no name: "
                    + "name it, or remove the column."))
            } else if !known.contains(name) {
                let nearest = known.min { Register.distance($0, name) < Register.distance($1, name) }!
                let hint = Register.distance(nearest, name) <= 3 ? "did you mean '\(nearest)'? " : ""
                headerProblems.append(ImportProblem(row: 1, column: raw, message: "'\(raw)' is not a column of a \(kind.rawValue) "
                    + "import: \(hint)the columns are \(known.joined(separator: ", ")) ('casebook import --template --kind "
                    + "\(kind.rawValue)' prints them)."))
            } else if positions[name] != nil {
                headerProblems.append(ImportProblem(row: 1, column: name, message: "The column '\(name)' is named twice: keep one."))
            } else {
                positions[name] = index
            }
        }
        for column in kind.columns where column.required && positions[column.name] == nil {
            headerProblems.append(ImportProblem(row: 1, column: column.name, message: "The required column '\(column.name)' is "
                + "missing: \(column.meaning) ('casebook import --template --kind \(kind.rawValue)' prints the header)."))
        }
    }

    /// "Decided on", "decided_on" and "DECIDED-ON" name the same column.
    static func columnName(_ text: String) -> String {
        var name = ""
        for character in text.trimmed.lowercased() {
            name.append(character == " " || character == "_" ? "-" : character)
        }
        return name
    }

    /// The rows' commands in file order (a decision with several restrictions at its first row),
    /// and the problems of the rows that give none.
    func commands(_ rows: [(number: Int, cells: [String])], file: String, sha256: String, on today: Day)
        -> (commands: [(row: Int, command: Command)], problems: [ImportProblem]) {
        var commands: [(row: Int, command: Command)] = []
        var problems: [ImportProblem] = []
        // restrictions: the decision each reference opened, where it sits in `commands`, and its cells.
        var decisions: [String: (index: Int, row: Int, cells: Cells)] = [:]
        for (number, values) in rows {
            if values.allSatisfy({ $0.trimmed.isEmpty }) { continue }  // a blank line
            guard values.count == width || (values.count > width && values[width...].allSatisfy({ $0.trimmed.isEmpty })) else {
                problems.append(ImportProblem(row: number, column: nil, message: "This row has \(values.count) cells but the header has "
                    + "\(width). A value holding a comma or a line break must be in double quotes, and a double quote inside "
                    + "one is written twice (\"\")."))
                continue
            }
            var cells = Cells(row: number, values: values, positions: positions)
            let source = ImportSource(file: file, sha256: sha256, row: number, reference: cells.text("ref"), on: today)
            switch kind {
            case .customers:
                let name = cells.required("name", "The customer's name")
                let command = Command.addCustomer(name: name ?? "", address: cells.text("address"), postcode: cells.text("postcode"),
                                                  email: cells.text("email"), phone: cells.text("phone"),
                                                  adjustments: cells.text("adjustments"))
                if cells.problems.isEmpty { commands.append((number, command)) }
            case .restrictions:
                let reference = cells.required("ref", "The old register's reference") ?? ""
                let restriction = cells.restriction()
                if let earlier = decisions[reference] {
                    // A further restriction of a decision already read: the rest of the row must agree with it.
                    if let column = Cells.decisionColumns.first(where: { cells.text($0) != earlier.cells.text($0) }) {
                        cells.problem(column, "Row \(earlier.row) has the same reference (\(reference)) but a different \(column): "
                            + "rows of one decision agree on everything but the restriction columns.")
                    } else if restriction == nil, cells.problems.isEmpty {
                        cells.problem("restriction", "Row \(earlier.row) already has reference \(reference): a further row of "
                            + "one decision adds a restriction, so name it.")
                    }
                    if cells.problems.isEmpty, let restriction, case .importStatus(var status) = commands[earlier.index].command {
                        status.restrictions.append(restriction)
                        commands[earlier.index].command = .importStatus(status)
                    }
                } else if let status = cells.status(source: source, restriction: restriction), cells.problems.isEmpty {
                    decisions[reference] = (commands.count, number, cells)
                    commands.append((number, .importStatus(status)))
                }
            case .register:
                if let entry = cells.entry(source: source), cells.problems.isEmpty {
                    commands.append((number, .importRegisterEntry(entry)))
                }
            }
            problems += cells.problems
        }
        return (commands, problems)
    }
}

/// One row's cells by column name, gathering every problem found in them.
struct Cells {
    let row: Int
    let values: [String]
    let positions: [String: Int]
    private(set) var problems: [ImportProblem] = []

    init(row: Int, values: [String], positions: [String: Int]) {
        self.row = row
        self.values = values
        self.positions = positions
    }

    /// The columns a decision's rows must agree on.
    static let decisionColumns = ["customer", "name", "address", "postcode", "email", "phone", "adjustments", "title", "service",
                                  "categories", "reason", "proposed-by", "decided-by", "decided-on", "last-reviewed-on", "settled-on"]

    mutating func problem(_ column: String, _ message: String) {
        problems.append(ImportProblem(row: row, column: column, message: message))
    }

    /// The cell's text, trimmed; nil when the column is absent or the cell blank.
    func text(_ column: String) -> String? {
        guard let index = positions[column], index < values.count else { return nil }
        let text = values[index].trimmed
        return text.isEmpty ? nil : text
    }

    mutating func required(_ column: String, _ what: String) -> String? {
        guard let text = text(column) else {
            problem(column, "\(what) is required here.")
            return nil
        }
        return text
    }

    /// A date as YYYY-MM-DD or DD/MM/YYYY (as a UK spreadsheet writes it).
    mutating func day(_ column: String, required: Bool = false) -> Day? {
        guard let text = text(column) else {
            if required { problem(column, "The date is required here (YYYY-MM-DD or DD/MM/YYYY).") }
            return nil
        }
        if let day = Cells.day(text) { return day }
        problem(column, "'\(text)' is not a date: write it as YYYY-MM-DD (2025-03-04) or DD/MM/YYYY (04/03/2025), and check "
            + "that the day exists.")
        return nil
    }

    static func day(_ text: String) -> Day? {
        if let day = Day(text) { return day }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// A list separated by semicolons.
    func list(_ column: String) -> [String] {
        (text(column) ?? "").split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// The person a row is about: a customer id, or the details of one to add.
    mutating func customer() -> ImportedCustomer? {
        if let text = text("customer") {
            guard let id = CustomerID(text) else {
                problem("customer", "'\(text)' is not a customer id (CUST-0001); leave it blank to add the person the name "
                    + "and address columns describe.")
                return nil
            }
            return .existing(id)
        }
        guard let name = required("name", "The customer's name (or a customer id in the customer column)") else { return nil }
        return .new(name: name, address: text("address"), postcode: text("postcode"), email: text("email"), phone: text("phone"),
                    adjustments: text("adjustments"))
    }

    /// The row's restriction, if it names one (with its details and start).
    mutating func restriction() -> ImportedRestriction? {
        guard let text = text("restriction") else {
            for column in ["details", "from", "escalation-reason", "statutory-basis", "adjustment-reason"] where self.text(column) != nil {
                problem(column, "A \(column) is given but no restriction: name the restriction, or clear the cell.")
            }
            return nil
        }
        let type = RestrictionType(rawValue: ImportRows.columnName(text))
        if type == nil {
            problem("restriction", "'\(text)' is not a restriction: it is one of "
                + RestrictionType.allCases.map(\.rawValue).joined(separator: ", ") + " (5.2.2).")
        }
        let details = required("details", "What the restriction is, in practice")
        let from = day("from", required: true)
        guard let type, let details, let from else { return nil }
        return ImportedRestriction(row: row, type: type, details: details, from: from, escalationReason: self.text("escalation-reason"),
                                   statutoryBasis: self.text("statutory-basis"), adjustmentReason: self.text("adjustment-reason"))
    }

    mutating func status(source: ImportSource, restriction: ImportedRestriction?) -> ImportedStatus? {
        let customer = customer()
        let title = required("title", "The case's title")
        let areas = list("service")
        if areas.isEmpty, text("service") == nil { problem("service", "Name at least one service area (separated by semicolons).") }
        var categories: [Category] = []
        for text in list("categories") {
            guard let category = Category(rawValue: text.lowercased()) else {
                problem("categories", "'\(text)' is not a category: persistent, unreasonable or complex (3.1-3.6).")
                continue
            }
            if !categories.contains(category) { categories.append(category) }
        }
        if text("categories") == nil { problem("categories", "Name the categories decided: persistent, unreasonable and/or complex.") }
        let reason = required("reason", "The reasons for the decision")
        let proposer = required("proposed-by", "The login of the officer who proposed it")
        let decider = required("decided-by", "The login of the Head of Service or Director who decided it")
        let decided = day("decided-on", required: true)
        let reviewed = day("last-reviewed-on"), settled = day("settled-on")
        guard let customer, let title, let reason, let proposer, let decider, let decided else { return nil }
        return ImportedStatus(customer: customer, title: title, serviceAreas: areas, categories: categories, reason: reason,
                              proposedBy: proposer, decidedBy: decider, decidedOn: decided, lastReviewedOn: reviewed,
                              settledOn: settled, restrictions: restriction.map { [$0] } ?? [], source: source)
    }

    mutating func entry(source: ImportSource) -> ImportedEntry? {
        var subject: ImportedEntry.Subject?
        switch text("subject")?.lowercased() {
        case "person":
            subject = customer().map { .person($0) }
        case "property":
            if let address = required("address", "The property's address") { subject = .property(address: address, postcode: text("postcode")) }
        case nil:
            problem("subject", "Say whether the entry is on a person or a property.")
        case let other?:
            problem("subject", "'\(other)' is not a subject: write person or property.")
        }
        let facts = required("facts", "The facts (what happened, when, and the risk)")
        let communication = required("communication", "The agreed methods of communication")
        let proposer = required("proposed-by", "The login of whoever proposed the entry")
        let approver = required("approved-by", "The login of the Head of Service or Director who approved it")
        let approved = day("approved-on", required: true)
        let reviewed = day("last-reviewed-on")
        guard let subject, let facts, let communication, let proposer, let approver, let approved else { return nil }
        return ImportedEntry(subject: subject, facts: facts, communication: communication, restrictions: text("restrictions"),
                             proposedBy: proposer, approvedBy: approver, approvedOn: approved, lastReviewedOn: reviewed,
                             notToldReason: text("not-told-reason"), source: source)
    }
}
