/// How long the register keeps a person's data once it is no longer needed (the council's
/// retention schedule, held in the store's settings).
public struct RetentionPeriods: Equatable, Sendable, Codable {
    /// Years after a case's last activity, when it has no status in force.
    public var yearsAfterCaseClosed: Int
    /// Years after a status was lifted.
    public var yearsAfterStatusLifted: Int
    /// Years after a register entry was removed or declined.
    public var yearsAfterEntryRemoved: Int

    public static let standard = RetentionPeriods(yearsAfterCaseClosed: 6, yearsAfterStatusLifted: 6, yearsAfterEntryRemoved: 6)

    public init(yearsAfterCaseClosed: Int, yearsAfterStatusLifted: Int, yearsAfterEntryRemoved: Int) {
        self.yearsAfterCaseClosed = yearsAfterCaseClosed
        self.yearsAfterStatusLifted = yearsAfterStatusLifted
        self.yearsAfterEntryRemoved = yearsAfterEntryRemoved
    }
}

/// A person whose data has passed its retention period.
public struct RetentionDue: Equatable, Sendable {
    public let customer: CustomerID
    public let name: String
    /// The day the last of their records passed its period.
    public let due: Day
    public let basis: String
}

extension Register {
    /// People whose every record has passed its retention period as of `today`, and who may be
    /// erased (nothing in force, no live entry, no appeal awaiting its outcome).
    public func retentionDue(on today: Day, periods: RetentionPeriods) -> [RetentionDue] {
        var result: [RetentionDue] = []
        for customer in customers.values where customer.name != Erasure.marker {
            let ownCases = (casesByCustomer[customer.id] ?? []).compactMap { cases[$0] }
            let ownEntries = registerEntries.values.filter { $0.subject == .person(customer.id) }
            guard !ownCases.isEmpty || !ownEntries.isEmpty,
                  (try? Erasure(register: self, customer: customer.id, today: today)) != nil else { continue }
            var dues: [(Day, String)] = []
            for value in ownCases {
                if let lifted = value.status?.lifted {
                    dues.append((lifted.adding(years: periods.yearsAfterStatusLifted), "status on \(value.id) lifted \(lifted)"))
                }
                let last = lastActivity(of: value)
                dues.append((last.adding(years: periods.yearsAfterCaseClosed), "\(value.id) last active \(last)"))
            }
            for entry in ownEntries {
                let ended = entry.removedOn ?? (entry.state == .declined ? entry.proposedOn : nil)
                guard let ended else { continue }
                dues.append((ended.adding(years: periods.yearsAfterEntryRemoved), "entry \(entry.id) ended \(ended)"))
            }
            guard let latest = dues.max(by: { $0.0 < $1.0 }), latest.0 <= today else { continue }
            result.append(RetentionDue(customer: customer.id, name: customer.name, due: latest.0, basis: latest.1))
        }
        return result.sorted { ($0.due, $0.customer) < ($1.due, $1.customer) }
    }

    /// The latest business date recorded on a case.
    func lastActivity(of value: Case) -> Day {
        var days = [value.openedOn] + value.contacts.map(\.date) + value.letters.map(\.sentOn) + value.reviews.map(\.date)
        days += value.proposals.compactMap { $0.decision?.date } + value.proposals.map(\.proposedOn)
        days += value.reviewRequests.map(\.received) + value.restrictions.compactMap(\.ended)
        if let settled = value.settled { days.append(settled.on) }
        for id in value.appeals {
            guard let appeal = appeals[id] else { continue }
            days.append(appeal.received)
            if let decision = appeal.decision { days.append(decision.date) }
            if let referral = appeal.referral { days.append(referral.date) }
        }
        return days.max()!
    }
}
