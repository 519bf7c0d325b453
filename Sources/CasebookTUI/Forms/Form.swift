import CasebookCore

/// Something wrong with a form's values found before the domain sees them (a date that is not
/// a date, nothing picked), placed beside `field`.
public struct FormProblem: Error, Sendable {
    public let field: Field?
    public let message: String

    public init(_ message: String, field: Field? = nil) {
        self.field = field
        self.message = message
    }
}

/// A form that records one command. It is filled in, checked by the domain without recording
/// anything, summarised for confirmation, and only then recorded.
public struct Form: Sendable {
    public enum Phase: Equatable, Sendable {
        case editing
        /// The summary of what will be recorded; `onRecord` says which button has focus.
        case confirming(Confirmation)
        /// Esc on a changed form: `discard` says which button has focus (Keep editing first).
        case discarding(discard: Bool)
    }

    public struct Confirmation: Equatable, Sendable {
        public let command: Command
        public let lines: [String]
        public let warnings: [String]
        public var onRecord: Bool
    }

    public let title: String
    /// What the person needs to see to fill the form in (the case, the proposal, the checks).
    public var context: [Line]
    public var fields: [FormField]
    public var focus = 0
    public var phase = Phase.editing
    /// A refusal or problem that concerns no one field.
    public var problem: String?
    /// The first line shown when scrolled with PgUp/PgDn to read the context; nil follows the cursor.
    public var scroll: Int?
    /// An irreversible action's confirmation opens on Cancel.
    public let irreversible: Bool
    /// After recording: what to select, on which screen (nil: the created id, if any, on the current one).
    public let afterwards: Tab?
    let initial: [FieldValue]
    let build: @Sendable (Form) throws(FormProblem) -> Command

    public init(_ title: String, context: [Line] = [], fields: [FormField], irreversible: Bool = false, afterwards: Tab? = nil,
                build: @escaping @Sendable (Form) throws(FormProblem) -> Command) {
        self.title = title
        self.context = context
        self.fields = fields
        self.irreversible = irreversible
        self.afterwards = afterwards
        self.build = build
        initial = fields.map(\.value)
        focus = fields.indices.first { isShown(fields[$0]) } ?? 0
    }

    public var changed: Bool { fields.map(\.value) != initial }

    func isShown(_ field: FormField) -> Bool { field.shownWhen?(self) ?? true }
    public var shownIndices: [Int] { fields.indices.filter { isShown(fields[$0]) } }
    public var focused: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    // MARK: - Values, for `build`

    public func field(_ id: Field) -> FormField {
        guard let field = fields.first(where: { $0.id == id }) else { preconditionFailure("no field \(id) in \(title)") }
        return field
    }

    /// Trimmed text of a text, multi-line or date field; empty when hidden.
    public func text(_ id: Field) -> String {
        let field = field(id)
        guard isShown(field) else { return "" }
        switch field.value {
        case .text(let input), .multiline(let input), .date(let input): return input.text.trimmed
        default: return field.value.summary
        }
    }

    /// Text, or nil when blank or hidden.
    public func optionalText(_ id: Field) -> String? {
        let value = text(id)
        return value.isEmpty ? nil : value
    }

    /// The field's text when it differs from the value on record (`old`), else nil: a correction sends only what changed.
    public func changedText(_ id: Field, from old: String) -> String? {
        text(id) == old.trimmed ? nil : text(id)
    }

    public func day(_ id: Field) throws(FormProblem) -> Day {
        let value = text(id)
        guard let day = Day(value) else {
            throw FormProblem(value.isEmpty ? "Give a date as YYYY-MM-DD (t is today)."
                : "'\(value)' is not a date: write it as YYYY-MM-DD, for example \(Day(year: 2026, month: 3, day: 31)!). "
                    + "t is today; + and - move a day.", field: id)
        }
        return day
    }

    public func checked(_ id: Field) -> Bool {
        if case .checkbox(let on) = field(id).value { return on && isShown(field(id)) }
        return false
    }

    /// The value of the chosen option (choice or picker).
    public func choice(_ id: Field) throws(FormProblem) -> String {
        switch field(id).value {
        case .choice(let options, let selected) where options.indices.contains(selected): return options[selected].value
        case .pick(let picker):
            guard let picked = picker.picked else {
                throw FormProblem("Nothing matches '\(picker.query.text)': type less, or part of another name.", field: id)
            }
            return picked.value
        default: throw FormProblem("Choose one.", field: id)
        }
    }

    public func choices(_ id: Field) -> [String] {
        guard isShown(field(id)), case .multiChoice(let options, let selected, _) = field(id).value else { return [] }
        return selected.sorted().map { options[$0].value }
    }

    // MARK: - Checking

    /// Clears the errors, checks required fields and the values' shapes, then asks the domain
    /// (`validate`, which records nothing). Ends confirming, or editing with errors beside fields.
    mutating func submit(validate: (Command) -> Result<Outcome, Refusal>) {
        for index in fields.indices { fields[index].error = nil }
        problem = nil
        let missing = shownIndices.filter { fields[$0].required && fields[$0].value.isEmpty }
        for index in missing {
            if case .pick(let picker) = fields[index].value, !picker.query.text.isEmpty {
                fields[index].error = "Nothing matches '\(picker.query.text)': type less, or part of another name."
            } else {
                fields[index].error = "Required: give the \(fields[index].label.lowercased())."
            }
        }
        if let first = missing.first { focus = first; return }
        let command: Command
        do throws(FormProblem) {
            command = try build(self)
        } catch {
            place(error.message, field: error.field)
            return
        }
        switch validate(command) {
        case .failure(let refusal):
            let paragraph = refusal.paragraph.map { " (policy \($0))" } ?? ""
            place(refusal.message + paragraph, field: refusal.field)
        case .success(let outcome):
            let lines = shownIndices.compactMap { index -> String? in
                let summary = fields[index].value.summary
                return summary.isEmpty ? nil : "\(fields[index].label): \(summary)"
            }
            phase = .confirming(Confirmation(command: command, lines: lines, warnings: outcome.warnings.map(\.description),
                                             onRecord: !irreversible))
        }
    }

    /// The domain's words for the command line, said for the terminal: an option is the field
    /// that fills it ("--reason" is "Reasons"), a command the key that runs it.
    func inTerminalWords(_ message: String) -> String {
        let text = Registry.commandsAsKeys(message)
        // Options ("--reason"), read word by word: letters and hyphens after two hyphens.
        var result = "", characters = Array(text), index = 0
        while index < characters.count {
            if index + 2 < characters.count, characters[index] == "-", characters[index + 1] == "-",
               characters[index + 2].isASCII, characters[index + 2].isLowercase {
                var end = index + 2
                while end < characters.count, characters[end].isASCII, characters[end].isLowercase || characters[end] == "-" { end += 1 }
                let option = Field(rawValue: String(characters[(index + 2)..<end]))
                result += option.flatMap { option in fields.first { $0.answers(to: option) } }.map { "the field '\($0.label)'" } ?? "the form"
                index = end
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    /// Shows a message beside the field it concerns, else above the fields.
    public mutating func place(_ message: String, field: Field?) {
        let message = inTerminalWords(message)
        if let index = field.flatMap({ field in shownIndices.first { fields[$0].answers(to: field) } }) {
            fields[index].error = message
            focus = index
        } else {
            problem = message
        }
        phase = .editing
    }

    /// A refusal met when recording (someone else changed the register meanwhile).
    public mutating func refused(_ refusal: Refusal) {
        place(refusal.message + (refusal.paragraph.map { " (policy \($0))" } ?? ""), field: refusal.field)
    }

    // MARK: - Keys

    /// What a key did to the form.
    public enum Response: Equatable, Sendable {
        case stay
        case cancel
        case record(Command)
        /// Ctrl-E on a text field: edit it in the external editor.
        case edit(field: Field, text: String)
    }

    public mutating func update(_ key: Key, today: Day, validate: (Command) -> Result<Outcome, Refusal>) -> Response {
        switch phase {
        case .confirming(var confirmation):
            switch key {
            case .left, .right, .tab, .backTab: confirmation.onRecord.toggle(); phase = .confirming(confirmation)
            case .escape: phase = .editing
            case .enter:
                if confirmation.onRecord { return .record(confirmation.command) }
                phase = .editing
            default: break
            }
            return .stay
        case .discarding(let discard):
            switch key {
            case .left, .right, .tab, .backTab: phase = .discarding(discard: !discard)
            case .escape: phase = .editing
            case .enter: if discard { return .cancel } else { phase = .editing }
            default: break
            }
            return .stay
        case .editing:
            break
        }
        switch key {
        case .escape:
            if changed { phase = .discarding(discard: false) } else { return .cancel }
            return .stay
        case .enter:
            submit(validate: validate)
            return .stay
        case .control("e"):
            guard let field = focused else { return .stay }
            switch field.value {
            case .text(let input), .multiline(let input): return .edit(field: field.id, text: input.text)
            default: return .stay
            }
        case .tab: moveFocus(by: 1)
        case .backTab: moveFocus(by: -1)
        default:
            if fields.indices.contains(focus), fields[focus].handle(key, today: today) {
                fields[focus].error = nil
                return .stay
            }
            if key == .down { moveFocus(by: 1) } else if key == .up { moveFocus(by: -1) }
        }
        return .stay
    }

    mutating func moveFocus(by step: Int) {
        let shown = shownIndices
        guard !shown.isEmpty else { return }
        let position = shown.firstIndex(of: focus) ?? 0
        focus = shown[(position + step + shown.count) % shown.count]
    }

    /// Puts text written in the external editor back into its field.
    public mutating func setText(_ text: String, field id: Field) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        switch fields[index].value {
        case .text: fields[index].value = .text(TextInput(text.replacingNewlines(with: " ").trimmed))
        case .multiline: fields[index].value = .multiline(TextInput(text.trimmedTrailingNewlines))
        default: break
        }
        fields[index].error = nil
    }
}

extension String {
    var trimmedTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    func replacingNewlines(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
