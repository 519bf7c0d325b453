import CasebookCore

extension AppModel {
    /// The one place the model changes: a key gives a new model and effects for the outside world.
    public mutating func update(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if isTooSmall {
            // A form being filled in is kept until the window is large enough to finish it.
            if form == nil, key == .character("q") || key == .control("c") { quit = true }
            return []
        }
        if key == .control("c") {
            // Ctrl-C: a changed form asks first, as Esc does; otherwise it quits.
            if var current = form {
                if current.changed, current.phase == .editing {
                    current.phase = .discarding(discard: false)
                    form = current
                } else if !current.changed {
                    form = nil
                    message = "Cancelled: nothing was recorded."
                }
                return []
            }
            quit = true
            return []
        }
        if form != nil { return updateForm(key) }
        switch overlay {
        case .help(let offset)?:
            // Arrows scroll a help longer than the screen; any other key closes it.
            switch key {
            case .down, .character("j"): overlay = .help(offset: offset + 1)
            case .up, .character("k"): overlay = .help(offset: max(0, offset - 1))
            case .pageDown: overlay = .help(offset: offset + 10)
            case .pageUp: overlay = .help(offset: max(0, offset - 10))
            default: overlay = nil
            }
            return []
        case .palette(let text, let selected)?:
            return updatePalette(key, text: text, selected: selected)
        case .switchActor(let state)?:
            return updateSwitchActor(key, state: state)
        case .actions(let state)?:
            return updateActions(key, state: state)
        case .letter(let subject, let kind, let text, let offset)?:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            switch key {
            case .down, .character("j"): overlay = .letter(subject: subject, kind: kind, text: text, offset: min(offset + 1, max(0, lines - 1)))
            case .up, .character("k"): overlay = .letter(subject: subject, kind: kind, text: text, offset: max(0, offset - 1))
            case .pageDown: overlay = .letter(subject: subject, kind: kind, text: text, offset: min(offset + 10, max(0, lines - 1)))
            case .pageUp: overlay = .letter(subject: subject, kind: kind, text: text, offset: max(0, offset - 10))
            case .character("w"):
                overlay = nil
                return [.saveLetter(subject, kind, text: text)]
            case .character("m"):
                if let reason = Registry.cannotRecord(self) {
                    message = "A letter cannot be recorded as sent: \(reason)."
                } else {
                    overlay = nil
                    form = letterSentForm(subject, kind: kind)
                }
            case .escape, .character("q"): overlay = nil
            default: break
            }
            return []
        case nil:
            break
        }
        if filtering, let handled = updateFilter(key) { return handled }
        guard let binding = Registry.binding(for: key, self) else {
            if case .character(let c) = key, searchHasKeyboard, !c.isWhitespace || !(filters[tab] ?? "").isEmpty {
                // On People, typing starts finding at once.
                filtering = true
                return updateFilter(key) ?? []
            }
            // A key that does nothing here says so, and where to look.
            if key != .character(" ") { message = "\(key) does nothing here: ? lists the keys, a what can be recorded." }
            return []
        }
        if let reason = binding.disabledReason(self) {
            message = "\(binding.name.capitalizedFirst) is not available: \(reason)."
            return []
        }
        return binding.perform(&self, key)
    }

    mutating func updateFilter(_ key: Key) -> [Effect]? {
        var text = filters[tab] ?? ""
        switch key {
        case .character(let c):
            text.append(c)
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .enter:
            filtering = false
            return []
        case .escape:
            filtering = false
            text = ""
        default:
            return nil  // movement keys still move
        }
        let narrowing = text.count > (filters[tab] ?? "").count
        filters[tab] = text
        refilter(tab, narrowing: narrowing)
        lists[tab, default: ListState()].selected = 0
        lists[tab, default: ListState()].clamp(count: count(tab), visible: listHeight)
        return []
    }

    mutating func updateForm(_ key: Key) -> [Effect] {
        guard var current = form else { return [] }
        // PgUp/PgDn read a long form (the case and the checks above a decision), unless a
        // picker's list takes them.
        let pickerFocused = if case .pick? = current.focused?.value, current.phase == .editing { true } else { false }
        if key == .pageUp || key == .pageDown, !pickerFocused {
            let layout = FormView.layout(current, model: self)
            let page = max(1, layout.room - 1)
            current.scroll = max(0, min(layout.maxStart, layout.start + (key == .pageUp ? -page : page)))
            form = current
            return []
        }
        current.scroll = nil
        let context = recordingContext
        let register = self.register
        let response = current.update(key, today: today) { command in register.execute(command, in: context) }
        form = current
        switch response {
        case .stay: return []
        case .cancel:
            form = nil
            message = "Cancelled: nothing was recorded."
            return []
        case .record(let command): return [.record(command)]
        case .edit(let field, let text): return [.editText(field: field, text: text)]
        }
    }

    /// Who records, on which day, on the council's calendar and with its service areas.
    var recordingContext: Context { Context(actor: actor, today: recordingDay, calendar: calendar, serviceAreas: serviceAreas) }

    /// Checks a command against the register as it is, recording nothing.
    public func validate(_ command: Command) -> Result<Outcome, Refusal> {
        register.execute(command, in: recordingContext)
    }

    mutating func updateActions(_ key: Key, state: ListState) -> [Effect] {
        var base = self
        base.overlay = nil
        let actions = Registry.availableActions(base)
        var state = state
        switch key {
        case .escape, .character("q"), .function(2): overlay = nil
        case .up, .character("k"): state.selected -= 1
        case .down, .character("j"): state.selected += 1
        case .enter:
            guard actions.indices.contains(state.selected) else { overlay = nil; return [] }
            let action = actions[state.selected]
            if let reason = action.disabledReason(base) {
                message = "\(action.name.capitalizedFirst) is not available: \(reason)."
                return []
            }
            overlay = nil
            message = nil
            return action.perform(&self, nil)
        default:
            // An action's own key works from the menu too.
            if let action = actions.first(where: { $0.keys.contains(key) }) {
                if let reason = action.disabledReason(base) {
                    message = "\(action.name.capitalizedFirst) is not available: \(reason)."
                    return []
                }
                overlay = nil
                return action.perform(&self, nil)
            }
        }
        if overlay != nil {
            state.clamp(count: actions.count, visible: max(1, height - 10))
            overlay = .actions(state)
        }
        return []
    }

    mutating func updatePalette(_ key: Key, text: String, selected: Int) -> [Effect] {
        let matches = paletteMatches(text)
        switch key {
        case .escape: overlay = nil
        case .up: overlay = .palette(text: text, selected: max(0, selected - 1))
        case .down: overlay = .palette(text: text, selected: min(max(0, matches.count - 1), selected + 1))
        case .backspace: overlay = .palette(text: String(text.dropLast()), selected: 0)
        case .character(let c): overlay = .palette(text: text + String(c), selected: 0)
        case .enter:
            overlay = nil
            // An id typed into the palette goes to that record, wherever it is.
            if let record = AnyRecordID(text.trimmingCharacters(in: .whitespaces).uppercased()) { return goTo(record) }
            guard matches.indices.contains(selected) else { return [] }
            let binding = matches[selected]
            if let reason = binding.disabledReason(self) {
                message = "\(binding.name.capitalizedFirst) is not available: \(reason)."
                return []
            }
            return binding.perform(&self, nil)
        default: break
        }
        return []
    }

    public func paletteMatches(_ text: String) -> [Binding] {
        let words = Search.fold(text).split(separator: " ").map(String.init)
        let matching = Registry.paletteCommands.filter { binding in
            let haystack = Search.fold(binding.name + " " + binding.summary)
            return words.allSatisfy(haystack.contains)
        }
        // Commands whose name matches come before those whose description does.
        let byName = matching.filter { binding in words.allSatisfy(Search.fold(binding.name).contains) }
        return byName + matching.filter { binding in !words.allSatisfy(Search.fold(binding.name).contains) }
    }

    mutating func updateSwitchActor(_ key: Key, state: ListState) -> [Effect] {
        let staff = switchableStaff
        var state = state
        switch key {
        case .escape, .character("q"): overlay = nil
        case .up, .character("k"): state.selected -= 1
        case .down, .character("j"): state.selected += 1
        case .enter:
            overlay = nil
            guard staff.indices.contains(state.selected) else { return [] }
            return [.switchActor(staff[state.selected].login)]
        case .character(let c):
            // A letter jumps to the next member whose name or login starts with it.
            let letter = Search.fold(String(c))
            let order = (1...max(1, staff.count)).map { (state.selected + $0) % max(1, staff.count) }
            if let next = order.first(where: { staff.indices.contains($0)
                && (Search.fold(staff[$0].name).hasPrefix(letter) || Search.fold(staff[$0].login).hasPrefix(letter)) }) {
                state.selected = next
            }
        default: break
        }
        if overlay != nil {
            state.clamp(count: staff.count, visible: max(1, height - 8))
            overlay = .switchActor(state)
        }
        return []
    }

    /// Active staff one may act as, decision-makers and officers first.
    public var switchableStaff: [StaffMember] {
        register.staff.values.filter(\.active).sorted { ($0.roles.min()!, $0.name) < ($1.roles.min()!, $1.name) }
    }

    /// Acts as another member of staff: their queue, their view.
    public mutating func switchActor(to login: Login) {
        actor = login
        queue = register.filter(rows.queue, for: actor)
        refilter(.queues)
        let name = register.staff[login].map { "\($0.name) (\($0.roles.sorted().map(\.rawValue).joined(separator: ", ")))" } ?? login
        message = "Now acting as \(name)"
    }

    mutating func show(_ newTab: Tab) {
        // A message belongs to the screen it was said on.
        if newTab != tab { message = nil }
        tab = newTab
        if newTab == .reports && report == nil { makeReport() }
        detailOpen = false
        detailScroll = 0
    }

    mutating func move(by delta: Int) {
        if detailOpen || tab == .reports {
            detailScroll = max(0, detailScroll + max(-10_000, min(10_000, delta)))
            return
        }
        var state = lists[tab, default: ListState()]
        let target = Int64(state.selected) + Int64(delta)
        state.selected = Int(max(0, min(Int64(max(0, count(tab) - 1)), target)))
        state.clamp(count: count(tab), visible: listHeight)
        lists[tab] = state
    }

    /// Opens `record` on its own screen (`:CASE-0012`), as Enter on its row would.
    mutating func goTo(_ record: AnyRecordID) -> [Effect] {
        let id = record.description
        let exists: Bool, screen: Tab
        switch record {
        case .case(let value): (exists, screen) = (register.cases[value] != nil, .cases)
        case .customer(let value): (exists, screen) = (register.customers[value] != nil, .people)
        case .registerEntry(let value): (exists, screen) = (register.registerEntries[value] != nil, .register)
        case .conference(let value): (exists, screen) = (register.conferences[value] != nil, .conferences)
        case .appeal(let value):
            guard let subject = register.appeals[value]?.subject else { message = "There is no \(id)."; return [] }
            switch subject {
            case .case(let caseID): return goTo(.case(caseID))
            case .registerEntry(let entry): return goTo(.registerEntry(entry))
            }
        }
        guard exists else {
            message = "There is no \(id): ids look like CASE-0012, CUST-0003, REG-0001, APL-0001, CONF-0001."
            return []
        }
        show(screen)
        filters[screen] = ""
        filtering = false
        refilter(screen)
        select(id, in: screen)
        detailOpen = true
        detailScroll = 0
        return viewsForOpening()
    }

    /// Enter: open the selected record. A queue row opens its subject on its own screen.
    mutating func open() -> [Effect] {
        guard let id = selectedID(in: tab) else { return [] }
        if tab == .queues {
            switch AnyRecordID(id) {
            case .case?: show(.cases); select(id, in: .cases)
            case .registerEntry?: show(.register); select(id, in: .register)
            case .conference?: show(.conferences); select(id, in: .conferences)
            case .appeal(let appeal)?:
                if case .case(let caseID)? = register.appeals[appeal]?.subject { show(.cases); select(caseID.description, in: .cases) }
                else if case .registerEntry(let entry)? = register.appeals[appeal]?.subject {
                    show(.register); select(entry.description, in: .register)
                }
            default: return []
            }
        }
        detailOpen = true
        detailScroll = 0
        return viewsForOpening()
    }

    /// 5.3: opening an entry, or a person's page that shows their entries, records the view.
    func viewsForOpening() -> [Effect] {
        switch tab {
        case .register:
            guard let id = selectedID(in: .register).flatMap(RegisterEntryID.init) else { return [] }
            return [.recordView(id)]
        case .people:
            guard let id = selectedID(in: .people).flatMap(CustomerID.init),
                  let standing = register.standing(of: id, on: today) else { return [] }
            return standing.liveEntries.map { .recordView($0.id) }
        default:
            return []
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
