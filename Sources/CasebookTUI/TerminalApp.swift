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
    /// A confirmed command waiting for another process to let go of the store's lock, and since
    /// when: tried again every tick, so that the screen still answers (Esc stops waiting).
    private var waiting: (command: Command, since: Date)?

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
            if let key, waiting != nil {
                // While a record waits for the lock, Esc stops waiting; the form is kept as it was.
                if key == .escape {
                    waiting = nil
                    post(.notRecorded("Stopped waiting for the store: nothing was recorded. Record again when it is free.", store: nil))
                    changed = true
                }
            } else if let key {
                idle = 0
                perform(model.receive(.key(key)))
                changed = true
            } else if let pending = waiting {
                record(pending.command)
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

    /// Carries out the effects, posting each result back to the model as a message.
    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .recordView(let id):
                do {
                    try store.execute(.viewRegisterEntry(id), actor: model.actor, today: model.recordingDay)
                    post(.viewRecorded(id, .success(storeState)))
                } catch {
                    post(.viewRecorded(id, .failure(StoreFailure("\(error)"))))
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
                    post(.letterWritten(subject, kind, .success(try store.letterTemplates.render(letter, as: .text))))
                } catch {
                    post(.letterWritten(subject, kind, .failure(StoreFailure("\(error)"))))
                }
            case .saveLetter(let subject, let kind, let text):
                let name = "\(subject)-\(kind.rawValue)-\(model.today).txt"
                let path = (saveFolder as NSString).appendingPathComponent(name)
                do throws(UserFiles.Failure) {
                    try store.userFiles.write(text: text, to: path)
                    post(.letterSaved(kind, .success(path)))
                } catch {
                    post(.letterSaved(kind, .failure(StoreFailure("\(error)"))))
                }
            case .record(let command):
                record(command)
            case .editText(let field, let text):
                backend.suspend()
                let result = Result { () throws(ExternalEditor.Failure) in try editor.edit(text) }
                backend.resume()
                post(.edited(field: field, result.mapError { StoreFailure($0.description) }))
            case .refresh:
                do {
                    if try store.refresh() { post(.refreshed(.success(storeState))) }
                } catch {
                    post(.refreshed(.failure(StoreFailure("\(error)"))))
                }
            }
        }
    }

    /// Hands a result to the model, and carries out whatever it asks for next.
    private func post(_ message: Message) { perform(model.receive(message)) }

    /// Records a confirmed form's command, and posts what came of it: recorded, refused (the
    /// register changed since the form was checked) or not recorded; nothing is lost or half-written.
    func record(_ command: Command) {
        guard model.form != nil else { return }
        // The lock is tried, not waited for: while another process holds it, the loop goes on and
        // the screen says who holds it; the command is tried again on the next tick.
        let patience = store.options.lockTimeout
        store.options.lockTimeout = 0
        defer { store.options.lockTimeout = patience }
        let since = waiting?.since ?? Date()
        waiting = nil
        do {
            if case .retrieveFile(let hash) = command {
                // A kept file, checked against its hash, saved as the user beside where Casebook started; the taking is recorded.
                guard let file = model.register.evidenceFile(hash).first?.file else { return }
                let path = (saveFolder as NSString).appendingPathComponent("\(file.sha256.prefix(12))-\(file.name.replacingOccurrences(of: "/", with: "_"))")
                guard !store.userFiles.exists(path) else {
                    return post(.notRecorded("\(path) already exists: move it away first. Nothing was recorded.", store: nil))
                }
                let (_, bytes) = try store.retrieveFile(hash, actor: model.actor, today: model.recordingDay)
                do throws(UserFiles.Failure) {
                    try store.userFiles.write(bytes, to: path)
                } catch {
                    return post(.notRecorded("The file could not be saved: \(error)", store: nil))
                }
                post(.recorded(Outcome(events: []), store: storeState, saved: path))
            } else if case let .recordLetterSent(subject, kind, sentOn, nil) = command {
                // The letter is produced, checked and kept as sent before it is recorded.
                let outcome = try store.recordLetter(kind, on: subject, sentOn: sentOn, actor: model.actor, today: model.recordingDay).outcome
                post(.recorded(outcome, store: storeState))
            } else {
                post(.recorded(try store.execute(command, actor: model.actor, today: model.recordingDay), store: storeState))
            }
        } catch StoreError.locked(let holder, _) {
            let waited = Date().timeIntervalSince(since)
            if waited >= patience {
                post(.notRecorded("The store is busy: \(holder) has held its lock for over \(Int(patience.rounded())) s. Nothing was "
                    + "recorded; record again in a moment. If that process has stopped responding, end it.", store: nil))
            } else {
                waiting = (command, since)
                post(.waitingForLock(holder: holder, seconds: Int(waited)))
            }
        } catch {
            // Someone else may have changed the register: it is shown as it is now.
            let state = (try? store.refresh()) == true ? storeState : nil
            if case .refused(let refusal) = error {
                post(.refused(refusal, store: state))
            } else {
                post(.notRecorded("Nothing was recorded: \(error.description)", store: state))
            }
        }
    }

    /// What the store now holds, with the changes since the model last took it up.
    private var storeState: StoreState {
        StoreState(register: store.register, changes: store.takeChanges(), calendar: store.settings.calendar,
                   serviceAreas: store.settings.serviceAreas.map(Set.init))
    }
}
