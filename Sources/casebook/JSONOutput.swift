import CasebookCore
import Foundation

/// Prints a value as JSON on stdout (sorted keys, so output is stable).
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    Output.json(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
}

/// `queue --json`: [{"kind","subject","due","assignee","overdueDays"}].
struct QueueRowJSON: Encodable {
    let kind: String
    let subject: String
    let due: Day
    let assignee: String
    let overdueDays: Int

    init(_ row: QueueRow) {
        kind = row.kind.rawValue
        subject = row.subject
        due = row.due
        assignee = row.assignee.description
        overdueDays = row.overdueDays
    }
}

/// One line of `casebook list`.
struct CaseSummary: Encodable {
    let id: String
    let customer: String
    let customerName: String
    let title: String
    let services: [String]
    let categories: [String]
    let status: String
    let nextDue: Day?

    init(_ value: Case, in register: Register, dueDates: [String: Day]) {
        id = value.id.description
        customer = value.customer.description
        customerName = register.customers[value.customer]?.name ?? ""
        title = value.title
        services = value.serviceAreas.map(\.name)
        let categories = value.status.map(\.categories) ?? value.pendingProposal?.categories ?? []
        self.categories = categories.sorted().map(\.rawValue)
        status = value.stage.rawValue
        nextDue = dueDates[value.id.description]
    }
}

struct HitJSON: Encodable {
    let kind: String
    let id: String
    let title: String
    let matched: String

    init(_ hit: Search.Hit) {
        kind = hit.kind.rawValue
        id = hit.id
        title = hit.title
        matched = hit.matched
    }
}

/// `show CUST --json`: the customer, their standing and their cases.
struct CustomerJSON: Encodable {
    let customer: Customer
    let restrictionsInForce: [RestrictionJSON]
    let registerEntries: [RegisterEntry]
    let cases: [CaseSummary]

    struct RestrictionJSON: Encodable {
        let caseID: String
        let restriction: Restriction
    }
}
