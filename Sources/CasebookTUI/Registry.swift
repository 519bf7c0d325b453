import CasebookCore

/// Work the model asks the outside world to do (the store, the acting user).
public enum Effect: Equatable, Sendable {
    /// 5.3: a register entry was opened; record the view.
    case recordView(RegisterEntryID)
    case switchActor(Login)
    case refresh
    /// Render a letter for preview (through the store's templates).
    case previewLetter(LetterSubject, LetterKind)
    /// Write the previewed letter to a file.
    case saveLetter(LetterSubject, LetterKind, text: String)
    /// Record a command the user confirmed on a form.
    case record(Command)
    /// Edit a form field's text in `$VISUAL`/`$EDITOR`, then put it back.
    case editText(field: Field, text: String)
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
    /// Carries it out; the key says which of its keys was pressed (nil from the palette).
    let perform: @Sendable (inout AppModel, Key?) -> [Effect]
    /// How the help shows its keys, when not simply listed.
    let keyText: String?
    /// Opens a form that records something (listed in the actions menu).
    public let isAction: Bool

    init(_ keys: [Key], _ name: String, _ summary: String, hint: String? = nil, keyText: String? = nil, isAction: Bool = false,
         when applies: @escaping @Sendable (AppModel) -> Bool = { _ in true },
         disabled: @escaping @Sendable (AppModel) -> String? = { _ in nil },
         perform: @escaping @Sendable (inout AppModel, Key?) -> [Effect]) {
        self.keys = keys
        self.name = name
        self.summary = summary
        self.hint = hint
        self.applies = applies
        self.disabledReason = disabled
        self.perform = perform
        self.keyText = keyText
        self.isAction = isAction
    }

    public var keyLabel: String { keyText ?? (keys.isEmpty ? ":" : keys.map(\.description).joined(separator: "/")) }
}

public enum Registry {
    static func browsing(_ model: AppModel) -> Bool { !model.filtering && model.overlay == nil && model.form == nil }
    static func inDetail(_ model: AppModel) -> Bool { model.detailOpen }

    public static let bindings: [Binding] = [
        Binding([.character("q"), .function(10)], "quit", "Go back; from the top, quit Casebook", hint: "q quit", keyText: "q/F10",
                when: browsing) { model, _ in
            if model.detailOpen { model.detailOpen = false; model.detailScroll = 0 } else { model.quit = true }
            return []
        },
        Binding([.escape], "back", "Close the detail, the message, or clear the filter", when: browsing) { model, _ in
            if model.detailOpen {
                model.detailOpen = false
                model.detailScroll = 0
            } else if model.message != nil {
                model.message = nil
            } else if !(model.filters[model.tab] ?? "").isEmpty {
                model.filters[model.tab] = ""
                model.refilter(model.tab)
            }
            return []
        },
        Binding([.function(3)], "look up", "Before a call or a visit: find a person, an address or a property on the register",
                hint: "F3 lookup", when: browsing) { model, _ in
            model.show(.people)
            model.filters[.people] = ""
            model.refilter(.people)
            model.filtering = true
            return []
        },
        Binding([.character("?"), .function(1)], "help", "Show the keys for this screen", hint: "? help", when: browsing) { model, _ in
            model.overlay = .help(offset: 0)
            return []
        },
        Binding([.character(":"), .control("p")], "palette", "Run any command by name, or go to a record by its id",
                hint: ": commands", keyText: ":/Ctrl-P", when: browsing) { model, _ in
            model.overlay = .palette(text: "", selected: 0)
            return []
        },
        Binding(Tab.allCases.map { .character(Character(String($0.rawValue + 1))) }, "screens",
                "Cases, People, Register, Queues, Conferences, Reports", keyText: "1-6", when: browsing) { model, key in
            if case .character(let c)? = key, let number = Int(String(c)), let tab = Tab(rawValue: number - 1) { model.show(tab) }
            return []
        },
        Binding([.right, .character("]"), .left, .character("[")], "next screen", "Show the next or previous screen",
                keyText: "→/] ←/[", when: { browsing($0) && !inDetail($0) }) { model, key in
            let step = (key == .left || key == .character("[")) ? Tab.allCases.count - 1 : 1
            model.show(Tab(rawValue: (model.tab.rawValue + step) % Tab.allCases.count)!)
            return []
        },
        Binding([.down, .character("j"), .up, .character("k")], "move", "Move down or up (scroll an open detail)",
                keyText: "↓/j ↑/k") { model, key in
            model.move(by: key == .up || key == .character("k") ? -1 : 1)
            return []
        },
        Binding([.pageDown, .control("f"), .pageUp, .control("b")], "page", "Move a page down or up", keyText: "PgDn PgUp") { model, key in
            let page = max(1, model.listHeight - 1)
            model.move(by: key == .pageUp || key == .control("b") ? -page : page)
            return []
        },
        Binding([.home, .character("g"), .end, .character("G")], "first or last", "Go to the first or the last row",
                keyText: "g/Home G/End", when: browsing) { model, key in
            model.move(by: key == .end || key == .character("G") ? Int.max / 2 : Int.min / 2)
            return []
        },
        Binding([.enter], "open", "Open the selected record (a queue row opens its subject)",
                when: { browsing($0) && !inDetail($0) }) { model, _ in
            model.open()
        },
        Binding([.tab], "toggle detail", "Show or hide the detail of the selected record", when: browsing) { model, _ in
            model.detailOpen.toggle()
            model.detailScroll = 0
            return model.detailOpen ? model.viewsForOpening() : []
        },
        Binding([.function(4)], "read property entry", "Read the property on the register found by the look-up (your view is recorded)",
                hint: "F4 property", when: { $0.overlay == nil && $0.form == nil && !$0.propertiesFound.isEmpty }) { model, _ in
            guard let first = model.propertiesFound.first else { return [] }
            model.filtering = false
            model.show(.register)
            model.select(first.id.description, in: .register)
            model.detailOpen = true
            return [.recordView(first.id)]
        },
        Binding([.character("/")], "filter", "Filter the list as you type (case and accents ignored)", hint: "/ filter",
                when: { browsing($0) && !inDetail($0) }) { model, _ in
            // A new filter each time: / never appends to the one kept.
            model.filters[model.tab] = ""
            model.refilter(model.tab)
            model.filtering = true
            return []
        },
        Binding([.function(2), .character("a")], "actions", "What can be recorded here, and why an action is not available",
                hint: "a actions", keyText: "a/F2", when: browsing) { model, _ in
            model.overlay = .actions(ListState())
            return []
        },
        Binding([.character("s")], "sort", "Sort the cases by id, customer, status or next due date", hint: "s sort",
                when: { browsing($0) && $0.tab == .cases && !inDetail($0) }) { model, _ in
            let all = CaseSort.allCases
            model.caseSort = all[(all.firstIndex(of: model.caseSort)! + 1) % all.count]
            model.refilter(.cases)
            model.message = "Sorted by \(model.caseSort.rawValue)"
            return []
        },
        Binding([.character("u")], "switch user", "Act as another member of staff (demo and training stores)", hint: "u user",
                when: browsing,
                disabled: { $0.canSwitchActor ? nil : "this store identifies staff by their operating-system login" }) { model, _ in
            let staff = model.switchableStaff
            var state = ListState()
            state.selected = staff.firstIndex { $0.login == model.actor } ?? 0
            model.overlay = .switchActor(state)
            return []
        },
        Binding([.character("l")], "letter", "Preview the letter owed on the selected record (w in the preview saves it)",
                hint: "l letter", when: { browsing($0) && $0.letterTarget != nil }) { model, _ in
            guard let (subject, kind) = model.letterTarget else { return [] }
            return [.previewLetter(subject, kind)]
        },
        Binding([.character("r"), .control("l")], "refresh", "Read what other terminals have recorded", when: browsing) { _, _ in
            [.refresh]
        },
    ] + actions + Tab.allCases.map { tab in
        // For the palette: each screen by name (its key is 1-5).
        Binding([], "go to \(tab.title.lowercased())", "Show the \(tab.title) screen", when: browsing) { model, _ in
            model.show(tab)
            return []
        }
    }

    /// The bindings that apply now, for help and hints.
    public static func applicable(_ model: AppModel) -> [Binding] { bindings.filter { !$0.keys.isEmpty && $0.applies(model) } }

    /// The binding a key runs now. On the People list every printable key finds people: commands
    /// there use keys that cannot be part of a name.
    static func binding(for key: Key, _ model: AppModel) -> Binding? {
        if model.searchHasKeyboard, case .character = key { return nil }
        return bindings.first { $0.keys.contains(key) && $0.applies(model) }
    }

    /// Commands offered by the palette (not the movement keys).
    public static var paletteCommands: [Binding] {
        bindings.filter { !["move", "page", "first or last", "back", "screens", "next screen"].contains($0.name) }
    }
}
