import Foundation
import Synchronization

/// Work waiting for someone, derived from the register's state for a given day; never stored.
public struct QueueRow: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// 4.2: a proposal awaiting a Head of Service or Director.
        case decision
        /// 5.3.2: a register entry awaiting approval.
        case registerApproval = "register-approval"
        /// A letter the policy requires, not yet sent.
        case letter
        /// 6.2: an appeal awaiting its outcome.
        case appeal
        /// 5.2.5: a customer's request for review after six months.
        case reviewRequest = "review-request"
        /// 5.2.5: the three-year review by the decision-maker.
        case statusReview = "status-review"
        /// 5.3.2: the annual review of a register entry.
        case registerReview = "register-review"
        /// 5.1.2: an action agreed at a case conference.
        case conferenceAction = "conference-action"
        /// 5.2.2: a contact filed under read-and-file, to be read and confirmed.
        case filedContact = "filed-contact"
        /// 5.1.1: a complex status applied with no case conference yet: the relevant Director calls one.
        case conferenceToCall = "conference-to-call"
        /// 1.2: a SAR or FOI request received on a restricted case, for Information Rights under its own law.
        case statutoryRequest = "statutory-request"
        /// A bring-forward date set on a case, for its author, from that day.
        case reminder

        /// The queue a row belongs to, as people name them.
        public var group: String {
            switch self {
            case .decision, .registerApproval: "Awaiting approval"
            case .letter: "Letters to send"
            case .appeal: "Appeals due"
            case .reviewRequest, .statusReview, .registerReview: "Reviews due"
            case .conferenceAction: "Conference actions due"
            case .filedContact: "Contacts to read and file"
            case .statutoryRequest: "Statutory requests to answer"
            case .conferenceToCall: "Conferences to call"
            case .reminder: "Reminders"
            }
        }
    }

    public let kind: Kind
    /// The id of the record to open (CASE-, REG-, APL-, CONF-).
    public let subject: String
    public let due: Day
    public let assignee: Assignee
    /// Calendar days overdue as of "today"; 0 when not yet due.
    public let overdueDays: Int
    public let summary: String
}

/// Who a queue row waits for: one person, or anyone holding one of some roles (other than those
/// excluded by four eyes).
public struct Assignee: Equatable, Sendable, CustomStringConvertible {
    public let login: Login?
    public let roles: [Role]
    /// One or two people (four eyes): a list is quicker to make and to search than a set.
    public let excluding: [Login]

    public static func person(_ login: Login) -> Assignee { Assignee(login: login, roles: [], excluding: []) }

    public static func anyOf(_ roles: [Role], excluding: [Login] = []) -> Assignee {
        Assignee(login: nil, roles: roles, excluding: excluding)
    }

    public static func == (a: Assignee, b: Assignee) -> Bool {
        a.login == b.login && a.roles == b.roles && Set(a.excluding) == Set(b.excluding)
    }

    public func includes(_ member: StaffMember) -> Bool {
        if let login { return login == member.login }
        return !excluding.contains(member.login) && roles.contains(where: member.has)
    }

    /// Every member of staff in `roster` this includes, added to `members`: what `includes` says
    /// of each, asked of the roles instead of every member (a snapshot asks it of every case).
    package func members(in roster: StaffRoster, into members: inout Set<Login>) {
        if let login {
            if roster.logins.contains(login) { members.insert(login) }
            return
        }
        for role in roles {
            for login in roster.byRole[role] ?? [] where !excluding.contains(login) { members.insert(login) }
        }
    }

    public var description: String {
        if let login { return login }
        let names = roles.map(\.rawValue).joined(separator: " or ")
        return "any " + names + (excluding.isEmpty ? "" : " except " + Set(excluding).sorted().joined(separator: ", "))
    }
}

/// A register's staff by role, worked out once for the many cases whose queue members a snapshot lists.
package struct StaffRoster: Sendable {
    let logins: Set<Login>
    let byRole: [Role: [Login]]

    package init(_ staff: [Login: StaffMember]) {
        logins = Set(staff.keys)
        var byRole: [Role: [Login]] = [:]
        for member in staff.values { for role in member.roles { byRole[role, default: []].append(member.login) } }
        self.byRole = byRole
    }
}

extension Register {
    /// The queues as of `today`: every row, or only those for `member`. Overdue first, most overdue
    /// first, then by due date. Reviews appear from `lookAheadDays` before they fall due.
    public func queue(on today: Day, for member: Login? = nil, calendar: WorkingDayCalendar,
                      timescales: ProcedureTimescales = .standard, lookAheadDays: Int = 30) -> [QueueRow] {
        queue(on: today, for: member, calendar: calendar, timescales: timescales, lookAheadDays: lookAheadDays, splittingFrom: 5_000)
    }

    /// The same, with the cases split in two from `splittingFrom` cases (tests split small registers).
    func queue(on today: Day, for member: Login?, calendar: WorkingDayCalendar, timescales: ProcedureTimescales,
               lookAheadDays: Int, splittingFrom threshold: Int) -> [QueueRow] {
        var builder = QueueBuilder(register: self, today: today, calendar: calendar, timescales: timescales, lookAheadDays: lookAheadDays)
        if let member {
            // Only this member's rows are made (and sorted); a login not on the staff list has none.
            guard let staffMember = staff[member] else { return [] }
            builder.member = staffMember
        }
        // The cases that may be waiting in two halves (for someone who is not an officer, only what
        // the cases put before decision-makers), and the other records, each derived and sorted on
        // a core of its own (a queue is asked for with someone waiting), then merged.
        let waiting = casesMayBeWaiting, views = deciderViews, whole = builder.readsCases
        let count = whole ? waiting.count : views.count
        let parts = count < max(2, threshold) ? 1 : 2
        let halves = (0...parts).map { count * $0 / parts }
        let base = builder, found = Mutex([[QueueRow]](repeating: [], count: parts + 1))
        DispatchQueue.concurrentPerform(iterations: parts + 1) { part in
            var builder = base
            if part < parts, whole {
                for id in Self.slice(waiting, halves[part]..<halves[part + 1]) { if let value = cases[id] { builder.add(value) } }
            } else if part < parts {
                for view in Self.slice(views.values, halves[part]..<halves[part + 1]) { builder.add(view) }
            } else {
                // Someone who is not an officer still has their own reminders (7.1).
                if !whole { for id in casesWithOpenReminders { if let value = cases[id] { builder.addReminders(of: value) } } }
                for entry in registerEntries.values { builder.add(entry) }
                for appeal in appeals.values { builder.add(appeal) }
                for conference in conferences.values { builder.add(conference) }
            }
            let rows = QueueRow.sorted(builder.rows)
            found.withLock { $0[part] = rows }
        }
        // Taken out, not copied, so that each list is merged where it lies.
        var sorted = found.withLock { lists in
            defer { lists = [] }
            return lists
        }
        var merged: [QueueRow] = []
        while !sorted.isEmpty { merged = QueueRow.merge(consume merged, sorted.removeFirst()) }  // in order, as ties have always been
        return merged
    }

    /// The customers with a restriction in force on `day` (5.2.1): read from the cases that may be
    /// waiting, which include every case with a restriction, rather than from every case.
    public func customersUnderRestriction(on day: Day) -> Set<CustomerID> {
        var customers = Set<CustomerID>()
        for id in casesMayBeWaiting {
            if let value = cases[id], value.restrictions.contains(where: { $0.isInForce(on: day) }) { customers.insert(value.customer) }
        }
        return customers
    }

    /// The elements of `all` at positions `offsets`.
    static func slice<Elements: Collection>(_ all: Elements, _ offsets: Range<Int>) -> Elements.SubSequence {
        all[all.index(all.startIndex, offsetBy: offsets.lowerBound)..<all.index(all.startIndex, offsetBy: offsets.upperBound)]
    }

    /// The queue rows of the records in `changes` alone (unsorted), to replace theirs in a queue
    /// already derived: a change to one case does not derive the queue of a hundred thousand again.
    public func queueRows(of changes: RecordChanges, on today: Day, calendar: WorkingDayCalendar,
                          timescales: ProcedureTimescales = .standard, lookAheadDays: Int = 30) -> [QueueRow] {
        var builder = QueueBuilder(register: self, today: today, calendar: calendar, timescales: timescales, lookAheadDays: lookAheadDays)
        for id in changes.cases { if let value = cases[id] { builder.add(value) } }
        for id in changes.entries { if let entry = registerEntries[id] { builder.add(entry) } }
        for id in changes.appeals { if let appeal = appeals[id] { builder.add(appeal) } }
        for id in changes.conferences { if let conference = conferences[id] { builder.add(conference) } }
        return builder.rows
    }

    /// The staff whose queues `value`'s rows may reach on some day: its rows as of the last day
    /// Casebook takes, when every reminder has come and every review is near (a row only ever
    /// appears as the days pass, never goes), each given to whoever it includes. What a snapshot
    /// keeps for reading one member's queue alone.
    /// `roster`: this register's staff by role (`StaffRoster(staff)`), worked out once for many cases.
    package func queueMembers(of value: borrowing Case, roster: StaffRoster) -> Set<Login> {
        var builder = QueueBuilder(register: self, today: Day.supported.upperBound, calendar: WorkingDayCalendar(),
                                   timescales: .standard, lookAheadDays: 0)
        builder.add(value)
        var members = Set<Login>()
        for row in builder.rows { row.assignee.members(in: roster, into: &members) }
        return members
    }

    /// Whether `member`'s queue is made from whole cases (an officer's letters and filed contacts,
    /// Information Rights' statutory requests), or only from what cases put before decision-makers
    /// (`DeciderView`), their own reminders and the other records; true for someone not on the staff list.
    package static func queueReadsWholeCases(for member: StaffMember?) -> Bool {
        member.map { QueueBuilder.readsCases(for: $0) } ?? true
    }

    /// The rows waiting for `member` (all rows when nil; none for a login not on the staff list).
    public func filter(_ rows: [QueueRow], for member: Login?) -> [QueueRow] {
        guard let member else { return rows }
        guard let staffMember = staff[member] else { return [] }
        return rows.filter { $0.assignee.includes(staffMember) }
    }
}

extension RegisterEntry {
    /// The person's name or the property's address.
    public func subjectName(in register: Register) -> String {
        switch subject {
        case .person(let id): register.name(of: id)
        case .property(let address): address.description
        }
    }
}

extension QueueRow {
    /// `rows` in queue order. The rows stay where they are while their positions are sorted (a
    /// row is too large to move about cheaply), then are gathered once.
    public static func sorted(_ rows: [QueueRow]) -> [QueueRow] {
        var order = Array(rows.indices)
        rows.withUnsafeBufferPointer { rows in
            order.sort { a, b in
                if rows[a].overdueDays != rows[b].overdueDays { return rows[a].overdueDays > rows[b].overdueDays }
                if rows[a].due != rows[b].due { return rows[a].due < rows[b].due }
                return precedes(rows[a], rows[b])
            }
        }
        // Rows moved into their places by following the permutation's cycles (no row copied).
        var rows = rows
        var placed = [Bool](repeating: false, count: rows.count)
        for start in rows.indices where !placed[start] {
            var target = start
            while true {
                placed[target] = true
                let source = order[target]
                if source == start { break }
                rows.swapAt(target, source)
                target = source
            }
        }
        return rows
    }

    /// Two lists already in queue order, as one; the rows are moved, not copied (when neither
    /// list has another holder).
    static func merge(_ a: consuming [QueueRow], _ b: consuming [QueueRow]) -> [QueueRow] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        let count = a.count + b.count
        return Array(unsafeUninitializedCapacity: count) { merged, initialized in
            // From the back: the later of the two last rows goes last, into its place.
            var next = count
            while !a.isEmpty && !b.isEmpty {
                next -= 1
                merged.initializeElement(at: next, to: precedes(a[a.count - 1], b[b.count - 1]) ? b.removeLast() : a.removeLast())
            }
            while let row = a.popLast() { next -= 1; merged.initializeElement(at: next, to: row) }
            while let row = b.popLast() { next -= 1; merged.initializeElement(at: next, to: row) }
            initialized = count
        }
    }

    /// Queue order: most overdue first, then by due date, kind, subject and summary.
    public static func precedes(_ a: QueueRow, _ b: QueueRow) -> Bool {
        if a.overdueDays != b.overdueDays { return a.overdueDays > b.overdueDays }
        if a.due != b.due { return a.due < b.due }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.subject != b.subject { return a.subject < b.subject }
        return a.summary < b.summary
    }
}

extension Case {
    /// Whether the case could put a row in a queue: a proposal awaiting decision, a status (its
    /// letters and reviews), or a contact under read-and-file not yet confirmed (for officers).
    /// A case with any restriction counts too (restrictions follow a status, but the register's
    /// list of restricted customers must not depend on it).
    var mayBeWaiting: Bool {
        status != nil || !restrictions.isEmpty || proposals.last.map { $0.decision == nil } == true
            || contacts.indices.contains { contacts[$0].awaitsFiling } || hasUnansweredStatutoryRequest || hasOpenReminder
    }

    /// Whether a reminder on the case is still open: it waits in its author's queue from its day.
    var hasOpenReminder: Bool { reminders.contains(where: \.isOpen) }
}

extension Contact {
    /// 5.2.2: filed under read-and-file and not yet confirmed as read.
    public var awaitsFiling: Bool { underReadAndFile && filedConfirmation == nil }
}

/// Derives the queue rows of one record at a time.
struct QueueBuilder: Sendable {
    let register: Register
    let today: Day
    let calendar: WorkingDayCalendar
    let timescales: ProcedureTimescales
    let lookAheadDays: Int
    var rows: [QueueRow] = []
    /// When set, no rows are made: each row's due date is noted here instead, with the day it
    /// reaches the queue from, whatever `today` is (`Register.outline(of:calendar:)`).
    var schedule: DueSchedule?
    /// When set, only the rows this member of staff may take.
    var member: StaffMember? {
        didSet { officerRows = Self.wantsOfficerRows(for: member) }
    }
    /// Whether rows for any officer (letters, filed contacts) are wanted: when not, they are not
    /// worked out at all.
    private(set) var officerRows = true
    /// Whether rows only whole cases give (an officer's, Information Rights' statutory requests) are wanted.
    var readsCases: Bool { Self.readsCases(for: member) }

    /// Whether `member`'s queue (everyone's when nil) has rows only whole cases give: an officer's
    /// letters and filed contacts, Information Rights' statutory requests. Anyone else's is made
    /// from what cases put before decision-makers, their own reminders and the other records.
    static func readsCases(for member: StaffMember?) -> Bool {
        wantsOfficerRows(for: member) || member?.has(.informationRights) == true
    }

    /// Whether rows for any officer (letters, filed contacts) reach `member` (everyone when nil).
    static func wantsOfficerRows(for member: StaffMember?) -> Bool {
        member.map { Assignee.anyOf([.officer]).includes($0) } ?? true
    }
    let deciders: [Role] = [.headOfService, .director]

    init(register: Register, today: Day, calendar: WorkingDayCalendar, timescales: ProcedureTimescales, lookAheadDays: Int) {
        self.register = register
        self.today = today
        self.calendar = calendar
        self.timescales = timescales
        self.lookAheadDays = lookAheadDays
    }

    /// A row due on `due` that waits from `from` on (from the day it is made when nil): in the
    /// queue only once `today` has reached `from`.
    mutating func add(_ kind: QueueRow.Kind, _ subject: @autoclosure () -> String, due: Day, from: Day? = nil, _ assignee: Assignee,
                      _ summary: @autoclosure () -> String) {
        if schedule != nil { return schedule!.note(due: due, from: from) }
        if let from, from > today { return }
        if let member, !assignee.includes(member) { return }
        rows.append(QueueRow(kind: kind, subject: subject(), due: due, assignee: assignee,
                             overdueDays: max(0, due.days(until: today)), summary: summary()))
    }

    /// Borrowed: the case is not copied again inside.
    mutating func add(_ value: borrowing Case) {
        if officerRows {
            // Looked up only for a row that is made.
            let register = register, customer = value.customer
            var name: String { register.name(of: customer) }
            // A case's officer work goes to its assignee while they are in post, else to any officer.
            let officer = value.assignee.flatMap { register.staff[$0]?.active == true ? Assignee.person($0) : nil } ?? .anyOf([.officer])
            for obligation in register.letterObligations(of: value, calendar: calendar, timescales: timescales) where !obligation.sent {
                add(.letter, value.id.description, due: obligation.due, officer, "\(name): \(obligation.kind.title)")
            }
            // By index: each contact is read in place, not copied.
            for index in value.contacts.indices where value.contacts[index].awaitsFiling {
                let contact = value.contacts[index]
                add(.filedContact, value.id.description,
                    due: calendar.adding(workingDays: timescales.filedContactWorkingDays, to: contact.date), officer,
                    "\(name): contact \(contact.number) under read-and-file")
            }
        }
        if let view = DeciderView(value) { add(view) }
        addReminders(of: value)
        // 1.2: SAR and FOI requests on a restricted case, for Information Rights, by their statutory deadline.
        for contact in value.unansweredStatutoryRequests {
            guard let due = contact.kind.statutoryDeadline(received: contact.date, calendar: calendar) else { continue }
            let register = register, customer = value.customer
            add(.statutoryRequest, value.id.description, due: due, .anyOf([.informationRights]),
                "\(register.name(of: customer)): \(contact.kind.statutoryName), contact \(contact.number)")
        }
    }

    /// 7.1: reminders reach their author's queue on their day, and stay until done or cancelled;
    /// a leaver's go to the case's assignee (or any officer).
    mutating func addReminders(of value: borrowing Case) {
        for reminder in value.reminders where reminder.isOpen {
            let inPost = register.staff[reminder.by]?.active == true
            let assignee = inPost ? Assignee.person(reminder.by) : value.assignee.map { Assignee.person($0) } ?? .anyOf([.officer])
            add(.reminder, value.id.description, due: reminder.due, from: reminder.due, assignee,
                "reminder \(reminder.number)" + (inPost ? "" : " by \(reminder.by), who has left") + ": \(reminder.text)")
        }
    }

    /// A case's rows for decision-makers: the decision on a pending proposal (4.2), a review
    /// requested after six months and the three-year review (5.2.5).
    mutating func add(_ view: DeciderView) {
        let register = register, customer = view.customer
        var name: String { register.name(of: customer) }
        if let pending = view.pending {
            add(.decision, view.id.description,
                due: calendar.adding(workingDays: timescales.decisionWorkingDays, to: pending.proposedOn),
                .anyOf(deciders, excluding: [pending.proposedBy]),
                Self.readiness(Int(pending.outstandingChecks)) + "\(name): proposed \(Self.list(pending.categories))")
        }
        if let since = view.conferenceToCall {
            // The relevant Director: of the case's services, when there is one; else any Director.
            let relevant = register.cases[view.id].map { register.suggestedDirectors(for: $0) } ?? []
            let assignee = relevant.count == 1 ? Assignee.person(relevant[0].login) : .anyOf([.director])
            add(.conferenceToCall, view.id.description, due: calendar.adding(workingDays: timescales.decisionWorkingDays, to: since),
                assignee, "\(name): complex since \(since): call the case conference (5.1.1)")
        }
        guard let status = view.status else { return }
        if let received = status.unansweredRequest {
            let head = register.customerServicesHead.map { Assignee.person($0.login) } ?? .anyOf([.headOfService])
            add(.reviewRequest, view.id.description,
                due: calendar.adding(workingDays: timescales.reviewRequestWorkingDays, to: received), head,
                "\(name): review requested \(received)")
        }
        // Reviews appear from `lookAheadDays` before they fall due.
        let threeYear = status.threeYearReview
        let decider = register.staff[status.decidedBy]?.active == true
            ? Assignee.person(status.decidedBy) : .anyOf(deciders, excluding: [status.proposedBy])
        add(.statusReview, view.id.description, due: threeYear, from: threeYear.adding(days: -lookAheadDays), decider,
            "\(name): three-year review of status")
    }

    /// Categories in their order, by commas.
    static func list(_ categories: Set<Category>) -> String {
        var text = ""
        for category in Category.allCases where categories.contains(category) {
            if !text.isEmpty { text += ", " }
            text += category.rawValue
        }
        return text
    }

    /// Whether a decision can be taken yet (4.1), first, so that a cut-off row still says it.
    static func readiness(_ outstanding: Int) -> String {
        switch outstanding {
        case 0: "ready: "
        case 1: "NOT READY, 1 check: "
        default: "NOT READY, \(outstanding) checks: "
        }
    }

    mutating func add(_ entry: RegisterEntry) {
        let subject = entry.subjectName(in: register)
        switch entry.state {
        case .pending:
            add(.registerApproval, entry.id.description,
                due: calendar.adding(workingDays: timescales.registerApprovalWorkingDays, to: entry.proposedOn),
                .anyOf(deciders, excluding: [entry.proposedBy]), "\(subject): register entry awaiting approval")
        case .live:
            if let amendment = entry.amendment {
                add(.registerApproval, entry.id.description,
                    due: calendar.adding(workingDays: timescales.registerApprovalWorkingDays, to: amendment.on),
                    .anyOf(deciders, excluding: [amendment.by]), "\(subject): amended register entry awaiting approval")
            }
            if let due = entry.nextReviewDue, let approver = entry.approvedBy {
                let assignee = register.staff[approver]?.active == true
                    ? Assignee.person(approver) : .anyOf([.serviceManager, .director], excluding: [entry.proposedBy])
                add(.registerReview, entry.id.description, due: due, from: due.adding(days: -lookAheadDays), assignee,
                    "\(subject): annual review")
            }
        case .declined, .removed:
            break
        }
        for obligation in register.letterObligations(for: .registerEntry(entry.id), calendar: calendar, timescales: timescales)
        where !obligation.sent {
            add(.letter, entry.id.description, due: obligation.due, .anyOf([.officer]), "\(subject): \(obligation.kind.title)")
        }
    }

    mutating func add(_ appeal: Appeal) {
        if appeal.decision == nil, let decided = try? register.appealedDecision(appeal.subject) {
            add(.appeal, appeal.id.description, due: appeal.outcomeDue,
                .anyOf([.director], excluding: [decided.decidedBy, decided.proposedBy]),
                "appeal on \(appeal.subject.description) received \(appeal.received)")
        }
        for obligation in register.letterObligations(for: .appeal(appeal.id), calendar: calendar, timescales: timescales)
        where !obligation.sent {
            add(.letter, appeal.id.description, due: obligation.due, .anyOf([.officer]),
                "appeal on \(appeal.subject.description): \(obligation.kind.title)")
        }
    }

    mutating func add(_ conference: CaseConference) {
        for action in conference.openActions {
            add(.conferenceAction, conference.id.description, due: action.due, .person(action.owner),
                "action \(action.number) on \(conference.caseID): \(action.text)")
        }
    }
}
