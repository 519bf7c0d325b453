import CasebookCore
import CasebookDocuments
import Foundation

/// Prints a value as JSON on stdout (sorted keys, so output is stable).
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    Output.json(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
}

/// Prints a listing as JSON on stdout, row by row as it is made (`JSONRows`).
/// A long listing (a Head of Service's queue, a common surname) is rendered on every core (`JSONRows.objects`).
func printJSONRows<Row: Sendable>(_ rows: [Row], _ fields: @Sendable (Row) -> [(key: String, value: JSONRows.Value?)]) {
    // Each object made safe for a terminal where it is rendered; what joins them is safe as it is.
    var json = JSONRows(write: Output.escapedJSON)
    for object in JSONRows.objects(rows, made: VisibleText.jsonEscaped, fields) { json.append(rendered: object) }
    json.finish()
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
