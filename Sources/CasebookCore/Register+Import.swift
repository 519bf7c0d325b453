/// Bringing an existing register in. Each imported record is checked by the same steps as a new
/// one (adding the customer, opening the case, each restriction, proposing the entry), taken in
/// order on a working copy of the register; only who may take the step now is not asked, because
/// the decision was taken before, by the people the file names. Those people must be on the
/// staff list, in post or left, with the role the step needs (4.2, 5.3.2) and four eyes kept.
extension Register {
    /// The reason kept on a review the old register records.
    static let importedReviewReason = "Reviewed, as the old register records it."

    func importStatus(_ imported: ImportedStatus, _ context: Context) throws(Refusal) -> Outcome {
        var steps = ImportSteps(register: self, context: context)
        let row = imported.source.row
        try steps.checkSource(imported.source)
        let customer = try steps.customer(imported.customer, row: row)
        let caseID = CaseID(try steps.run(.openCase(customer: customer, title: imported.title, serviceAreas: imported.serviceAreas),
                                          row: row)!)!
        // 3.1-3.6, 4.2: the decision itself, as the old register records it.
        guard !imported.categories.isEmpty else {
            throw Refusal.badInput("Name the categories decided: persistent, unreasonable and/or complex.", field: .categories)
                .at(row: row)
        }
        let (decider, proposer) = try historicalDeciders(decidedBy: imported.decidedBy, proposedBy: imported.proposedBy,
                                                         deciderColumn: .decidedBy, row: row, paragraph: "4.2",
                                                         action: "decide whether to apply the policy")
        try historicalDates(imported.decidedOn, column: .decidedOn, stepName: "the decision", lastReviewed: imported.lastReviewedOn,
                            row: row, context)
        do throws(Refusal) {
            if let problem = TextRules.problem(imported.reason, field: .reason, shape: .lines(maximum: TextRules.textLength)) {
                throw problem
            }
            _ = try required(imported.reason, .reason, what: "The reasons for the decision")
        } catch {
            throw error.at(row: row)
        }
        steps.warn(WordingCheck.warnings(for: imported.reason, field: "Reason"), row: row)
        steps.record(.statusImported(StatusImported(caseID: caseID, categories: imported.categories.sorted(),
                                                    reason: imported.reason.trimmed, proposedBy: proposer.login,
                                                    decidedBy: decider.login, decidedOn: imported.decidedOn,
                                                    lastReviewedOn: imported.lastReviewedOn, source: imported.source)))
        if let settled = imported.settledOn {
            _ = try steps.run(.settleMatter(caseID, on: settled, note: "Settled, as the old register records it."), row: row,
                              columns: [.date: .settledOn])
        }
        // 5.2.1: checked lowest tier first, so that each is weighed against those below it.
        for restriction in imported.restrictions.sorted(by: { $0.type.tier < $1.type.tier }) {
            _ = try steps.run(.restrict(caseID, type: restriction.type, details: restriction.details, from: restriction.from,
                                        escalationReason: restriction.escalationReason, statutoryBasis: restriction.statutoryBasis,
                                        reason: nil, adjustmentReason: restriction.adjustmentReason),
                              row: restriction.row, columns: [.type: .restriction])
        }
        return steps.outcome(created: caseID.description)
    }

    func importRegisterEntry(_ imported: ImportedEntry, _ context: Context) throws(Refusal) -> Outcome {
        var steps = ImportSteps(register: self, context: context)
        let row = imported.source.row
        try steps.checkSource(imported.source)
        let subject: RegisterEntry.Subject
        switch imported.subject {
        case .person(let customer):
            subject = .person(try steps.customer(customer, row: row))
            if let reason = imported.notToldReason,
               let problem = TextRules.problem(reason, field: .notToldReason, shape: .lines(maximum: TextRules.textLength)) {
                throw problem.at(row: row)
            }
        case .property(let address, let postcode):
            do throws(Refusal) {
                guard let place = try Self.address(address, postcode: postcode), !place.text.trimmed.isEmpty else {
                    throw .badInput("A property entry needs the property's address.", field: .address)
                }
                subject = .property(place)
            } catch {
                throw error.at(row: row)
            }
            if imported.notToldReason != nil {
                throw Refusal.badInput("A property entry tells no one: leave not-told-reason blank.", field: .notToldReason)
                    .at(row: row)
            }
        }
        let id = RegisterEntryID(try steps.run(.proposeRegisterEntry(subject, facts: imported.facts, communication: imported.communication,
                                                                     restrictions: imported.restrictions),
                                               row: row, columns: [.person: .customer, .property: .address])!)!
        // 5.3.2: approved by a Head of Service or Director, who did not propose it.
        let (approver, proposer) = try historicalDeciders(decidedBy: imported.approvedBy, proposedBy: imported.proposedBy,
                                                          deciderColumn: .approvedBy, row: row, paragraph: "5.3.2",
                                                          action: "approve a register entry")
        try historicalDates(imported.approvedOn, column: .approvedOn, stepName: "the approval", lastReviewed: imported.lastReviewedOn,
                            row: row, context)
        steps.record(.registerEntryImported(RegisterEntryImported(id: id, proposedBy: proposer.login, approvedBy: approver.login,
                                                                  approvedOn: imported.approvedOn, lastReviewedOn: imported.lastReviewedOn,
                                                                  notToldReason: imported.notToldReason.nonBlank,
                                                                  source: imported.source)))
        return steps.outcome(created: id.description)
    }

    /// The file itself, once: the same file brought in again would make every record twice.
    func recordImport(file: String, sha256: String, kind: ImportKind, rows: Int, _ context: Context) throws(Refusal) -> Outcome {
        if let earlier = imports.first(where: { $0.sha256 == sha256 }) {
            throw .badInput("This file was already imported on \(earlier.on) by \(earlier.by) (\(earlier.file), \(earlier.rows) "
                + "rows, as \(earlier.kind.rawValue)); nothing was imported again. Import only rows not yet brought in.",
                field: .file)
        }
        return Outcome(events: [.registerImported(RegisterImported(file: file, sha256: sha256, kind: kind, rows: rows,
                                                                   on: context.today))])
    }

    /// An imported step's date and its last review: business dates, the review not before the step.
    func historicalDates(_ day: Day, column: Field, stepName: String, lastReviewed: Day?, row: Int,
                         _ context: Context) throws(Refusal) {
        do throws(Refusal) {
            try businessDate(day, column.rawValue, field: column, today: context.today)
            if let lastReviewed {
                try businessDate(lastReviewed, "last-reviewed-on", field: .lastReviewedOn, today: context.today, notBefore: day, stepName: stepName)
            }
        } catch {
            throw error.at(row: row)
        }
    }

    /// The people an imported decision or approval names: both on the staff list (in post or
    /// left), the decider a Head of Service or Director, and not the proposer (four eyes).
    func historicalDeciders(decidedBy: Login, proposedBy: Login, deciderColumn: Field, row: Int, paragraph: String,
                            action: String) throws(Refusal) -> (decider: StaffMember, proposer: StaffMember) {
        let decider = try historicalStaff(decidedBy, column: deciderColumn, row: row)
        let proposer = try historicalStaff(proposedBy, column: .proposedBy, row: row)
        guard decider.isDecisionMaker else {
            throw Refusal.rule(paragraph, "Only a Head of Service or a Director may \(action); \(decider.name) (\(decider.login)) "
                + "is not one on the staff list. Name who took it, or correct their roles first ('casebook staff update').",
                field: deciderColumn).at(row: row)
        }
        guard decider.login != proposer.login else {
            throw Refusal.rule(paragraph, "\(decider.name) is named as both proposer and decider: nobody decides or approves what "
                + "they proposed (four eyes). Check the proposed-by column.", field: .proposedBy).at(row: row)
        }
        return (decider, proposer)
    }

    /// A member of staff an old record names: in post or left, but on the staff list.
    func historicalStaff(_ login: Login, column: Field, row: Int) throws(Refusal) -> StaffMember {
        guard let member = staff[login.trimmed] else {
            let shown = login.trimmed.isEmpty ? "No login is given" : "There is no member of staff '\(login.trimmed)'"
            throw Refusal.badInput("\(shown). An imported record keeps who took it: add them first ('casebook staff add LOGIN --name "
                + "NAME --role ROLE'), and if they have left, 'casebook staff leave LOGIN --date DATE'.", field: column).at(row: row)
        }
        return member
    }
}

/// The steps of one imported record, taken in order on a working copy of the register: each
/// refusal is placed at the row it concerns, each warning says its row.
struct ImportSteps {
    var register: Register
    let context: Context
    private var events: [Event] = []
    private var warnings: [Warning] = []

    init(register: Register, context: Context) {
        self.register = register
        self.context = context
    }

    /// Validates `command` as the register would, except for who may take it now, and applies it.
    mutating func run(_ command: Command, row: Int, columns: [Field: Field] = [:]) throws(Refusal) -> String? {
        let outcome: Outcome
        do throws(Refusal) {
            outcome = try register.validate(command, in: context, importing: true)
        } catch {
            throw error.at(row: row, columns: columns)
        }
        for event in outcome.events { record(event) }
        warn(outcome.warnings, row: row)
        return outcome.created
    }

    mutating func record(_ event: Event) {
        register.apply(event, by: context.actor)
        events.append(event)
    }

    mutating func warn(_ found: [Warning], row: Int) {
        warnings += found.map { Warning("row \(row): \($0.message)", paragraph: $0.paragraph) }
    }

    /// The customer a row is about: the one it names, or one added from its columns.
    mutating func customer(_ customer: ImportedCustomer, row: Int) throws(Refusal) -> CustomerID {
        switch customer {
        case .existing(let id):
            do throws(Refusal) {
                return try register.existingCustomer(id).id
            } catch {
                throw error.at(row: row)
            }
        case .new:
            return CustomerID(try run(customer.addCommand!, row: row)!)!
        }
    }

    func checkSource(_ source: ImportSource) throws(Refusal) {
        let texts: [(String, Field)] = [(source.file, .file), (source.reference ?? "", .ref)]
        for (text, field) in texts where !text.isEmpty {
            if let problem = TextRules.problem(text, field: field, shape: .line(maximum: TextRules.lineLength)) {
                throw problem.at(row: source.row)
            }
        }
    }

    func outcome(created: String) -> Outcome {
        Outcome(events: events, warnings: warnings, created: created)
    }
}
