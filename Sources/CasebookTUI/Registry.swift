import CasebookCore

/// Work the model asks the outside world to do (the store, the acting user).
public enum Effect: Equatable, Sendable {
    /// 5.3: a register entry was opened; record the view.
    case recordView(RegisterEntryID)
    case switchActor(Login)
    case refresh
}

/// A command of the terminal front end: its keys, what it does, when it applies and why it may be
/// disabled. Key handling, the status-bar hints, the `?` help and the `:` palette all come from
/// this one list (lazygit's and k9s's design).
public struct Binding: Sendable {
    public let keys: [Key]
    public let name: String
    public let summary: String
    /// Shown in the status bar when it applies.
    public let hint: String?
    let applies: @Sendable (AppModel) -> Bool
    let disabledReason: @Sendable (AppModel) -> String?
    let perform: @Sendable (inout AppModel) -> [Effect]

    init(_ keys: [Key], _ name: String, _ summary: String, hint: String? = nil,
         when applies: @escaping @Sendable (AppModel) -> Bool = { _ in true },
         disabled: @escaping @Sendable (AppModel) -> String? = { _ in nil },
         perform: @escaping @Sendable (inout AppModel) -> [Effect]) {
        self.keys = keys
        self.name = name
        self.summary = summary
        self.hint = hint
        self.applies = applies
        self.disabledReason = disabled
        self.perform = perform
    }

    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

public enum Registry {
    static func browsing(_ model: AppModel) -> Bool { !model.filtering && model.overlay == nil }
    static func inDetail(_ model: AppModel) -> Bool { model.detailOpen }

    public static let bindings: [Binding] = [
        Binding([.character("q")], "quit", "Go back; from the top, quit Casebook", hint: "q quit", when: browsing) { model in
            if model.detailOpen { model.detailOpen = false; model.detailScroll = 0 } else { model.quit = true }
            return []
        },
        Binding([.escape], "back", "Close the detail, the filter or the message", when: browsing) { model in
            if model.detailOpen { model.detailOpen = false; model.detailScroll = 0 } else { model.message = nil }
            return []
        },
        Binding([.character("?"), .function(1)], "help", "Show the keys for this screen", hint: "? help", when: browsing) { model in
            model.overlay = .help
            return []
        },
        Binding([.character(":")], "palette", "Run any command by name", hint: ": commands", when: browsing) { model in
            model.overlay = .palette(text: "", selected: 0)
            return []
        },
        Binding([.character("1")], "cases", "Show the Cases screen", when: browsing) { $0.show(.cases); return [] },
        Binding([.character("2")], "people", "Show the People screen: find a person or an address", when: browsing) {
            $0.show(.people); return []
        },
        Binding([.character("3")], "register", "Show the register of dangerous persons and properties", when: browsing) {
            $0.show(.register); return []
        },
        Binding([.character("4")], "queues", "Show your queue of work, overdue first", when: browsing) {
            $0.show(.queues); return []
        },
        Binding([.character("5")], "conferences", "Show case conferences and their actions", when: browsing) {
            $0.show(.conferences); return []
        },
        Binding([.right, .character("]")], "next screen", "Show the next screen", when: { browsing($0) && !inDetail($0) }) {
            $0.show(Tab(rawValue: ($0.tab.rawValue + 1) % Tab.allCases.count)!); return []
        },
        Binding([.left, .character("[")], "previous screen", "Show the previous screen", when: { browsing($0) && !inDetail($0) }) {
            $0.show(Tab(rawValue: ($0.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!); return []
        },
        Binding([.down, .character("j")], "down", "Move down") { $0.move(by: 1); return [] },
        Binding([.up, .character("k")], "up", "Move up") { $0.move(by: -1); return [] },
        Binding([.pageDown, .control("f")], "page down", "Move a page down") { $0.move(by: max(1, $0.listHeight - 1)); return [] },
        Binding([.pageUp, .control("b")], "page up", "Move a page up") { $0.move(by: -max(1, $0.listHeight - 1)); return [] },
        Binding([.home, .character("g")], "top", "Go to the first row", when: browsing) { $0.move(by: Int.min / 2); return [] },
        Binding([.end, .character("G")], "bottom", "Go to the last row", when: browsing) { $0.move(by: Int.max / 2); return [] },
        Binding([.enter], "open", "Open the selected record", hint: "Enter open", when: { browsing($0) && !inDetail($0) }) {
            $0.open()
        },
        Binding([.tab], "toggle detail", "Show or hide the detail of the selected record", when: browsing) { model in
            model.detailOpen.toggle()
            model.detailScroll = 0
            return model.detailOpen ? model.viewsForOpening() : []
        },
        Binding([.character("/")], "filter", "Filter the list as you type (case and accents ignored)", hint: "/ filter",
                when: { browsing($0) && !inDetail($0) }) { model in
            model.filtering = true
            return []
        },
        Binding([.character("s")], "sort", "Sort the cases by id, customer, status or next due date", hint: "s sort",
                when: { browsing($0) && $0.tab == .cases && !inDetail($0) }) { model in
            let all = CaseSort.allCases
            model.caseSort = all[(all.firstIndex(of: model.caseSort)! + 1) % all.count]
            model.refilter(.cases)
            model.message = "Sorted by \(model.caseSort.rawValue)"
            return []
        },
        Binding([.character("u")], "switch user", "Act as another member of staff (demo and training stores)", hint: "u user",
                when: browsing,
                disabled: { $0.canSwitchActor ? nil : "this store identifies staff by their operating-system login" }) { model in
            let staff = model.switchableStaff
            var state = ListState()
            state.selected = staff.firstIndex { $0.login == model.actor } ?? 0
            model.overlay = .switchActor(state)
            return []
        },
        Binding([.character("r"), .control("l")], "refresh", "Read what other terminals have recorded", when: browsing) { _ in
            [.refresh]
        },
    ]

    /// The bindings that apply now, for help and hints.
    public static func applicable(_ model: AppModel) -> [Binding] { bindings.filter { $0.applies(model) } }

    /// Commands offered by the palette (not the movement keys).
    public static var paletteCommands: [Binding] {
        bindings.filter { !["down", "up", "page down", "page up", "top", "bottom", "back"].contains($0.name) }
    }
}
