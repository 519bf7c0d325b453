import ArgumentParser
import CasebookCore
import CasebookStore
import CasebookTUI
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", 
        abstract: "Open Casebook on a fresh temporary copy of the bundled sample register, as of its reference date.",
        discussion: "The copy's identity is 'declared', so you can act as any of its staff: an officer, a head of service, a director. Nothing you do touches the bundled sample.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var terminal: TerminalOptions
    var theme: String? { terminal.theme }

    func run() throws {
        try Session.report {
            // The demo never touches a protected store: it runs as the user alone, for good.
            try Session.dropPrivilegeForGood()
            var template = Array((NSTemporaryDirectory() + "casebook-demo-XXXXXX").utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                throw Failure.usage("A temporary folder for the demo could not be made.")
            }
            let folder = String(cString: made)
            let path = try SampleData.copy(to: folder + "/store")
            var options = global
            options.store = path
            if options.today == nil, ProcessInfo.processInfo.environment["CASEBOOK_TODAY"] == nil {
                options.today = SampleData.referenceDate?.description
            }
            if options.actingAs == nil { options.actingAs = SampleData.headOfService }
            try Session.run(options) { session in
                _ = try Terminal.theme(session, named: theme)
                if isatty(0) == 1, isatty(1) == 1 {
                    // The copy is the demo's alone: gone when it ends.
                    defer { try? FileManager.default.removeItem(atPath: folder) }
                    return try Terminal.open(session, theme: theme)
                }
                print("Demo register: \(path)")
                print("As of \(session.today.british), acting as \(session.actor). Try, for example:")
                print("  casebook --store \(path) --today \(session.today) --as \(SampleData.officer) queue --mine")
                print("  casebook --store \(path) --today \(session.today) --as \(SampleData.headOfService) queue --mine")
                print("  casebook --store \(path) find zoe")
                print("")
                try Overview.show(session)
            }
        }
    }
}

/// What `casebook` with no subcommand prints when it is not run in a terminal: who is acting,
/// today, and their queue.
enum Overview {
    static func show(_ session: Session) throws {
        let register = session.register
        let name = register.staff[session.actor].map { "\($0.name) (\($0.roles.sorted().map(\.rawValue).joined(separator: ", ")))" }
            ?? session.actor
        print("Casebook — \(session.store.settings.council.name) — \(name) — \(session.today.british)")
        print("\(register.cases.count) cases, \(register.customers.count) customers, "
            + "\(register.registerEntries.values.filter { $0.state == .live }.count) live register entries.")
        let rows = register.queue(on: session.today, for: session.actor, calendar: session.calendar)
        print(rows.isEmpty ? "Nothing is waiting for you." : "Waiting for you (overdue first):")
        for row in rows.prefix(20) {
            let overdue = row.overdueDays > 0 ? "OVERDUE \(row.overdueDays)d" : "due \(row.due)"
            print("  \(row.kind.group.padding(26)) \(row.subject.padding(10)) \(overdue.padding(16)) \(row.summary)")
        }
        if rows.count > 20 { print("  ... and \(rows.count - 20) more: casebook queue --mine") }
        print("")
        print("Run this in a terminal to browse it full-screen; every workflow is also a command: casebook --help")
    }
}

/// Opens the full-screen front end when both ends are a terminal; otherwise prints the overview
/// (for pipes, scripts and logs).
enum Terminal {
    static func open(_ session: Session, theme: String?) throws {
        let (chosen, problem) = try Terminal.theme(session, named: theme)
        guard isatty(0) == 1, isatty(1) == 1 else { return try Overview.show(session) }
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(theme: chosen)
        } catch {
            throw Failure.usage("\(error)")
        }
        let app = TerminalApp(store: session.store, actor: session.actor, today: session.today, recordingDay: session.recordingDay,
                              canSwitchActor: session.store.settings.identity == .declared, backend: backend,
                              useASCII: backend.useASCII)
        if let problem { app.show(problem) }
        app.run()
        if let problem { printError("casebook: \(problem)") }
        if let signal = backend.stopSignal { throw CasebookExit(status: 128 + signal) }
    }

    /// The theme asked for (--theme, else the store's setting): an unknown one given on the command
    /// line is refused before anything else happens.
    static func theme(_ session: Session, named theme: String?) throws -> (theme: Theme, problem: String?) {
        let environment = ProcessInfo.processInfo.environment
        let folders = environment["CASEBOOK_THEMES"].map { [$0] } ?? []
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        // The user's own theme files are read as the user, never with a protected install's privilege.
        let files = session.store.userFiles
        let read: (String) -> [UInt8]? = { path in try? files.read(path) }
        switch ThemeFile.choose(theme ?? session.store.settings.theme, folders: folders, noColor: noColor, read: read) {
        case .success(let found):
            return found
        case .failure(let unknown):
            // Asked for on the command line: refused. Named in the store's settings: the default, with a word.
            guard theme == nil else { throw Failure.usage(unknown.description) }
            return (noColor ? .monochrome : .standard, unknown.description + " The default theme is used.")
        }
    }
}
