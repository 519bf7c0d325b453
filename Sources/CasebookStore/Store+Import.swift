import CasebookCore
import CSV

/// Bringing an existing register in from a CSV file (docs/import.md): read with CSV.swift
/// (RFC 4180 quoting, line breaks inside values), every row checked by the register's rules on a
/// copy, then recorded in one write, or not at all.
extension Store {
    /// The largest import file read (a register of tens of thousands of rows is a few MiB).
    public static let importMaximumBytes = 50 << 20

    /// Checks `bytes` as a `kind` import by `actor` and, unless `dryRun` or a row is refused,
    /// records every row at once. The plan says what was (or would be) brought in, and why not.
    public func importRecords(_ bytes: [UInt8], file: String, kind: ImportKind, dryRun: Bool, actor: Login,
                              today: Day) throws(StoreError) -> ImportPlan {
        let table = try Self.importTable(bytes)
        try refresh()
        let plan = register.planImport(table, kind: kind, file: file, sha256: JournalLine.sha256Hex(bytes),
                                       settings.context(actor: actor, today: today))
        guard plan.isAccepted, !dryRun else { return plan }
        // Checked again under the lock against the latest register: one refusal and nothing is written.
        try executeBatch(plan.commands.map { Step($0, as: actor, on: today) })
        return plan
    }

    /// The file's header and rows; a file that is not UTF-8 text, or is not comma-separated, is refused whole.
    public static func importTable(_ bytes: [UInt8]) throws(StoreError) -> ImportTable {
        guard bytes.count <= importMaximumBytes else {
            throw .badInput("The file is \(bytes.count) bytes; an import reads files of up to \(importMaximumBytes >> 20) MiB. "
                + "Split it into several files.")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // the byte-order mark spreadsheets write
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .badInput("The file is not UTF-8 text. Save it from the spreadsheet as 'CSV UTF-8 (comma delimited)' and "
                + "import that.")
        }
        if text.contains("\u{0}") {
            throw .badInput("The file holds NUL bytes, so it is not a CSV file: save it from the spreadsheet as CSV.")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw .badInput("The file could not be read as CSV: \(error).")
        }
        guard let header = reader.next(), header.contains(where: { !$0.trimmed.isEmpty }) else {
            throw .badInput("The file is empty: its first row names the columns ('casebook import --template --kind KIND').")
        }
        if header.count == 1, let only = header.first, only.contains(";") || only.contains("\t") {
            throw .badInput("The header has one column holding '\(only.prefix(40))…': the file seems separated by semicolons or "
                + "tabs. Save it as CSV with commas.")
        }
        var rows: [(number: Int, cells: [String])] = []
        var number = 1
        while let cells = reader.next() {
            number += 1
            rows.append((number, cells))
        }
        if let error = reader.error { throw .badInput("The file could not be read as CSV after row \(number): \(error).") }
        return ImportTable(header: header, rows: rows)
    }
}
