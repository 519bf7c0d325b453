import CasebookCore
import CasebookStore
import Foundation
import Testing
@testable import CasebookTUI

/// Forms in the real loop over a real store: recording, a refusal met only when recording, and
/// the external editor.
@Suite struct FormRunTests {
    typealias SampleCopy = HeadlessRunTests.SampleCopy

    func app(_ copy: SampleCopy, keys: [Key], actor: Login = "hbanks", editor: ExternalEditor? = nil) throws -> (TerminalApp, HeadlessBackend) {
        let store = try Store.open(at: copy.store)
        let backend = HeadlessBackend(width: 110, height: 34, keys: keys)
        let app = TerminalApp(store: store, actor: actor, today: day("2026-11-27"), canSwitchActor: true, backend: backend)
        if let editor { app.editor = editor }
        return (app, backend)
    }

    func text(_ string: String) -> [Key] { string.map { .character($0) } }

    @Test func aConfirmedFormIsRecordedAndItsRecordSelected() throws {
        let copy = try SampleCopy()
        let (app, _) = try app(copy, keys: [.character("2"), .control("n")] + text("Ana Lima") + [.enter, .enter])
        let before = try Store.open(at: copy.store).register.customers.count
        app.run()
        let after = try Store.open(at: copy.store).register
        #expect(after.customers.count == before + 1)
        let created = try #require(after.customers.values.first { $0.name == "Ana Lima" })
        #expect(app.model.form == nil)
        #expect(app.model.tab == .people)
        #expect(app.model.selectedID(in: .people) == created.id.description)
        #expect(app.model.message == "Recorded \(created.id): add a customer")
    }

    @Test func aRefusalMetWhenRecordingGoesBackOntoTheForm() throws {
        let copy = try SampleCopy()
        var keys: [Key] = [.character("1")] + Array(repeating: .down, count: 12) + [.character("d")]
        keys += [.tab, .tab, .tab] + text("Decided here.") + [.enter]  // now confirming, Cancel focused
        let (app, backend) = try app(copy, keys: keys)
        var interfered = false
        backend.onIdle = { [unowned backend] in
            guard !interfered else { return }
            interfered = true
            // Meanwhile a director decides the same proposal from another terminal.
            let other = try! Store.open(at: copy.store)
            _ = try! other.execute(.decide(CaseID("CASE-0013")!, outcome: .apply, consulted: "pnowak", date: day("2026-11-27"),
                                           reason: "Decided elsewhere."), actor: "dkaur", today: day("2026-11-27"))
            backend.keys = [.left, .enter]
        }
        app.run()
        #expect(app.model.selectedID(in: .cases) == "CASE-0013")
        let form = try #require(app.model.form)
        #expect(form.phase == .editing)
        #expect(form.problem?.contains("no proposal awaiting a decision") == true)
        #expect(form.text(.reason) == "Decided here.")  // nothing typed is lost
        let decisions = try Store.open(at: copy.store).register.cases[CaseID("CASE-0013")!]!.proposals.compactMap(\.decision)
        #expect(decisions.map(\.reason) == ["Decided elsewhere."])
    }

    @Test func ctrlEWritesTheFieldInTheEditorAndComesBack() throws {
        let copy = try SampleCopy()
        let script = copy.folder + "/editor.sh"
        try "#!/bin/sh\nprintf 'Written in the editor.\\nSecond line.\\n' > \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o700)
        let keys: [Key] = [.character("c"), .tab, .tab, .tab, .control("e")]
        let (app, backend) = try app(copy, keys: keys, actor: "ofarrell", editor: ExternalEditor(environment: ["EDITOR": script]))
        app.run()
        #expect(backend.suspensions == 1 && !backend.isSuspended)
        #expect(app.model.form?.text(.summary) == "Written in the editor.\nSecond line.")
        #expect(try #require(backend.lastFrame).text.contains("Log a contact on CASE-0001"))
    }

    @Test func aFailingEditorLeavesTheFieldAsItWas() throws {
        let copy = try SampleCopy()
        let keys: [Key] = [.character("c"), .tab, .tab, .tab] + text("Typed here.") + [.control("e")]
        let (app, backend) = try app(copy, keys: keys, actor: "ofarrell",
                                     editor: ExternalEditor(environment: ["VISUAL": "false", "EDITOR": "true"]))
        app.run()
        #expect(backend.suspensions == 1)
        #expect(app.model.form?.text(.summary) == "Typed here.")
        #expect(app.model.form?.problem?.contains("The editor 'false' ended with status 1") == true)
    }

    @Test func theEditorIsVisualThenEditorThenVi() {
        #expect(ExternalEditor(environment: ["VISUAL": "nano", "EDITOR": "ed"]).command == "nano")
        #expect(ExternalEditor(environment: ["VISUAL": " ", "EDITOR": "ed"]).command == "ed")
        #expect(ExternalEditor(environment: [:]).command == "vi")
    }
}
