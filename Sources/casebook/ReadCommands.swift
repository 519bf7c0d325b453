import ArgumentParser
import CasebookCore
import CasebookDocuments
import CasebookStore
import Foundation

struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "find", 
        abstract: "Find people, addresses, postcodes and cases, ignoring case and accents (\"zoe\" finds \"Zoë\").",
        discussion: "Before a call or a visit: find the person or address, then 'casebook show' it to see any restriction in force, register entry and how they may be contacted.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Words to look for.") var text: [String]

    func run() throws {
        let query = text.joined(separator: " ")
        // Before a call: answered from the search index when it is up to date, without reading
        // the whole register; otherwise from the register.
        if let found = try Session.quickFind(global, query: query) {
            try show(found.results, on: try global.resolvedToday(), query: query)
            // Answered: the process ends without first letting a common name's thousands of hits go
            // one by one, or unmapping the index.
            withExtendedLifetime(found) { Session.finish(status: 0) }
        }
        try Session.run(global) { session in
            try show(Search.find(query, in: Search.records(in: session.register)), on: session.today, query: query)
        }
    }

    func show(_ results: [(hit: Search.Hit, record: SearchRecord)], on today: Day, query: String) throws {
        if output.json { return printJSONRows(results) { HitJSON($0.hit).fields } }
        if results.isEmpty { print("Nothing found for \"\(query)\".") }
        for (hit, record) in results { print("\(hit.id.padding(10))  \(hit.title)\(record.flags(on: today))") }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, optionally by status, category or service area.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "open, proposed, awaiting-decision, declined, applied or lifted.") var status: CaseStage?
    @Option(help: "complex, persistent or unreasonable.") var category: CasebookCore.Category?
    @Option(help: "A service area.") var service: String?

    func run() throws {
        let area = try service.map { text -> ServiceArea in
            guard let area = ServiceArea(text) else { throw Failure.usage("'\(text)' is not a service area.") }
            return area
        }
        let filter = Filter(status: status, category: category, area: area), json = output.json
        // The outlines a snapshot keeps, a piece at a time, each on a core of its own, when that
        // answers exactly; otherwise from the whole register. Either way each case's line is made
        // from its outline (`Register.outline(of:calendar:)`).
        try Session.answerAlone(global, "the list", read: { Store.listRead(at: global.storePath, protection: $0) }) {
            listing, _, today in
            var rows = json ? JSONRows(write: Output.json) : nil
            var listed = 0
            try listing.forEachShare({ outlines in
                outlines.compactMap { filter.matches($0) ? Self.line($0, on: today, json: json) : nil }
            }, emit: { lines in
                for line in lines { if rows != nil { rows!.append(rendered: line) } else { print(line) } }
                listed += lines.count
            })
            finish(rows, listed: listed)
            return true
        }
        try Session.run(global) { session in
            let register = session.register
            // Case by case in id order, each printed as it is made: a register of a hundred thousand
            // cases is listed without a second copy of it in memory, as text or as JSON.
            var rows = json ? JSONRows(write: Output.json) : nil
            var listed = 0
            for id in register.cases.keys.sorted() {
                guard let value = register.cases[id] else { continue }
                let outline = register.outline(of: value, calendar: session.calendar)
                guard filter.matches(outline) else { continue }
                let line = Self.line(outline, on: session.today, json: json)
                if rows != nil { rows!.append(rendered: line) } else { print(line) }
                listed += 1
            }
            finish(rows, listed: listed)
        }
    }

    /// Which cases are listed: by stage, service area and category (a status's, else a pending proposal's).
    struct Filter: Sendable {
        let status: CaseStage?, category: CasebookCore.Category?, area: ServiceArea?

        func matches(_ outline: CaseOutline) -> Bool {
            (status == nil || outline.stage == status) && (area == nil || outline.serviceAreas.contains(area!))
                && (category == nil || outline.categories.contains(category!))
        }
    }

    /// A case's line on `today`: a JSON object (`JSONRows.object`), or aligned columns.
    static func line(_ outline: CaseOutline, on today: Day, json: Bool) -> String {
        let s = CaseSummary(outline, nextDue: outline.dues.nextDue(on: today))
        if json { return JSONRows.object(s.fields) }
        let categories = s.categories.isEmpty ? "-" : s.categories.joined(separator: ",")
        return "\(s.id)  \(s.customerName.padding(24))  \(s.title.padding(32))  \(categories.padding(22))  "
            + "\(s.status.padding(17))  \(s.nextDue?.description ?? "")"
    }

    func finish(_ rows: JSONRows?, listed: Int) {
        if let rows { return rows.finish() }
        if listed == 0 { print("No cases match.") }
    }
}

struct Queue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", 
        abstract: "Work waiting, overdue first: approvals, letters to send, appeals due, reviews due, conference actions.",
        discussion: "Rows: kind, subject id, due date, assignee, calendar days overdue (0 when not yet due). JSON: [{\"kind\",\"subject\",\"due\",\"assignee\",\"overdueDays\"}].")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only the acting member of staff's work.") var mine = false

    func run() throws {
        // A member's own work, before a call or between them: from the records it needs alone when
        // the snapshot's index can give it exactly; otherwise from the whole register.
        // Read for the login the command names; the identity and staff rules then hold it to that.
        if mine, let member = global.actingAs ?? (try? Session.osLogin()) {
            try Session.answerAlone(global, "the queue", read: { Store.queueRead(at: global.storePath, for: member, protection: $0) }) {
                read, actor, today in
                guard actor == member else { return false }
                show(read.register.queue(on: today, for: actor, calendar: read.settings.calendar), for: actor)
                return true
            }
        }
        try Session.run(global) { session in
            var rows = session.register.queue(on: session.today, for: mine ? session.actor : nil, calendar: session.calendar)
            if !mine {
                // Everyone's work, as far as this member of staff may read the records it is about (5.2.4).
                let register = session.register
                let before = rows.count
                rows = rows.filter { row in AnyRecordID(row.subject).map { register.access(to: $0, for: session.actor).isWhole } ?? true }
                if rows.count < before {
                    printError("note: \(before - rows.count) rows about case files you do not read are not shown (5.2.4); "
                        + "'casebook queue --mine' shows all of your own work.")
                }
            }
            show(rows, for: session.actor)
        }
    }

    func show(_ rows: [QueueRow], for actor: Login) {
        if output.json { return printJSONRows(rows) { QueueRowJSON($0).fields } }
        if rows.isEmpty { print(mine ? "Nothing waiting for \(actor)." : "Nothing waiting.") }
        for row in rows {
            let overdue = row.overdueDays > 0 ? "OVERDUE \(row.overdueDays)d" : "due"
            print("\(row.kind.rawValue.padding(18))  \(row.subject.padding(10))  \(row.due)  \(overdue.padding(13))  "
                + "\(row.assignee.description.padding(28))  \(row.summary)")
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", 
        abstract: "Show a customer, case, register entry, appeal or conference in full.",
        discussion: "A customer's restrictions in force and register entries come first. Every view of a register entry is recorded (5.3).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "CUST-, CASE-, REG-, APL- or CONF- id.") var id: String

    func run() throws {
        guard let parsed = AnyRecordID(id) else {
            throw Failure.usage("'\(id)' is not an id: ids look like CUST-0001, CASE-0001, REG-0001, APL-0001 or CONF-0001.")
        }
        // Before a call: one record's view from that record alone when the snapshot's index can
        // give it exactly; otherwise from the whole register.
        try Session.answerAlone(global, "\(parsed)", read: { Store.pointRead(at: global.storePath, parsed, protection: $0) }) {
            read, actor, today in
            let view = RecordView(register: read.register, actor: actor, today: today, calendar: read.settings.calendar, store: nil)
            guard view.answersAlone(parsed) else { return false }
            try view.show(parsed, json: output.json)
            return true
        }
        try Session.run(global) { session in
            let view = RecordView(session: session)
            switch parsed {
            case .customer(let customer): try view.customer(try session.customerID(customer.description), json: output.json)
            case .case(let value): try view.case(try session.caseID(value.description), json: output.json)
            case .registerEntry(let entry): try view.entry(try session.entryID(entry.description), json: output.json)
            case .appeal(let appeal): try view.appeal(try session.appealID(appeal.description), json: output.json)
            case .conference(let conference): try view.conference(try session.conferenceID(conference.description), json: output.json)
            }
        }
    }
}

extension String {
    /// Pads or cuts to `width` characters, for aligned columns.
    func padding(_ width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
