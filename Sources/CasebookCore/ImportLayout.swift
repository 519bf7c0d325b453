/// The documented column layout of an import file, one per kind (docs/import.md): a header row
/// naming the columns, in any order, then one row per record.
public struct ImportColumn: Equatable, Sendable {
    public let name: String
    /// Whether every row must fill it (some columns are required only with others: see `meaning`).
    public let required: Bool
    public let meaning: String
    public let example: String
}

extension ImportKind {
    public var columns: [ImportColumn] {
        func column(_ name: String, _ required: Bool, _ meaning: String, _ example: String) -> ImportColumn {
            ImportColumn(name: name, required: required, meaning: meaning, example: example)
        }
        let person = [
            column("name", false, "The customer's full name (needed unless 'customer' names one already on the register).", "Jane Example"),
            column("address", false, "Their address, without the postcode.", "1 High Street, Newtown"),
            column("postcode", false, "Their postcode.", "ST4 1HH"),
            column("email", false, "Their email address.", "jane@example.org"),
            column("phone", false, "Their phone number.", "01632 960001"),
            column("adjustments", false, "Reasonable adjustments recorded for them (Equality Act 2010 s20).", "Large print letters"),
        ]
        let customer = column("customer", false, "A customer already on the register (CUST-0001); leave blank to add the person "
            + "the name and address columns describe.", "")
        let reference = column("ref", self == .restrictions, "The old register's own reference. Rows with the same reference are "
            + "one decision with several restrictions.", "OLD-101")
        switch self {
        case .customers:
            return [column("name", true, "The customer's full name.", "Jane Example")] + person.dropFirst()
        case .restrictions:
            return [reference, customer] + person + [
                column("title", true, "The issue the customer pursues (the case's title).", "Repairs to 1 High Street"),
                column("service", true, "The service areas the issue concerns, separated by semicolons.", "housing;repairs"),
                column("categories", true, "persistent, unreasonable and/or complex, separated by semicolons (3.1-3.6).", "persistent"),
                column("reason", true, "The reasons for the decision, as recorded (4.2).", "Forty calls a week about a settled repair"),
                column("proposed-by", true, "The login of the officer who proposed it (on the staff list, in post or left).", "olivia"),
                column("decided-by", true, "The login of the Head of Service or Director who decided it (in post or left).", "harriet"),
                column("decided-on", true, "The date of the decision (YYYY-MM-DD or DD/MM/YYYY); the six-month minimum and the "
                    + "three-year review run from it (5.2.5).", "2025-03-04"),
                column("last-reviewed-on", false, "The decision-maker's last review, if there was one (5.2.5).", ""),
                column("settled-on", false, "When the decision or complaint on the matter was settled (read-and-file needs it, 5.2.2).", ""),
                column("restriction", false, "The restriction (5.2.2): " + RestrictionType.allCases.map(\.rawValue).joined(separator: ", ")
                    + "; blank for a decision without one.", "single-channel"),
                column("details", false, "What the restriction is, in practice (needed with a restriction).", "Email to the repairs team only"),
                column("from", false, "The date the restriction started (needed with a restriction).", "2025-03-04"),
                column("escalation-reason", false, "Why a tier was skipped, when one was (5.2.1).", ""),
                column("statutory-basis", false, "The legislative basis, when the restriction withholds a statutory service (5.2.1).", ""),
                column("adjustment-reason", false, "Why the restriction stands although it conflicts with a recorded adjustment.", ""),
            ]
        case .register:
            return [reference,
                    column("subject", true, "person or property.", "person"),
                    customer] + person.map { column in
                        column.name == "address"
                            ? ImportColumn(name: "address", required: false, meaning: "The person's address, or the property's "
                                + "(needed for a property), without the postcode.", example: column.example)
                            : column
                    } + [
                column("facts", true, "The facts: what happened, when, and the risk (5.3.1).", "Threatened a visiting officer on 3 May 2024"),
                column("communication", true, "The agreed methods of communication (5.3.1).", "Visits in pairs only"),
                column("restrictions", false, "Any restrictions the entry carries.", ""),
                column("proposed-by", true, "The login of whoever proposed the entry (in post or left).", "olivia"),
                column("approved-by", true, "The login of the Head of Service or Director who approved it (in post or left, 5.3.2).", "harriet"),
                column("approved-on", true, "The date it was approved (YYYY-MM-DD or DD/MM/YYYY); the annual review runs from it "
                    + "(5.3.2).", "2025-06-01"),
                column("last-reviewed-on", false, "Its last annual review, if there was one (5.3.2).", ""),
                column("not-told-reason", false, "Why the person was not told of the entry, when they were not (5.3).", ""),
            ]
        }
    }

    /// The header row of a template, ready to fill in a spreadsheet.
    public var templateHeader: String { columns.map(\.name).joined(separator: ",") }
}
