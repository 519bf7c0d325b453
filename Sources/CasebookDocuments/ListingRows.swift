import CasebookCore

// The rows of the command line's listings, as JSON: each is `Encodable` (for answers built whole)
// and gives its `fields` for `JSONRows` (for listings written as they are made); a test holds the
// two to the same bytes.

/// `queue --json`: [{"kind","subject","due","assignee","overdueDays"}].
public struct QueueRowJSON: Encodable, Sendable {
    public let kind: String
    public let subject: String
    public let due: Day
    public let assignee: String
    public let overdueDays: Int

    public init(_ row: QueueRow) {
        kind = row.kind.rawValue
        subject = row.subject
        due = row.due
        assignee = row.assignee.description
        overdueDays = row.overdueDays
    }

    public var fields: [(key: String, value: JSONRows.Value?)] {
        // In key order (as written).
        [("assignee", .string(assignee)), ("due", .string(due.description)), ("kind", .string(kind)),
         ("overdueDays", .int(overdueDays)), ("subject", .string(subject))]
    }
}

/// One line of `casebook list`.
public struct CaseSummary: Encodable, Sendable {
    public let id: String
    public let customer: String
    public let customerName: String
    public let title: String
    public let services: [String]
    public let categories: [String]
    public let status: String
    public let nextDue: Day?

    /// `outline`'s line, showing `nextDue` as its next due date.
    public init(_ outline: CaseOutline, nextDue: Day?) {
        id = outline.id.description
        customer = outline.customer.description
        customerName = outline.customerName
        title = outline.title
        services = outline.serviceAreas.map(\.name)
        categories = outline.categories.sorted().map(\.rawValue)
        status = outline.stage.rawValue
        self.nextDue = nextDue
    }

    public var fields: [(key: String, value: JSONRows.Value?)] {
        [("id", .string(id)), ("customer", .string(customer)), ("customerName", .string(customerName)), ("title", .string(title)),
         ("services", .strings(services)), ("categories", .strings(categories)), ("status", .string(status)),
         ("nextDue", nextDue.map { .string($0.description) })]
    }
}

/// One hit of `casebook find`.
public struct HitJSON: Encodable, Sendable {
    public let kind: String
    public let id: String
    public let title: String
    public let matched: String

    public init(_ hit: Search.Hit) {
        kind = hit.kind.rawValue
        id = hit.id
        title = hit.title
        matched = hit.matched
    }

    public var fields: [(key: String, value: JSONRows.Value?)] {
        // In key order (as written).
        [("id", .string(id)), ("kind", .string(kind)), ("matched", .string(matched)), ("title", .string(title))]
    }
}
