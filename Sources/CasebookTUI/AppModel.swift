import CasebookCore

/// The screens, as tabs.
public enum Tab: Int, CaseIterable, Sendable {
    case cases, people, register, queues, conferences, reports

    public var title: String {
        switch self {
        case .cases: "Cases"
        case .people: "People"
        case .register: "Register"
        case .queues: "Queues"
        case .conferences: "Conferences"
        case .reports: "Reports"
        }
    }

    /// For terminals under 80 columns.
    public var shortTitle: String {
        switch self {
        case .register: "Reg."
        case .conferences: "Conf."
        default: title
        }
    }
}

/// How the case list is sorted.
public enum CaseSort: String, CaseIterable, Sendable {
    case id, customer, status, due
}

/// A selection in a list, kept in range and in view.
public struct ListState: Equatable, Sendable {
    public var selected = 0
    public var offset = 0

    mutating func clamp(count: Int, visible: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        if selected < offset { offset = selected }
        if visible > 0, selected >= offset + visible { offset = selected - visible + 1 }
        offset = max(0, min(offset, max(0, count - visible)))
    }
}

/// What covers the screen for a moment.
public enum Overlay: Equatable, Sendable {
    /// The keys of this screen, scrolled by `offset` lines.
    case help(offset: Int)
    case palette(text: String, selected: Int)
    case switchActor(ListState)
    /// A letter previewed: its text, scrolled by `offset` lines.
    case letter(subject: LetterSubject, kind: LetterKind, text: String, offset: Int)
    /// What can be recorded on this screen, disabled actions with their reasons.
    case actions(ListState)
}

/// Everything the terminal front end shows; `update` is the only thing that changes it.
public struct AppModel: Sendable {
    public var register: Register
    /// The date queues and deadlines are shown for.
    public var today: Day
    /// The date a recording is judged against: the real date on an `os` or protected store,
    /// whatever `today` is (a declared-identity store, as the demo, records on `today`).
    public var recordingDay: Day
    public var calendar: WorkingDayCalendar
    /// The council's list of its service areas (settings), offered in forms; nil while none is kept.
    public var serviceAreas: Set<ServiceArea>?
    public var actor: Login
    /// Whether the acting member of staff may be switched from inside (a declared-identity store, as the demo).
    public var canSwitchActor: Bool
    public var councilName: String
    public var width: Int
    public var height: Int
    public var tab: Tab = .cases
    public var lists: [Tab: ListState] = [:]
    public var filters: [Tab: String] = [:]
    /// The tab whose filter is being typed.
    public var filtering = false
    /// Narrow terminals show the detail instead of the list.
    public var detailOpen = false

    /// Before a call or a visit: live property entries whose address matches what is typed on People.
    public var propertiesFound: [Rows.EntryRow] {
        let text = filters[.people] ?? ""
        let words = Search.words(text)
        guard tab == .people, !detailOpen, text.count >= 3, !words.isEmpty else { return [] }
        return rows.entries.filter { $0.isProperty && $0.state == RegisterEntry.State.live.rawValue && FoldedText.contains($0.folded, all: words) }
    }

    /// On the People list the search has the keyboard: every printable key is typed into it.
    public var searchHasKeyboard: Bool { tab == .people && !detailOpen && form == nil && overlay == nil }
    public var detailScroll = 0
    public var overlay: Overlay?
    /// The form being filled in, over everything else.
    public var form: Form?
    public var message: String?
    public var caseSort: CaseSort = .id
    public var useASCII = false
    public private(set) var rows = Rows()
    /// Row indices shown per tab after filtering and sorting.
    public private(set) var visible: [Tab: [Int]] = [:]
    /// The filter each tab's `visible` was computed for: typing one more character narrows that
    /// result instead of scanning every row again.
    private var filteredFor: [Tab: String] = [:]
    public internal(set) var queue: [QueueRow] = [] {
        didSet { queueOverdue = queue.reduce(0) { $0 + ($1.overdueDays > 0 ? 1 : 0) } }
    }
    /// How many of the acting user's queue rows are overdue (the tab bar shows it on every frame).
    public private(set) var queueOverdue = 0
    /// The governance figures for the twelve months to today (Reports screen).
    public private(set) var report: Report?
    public var quit = false

    public static let minimumWidth = 64
    public static let minimumHeight = 16

    public init(register: Register, today: Day, calendar: WorkingDayCalendar, actor: Login, canSwitchActor: Bool,
                councilName: String = "", width: Int = 80, height: Int = 24, recordingDay: Day? = nil,
                serviceAreas: Set<ServiceArea>? = nil) {
        self.register = register
        self.today = today
        self.recordingDay = recordingDay ?? today
        self.calendar = calendar
        self.serviceAreas = serviceAreas
        self.actor = actor
        self.canSwitchActor = canSwitchActor
        self.councilName = councilName
        self.width = width
        self.height = height
        rebuild()
    }

    /// The letter `l` previews for the selected record: the first one owed and not yet sent, else
    /// the decision letter of a status in force, else a warning letter on a case.
    public var letterTarget: (LetterSubject, LetterKind)? {
        guard let id = selectedID(in: tab) else { return nil }
        let subject: LetterSubject
        switch AnyRecordID(id) {
        case .case(let caseID)?: subject = .case(caseID)
        case .registerEntry(let entry)?: subject = .registerEntry(entry)
        case .appeal(let appeal)?: subject = .appeal(appeal)
        default: return nil
        }
        let owed = register.letterObligations(for: subject, calendar: calendar)
        if let first = owed.first(where: { !$0.sent }) ?? owed.first { return (subject, first.kind) }
        if case .case = subject { return (subject, .warning) }
        return nil
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// List and detail side by side from this width.
    public var isWide: Bool { width >= 110 }
    public var listHeight: Int { max(0, height - 4) }

    public var actorMember: StaffMember? { register.staff[actor] }

    /// Recomputes what is derived from the register (after a change or a new day).
    public mutating func rebuild() {
        rows = Rows(register: register, today: today, calendar: calendar)
        // The report covers the whole register: made only while its screen is shown.
        report = nil
        if tab == .reports { makeReport() }
        queue = register.filter(rows.queue, for: actor)
        for tab in Tab.allCases { refilter(tab) }
    }

    mutating func makeReport() {
        let start = Day(year: today.year - 1, month: today.month, day: 1)!.adding(months: 1)
        report = Report(register: register, from: start, to: today, calendar: calendar)
    }

    /// Replaces the register with a newer state, keeping the user's place (the same record selected).
    /// With `changes`, only the rows of the records changed are derived again.
    public mutating func replaceRegister(_ newer: Register, changes: RecordChanges = .all) {
        let kept = Tab.allCases.map { ($0, selectedID(in: $0)) }
        register = newer
        if changes.everything {
            rebuild()
        } else {
            rows.update(changes, register: register, today: today, calendar: calendar)
            report = nil
            if tab == .reports { makeReport() }
            queue = register.filter(rows.queue, for: actor)
            for tab in Tab.allCases { refilter(tab) }
        }
        for (tab, id) in kept { if let id { select(id, in: tab) } }
    }

    mutating func refilter(_ tab: Tab, narrowing: Bool = false) {
        let filter = filters[tab] ?? ""
        // Only rows that matched a shorter filter can match a longer one.
        let previous = filteredFor[tab] ?? ""
        let candidates: [Int]? = narrowing && !previous.isEmpty && filter.hasPrefix(previous) ? visible[tab] : nil
        filteredFor[tab] = filter
        let words = Search.fold(filter).split(separator: " ").map { Array($0.utf8) }
        func matching(_ count: Int, _ folded: (Int) -> String) -> [Int] {
            guard !words.isEmpty else { return Array(0..<count) }
            return (candidates ?? Array(0..<count)).filter { index in FoldedText.contains(folded(index), all: words) }
        }
        var indices: [Int]
        switch tab {
        case .cases:
            indices = matching(rows.cases.count) { rows.cases[$0].folded }
            let cases = rows.cases
            switch caseSort {
            case .id: break
            case .customer: indices.sort { (cases[$0].customer, cases[$0].id) < (cases[$1].customer, cases[$1].id) }
            case .status: indices.sort { (cases[$0].status, cases[$0].id) < (cases[$1].status, cases[$1].id) }
            case .due:
                indices.sort { (cases[$0].nextDue?.ordinal ?? Int.max, cases[$0].id) < (cases[$1].nextDue?.ordinal ?? Int.max, cases[$1].id) }
            }
        case .people: indices = matching(rows.people.count) { rows.people[$0].folded }
        case .register: indices = matching(rows.entries.count) { rows.entries[$0].folded }
        case .conferences: indices = matching(rows.conferences.count) { rows.conferences[$0].folded }
        case .reports: indices = []
        case .queues:
            // One list, overdue first across every kind (QueueRow.precedes, as the domain orders it), the kind in its column.
            let queueRows = queue
            indices = matching(queueRows.count) { Search.fold("\(queueRows[$0].kind.rawValue) \(queueRows[$0].subject) \(queueRows[$0].summary)") }
        }
        visible[tab] = indices
        lists[tab, default: ListState()].clamp(count: indices.count, visible: listHeight)
    }

    public func count(_ tab: Tab) -> Int { visible[tab]?.count ?? 0 }

    public func selectedIndex(_ tab: Tab) -> Int? {
        guard let indices = visible[tab], let state = lists[tab], indices.indices.contains(state.selected) else { return nil }
        return indices[state.selected]
    }

    /// The id of the record selected on `tab`.
    public func selectedID(in tab: Tab) -> String? {
        guard let index = selectedIndex(tab) else { return nil }
        switch tab {
        case .cases: return rows.cases[index].id.description
        case .people: return rows.people[index].id.description
        case .register: return rows.entries[index].id.description
        case .conferences: return rows.conferences[index].id.description
        case .queues: return queue[index].subject
        case .reports: return nil
        }
    }

    /// Selects the record `id` on `tab`, clearing a filter that hides it.
    public mutating func select(_ id: String, in tab: Tab) {
        func position() -> Int? {
            visible[tab]?.firstIndex { index in
                switch tab {
                case .cases: rows.cases[index].id.description == id
                case .people: rows.people[index].id.description == id
                case .register: rows.entries[index].id.description == id
                case .conferences: rows.conferences[index].id.description == id
                case .queues: queue[index].subject == id
                case .reports: false
                }
            }
        }
        var found = position()
        if found == nil, filters[tab]?.isEmpty == false {
            filters[tab] = ""
            refilter(tab)
            found = position()
        }
        guard let found else { return }
        lists[tab, default: ListState()].selected = found
        lists[tab, default: ListState()].clamp(count: count(tab), visible: listHeight)
    }
}
