import CasebookCore

/// Draws a form over the screen: its context, its fields with errors beside them, and the
/// confirmation or discard question when one is asked.
enum FormView {
    /// Where the form's lines go and which of them show.
    struct Layout {
        let x: Int, y: Int, width: Int, height: Int
        let lines: [Line]
        let cursor: (line: Int, column: Int)?
        /// Lines that fit between the frame's borders, above the footer.
        var room: Int { height - 3 }
        /// The first line shown: as scrolled with PgUp/PgDn, else keeping the cursor in view.
        let start: Int
        var maxStart: Int { max(0, lines.count - room) }
    }

    static func layout(_ form: Form, model: AppModel) -> Layout {
        let width = min(model.width - 2, 110)
        let height = model.height - 2
        let inner = width - 4
        var lines: [Line] = []
        var cursor: (line: Int, column: Int)?
        switch form.phase {
        case .editing:
            (lines, cursor) = fieldLines(form, width: inner, today: model.today, ascii: model.useASCII)
        case .confirming(let confirmation):
            lines = confirmationLines(form, confirmation, width: inner)
            // The cursor sits on the focused button (screen readers and magnifiers follow it).
            cursor = (lines.count - 1, buttonColumn(["Record", "Cancel"], focused: confirmation.onRecord ? 0 : 1))
        case .discarding(let discard):
            var editing = fieldLines(form, width: inner, today: model.today, ascii: model.useASCII).lines
            editing.insert(contentsOf: [Line("You have changed this form. Discard the changes?", .danger),
                                        Line(buttons(["Keep editing", "Discard"], focused: discard ? 1 : 0)), Line("")], at: 0)
            lines = editing
            cursor = (1, buttonColumn(["Keep editing", "Discard"], focused: discard ? 1 : 0))
        }
        let room = height - 3
        var start = 0
        if let cursor, cursor.line >= room { start = min(cursor.line - room / 2, max(0, lines.count - room)) }
        if let scroll = form.scroll { start = max(0, min(scroll, max(0, lines.count - room))) }
        return Layout(x: (model.width - width) / 2, y: 1, width: width, height: height, lines: lines, cursor: cursor, start: start)
    }

    static func draw(_ form: Form, model: AppModel, into buffer: inout CellBuffer) {
        // The form covers the screen between the tabs and the status bar.
        buffer.fill(x: 0, y: 1, width: model.width, height: model.height - 2, role: .normal)
        let layout = layout(form, model: model)
        let (x, y, width, height, room, start) = (layout.x, layout.y, layout.width, layout.height, layout.room, layout.start)
        let inner = width - 4
        View.frame(form.title, x: x, y: y, width: width, height: height, ascii: model.useASCII, into: &buffer)
        for (index, line) in layout.lines.dropFirst(start).prefix(room).enumerated() {
            buffer.put(line.text, x: x + 2, y: y + 1 + index, role: line.role, maxWidth: inner)
        }
        if start > 0 { buffer.put("↑ more: PgUp", x: x + width - 15, y: y + 1, role: .muted) }
        if layout.lines.count - start > room { buffer.put("↓ more: PgDn", x: x + width - 15, y: y + height - 2, role: .muted) }
        if let cursor = layout.cursor, cursor.line >= start, cursor.line < start + room {
            buffer.cursor = (x + 2 + cursor.column, y + 1 + cursor.line - start)
        }
        buffer.put(DisplayWidth.truncate(footer(form), to: inner), x: x + 2, y: y + height - 1, role: .muted)
    }

    /// Where the focused button's name starts in `buttons`.
    static func buttonColumn(_ names: [String], focused: Int) -> Int {
        DisplayWidth.of(buttons(Array(names.prefix(focused)), focused: -1)) + (focused > 0 ? 2 : 0) + 3
    }

    static func buttons(_ names: [String], focused: Int) -> String {
        names.enumerated().map { $0.offset == focused ? "▶[ \($0.element) ]◀" : " [ \($0.element) ] " }.joined(separator: "  ")
    }

    static func footer(_ form: Form) -> String {
        switch form.phase {
        case .confirming: return " ←/→ choose · Enter confirms the choice · Esc back to the form "
        case .discarding: return " ←/→ choose · Enter confirms the choice · Esc back to the form "
        case .editing:
            var keys = ["Tab/Shift-Tab move", "Enter check and submit", "Esc cancel"]
            switch form.focused?.value {
            case .text?, .multiline?: keys.insert("Ctrl-E editor", at: 2)
            case .checkbox?: keys.insert("Space ticks", at: 1)
            case .choice?: keys.insert("←/→ or Space choose", at: 1)
            case .multiChoice?: keys.insert("↑/↓ Space ticks", at: 1)
            case .date?: keys.insert("t today, +/- a day", at: 1)
            case .pick?: keys.insert("type to find, ↑/↓ choose", at: 1)
            case nil: break
            }
            return " " + keys.joined(separator: " · ") + " "
        }
    }

    static func confirmationLines(_ form: Form, _ confirmation: Form.Confirmation, width: Int) -> [Line] {
        var lines = [Line("Check before it is recorded:", .heading), Line("")]
        for line in confirmation.lines { lines += View.wrap(Line("  " + line), width: width) }
        if !confirmation.warnings.isEmpty {
            lines.append(Line(""))
            for warning in confirmation.warnings { lines += View.wrap(Line("  ! " + warning, .restriction), width: width) }
        }
        lines.append(Line(""))
        if form.irreversible { lines.append(Line("This cannot be undone: once recorded it stays on the record.", .danger)) }
        lines.append(Line(buttons(["Record", "Cancel"], focused: confirmation.onRecord ? 0 : 1), .heading))
        return lines
    }

    /// The context and every field shown, with the cursor's place in the focused one.
    static func fieldLines(_ form: Form, width: Int, today: Day, ascii: Bool) -> (lines: [Line], cursor: (line: Int, column: Int)?) {
        var lines: [Line] = []
        for line in form.context { lines += View.wrap(line, width: width) }
        if !form.context.isEmpty { lines.append(Line("")) }
        if let problem = form.problem {
            lines += View.wrap(Line("! " + problem, .danger), width: width)
            lines.append(Line(""))
        }
        var cursor: (line: Int, column: Int)?
        // Labels in one column, as wide as the longest (with "(required)" in words), within reason.
        let longest = form.shownIndices.map { DisplayWidth.of(form.fields[$0].label + (form.fields[$0].required ? " (required)" : "")) }.max() ?? 10
        let labelWidth = min(longest + 3, width / 2)
        let valueWidth = max(10, width - labelWidth - 1)
        let marker = ascii ? ">" : "▸"
        for index in form.shownIndices {
            let field = form.fields[index]
            let focused = index == form.focus
            let label = DisplayWidth.pad((focused ? marker + " " : "  ") + field.label + (field.required ? " (required)" : ""), to: labelWidth)
            let labelRole: StyleRole = focused ? .heading : .normal
            func valueLine(_ text: String, role: StyleRole = .normal) {
                lines.append(Line(label + " " + text, role == .normal ? labelRole : role))
            }
            let indent = String(repeating: " ", count: labelWidth + 1)
            switch field.value {
            case .text(let input), .date(let input):
                let (text, column) = input.window(width: valueWidth - 2)
                let hint = if case .date = field.value, input.text.isEmpty { "YYYY-MM-DD" } else { "" }
                valueLine("[" + DisplayWidth.pad(text.isEmpty && !focused ? hint : text, to: valueWidth - 2) + "]")
                if focused { cursor = (lines.count - 1, labelWidth + 2 + column) }
            case .multiline(let input):
                if focused {
                    let shown = TextInput(input.text.replacingNewlines(with: "↵"))
                    var moved = shown
                    while moved.cursor > input.cursor, moved.handle(.left) {}
                    let (text, column) = moved.window(width: valueWidth - 2)
                    valueLine("[" + DisplayWidth.pad(text, to: valueWidth - 2) + "]")
                    cursor = (lines.count - 1, labelWidth + 2 + column)
                } else {
                    let paragraphs = input.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    let wrapped = paragraphs.flatMap { View.wrap(Line(String($0)), width: valueWidth - 2) }
                    valueLine("[" + DisplayWidth.pad(wrapped.first?.text ?? "", to: valueWidth - 2) + "]")
                    for line in wrapped.dropFirst().prefix(5) { lines.append(Line(indent + " " + line.text)) }
                    if wrapped.count > 6 { lines.append(Line(indent + " … \(wrapped.count - 6) more lines", .muted)) }
                }
            case .checkbox(let on):
                valueLine(on ? "[x] yes" : "[ ] no")
                if focused { cursor = (lines.count - 1, labelWidth + 2) }
            case .choice(let options, let selected):
                let text = options.indices.contains(selected) ? options[selected].label : "(nothing to choose)"
                let full = "‹ " + text + " ›" + (options.count > 1 ? "  (\(selected + 1) of \(options.count))" : "")
                // A long option (a check's policy wording) wraps under itself rather than being cut.
                let wrapped = View.wrap(Line(full), width: valueWidth)
                valueLine(wrapped.first?.text ?? full)
                if focused { cursor = (lines.count - 1, labelWidth + 3) }
                for line in wrapped.dropFirst() { lines.append(Line(indent + line.text, focused ? .heading : .normal)) }
            case .multiChoice(let options, let selected, let optionCursor):
                valueLine(selected.isEmpty ? "none ticked" : "\(selected.count) ticked", role: labelRole)
                for (number, option) in options.enumerated() {
                    let box = selected.contains(number) ? "[x] " : "[ ] "
                    let here = focused && number == optionCursor
                    for (part, line) in View.wrap(Line(box + option.label), width: width - labelWidth - 3).enumerated() {
                        lines.append(Line(indent + (here && part == 0 ? marker : " ") + " " + line.text, here ? .selection : .normal))
                    }
                    if here { cursor = (lines.count - 1, labelWidth + 3) }
                }
            case .pick(let picker):
                if focused {
                    let (text, column) = picker.query.window(width: valueWidth - 2)
                    valueLine("[" + DisplayWidth.pad(text, to: valueWidth - 2) + "]")
                    cursor = (lines.count - 1, labelWidth + 2 + column)
                    let first = max(0, min(picker.highlighted - Picker.shown / 2, picker.matches.count - Picker.shown))
                    for position in picker.matches.indices.dropFirst(first).prefix(Picker.shown) {
                        let here = position == picker.highlighted
                        let option = picker.options[picker.matches[position]]
                        lines.append(Line(indent + (here ? marker : " ") + " " + DisplayWidth.truncate(option.label, to: width - labelWidth - 3),
                                          here ? .selection : .normal))
                    }
                    if picker.matches.isEmpty {
                        lines.append(Line(indent + "  nothing matches '\(picker.query.text)'", .danger))
                    } else {
                        lines.append(Line(indent + "  \(picker.highlighted + 1) of \(picker.matches.count) matching", .muted))
                    }
                } else {
                    valueLine(picker.picked.map { "‹ \($0.label) ›" } ?? "(none chosen)")
                }
            }
            if let error = field.error {
                for line in View.wrap(Line(indent + "✗ " + error, .danger), width: width) { lines.append(line) }
            } else if let advice = field.advice?(form) {
                for line in View.wrap(Line(indent + "! " + advice, .overdue), width: width) { lines.append(line) }
            }
            if field.error == nil, focused, let note = field.note {
                for line in View.wrap(Line(indent + note, .muted), width: width) { lines.append(line) }
            }
        }
        return (lines, cursor)
    }
}
