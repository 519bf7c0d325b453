import CasebookCore
import CasebookStore
import Foundation
import Testing
@testable import CasebookTUI

/// Scripted runs of the real loop over a real store, with a headless terminal.
@Suite struct HeadlessRunTests {
    /// A private copy of the sample store.
    final class SampleCopy {
        let folder: String
        var store: String { folder + "/store" }

        init() throws {
            var template = Array((NSTemporaryDirectory() + "casebook-tui-XXXXXX").utf8CString)
            folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
            var url = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { url.deleteLastPathComponent() }
            try FileManager.default.copyItem(atPath: url.appendingPathComponent("SampleData/store").path, toPath: store)
            for name in try FileManager.default.subpathsOfDirectory(atPath: store) + [""] {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: store + "/" + name, isDirectory: &isDirectory)
                chmod(store + "/" + name, isDirectory.boolValue ? 0o770 : 0o660)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }
    }

    func run(_ keys: [Key], width: Int = 100, height: Int = 30, actor: Login = "hbanks",
             copy: SampleCopy, onIdle: ((HeadlessBackend) -> Void)? = nil) throws -> (TerminalApp, HeadlessBackend) {
        let store = try Store.open(at: copy.store)
        let backend = HeadlessBackend(width: width, height: height, keys: keys)
        if let onIdle { backend.onIdle = { [unowned backend] in onIdle(backend) } }
        let app = TerminalApp(store: store, actor: actor, today: day("2026-11-27"), canSwitchActor: true, backend: backend)
        app.run()
        return (app, backend)
    }

    @Test func navigationAndFilteringAsYouType() throws {
        let copy = try SampleCopy()
        let (app, backend) = try run([.character("2")] + "wojcik".map { .character($0) } + [.enter], copy: copy)
        let screen = try #require(backend.lastFrame).text
        #expect(screen.contains("▸ Krzysztof Wójcik"))
        #expect(screen.contains("Filter: wojcik"))
        #expect(app.model.count(.people) == 1)
        #expect(backend.isShutDown)
    }

    @Test func queueRowOpensItsSubject() throws {
        let copy = try SampleCopy()
        let (app, backend) = try run([.character("4"), .enter], copy: copy)
        #expect(app.model.tab == .cases)
        #expect(app.model.selectedID(in: .cases) == "CASE-0013")
        #expect(app.model.detailOpen)
        #expect(try #require(backend.lastFrame).text.contains("CASE-0013  Parking permit refusal"))
    }

    @Test func openingARegisterEntryRecordsTheView() throws {
        let copy = try SampleCopy()
        let before = try Store.open(at: copy.store).register.registerEntries[RegisterEntryID(number: 3)]!.views.count
        let (_, backend) = try run([.character("3"), .down, .down, .enter], actor: "pnowak", copy: copy)
        #expect(try #require(backend.lastFrame).text.contains("Facts: Raised voice"))
        let views = try Store.open(at: copy.store).register.registerEntries[RegisterEntryID(number: 3)]!.views
        #expect(views.count == before + 1)
        #expect(views.last?.by == "pnowak")
        #expect(views.last?.on == day("2026-11-27"))
    }

    /// Adds a customer from another process's point of view: a second Store on the same folder.
    func writeFromAnotherTerminal(_ copy: SampleCopy) {
        guard let other = try? Store.open(at: copy.store) else { return }
        _ = try? other.execute(.addCustomer(name: "Aaron Aardvark", address: nil, postcode: nil, email: nil, phone: nil,
                                            adjustments: nil), actor: "ofarrell", today: day("2026-11-27"))
    }

    @Test func changesFromAnotherTerminalAppearWithoutLosingThePlace() throws {
        let copy = try SampleCopy()
        var wrote = false
        let (app, backend) = try run([.character("2"), .down, .down, .down], copy: copy) { backend in
            guard !wrote else { return }
            wrote = true
            let selected = backend.lastFrame?.lines.first { $0.hasPrefix("▸") }
            writeFromAnotherTerminal(copy)
            backend.keys = [.control("l")]  // on People, r would be typed into the search
            #expect(selected?.contains("Bartłomiej Zieliński") == true)
        }
        let screen = try #require(backend.lastFrame).text
        #expect(screen.contains("Aaron Aardvark"))
        // A new name sorted in above, yet the same person is still selected.
        #expect(screen.contains("▸ Bartłomiej Zieliński"))
        #expect(app.model.rows.people.count == 34)
    }

    @Test func thePollNoticesWithoutAKey() throws {
        let copy = try SampleCopy()
        let store = try Store.open(at: copy.store)
        let backend = HeadlessBackend(width: 100, height: 30, keys: [.character("2")])
        backend.idleReturnsNil = true
        var wrote = false
        backend.onIdle = {
            if !wrote { wrote = true; writeFromAnotherTerminal(copy) }
        }
        TerminalApp(store: store, actor: "hbanks", today: day("2026-11-27"), canSwitchActor: true, backend: backend).run()
        #expect(backend.frames.last?.text.contains("Aaron Aardvark") == true)
    }

    @Test func aLetterIsPreviewedAndSavedFromTheTerminal() throws {
        let copy = try SampleCopy()
        let store = try Store.open(at: copy.store)
        let keys: [Key] = [.character("/")] + "CASE-0016".map { .character($0) } + [.enter, .character("l")]
        let backend = HeadlessBackend(width: 100, height: 30, keys: keys)
        let app = TerminalApp(store: store, actor: "ofarrell", today: day("2026-11-27"), canSwitchActor: true, backend: backend)
        app.saveFolder = copy.folder
        var saved = false
        backend.onIdle = { [unowned backend] in
            guard !saved else { return }
            saved = true
            #expect(backend.lastFrame?.text.contains("decision letter on CASE-0016 (preview)") == true)
            #expect(backend.lastFrame?.text.contains("Yusuf Hussain") == true)
            backend.keys = [.character("w")]
        }
        app.run()
        let path = copy.folder + "/CASE-0016-decision-2026-11-27.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("OUR DECISION ABOUT YOUR CONTACT WITH US"))
        #expect(backend.lastFrame?.text.contains("Saved the decision letter") == true)
    }

    @Test func switchingTheActingUser() throws {
        let copy = try SampleCopy()
        let (app, backend) = try run([.character("u"), .end, .up, .enter], copy: copy)
        #expect(app.model.actor != "hbanks")
        #expect(try #require(backend.lastFrame).text.contains("Now acting as"))
    }

    @Test func aStopRequestRestoresTheTerminal() throws {
        let copy = try SampleCopy()
        let store = try Store.open(at: copy.store)
        let backend = HeadlessBackend(width: 80, height: 24, keys: [.down])
        backend.stopRequested = true
        TerminalApp(store: store, actor: "hbanks", today: day("2026-11-27"), canSwitchActor: true, backend: backend).run()
        #expect(backend.isShutDown)
    }

    @Test func onAnOSStoreSwitchingIsShownDisabledWithTheReason() {
        var model = sampleModel(width: 140, height: 30)
        model.canSwitchActor = false
        model.press(.character("u"))
        #expect(model.overlay == nil)
        #expect(model.message?.contains("operating-system login") == true)
        model.press(.character("?"))
        #expect(model.screen.contains("not available: this store identifies staff"))
    }
}
