/// An input the register is given, by one name wherever it is typed: the command line's option
/// (`--reason`), the terminal form's field, and the import file's column. A refusal names the
/// field it concerns, so a form shows it beside that field and an import beside that column.
public enum Field: String, Sendable, Hashable, CaseIterable, Codable {
    case action
    case actor
    case add
    case addBasis = "add-basis"
    case addDetails = "add-details"
    case addFrom = "add-from"
    case addType = "add-type"
    case address
    case adjustmentReason = "adjustment-reason"
    case adjustments
    case adjustmentsConsidered = "adjustments-considered"
    case appeal
    case approvedBy = "approved-by"
    case approvedOn = "approved-on"
    case behaviour
    case body
    case `case`
    case categories
    case category
    case chair
    case channel
    case communication
    case conference
    case consulted
    case contact
    case customer
    case customerServicesHead = "customer-services-head"
    case date
    case decidedBy = "decided-by"
    case decidedOn = "decided-on"
    case deputy
    case deputyReason = "deputy-reason"
    case description
    case details
    case due
    case email
    case end
    case entry
    case escalationReason = "escalation-reason"
    case evidence
    case exemption
    case facts
    case file
    case from
    case grounds
    case hash
    case invite
    case item
    case kind
    case lastReviewedOn = "last-reviewed-on"
    case lateReason = "late-reason"
    case login
    case name
    case newInformation = "new-information"
    case notTold = "not-told"
    case notToldReason = "not-told-reason"
    case note
    case number
    case on
    case otherService = "other-service"
    case outcome
    case owner
    case person
    case phone
    case postcode
    case property
    case proposedBy = "proposed-by"
    case reason
    case reassignTo = "reassign-to"
    case received
    case ref
    case restriction
    case restrictions
    case role
    case sent
    case service
    case settledOn = "settled-on"
    case statutoryBasis = "statutory-basis"
    case subject
    case summary
    case text
    case title
    case to
    case toCase = "to-case"
    case today
    case type
    case withhold

    /// The name in words, for a message ("late reason").
    public var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
