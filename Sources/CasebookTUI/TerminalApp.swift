import CasebookCore
import CasebookStore
import Foundation

/// The loop: keys in, model updated, effects carried out against the store, frames out. Changes
/// written by other terminals are picked up within half a second without losing the user's place.
public final class TerminalApp {
    let store: Store
    let backend: any TerminalBackend
    public private(set) var model: AppModel
    /// How often, in key time-outs of 100 ms, the journal is checked for others' changes.
    let pollEvery = 5
    /// Where previewed letters are saved (the current directory unless set).
    public var saveFolder = FileManager.default.currentDirectoryPath
    /// Ctrl-E on a form's text field opens this.
    public var editor = ExternalEditor()

    public init(store: Store, actor: Login, today: Day, recordingDay: Day? = nil, canSwitchActor: Bool, backend: any TerminalBackend,
                useASCII: Bool = false) {
        self.store = store
        self.backend = backend
        let size = backend.size
        model = AppModel(register: store.register, today: today, calendar: store.settings.calendar, actor: actor,
                         canSwitchActor: canSwitchActor, councilName: store.settings.council.name,
                         width: size.width, height: size.height, recordingDay: recordingDay,
                         serviceAreas: store.settings.serviceAreas.map(Set.init))
        model.useASCII = useASCII
        if useASCII { model.message = ASCIIFallback.note }
        if let notice = store.notices.last { model.message = notice }
        if store.register.staff[actor] == nil {
            model.message = "\(actor) is not on the staff list: you can look, but your views of register entries cannot be recorded."
        }
    }

    /// Shows a message in the status bar (a theme problem, a notice).
    public func show(_ message: String) { model.message = message }

    public func run() {
        defer { backend.shutdown() }
        backend.draw(View.render(model))
        var idle = 0
        while !model.quit && !backend.stopRequested {
            let key = backend.readKey(timeout: 100)
            var changed = resizeIfNeeded()
            if let key {
                idle = 0
                perform(model.update(key))
                changed = true
            } else {
                idle += 1
                if idle % pollEvery == 0, store.hasNewRecords() {
                    perform([.refresh])
                    changed = true
                }
                if idle == 20 {  // after two quiet seconds
                    store.snapshotIfDue()
                    store.searchIndexIfStale()
                }
            }
            if changed && !model.quit { backend.draw(View.render(model)) }
        }
    }

    private func resizeIfNeeded() -> Bool {
        let size = backend.size
        guard size.width != model.width || size.height != model.height else { return false }
        model.width = size.width
        model.height = size.height
        for tab in Tab.allCases { model.lists[tab, default: ListState()].clamp(count: model.count(tab), visible: model.listHeight) }
        return true
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .recordView(let id):
                do {
                    try store.execute(.viewRegisterEntry(id), actor: model.actor, today: model.recordingDay)
                    adoptStore()
                } catch {
                    model.message = "Your view of \(id) could not be recorded (5.3): \(error)"
                }
            case .switchActor(let login):
                model.switchActor(to: login)
            case .previewLetter(let subject, let kind):
                if case .restrictionsOnly(let why) = model.register.access(to: subject.record, for: model.actor) {
                    model.message = why
                    break
                }
                do throws(Refusal) {
                    let letter = try store.settings.letters(for: model.register).letter(kind, on: subject, date: model.today)
                    let text = try store.letterTemplates.render(letter, as: .text)
                    model.overlay = .letter(subject: subject, kind: kind, text: text, offset: 0)
                } catch {
                    model.message = "The \(kind.title) cannot be written: \(error)"
                }
            case .saveLetter(let subject, let kind, let text):
                let name = "\(subject)-\(kind.rawValue)-\(model.today).txt"
                let path = (saveFolder as NSString).appendingPathComponent(name)
                do throws(UserFiles.Failure) {
                    try store.userFiles.write(text: text, to: path)
                    model.message = "Saved the \(kind.title) to \(path)"
                } catch {
                    model.message = "The letter could not be saved: \(error)"
                }
            case .record(let command):
                record(command)
            case .editText(let field, let text):
                backend.suspend()
                let result = Result { () throws(ExternalEditor.Failure) in try editor.edit(text) }
                backend.resume()
                switch result {
                case .success(let edited): model.form?.setText(edited, field: field)
                case .failure(let failure): model.form?.problem = failure.description
                }
            case .refresh:
                do {
                    if try store.refresh() { adoptStore() }
                } catch {
                    model.message = "\(error)"
                }
            }
        }
    }

    /// Records a confirmed form's command. A refusal (the register changed since the form was
    /// checked) or a store failure goes back onto the form; nothing is lost or half-written.
    func record(_ command: Command) {
        guard let form = model.form else { return }
        do {
            let outcome: Outcome
            var saved = ""
            if case .retrieveFile(let hash) = command {
                // A kept file, checked against its hash, saved as the user beside where Casebook started; the taking is recorded.
                guard let file = model.register.evidenceFile(hash).first?.file else { return }
                let path = (saveFolder as NSString).appendingPathComponent("\(file.sha256.prefix(12))-\(file.name.replacingOccurrences(of: "/", with: "_"))")
                guard !store.userFiles.exists(path) else {
                    model.form?.phase = .editing
                    model.form?.problem = "\(path) already exists: move it away first. Nothing was recorded."
                    return
                }
                let (_, bytes) = try store.retrieveFile(hash, actor: model.actor, today: model.recordingDay)
                do throws(UserFiles.Failure) {
                    try store.userFiles.write(bytes, to: path)
                } catch {
                    model.form?.phase = .editing
                    model.form?.problem = "The file could not be saved: \(error)"
                    return
                }
                saved = " · saved to \(path)"
                outcome = Outcome(events: [])
            } else if case let .recordLetterSent(subject, kind, sentOn, nil) = command {
                // The letter is produced, checked and kept as sent before it is recorded.
                outcome = try store.recordLetter(kind, on: subject, sentOn: sentOn, actor: model.actor, today: model.recordingDay).outcome
            } else {
                outcome = try store.execute(command, actor: model.actor, today: model.recordingDay)
            }
            model.form = nil
            adoptStore()
            if let tab = form.afterwards { model.show(tab) }
            if let created = outcome.created, AnyRecordID(created) != nil { model.select(created, in: model.tab) }
            // The new id first: a narrow status bar still shows it.
            var message = "Recorded: " + form.title.lowercasedFirst
            if let created = outcome.created, AnyRecordID(created) != nil { message = "Recorded \(created): " + form.title.lowercasedFirst }
            if let warning = outcome.warnings.first {
                message += " · " + warning.description + (outcome.warnings.count > 1 ? " (+\(outcome.warnings.count - 1) more)" : "")
            }
            model.message = message + saved
        } catch {
            if case .refused(let refusal) = error {
                model.form?.refused(refusal)
            } else {
                model.form?.phase = .editing
                model.form?.problem = "Nothing was recorded: \(error.description)"
            }
            // Someone else may have changed the register: show it as it is now.
            if (try? store.refresh()) == true { adoptStore() }
        }
    }

    /// The register as the store now holds it, with the settings it records under (a change by
    /// another administrator reaches this terminal too).
    private func adoptStore() {
        model.calendar = store.settings.calendar
        model.serviceAreas = store.settings.serviceAreas.map(Set.init)
        model.replaceRegister(store.register, changes: store.takeChanges())
    }
}
