import Testing
@testable import CasebookCore
import CasebookSynthetic

@Suite struct QueueTests {
    @Test func rowsCarryKindSubjectDueAssigneeAndDaysOverdue() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id)
        let later = day("2026-03-20")
        let rows = f.register.queue(on: later, calendar: f.calendar)
        let row = try #require(rows.first)
        #expect(row.kind == .decision)
        #expect(row.subject == id.description)
        #expect(row.due == day("2026-03-16"))  // ten working days
        #expect(row.overdueDays == 4)
        #expect(row.assignee.description == "any head-of-service or director except olivia")
        #expect(f.register.queue(on: f.today, calendar: f.calendar).first?.overdueDays == 0)
    }

    @Test func mineMeansWhatICanAct() throws {
        var f = Fixture()
        let id = try f.openCase()
        try f.contact(id)
        try f.propose(id, as: "henry")
        #expect(f.register.queue(on: f.today, for: "harriet", calendar: f.calendar).count == 1)
        #expect(f.register.queue(on: f.today, for: "henry", calendar: f.calendar).isEmpty)  // four eyes
        #expect(f.register.queue(on: f.today, for: "olivia", calendar: f.calendar).isEmpty)
        #expect(f.register.queue(on: f.today, for: "ghost", calendar: f.calendar).isEmpty)
    }

    @Test func overdueFirstThenByDueDate() throws {
        var f = Fixture()
        f.today = day("2026-03-02")
        let first = try f.openCase()
        try f.contact(first)
        try f.propose(first)
        let second = try f.openCase()
        try f.contact(second)
        try f.run(.propose(second, categories: [.persistent], reason: "r", behaviours: [.repeatComplaints]), as: "omar",
                  on: day("2026-03-10"))
        let conferenceCase = try f.openCase(services: ["housing", "waste"])
        try f.run(.propose(conferenceCase, categories: [.complex], reason: "r", behaviours: []), as: "olivia")
        let conference = ConferenceID(try f.run(.callConference(conferenceCase, date: f.today, chair: "diana",
                                                                invitees: ["olivia"]), as: "diana").created!)!
        try f.run(.conferenceMeets(conference, date: f.today), as: "olivia")
        try f.run(.agreeConferenceAction(conference, owner: "sam", due: day("2026-03-04"), text: "Call the tenant"), as: "olivia")
        let rows = f.register.queue(on: day("2026-03-18"), calendar: f.calendar)
        #expect(rows.map(\.kind) == [.conferenceAction, .decision, .decision, .decision])
        #expect(rows.map(\.overdueDays) == [14, 2, 2, 0])
        #expect(rows.first?.assignee == .person("sam"))
        #expect(QueueRow.Kind.conferenceAction.group == "Conference actions due")
    }
}

/// The queue worked out in parts on several cores is the queue worked out record by record.
@Suite struct QueueInPartsTests {
    /// The register keeps the cases that may be waiting as events come: after every one of a few
    /// thousand, they are exactly the cases that say so of themselves.
    @Test func theCasesThatMayBeWaitingAreKeptUpToDate() throws {
        var register = Register()
        let synthetic = SyntheticRegister(cases: 200, seed: 21)
        _ = try register.perform(.initialise(name: "Admin"), in: Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!))
        var kinds = Set<String>()
        for step in synthetic {
            let outcome = try register.perform(step.command, in: Context(actor: step.actor, today: step.today))
            kinds.formUnion(outcome.events.map(\.type))
            #expect(register.casesMayBeWaiting == Set(register.cases.values.filter(\.mayBeWaiting).map(\.id)))
            #expect(register.deciderViews == register.cases.compactMapValues { DeciderView($0) })
            #expect(register.customersUnderRestriction(on: step.today)
                == Set(register.cases.values.filter { !$0.restrictionsInForce(on: step.today).isEmpty }.map(\.customer)))
        }
        #expect(kinds.isSuperset(of: ["decision-recorded", "restriction-added", "appeal-decided", "letter-sent"]))
        #expect(!register.casesMayBeWaiting.isEmpty && register.casesMayBeWaiting.count < register.cases.count)
        // Put back together from its parts (as a snapshot is read), it knows the same.
        let parts = Register(parts: register.parts, customers: Array(register.customers.values), cases: Array(register.cases.values))
        #expect(parts.casesMayBeWaiting == register.casesMayBeWaiting && parts.deciderViews == register.deciderViews)
        #expect(Set(register.deciderViews.keys).isSubset(of: register.casesMayBeWaiting))
    }

    @Test func aQueueInPartsIsTheQueueRecordByRecord() throws {
        var register = Register()
        let synthetic = SyntheticRegister(cases: 400, seed: 8)
        _ = try register.perform(.initialise(name: "Admin"), in: Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!))
        for step in synthetic { _ = try register.perform(step.command, in: Context(actor: step.actor, today: step.today)) }
        var everything = RecordChanges()
        everything.cases = Set(register.cases.keys)
        everything.entries = Set(register.registerEntries.keys)
        everything.appeals = Set(register.appeals.keys)
        everything.conferences = Set(register.conferences.keys)
        let today = synthetic.referenceDate, calendar = WorkingDayCalendar()
        let reference = register.queueRows(of: everything, on: today, calendar: calendar).sorted(by: QueueRow.precedes)
        #expect(reference.count > 100)
        for member in [nil, "hcs", "oadams", SyntheticRegister.admin] as [Login?] {
            let expected = register.filter(reference, for: member)
            let inParts = register.queue(on: today, for: member, calendar: calendar, timescales: .standard, lookAheadDays: 30,
                                         splittingFrom: 0)
            #expect(inParts.count == expected.count, "\(member ?? "everyone")")
            for (a, b) in zip(inParts, expected) {
                #expect(!QueueRow.precedes(a, b) && !QueueRow.precedes(b, a), "\(member ?? "everyone"): \(a) / \(b)")
            }
            #expect(Set(inParts.map { "\($0)" }) == Set(expected.map { "\($0)" }))
        }
        // The members a snapshot lists for each case are those its rows include, member by member.
        let roster = StaffRoster(register.staff)
        var listed = 0
        for value in register.cases.values {
            let members = register.queueMembers(of: value, roster: roster)
            var one = RecordChanges()
            one.cases = [value.id]
            let rows = register.queueRows(of: one, on: Day.supported.upperBound, calendar: WorkingDayCalendar(), lookAheadDays: 0)
            for member in register.staff.values {
                #expect(members.contains(member.login) == rows.contains { $0.assignee.includes(member) }, "\(value.id): \(member.login)")
            }
            listed += members.count
        }
        #expect(listed > 100, "\(listed) members listed")
        // One case's rows alone (what its page shows as next deadlines) are its rows in the whole queue.
        for id in register.cases.keys {
            var one = RecordChanges()
            one.cases = [id]
            let alone = QueueRow.sorted(register.queueRows(of: one, on: today, calendar: calendar))
            #expect(alone.map { "\($0)" } == reference.filter { $0.subject == id.description }.map { "\($0)" })
        }
    }
}

/// `show CASE` prints the case's "Next:" rows from the case alone; they must be the rows the
/// whole register's queue has for it, in the same order.
@Suite struct CaseQueueRowsTests {
    @Test func aCasesOwnRowsAreTheQueuesRowsForIt() throws {
        var register = Register()
        let synthetic = SyntheticRegister(cases: 300, seed: 9)
        _ = try register.perform(.initialise(name: "Admin"), in: Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!))
        for step in synthetic { _ = try register.perform(step.command, in: Context(actor: step.actor, today: step.today)) }
        let today = synthetic.referenceDate, calendar = WorkingDayCalendar()
        let queue = register.queue(on: today, calendar: calendar)
        var withRows = 0
        for id in register.cases.keys {
            var only = RecordChanges()
            only.cases = [id]
            let own = QueueRow.sorted(register.queueRows(of: only, on: today, calendar: calendar)).filter { $0.subject == id.description }
            #expect(own == queue.filter { $0.subject == id.description }, "\(id)")
            if !own.isEmpty { withRows += 1 }
        }
        #expect(withRows > 20, "\(withRows) cases with rows")
    }
}

/// The members a snapshot lists for a row are, asked of the roles, those `Assignee.includes` names one by one.
@Suite struct StaffRosterTests {
    @Test func theMembersAskedOfTheRolesAreThoseTheAssigneeIncludes() {
        let staff: [Login: StaffMember] = Dictionary(uniqueKeysWithValues: [
            StaffMember(login: "officer1", name: "Officer One", roles: [.officer]),
            StaffMember(login: "head1", name: "Head One", roles: [.headOfService]),
            StaffMember(login: "head2", name: "Head Two", roles: [.headOfService, .officer]),
            StaffMember(login: "director1", name: "Director One", roles: [.director]),
            StaffMember(login: "rights1", name: "Rights One", roles: [.informationRights]),
        ].map { ($0.login, $0) })
        let roster = StaffRoster(staff)
        let assignees: [Assignee] = [
            .person("officer1"), .person("ghost"), .anyOf([]), .anyOf([.officer]), .anyOf([.legal]),
            .anyOf([.headOfService, .director], excluding: ["head1"]),
            .anyOf([.headOfService, .director], excluding: ["head1", "director1"]),
            .anyOf([.officer, .headOfService], excluding: ["head2", "ghost"]),
        ]
        for assignee in assignees {
            var members = Set<Login>()
            assignee.members(in: roster, into: &members)
            #expect(members == Set(staff.values.filter(assignee.includes).map(\.login)), "\(assignee)")
        }
    }
}
