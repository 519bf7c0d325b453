import CasebookCore

/// What the outside world tells the model: a key, or the result of an effect the terminal carried
/// out (bubbletea's `Msg`). `TerminalApp` performs the I/O and posts the result here; what the
/// screen does next (close the form, select the new record, say what was recorded, put a refusal
/// back on its field) is decided by `receive`, so tests drive it with no store.
public enum Message: Sendable {
    case key(Key)
    /// A confirmed form's command was recorded; the store now holds `store`. `saved` says where a
    /// file given back was saved, when one was.
    case recorded(Outcome, store: StoreState, saved: String? = nil)
    /// The domain refused the command (the register changed since the form was checked); the store
    /// as it is now, when it could be read again.
    case refused(Refusal, store: StoreState?)
    /// The command could not be recorded (the disk, the lock, a file that could not be saved).
    case notRecorded(String, store: StoreState?)
    /// Another process holds the store's lock: the command is tried again shortly (Esc stops).
    case waitingForLock(holder: String, seconds: Int)
    /// The view of a register entry was recorded (5.3), or could not be.
    case viewRecorded(RegisterEntryID, Result<StoreState, StoreFailure>)
    /// Another terminal's records were read in, or reading them failed.
    case refreshed(Result<StoreState, StoreFailure>)
    /// The letter owed, written for the preview, or why it cannot be.
    case letterWritten(LetterSubject, LetterKind, Result<String, StoreFailure>)
    /// A previewed letter saved to a file, or why not.
    case letterSaved(LetterKind, Result<String, StoreFailure>)
    /// The external editor's text for a form field, or why it was left as it was.
    case edited(field: Field, Result<String, StoreFailure>)
}

/// A failure reported by the terminal's I/O, in words.
public struct StoreFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What the store holds, as the model takes it up: the register, what changed, and the settings
/// it records under (a change by another administrator reaches this terminal too).
public struct StoreState: Sendable {
    public var register: Register
    public var changes: RecordChanges
    public var calendar: WorkingDayCalendar
    public var serviceAreas: Set<ServiceArea>?

    public init(register: Register, changes: RecordChanges = .all, calendar: WorkingDayCalendar, serviceAreas: Set<ServiceArea>?) {
        self.register = register
        self.changes = changes
        self.calendar = calendar
        self.serviceAreas = serviceAreas
    }
}

extension AppModel {
    /// Takes a message in: a key goes to `update`; an effect's result changes the model here.
    public mutating func receive(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return update(key)
        case .recorded(let outcome, let state, let saved):
            let form = self.form
            self.form = nil
            adopt(state)
            if let tab = form?.afterwards { show(tab) }
            let created = outcome.created.flatMap { AnyRecordID($0) != nil ? $0 : nil }
            if let created { select(created, in: tab) }
            // The new id first: a narrow status bar still shows it.
            var text = (created.map { "Recorded \($0): " } ?? "Recorded: ") + (form?.title.lowercasedFirst ?? "")
            if let warning = outcome.warnings.first {
                text += " · " + warning.description + (outcome.warnings.count > 1 ? " (+\(outcome.warnings.count - 1) more)" : "")
            }
            self.message = text + (saved.map { " · saved to \($0)" } ?? "")
        case .refused(let refusal, let state):
            form?.refused(refusal)
            // Someone else may have changed the register: show it as it is now.
            if let state { adopt(state) }
        case .notRecorded(let why, let state):
            form?.phase = .editing
            form?.problem = why
            if let state { adopt(state) }
        case .waitingForLock(let holder, let seconds):
            self.message = "Waiting for the store (Esc stops): \(holder) holds its lock, \(seconds) s"
        case .viewRecorded(let id, let result):
            switch result {
            case .success(let state): adopt(state)
            case .failure(let failure): self.message = "Your view of \(id) could not be recorded (5.3): \(failure)"
            }
        case .refreshed(let result):
            switch result {
            case .success(let state): adopt(state)
            case .failure(let failure): self.message = failure.description
            }
        case .letterWritten(let subject, let kind, let result):
            switch result {
            case .success(let text): overlay = .letter(subject: subject, kind: kind, text: text, offset: 0)
            case .failure(let failure): self.message = "The \(kind.title) cannot be written: \(failure)"
            }
        case .letterSaved(let kind, let result):
            switch result {
            case .success(let path): self.message = "Saved the \(kind.title) to \(path)"
            case .failure(let failure): self.message = "The letter could not be saved: \(failure)"
            }
        case .edited(let field, let result):
            switch result {
            case .success(let text): form?.setText(text, field: field)
            case .failure(let failure): form?.problem = failure.description
            }
        }
        return []
    }

    /// The register and settings the store now holds.
    mutating func adopt(_ state: StoreState) {
        calendar = state.calendar
        serviceAreas = state.serviceAreas
        replaceRegister(state.register, changes: state.changes)
    }
}
