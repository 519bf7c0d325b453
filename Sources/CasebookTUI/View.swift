import CasebookCore

/// Draws the model into a cell buffer. Pure: the same model always gives the same frame.
public enum View {
    public static func render(_ model: AppModel) -> CellBuffer {
        var buffer = CellBuffer(width: model.width, height: model.height)
        if model.isTooSmall {
            drawTooSmall(model, into: &buffer)
            return buffer
        }
        drawTabs(model, into: &buffer)
        let bodyTop = 1, bodyHeight = model.height - 2
        if model.tab == .reports {
            drawReport(model, y: bodyTop, height: bodyHeight, into: &buffer)
        } else if model.detailOpen && !model.isWide {
            drawDetail(model, x: 0, y: bodyTop, width: model.width, height: bodyHeight, into: &buffer)
        } else if model.isWide {
            // Cases carry the most columns: their list takes two thirds, the detail the rest.
            let listWidth = model.tab == .cases ? model.width * 2 / 3 : model.width * 3 / 5
            let found = drawPropertiesFound(model, x: 0, y: bodyTop, width: listWidth, into: &buffer)
            drawList(model, x: 0, y: bodyTop + found, width: listWidth, height: bodyHeight - found, into: &buffer)
            let bar = model.useASCII ? "|" : "│"
            for row in bodyTop..<(bodyTop + bodyHeight) { buffer.put(bar, x: listWidth, y: row, role: .border) }
            drawDetail(model, x: listWidth + 2, y: bodyTop, width: model.width - listWidth - 2, height: bodyHeight, into: &buffer)
        } else {
            let found = drawPropertiesFound(model, x: 0, y: bodyTop, width: model.width, into: &buffer)
            drawList(model, x: 0, y: bodyTop + found, width: model.width, height: bodyHeight - found, into: &buffer)
        }
        drawStatus(model, into: &buffer)
        switch model.overlay {
        case .help(let offset)?: drawHelp(model, offset: offset, into: &buffer)
        case .palette(let text, let selected)?: drawPalette(model, text: text, selected: selected, into: &buffer)
        case .switchActor(let state)?: drawSwitchActor(model, state: state, into: &buffer)
        case .letter(let subject, let kind, let text, let offset)?:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(offset)
                .flatMap { wrap(Line(String($0)), width: min(model.width - 8, 76)) }
            lines = Array(lines.prefix(max(1, model.height - 5)))
            lines.append(Line("↓/↑ scroll · w saves it to a file · m records it as sent · Esc closes", .muted))
            box("\(kind.title) on \(subject) (preview)", lines: lines, model: model, into: &buffer)
        case .actions(let state)?: drawActions(model, state: state, into: &buffer)
        case nil: break
        }
        if let form = model.form { FormView.draw(form, model: model, into: &buffer) }
        return buffer
    }

    /// The look-up before a call or a visit: a property on the register at the address typed comes
    /// first, above the people (its facts are read with F4, which records the view, 5.3). Returns the lines used.
    static func drawPropertiesFound(_ model: AppModel, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) -> Int {
        let found = model.propertiesFound.prefix(3)
        for (index, row) in found.enumerated() {
            let text = "[!] PROPERTY ON THE REGISTER \(row.id)" + (index == 0 ? " (F4 reads it; the view is recorded)" : "")
                + ": \(row.subject)" + (row.overdue ? " — REVIEW OVERDUE" : "")
            buffer.put(DisplayWidth.pad(DisplayWidth.truncate(text, to: width), to: width), x: x, y: y + index, role: .danger)
        }
        return found.count
    }

    static func drawTooSmall(_ model: AppModel, into buffer: inout CellBuffer) {
        let lines = ["Terminal too small: need \(AppModel.minimumWidth)×\(AppModel.minimumHeight), have \(model.width)×\(model.height).",
                     model.form == nil ? "Make the window larger, or press q to quit."
                        : "Make the window larger to finish \(model.form!.title.lowercasedFirst); what you typed is kept."]
        let wrapped = lines.enumerated().flatMap { index, line in wrap(Line(line, index == 0 ? .danger : .normal), width: model.width) }
        for (index, line) in wrapped.enumerated() where index < model.height {
            buffer.put(line.text, x: 0, y: index, role: line.role)
        }
    }

    static func drawTabs(_ model: AppModel, into buffer: inout CellBuffer) {
        buffer.fill(x: 0, y: 0, width: model.width, height: 1, role: .tab)
        var x = 0
        let narrow = model.width < 80
        for tab in Tab.allCases {
            let active = tab == model.tab
            var title = narrow ? tab.shortTitle : tab.title
            if tab == .queues, !model.queue.isEmpty {
                let overdue = model.queueOverdue
                title += " \(model.queue.count)\(overdue > 0 ? "!" : "")"
            }
            let text = active ? "[\(tab.rawValue + 1) \(title)]" : " \(tab.rawValue + 1) \(title) "
            x += buffer.put(text, x: x, y: 0, role: active ? .activeTab : .tab)
        }
        let title = model.councilName.isEmpty ? "Casebook" : "Casebook · \(model.councilName)"
        let width = DisplayWidth.of(title)
        if x + width + 2 < model.width { buffer.put(title, x: model.width - width - 1, y: 0, role: .tab) }
    }

    static func drawStatus(_ model: AppModel, into buffer: inout CellBuffer) {
        let y = model.height - 1
        buffer.fill(x: 0, y: y, width: model.width, height: 1, role: .status)
        let member = model.actorMember
        let who = "\(member?.name ?? model.actor) (\(member?.roles.sorted().map(\.rawValue).joined(separator: ", ") ?? "not on the staff list"))"
        var text = " \(who) · \(model.today.british)"
        if let message = model.message {
            text += " · \(message)"
        } else if model.filtering {
            text += " · typing filters · Enter keep · Esc clear" + (model.propertiesFound.isEmpty ? "" : " · F4 property")
        } else {
            let hints = Registry.applicable(model).compactMap { binding -> String? in
                guard let hint = binding.hint, binding.disabledReason(model) == nil else { return nil }
                // Where letters are typed into the search, a command is shown by a key that is not a letter.
                guard model.searchHasKeyboard else { return hint }
                guard let key = binding.keys.first(where: { if case .character = $0 { false } else { true } }) else { return nil }
                return "\(key) \(binding.name)"
            }
            text += " · " + hints.joined(separator: "  ")
        }
        buffer.put(DisplayWidth.truncate(text, to: model.width), x: 0, y: y, role: .status)
    }

    // MARK: - Lists

    static func drawList(_ model: AppModel, x: Int, y: Int, width: Int, height: Int, into buffer: inout CellBuffer) {
        let visibleRows = max(0, height - 2)
        let state = model.lists[model.tab] ?? ListState()
        let all = model.visible[model.tab] ?? []
        // Only the rows on screen are formatted: a frame costs the same for 40 cases or 100,000.
        let window = Array(all[min(state.offset, all.count)..<min(all.count, state.offset + visibleRows)])
        let (heading, rows) = listRows(model, indices: window, width: width)
        buffer.put(DisplayWidth.pad(heading, to: width), x: x, y: y, role: .heading)
        let marker = model.useASCII ? ">" : "▸"
        for index in 0..<visibleRows {
            let position = state.offset + index
            guard index < rows.count else { break }
            let selected = position == state.selected
            let (text, role) = rows[index]
            let line = (selected ? marker + " " : "  ") + text
            // Colour by meaning, sparingly: on Cases a row stays plain and only its marker and its Late cell are coloured.
            let plainRow = model.tab == .cases
            buffer.put(DisplayWidth.pad(line, to: width), x: x, y: y + 1 + index, role: selected ? .selection : (plainRow ? .normal : role))
            if plainRow, !selected { markCaseRow(text, role: role, x: x + 2, y: y + 1 + index, width: width - 2, into: &buffer) }
            if selected { buffer.cursor = (x, y + 1 + index) }
        }
        if all.isEmpty {
            let filter = model.filters[model.tab] ?? ""
            buffer.put(filter.isEmpty ? "Nothing here." : "Nothing matches \"\(filter)\".", x: x + 2, y: y + 1, role: .muted)
        }
        // The line under the list: the filter being typed, or how many rows.
        let filter = model.filters[model.tab] ?? ""
        let total = totalCount(model)
        var footer = "\(all.count) of \(total)"
        if model.filtering || !filter.isEmpty { footer = "Filter: \(filter)\(model.filtering ? "_" : "")   \(footer)" }
        if model.tab == .cases { footer += "   sorted by \(model.caseSort.rawValue)" }
        buffer.put(DisplayWidth.truncate(footer, to: width), x: x, y: y + height - 1, role: .muted)
        if model.filtering { buffer.cursor = (x + DisplayWidth.of("Filter: \(filter)"), y + height - 1) }
    }

    /// A Cases row's meaningful cells in colour: the restriction marker, and the days late.
    static func markCaseRow(_ text: String, role: StyleRole, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        if let marker = text.range(of: "[!]") {
            let column = DisplayWidth.of(String(text[..<marker.lowerBound]))
            if column + 3 <= width { buffer.put("[!]", x: x + column, y: y, role: .restriction) }
        }
        if role == .overdue, let late = text.split(separator: " ").last, late.hasSuffix("d"), late.dropLast().allSatisfy(\.isNumber) {
            let column = DisplayWidth.of(text) - late.count
            if column + late.count <= width { buffer.put(String(late), x: x + column, y: y, role: .overdue) }
        }
    }

    static func totalCount(_ model: AppModel) -> Int {
        switch model.tab {
        case .cases: model.rows.cases.count
        case .people: model.rows.people.count
        case .register: model.rows.entries.count
        case .queues: model.queue.count
        case .conferences: model.rows.conferences.count
        case .reports: 0
        }
    }

    static func column(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) + " " }

    /// The heading and rows of the current tab, fitted to `width`.
    static func listRows(_ model: AppModel, indices: [Int], width: Int) -> (String, [(String, StyleRole)]) {
        let room = max(10, width - 2)
        switch model.tab {
        case .cases:
            // Categories as letters (C complex, P persistent, U unreasonable); the detail spells them out.
            // Columns sized to what the rows on screen hold: the customer's name whole where it fits.
            let fixed = 10 + 4 + 14 + 11 + 5
            let longest = indices.map { DisplayWidth.of(model.rows.cases[$0].customer) }.max() ?? 8
            let name = max(8, min(24, longest, (room - fixed) / 2)), title = max(8, room - fixed - name - 2)
            let heading = "  " + column("Id", 9) + column("Customer", name) + column("Title", title) + column("Cat", 3)
                + column("Status", 13) + column("Next due", 10) + "Late"
            return (heading, indices.map { index in
                let row = model.rows.cases[index]
                let letters = row.categories.split(separator: ",").map { String($0.prefix(1)).uppercased() }.joined()
                let late = row.nextDue.map { $0 < model.today ? "\($0.days(until: model.today))d" : "" } ?? ""
                let text = column(row.id.description, 9) + column(row.customer, name)
                    + column((row.restricted ? "[!] " : "") + row.title, title) + column(letters, 3)
                    + column(row.status, 13) + column(row.nextDue?.description ?? "", 10) + late
                return (text, late.isEmpty ? (row.restricted ? .restriction : .normal) : .overdue)
            })
        case .people:
            let name = max(10, min(26, room / 3))
            let heading = "  " + column("Name", name) + column("Id", 9) + "Address · flags"
            return (heading, indices.map { index in
                let row = model.rows.people[index]
                let text = column(row.name, name) + column(row.id.description, 9) + (row.flags.isEmpty ? "" : row.flags + " · ") + row.address
                return (text, row.flags.contains("REGISTER") ? .danger : (row.flags.isEmpty ? .normal : .restriction))
            })
        case .register:
            let subject = max(10, min(34, room / 2))
            let heading = "  " + column("Id", 9) + column("Person or property", subject) + column("State", 8) + "Review"
            return (heading, indices.map { index in
                let row = model.rows.entries[index]
                return (column(row.id.description, 9) + column(row.subject, subject) + column(row.state, 8) + row.review,
                        row.overdue ? .overdue : (row.state == "live" ? .danger : .normal))
            })
        case .queues:
            let kind = min(18, model.queue.map { $0.kind.rawValue.count }.max() ?? 8)
            let heading = "  " + column("Due", 10) + column("Late", 5) + column("Kind", kind) + column("Subject", 9) + "Work"
            return (heading, indices.map { index in
                let row = model.queue[index]
                let overdue = row.overdueDays > 0 ? "\(row.overdueDays)d" : "-"
                return (column(row.due.description, 10) + column(overdue, 5) + column(row.kind.rawValue, kind) + column(row.subject, 9)
                        + row.summary, row.overdueDays > 0 ? .overdue : .normal)
            })
        case .reports:
            return ("", [])
        case .conferences:
            let heading = "  " + column("Id", 9) + column("Case", 9) + column("Date", 10) + "Customer · actions"
            return (heading, indices.map { index in
                let row = model.rows.conferences[index]
                let actions = row.openActions == 0 ? "closed" : "\(row.openActions) open"
                    + (row.overdueActions > 0 ? ", \(row.overdueActions) OVERDUE" : "")
                return (column(row.id.description, 9) + column(row.caseID.description, 9) + column(row.date.description, 10)
                        + "\(row.customer) · \(actions)", row.overdueActions > 0 ? .overdue : .normal)
            })
        }
    }

    // MARK: - Reports

    /// The governance figures as bar charts; ↓/↑ and PgDn/PgUp scroll.
    static func drawReport(_ model: AppModel, y: Int, height: Int, into buffer: inout CellBuffer) {
        guard let report = model.report else { return }
        var lines: [Line] = [Line(report.title, .heading), Line("")]
        let barWidth = max(10, min(50, model.width - 60))
        let block = model.useASCII ? "#" : "█"
        for section in report.sections {
            lines.append(Line(section.title, .heading))
            let top = max(1, section.rows.map(\.value).max() ?? 1)
            for row in section.rows {
                let bar = String(repeating: block, count: row.value == 0 ? 0 : max(1, row.value * barWidth / top))
                let number = String(row.value)
                lines.append(Line("  " + DisplayWidth.pad(row.label, to: 44) + String(repeating: " ", count: max(0, 5 - number.count))
                    + number + "  " + bar))
            }
            lines.append(Line(""))
        }
        let start = min(model.detailScroll, max(0, lines.count - height))
        for (index, line) in lines.dropFirst(start).prefix(height).enumerated() {
            buffer.put(line.text, x: 0, y: y + index, role: line.role, maxWidth: model.width)
        }
    }

    // MARK: - Detail

    static func drawDetail(_ model: AppModel, x: Int, y: Int, width: Int, height: Int, into buffer: inout CellBuffer) {
        var wrapped: [Line] = []
        for line in Detail.lines(for: model) { wrapped += wrap(line, width: width) }
        let start = min(model.detailScroll, max(0, wrapped.count - height))
        for (index, line) in wrapped.dropFirst(start).prefix(height).enumerated() {
            buffer.put(line.text, x: x, y: y + index, role: line.role, maxWidth: width)
        }
        if model.detailOpen && !model.isWide && wrapped.count > height {
            buffer.put("↓ more: PgDn", x: max(x, x + width - 12), y: y + height - 1, role: .muted)
        }
    }

    /// Wraps a line at spaces to `width` columns; continuation lines are indented.
    static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 8, DisplayWidth.of(line.text) > width else { return [line] }
        let indent = String(line.text.prefix { $0 == " " })
        let continuation = indent + "    "
        var result: [Line] = [], current = indent, used = indent.count
        for word in line.text.dropFirst(indent.count).split(separator: " ") {
            let w = DisplayWidth.of(String(word))
            if used > indent.count, used + 1 + w > width {
                result.append(Line(current, line.role))
                current = continuation + word
                used = continuation.count + w
            } else {
                current += (used > indent.count ? " " : "") + word
                used += (used > indent.count ? 1 : 0) + w
            }
        }
        if used > indent.count { result.append(Line(current, line.role)) }
        return result
    }

    // MARK: - Overlays

    static func box(_ title: String, lines: [Line], model: AppModel, into buffer: inout CellBuffer, cursorLine: Int? = nil) {
        let width = min(model.width - 4, max(40, (lines.map { DisplayWidth.of($0.text) }.max() ?? 0) + 4))
        let height = min(model.height - 2, lines.count + 2)
        let x = (model.width - width) / 2, y = max(1, (model.height - height) / 2)
        frame(title, x: x, y: y, width: width, height: height, ascii: model.useASCII, into: &buffer)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            buffer.put(line.text, x: x + 2, y: y + 1 + index, role: line.role, maxWidth: width - 4)
            if index == cursorLine { buffer.cursor = (x + 2, y + 1 + index) }
        }
    }

    /// A cleared rectangle with a border and a title in its top edge (overlays and forms).
    static func frame(_ title: String, x: Int, y: Int, width: Int, height: Int, ascii: Bool, into buffer: inout CellBuffer) {
        buffer.fill(x: x, y: y, width: width, height: height, role: .normal)
        let (h, v, corners) = ascii ? ("-", "|", ["+", "+", "+", "+"]) : ("─", "│", ["┌", "┐", "└", "┘"])
        buffer.put(corners[0] + String(repeating: h, count: width - 2) + corners[1], x: x, y: y, role: .border)
        buffer.put(" \(title) ", x: x + 2, y: y, role: .heading)
        for row in 1..<(height - 1) {
            buffer.put(v, x: x, y: y + row, role: .border)
            buffer.put(v, x: x + width - 1, y: y + row, role: .border)
        }
        buffer.put(corners[2] + String(repeating: h, count: width - 2) + corners[3], x: x, y: y + height - 1, role: .border)
    }

    static func drawHelp(_ model: AppModel, offset: Int, into buffer: inout CellBuffer) {
        var context = model
        context.overlay = nil
        var lines: [Line] = []
        for binding in Registry.applicable(context) {
            let keys = DisplayWidth.pad(binding.keyLabel, to: 14)
            if let reason = binding.disabledReason(context) {
                lines.append(Line("\(keys) \(binding.summary) — not available: \(reason)", .muted))
            } else {
                lines.append(Line("\(keys) \(binding.summary)"))
            }
        }
        let room = max(1, model.height - 5)
        if lines.count > room {
            let total = lines.count, start = min(offset, total - room)
            lines = Array(lines[start..<(start + room)])
            lines.append(Line("↓/↑ scroll (to line \(start + room) of \(total)) · any other key closes", .muted))
        } else {
            lines.append(Line(""))
            lines.append(Line("Press any key to close.", .muted))
        }
        box("Keys on \(model.tab.title)", lines: lines, model: model, into: &buffer)
    }

    static func drawPalette(_ model: AppModel, text: String, selected: Int, into buffer: inout CellBuffer) {
        var lines = [Line(": \(text)_", .heading)]
        for (index, binding) in model.paletteMatches(text).enumerated() {
            let marker = index == selected ? (model.useASCII ? "> " : "▸ ") : "  "
            let disabled = binding.disabledReason(model).map { " — not available: \($0)" } ?? ""
            lines.append(Line(marker + DisplayWidth.pad(binding.name, to: 16) + " " + binding.summary + disabled,
                              index == selected ? .selection : (disabled.isEmpty ? .normal : .muted)))
        }
        box("Commands", lines: lines, model: model, into: &buffer, cursorLine: selected + 1)
    }

    static func drawActions(_ model: AppModel, state: ListState, into buffer: inout CellBuffer) {
        var base = model
        base.overlay = nil
        let actions = Registry.availableActions(base)
        var lines: [Line] = []
        let room = max(1, model.height - 10)
        var state = state
        state.clamp(count: actions.count, visible: room)
        for (index, action) in actions.enumerated().dropFirst(state.offset).prefix(room) {
            let marker = index == state.selected ? (model.useASCII ? "> " : "▸ ") : "  "
            let keys = DisplayWidth.pad(action.keys.isEmpty ? "" : action.keys[0].description, to: 7)
            let reason = action.disabledReason(base)
            let text = marker + keys + DisplayWidth.pad(action.name, to: 22) + " "
                + (reason.map { "not available: \($0)" } ?? action.summary)
            lines.append(Line(text, index == state.selected ? .selection : (reason == nil ? .normal : .muted)))
        }
        if actions.isEmpty { lines.append(Line("Nothing can be recorded here: choose a record first.", .muted)) }
        // The highlighted action in full: a narrow menu cuts its reason short.
        if actions.indices.contains(state.selected) {
            let action = actions[state.selected]
            let text = action.disabledReason(base).map { "\(action.name.capitalizedFirst) is not available: \($0)." } ?? action.summary
            lines += wrap(Line(text, .heading), width: min(model.width - 8, 100))
        }
        lines.append(Line("Enter or the action's key opens its form · Esc closes", .muted))
        let title = model.selectedID(in: model.tab).map { "Actions on \($0)" } ?? "Actions on \(model.tab.title)"
        box(title, lines: lines, model: model, into: &buffer, cursorLine: state.selected - state.offset)
    }

    static func drawSwitchActor(_ model: AppModel, state: ListState, into buffer: inout CellBuffer) {
        var lines: [Line] = []
        let staff = model.switchableStaff
        let room = max(1, model.height - 8)
        for (index, member) in staff.enumerated().dropFirst(state.offset).prefix(room) {
            let marker = index == state.selected ? (model.useASCII ? "> " : "▸ ") : "  "
            let current = member.login == model.actor ? "  (acting now)" : ""
            lines.append(Line(marker + DisplayWidth.pad(member.name, to: 22) + " " + DisplayWidth.pad(member.login, to: 10) + " "
                + member.roles.sorted().map(\.rawValue).joined(separator: ", ") + current,
                index == state.selected ? .selection : .normal))
        }
        lines.append(Line("A letter jumps to a name · Enter acts as them · Esc cancels", .muted))
        box("Act as", lines: lines, model: model, into: &buffer, cursorLine: state.selected - state.offset)
    }
}
