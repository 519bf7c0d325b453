/// Bringing an existing register in (a spreadsheet, CRM markers): the decisions and entries a
/// council already holds are history, not new decisions. They keep their original dates, deciders
/// and approvers, say where they came from, owe no new letters, and their reviews fall due from
/// their own dates (5.2.5, 5.3.2).
public enum ImportKind: String, CaseIterable, Sendable, Codable {
    /// People only: the customer records.
    case customers
    /// Decisions that a customer is persistent or unreasonable (or complex), with their restrictions.
    case restrictions
    /// Entries on the register of potentially dangerous persons and properties (5.3).
    case register
}

/// Where an imported record came from: the file, its row, and the day it was brought in.
public struct ImportSource: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's name as given (no folders).
    public var file: String
    /// The SHA-256 of the whole file, so that the same file is never brought in twice.
    public var sha256: String
    /// The spreadsheet row (the header is row 1).
    public var row: Int
    /// The old register's own reference, when it had one.
    public var reference: String?
    /// The day it was imported (the import's "today").
    public var on: Day

    public init(file: String, sha256: String, row: Int, reference: String? = nil, on: Day) {
        self.file = file
        self.sha256 = sha256
        self.row = row
        self.reference = reference
        self.on = on
    }

    public var description: String {
        "imported on \(on) from \(file) row \(row)" + (reference.map { " (reference \($0))" } ?? "")
    }
}

/// What of a case's or entry's history came in with an import: the letters of those steps were
/// the old register's to send, so none is owed for them here.
public struct ImportedHistory: Equatable, Sendable, Codable {
    public var source: ImportSource
    /// The proposal the imported decision sits in (0 for a register entry).
    public var proposal: Int
    /// How many of the record's reviews came with it (the old register's last review, if any).
    public var reviews: Int

    public init(source: ImportSource, proposal: Int, reviews: Int) {
        self.source = source
        self.proposal = proposal
        self.reviews = reviews
    }
}

/// The customer an imported row is about: one already on the register, or one to add.
public enum ImportedCustomer: Equatable, Sendable {
    case existing(CustomerID)
    case new(name: String, address: String?, postcode: String?, email: String?, phone: String?, adjustments: String?)

    /// The command that adds a new one (nil for an existing customer).
    var addCommand: Command? {
        guard case let .new(name, address, postcode, email, phone, adjustments) = self else { return nil }
        return .addCustomer(name: name, address: address, postcode: postcode, email: email, phone: phone, adjustments: adjustments)
    }
}

/// One restriction of an imported decision, from its own row.
public struct ImportedRestriction: Equatable, Sendable {
    public var row: Int
    public var type: RestrictionType
    public var details: String
    public var from: Day
    public var escalationReason: String?
    public var statutoryBasis: String?
    public var adjustmentReason: String?

    public init(row: Int, type: RestrictionType, details: String, from: Day, escalationReason: String? = nil,
                statutoryBasis: String? = nil, adjustmentReason: String? = nil) {
        self.row = row
        self.type = type
        self.details = details
        self.from = from
        self.escalationReason = escalationReason
        self.statutoryBasis = statutoryBasis
        self.adjustmentReason = adjustmentReason
    }
}

/// 4.2, 5.2: a decision the old register records, with the case it was taken on and its restrictions.
public struct ImportedStatus: Equatable, Sendable {
    public var customer: ImportedCustomer
    public var title: String
    public var serviceAreas: [String]
    public var categories: [Category]
    public var reason: String
    public var proposedBy: Login
    public var decidedBy: Login
    public var decidedOn: Day
    /// 5.2.5: the decision-maker's last review, as the old register records it.
    public var lastReviewedOn: Day?
    /// 5.2.2: when the matter was settled (read-and-file needs it).
    public var settledOn: Day?
    public var restrictions: [ImportedRestriction]
    /// The decision's own row (the first of its reference).
    public var source: ImportSource

    public init(customer: ImportedCustomer, title: String, serviceAreas: [String], categories: [Category], reason: String,
                proposedBy: Login, decidedBy: Login, decidedOn: Day, lastReviewedOn: Day? = nil, settledOn: Day? = nil,
                restrictions: [ImportedRestriction] = [], source: ImportSource) {
        self.customer = customer
        self.title = title
        self.serviceAreas = serviceAreas
        self.categories = categories
        self.reason = reason
        self.proposedBy = proposedBy
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.lastReviewedOn = lastReviewedOn
        self.settledOn = settledOn
        self.restrictions = restrictions
        self.source = source
    }
}

/// 5.3: an approved entry the old register holds.
public struct ImportedEntry: Equatable, Sendable {
    public enum Subject: Equatable, Sendable {
        case person(ImportedCustomer)
        case property(address: String, postcode: String?)
    }

    public var subject: Subject
    public var facts: String
    public var communication: String
    public var restrictions: String?
    public var proposedBy: Login
    public var approvedBy: Login
    public var approvedOn: Day
    /// 5.3.2: the last annual review, as the old register records it.
    public var lastReviewedOn: Day?
    /// 5.3: why the person was not told of the entry, when they were not.
    public var notToldReason: String?
    public var source: ImportSource

    public init(subject: Subject, facts: String, communication: String, restrictions: String? = nil, proposedBy: Login,
                approvedBy: Login, approvedOn: Day, lastReviewedOn: Day? = nil, notToldReason: String? = nil,
                source: ImportSource) {
        self.subject = subject
        self.facts = facts
        self.communication = communication
        self.restrictions = restrictions
        self.proposedBy = proposedBy
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.lastReviewedOn = lastReviewedOn
        self.notToldReason = notToldReason
        self.source = source
    }
}

/// A file brought in: kept on the register, so that the same file is not brought in twice and
/// the audit can list every import.
public struct ImportRecord: Equatable, Sendable, Codable {
    public var file: String
    public var sha256: String
    public var kind: ImportKind
    public var rows: Int
    public var by: Login
    public var on: Day
}

extension ImportedHistory {
    /// Said wherever the imported decision or entry is shown, in place of the checks and letters
    /// this register did not see.
    public var note: String {
        "Brought in from the old register, \(source): the steps before it (4.1) and their letters were that register's."
    }
}

extension Case {
    /// The import note for `proposal`, when it is the imported decision.
    public func importNote(for proposal: Proposal) -> String? {
        guard let imported, imported.proposal == proposal.number else { return nil }
        return imported.note
    }
}
