/// The figures a council's governance board asks for each quarter, for a period and "as of" a day:
/// restrictions in force by tier and service, reviews due and overdue, appeals and outcomes,
/// Ombudsman referrals, register entries by state, contacts by channel and kind, and the
/// month-by-month trend.
public struct Report: Equatable, Sendable {
    /// One table of the report: labelled counts, drawn as a bar chart.
    public struct Section: Equatable, Sendable {
        public let title: String
        public let rows: [(label: String, value: Int)]

        public static func == (lhs: Section, rhs: Section) -> Bool {
            lhs.title == rhs.title && lhs.rows.map(\.label) == rhs.rows.map(\.label) && lhs.rows.map(\.value) == rhs.rows.map(\.value)
        }

        public func value(_ label: String) -> Int? { rows.first { $0.label == label }?.value }
    }

    public let from: Day
    public let to: Day
    public let sections: [Section]

    public func section(_ title: String) -> Section? { sections.first { $0.title == title } }

    /// Builds the report for contacts, decisions and appeals dated `from`...`to`; what is "in force"
    /// and "due" is as of `to`.
    public init(register: Register, from: Day, to: Day, calendar: WorkingDayCalendar) {
        self.from = from
        self.to = to
        let inPeriod = { (day: Day) in from <= day && day <= to }
        var sections: [Section] = []

        let inForce = register.cases.values.flatMap { value in value.restrictionsInForce(on: to).map { (value, $0) } }
        sections.append(Section(title: "Restrictions in force by tier", rows: (1...4).map { tier in
            (label: "Tier \(tier)", value: inForce.filter { $0.1.tier == tier }.count)
        }))
        var byService: [String: Int] = [:]
        for (value, _) in inForce { for area in value.serviceAreas { byService[area.name, default: 0] += 1 } }
        sections.append(Section(title: "Restrictions in force by service area",
                                rows: byService.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (label: $0.key, value: $0.value) }))

        let reviewKinds: Set<QueueRow.Kind> = [.reviewRequest, .statusReview, .registerReview]
        let reviews = register.queue(on: to, calendar: calendar, lookAheadDays: 30).filter { reviewKinds.contains($0.kind) }
        sections.append(Section(title: "Reviews", rows: [
            (label: "Overdue", value: reviews.filter { $0.overdueDays > 0 }.count),
            (label: "Due within 30 days", value: reviews.filter { $0.overdueDays == 0 }.count),
        ]))

        let appeals = register.appeals.values.filter { inPeriod($0.received) }
        sections.append(Section(title: "Appeals received and outcomes", rows: [
            (label: "Received", value: appeals.count),
            (label: "Accepted late", value: appeals.filter { $0.lateReason != nil }.count),
        ] + Appeal.Outcome.allCases.map { outcome in
            (label: outcome.rawValue.capitalized, value: appeals.filter { $0.decision?.outcome == outcome }.count)
        } + [
            (label: "Awaiting outcome", value: appeals.filter { $0.decision == nil }.count),
            (label: "Outcome later than 15 working days", value: appeals.filter { appeal in
                (appeal.decision?.date ?? to) > appeal.outcomeDue
            }.count),
        ]))

        let referrals = register.appeals.values.compactMap(\.referral).filter { inPeriod($0.date) }
        sections.append(Section(title: "Ombudsman referrals", rows: OmbudsmanBody.allCases.map { body in
            (label: body.name, value: referrals.filter { $0.body == body }.count)
        }))

        sections.append(Section(title: "Register entries by state", rows: [
            (label: "Awaiting approval", value: register.registerEntries.values.filter { $0.state == .pending }.count),
            (label: "Live", value: register.registerEntries.values.filter { $0.state == .live }.count),
            (label: "Live, review overdue", value: register.registerEntries.values.filter {
                $0.nextReviewDue.map { $0 < to } ?? false
            }.count),
            (label: "Declined", value: register.registerEntries.values.filter { $0.state == .declined }.count),
            (label: "Removed", value: register.registerEntries.values.filter { $0.state == .removed }.count),
        ]))

        let contacts = register.cases.values.flatMap(\.contacts).filter { inPeriod($0.date) }
        sections.append(Section(title: "Contacts by channel", rows: Channel.allCases.map { channel in
            (label: channel.rawValue, value: contacts.filter { $0.channel == channel }.count)
        }))
        sections.append(Section(title: "Contacts by kind", rows: ContactKind.allCases.map { kind in
            (label: kind.rawValue, value: contacts.filter { $0.kind == kind }.count)
        }))

        let months = Report.months(from: from, to: to)
        func monthly(_ title: String, _ days: [Day]) -> Section {
            var counts: [String: Int] = [:]
            for day in days where inPeriod(day) { counts[Report.monthLabel(day), default: 0] += 1 }
            return Section(title: title, rows: months.map { (label: $0, value: counts[$0] ?? 0) })
        }
        sections.append(monthly("Contacts by month", contacts.map(\.date)))
        let decisions = register.cases.values.flatMap(\.proposals).compactMap(\.decision).filter { $0.outcome == .apply }
        sections.append(monthly("Decisions to apply the policy by month", decisions.map(\.date)))
        sections.append(monthly("Appeals received by month", appeals.map(\.received)))
        self.sections = sections
    }

    static func monthLabel(_ day: Day) -> String {
        let month = day.month < 10 ? "0\(day.month)" : "\(day.month)"
        return "\(day.year)-\(month)"
    }

    static func months(from: Day, to: Day) -> [String] {
        var labels: [String] = []
        var cursor = Day(year: from.year, month: from.month, day: 1)!
        while cursor <= to, labels.count < 240 {
            labels.append(monthLabel(cursor))
            cursor = cursor.adding(months: 1)
        }
        return labels
    }
}
