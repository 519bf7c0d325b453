import CasebookCore

/// One choice a field offers: the value a command takes, and what a person reads.
public struct FieldOption: Equatable, Sendable {
    public let value: String
    public let label: String
    /// Lower-cased, accent-free text that find-as-you-type matches against.
    let folded: String

    public init(_ value: String, _ label: String) {
        self.init(value, label, folded: Search.fold("\(value) \(label)"))
    }

    /// An option whose search text is already folded (a screen's row has it).
    init(_ value: String, _ label: String, folded: String) {
        self.value = value
        self.label = label
        self.folded = folded
    }
}

/// A long list chosen from by typing part of a name (customers, cases, staff).
public struct Picker: Equatable, Sendable {
    public let options: [FieldOption]
    public var query = TextInput()
    /// Indices into `options` of those matching the query.
    public private(set) var matches: [Int]
    /// The match the arrows have moved to; the picked option while there are matches.
    public var highlighted = 0
    /// How many matches show under the field while it has focus.
    public static let shown = 6

    public init(options: [FieldOption], picked value: String? = nil) {
        self.options = options
        matches = Array(options.indices)
        if let value, let index = options.firstIndex(where: { $0.value == value }) { highlighted = index }
    }

    public var picked: FieldOption? { matches.indices.contains(highlighted) ? options[matches[highlighted]] : nil }

    mutating func refilter() {
        let words = Search.words(query.text)
        matches = options.indices.filter { FoldedText.contains(options[$0].folded, all: words) }
        highlighted = 0
    }
}

/// What a field holds, by kind.
public enum FieldValue: Equatable, Sendable {
    case text(TextInput)
    /// Several lines: typed in place or written in `$VISUAL`/`$EDITOR` with Ctrl-E.
    case multiline(TextInput)
    case checkbox(Bool)
    /// One of a few options; ←/→ or Space step through them.
    case choice([FieldOption], selected: Int)
    /// Any number of options; ↑/↓ move, Space ticks.
    case multiChoice([FieldOption], selected: Set<Int>, cursor: Int)
    /// YYYY-MM-DD; `t` today, `+`/`-` a day.
    case date(TextInput)
    case pick(Picker)

    /// Whether nothing has been given (for required fields).
    var isEmpty: Bool {
        switch self {
        case .text(let input), .multiline(let input), .date(let input): input.isEmpty
        case .checkbox: false
        case .choice(let options, _): options.isEmpty
        case .multiChoice(_, let selected, _): selected.isEmpty
        case .pick(let picker): picker.picked == nil
        }
    }

    /// The value as the confirmation summary shows it.
    var summary: String {
        switch self {
        case .text(let input), .multiline(let input), .date(let input): input.text.trimmed
        case .checkbox(let on): on ? "yes" : "no"
        case .choice(let options, let selected): options.indices.contains(selected) ? options[selected].label : ""
        case .multiChoice(let options, let selected, _): selected.sorted().map { options[$0].label }.joined(separator: "; ")
        case .pick(let picker): picker.picked?.label ?? ""
        }
    }
}

/// A labelled field of a form. Its `id` is the domain's `Field` for the input (the same as the
/// command-line option), so that a refusal naming a field lands beside it.
public struct FormField: Sendable {
    public let id: Field
    public let label: String
    public let required: Bool
    public var value: FieldValue
    /// A short explanation shown under the field while it has focus.
    public let note: String?
    /// Other fields of the domain this one fills (a variation's "add-type" is the command's `add`).
    let aliases: [Field]
    /// When set, the field appears only while this holds (an escalation reason when a tier is skipped).
    let shownWhen: (@Sendable (Form) -> Bool)?
    /// Advice from the domain about what is entered so far, shown under the field as it changes
    /// (5.1.1: who is not yet invited), so that it is read before confirming.
    let advice: (@Sendable (Form) -> String?)?
    /// What is wrong with the value, from the form's own checks or from the domain.
    public var error: String?

    public init(_ id: Field, _ label: String, _ value: FieldValue, required: Bool = false, note: String? = nil,
                aliases: [Field] = [], shownWhen: (@Sendable (Form) -> Bool)? = nil, advice: (@Sendable (Form) -> String?)? = nil) {
        self.id = id
        self.label = label
        self.value = value
        self.required = required
        self.note = note
        self.aliases = aliases
        self.shownWhen = shownWhen
        self.advice = advice
    }

    /// Whether a refusal naming `field` concerns this field.
    func answers(to field: Field) -> Bool { field == id || aliases.contains(field) }

    /// Handles a key meant for the field; false when the form should handle it (move, submit, cancel).
    mutating func handle(_ key: Key, today: Day) -> Bool {
        switch value {
        case .text(var input):
            guard input.handle(key) else { return false }
            value = .text(input)
        case .multiline(var input):
            guard input.handle(key) else { return false }
            value = .multiline(input)
        case .checkbox(let on):
            guard key == .character(" ") || key == .character("x") else { return false }
            value = .checkbox(!on)
        case .choice(let options, let selected):
            guard !options.isEmpty else { return false }
            switch key {
            case .right, .character(" "): value = .choice(options, selected: (selected + 1) % options.count)
            case .left: value = .choice(options, selected: (selected + options.count - 1) % options.count)
            case .character(let c):
                // A letter jumps to the next option starting with it.
                let letter = Search.fold(String(c))
                let order = (1...options.count).map { (selected + $0) % options.count }
                guard let next = order.first(where: { Search.fold(options[$0].label).hasPrefix(letter) }) else { return true }
                value = .choice(options, selected: next)
            default: return false
            }
        case .multiChoice(let options, var selected, var cursor):
            switch key {
            case .character(" "), .character("x"):
                if selected.contains(cursor) { selected.remove(cursor) } else { selected.insert(cursor) }
            case .down where cursor < options.count - 1: cursor += 1
            case .up where cursor > 0: cursor -= 1
            default: return false
            }
            value = .multiChoice(options, selected: selected, cursor: cursor)
        case .date(var input):
            // + and - move a whole date by a day; while a date is being typed, - is its separator.
            let day = Day(input.text.trimmed)
            switch key {
            case .character("t"): input.set(today.description)
            case .character("+"): input.set(day?.adding(days: 1).description ?? today.description)
            case .character("-") where day != nil || input.isEmpty: input.set(day?.adding(days: -1).description ?? today.description)
            case .character(let c) where !(c.isNumber || c == "-"): return true  // only digits and dashes
            default: guard input.handle(key) else { return false }
            }
            value = .date(input)
        case .pick(var picker):
            switch key {
            case .down where picker.highlighted < picker.matches.count - 1: picker.highlighted += 1
            case .up where picker.highlighted > 0: picker.highlighted -= 1
            case .pageDown: picker.highlighted = min(max(0, picker.matches.count - 1), picker.highlighted + Picker.shown)
            case .pageUp: picker.highlighted = max(0, picker.highlighted - Picker.shown)
            default:
                let before = picker.query.text
                guard picker.query.handle(key) else { return false }
                if picker.query.text != before { picker.refilter() }
            }
            value = .pick(picker)
        }
        return true
    }
}
