import CasebookCore
import CasebookStore
import Foundation

/// One command's use of the store: who is acting, on what day, and how results and failures are
/// reported (created ids alone on stdout; warnings and errors on stderr; contract exit statuses).
struct Session {
    let store: Store
    let actor: Login
    /// The date queues and deadlines are computed for (`--today`, else the real date).
    let today: Day
    /// The date recording commands are judged against: the real date on an `os` or protected
    /// store, whatever `--today` says; `today` on a declared-identity (demo, training) store.
    let recordingDay: Day

    static func storeOptions(actor: Login, process: ProcessIdentity = .current()) -> Store.Options {
        var options = Store.Options()
        options.holder = "\(actor)@\(ProcessInfo.processInfo.hostName) pid \(getpid())"
        if let text = ProcessInfo.processInfo.environment["CASEBOOK_LOCK_TIMEOUT"], let seconds = Double(text), seconds >= 0 {
            options.lockTimeout = min(seconds, 3600)
        }
        if process.isProtected { options.protection = process }
        return options
    }

    /// The operating-system login of this process: the real uid's entry in the user database,
    /// nothing else (never $USER or $LOGNAME); a uid without one is refused.
    static func osLogin(_ process: ProcessIdentity = .current()) throws(StoreError) -> Login {
        do throws(ProcessIdentity.Unknown) {
            return try process.login()
        } catch {
            throw .notStaff(error.description)
        }
    }

    /// Who this process is, for the lock's holder note before the acting person is known.
    static var processDescription: String { (try? osLogin()) ?? "uid \(getuid())" }

    /// The acting login under the store's identity rule: `--as` is refused on an `os` store (and
    /// by a protected install, which opens no other kind).
    static func actor(_ global: GlobalOptions, identity: StoreSettings.Identity) throws -> Login {
        guard let declared = global.actingAs else { return try osLogin() }
        guard identity == .declared, !ProcessIdentity.current().isProtected else {
            throw Failure.usage("This store identifies staff by their operating-system login, so --as is not allowed: "
                + "log in as \(declared) to act as them.")
        }
        return declared
    }

    /// For commands that never use a protected store (the demo, a synthetic register, a copy of
    /// the sample): the group privilege is given up for the rest of the process.
    static func dropPrivilegeForGood() throws {
        guard ProcessIdentity.current().dropForGood() else {
            throw Failure.usage("Casebook could not give up its group privilege, so it stops here.")
        }
    }

    /// Only active staff use a store: anyone else is told who can add them.
    static func requireStaff(_ actor: Login, in register: Register) throws(StoreError) {
        guard register.isInitialised, register.staff[actor]?.active != true else { return }
        let admins = register.staff.values.filter { $0.active && $0.has(.admin) }.sorted { $0.login < $1.login }
            .map { "\($0.name) (\($0.login))" }
        let left = register.staff[actor] != nil
        throw .notStaff("\(actor) is \(left ? "no longer one of" : "not one of") this register's staff, so Casebook shows "
            + "and records nothing for them. Ask an administrator to \(left ? "add you again" : "add you") "
            + "(\(admins.isEmpty ? "the store has none" : admins.joined(separator: ", "))): casebook staff add \(actor) ...")
    }

    /// Opens the store named by the options and runs `body`, reporting failures by the contract.
    static func run(_ global: GlobalOptions, _ body: (Session) throws -> Void) throws {
        try report {
            let today = try global.resolvedToday()
            let store = try Store.open(at: global.storePath, options: storeOptions(actor: processDescription))
            let actor = try actor(global, identity: store.settings.identity)
            try requireStaff(actor, in: store.register)
            store.options.holder = storeOptions(actor: actor).holder
            for notice in store.notices { printError("note: \(notice)") }
            let recordingDay = store.settings.identity == .declared ? today : try GlobalOptions.realToday()
            try body(Session(store: store, actor: actor, today: today, recordingDay: recordingDay))
            store.snapshotIfDue()
            store.searchIndexIfStale()
            finish(keeping: store)
        }
    }

    /// The command is done: the process ends here, its output flushed, rather than first let a
    /// register of a hundred thousand cases go record by record (a tenth of a second spent on
    /// memory the system takes back at exit anyway). Files and the lock close with the process.
    static func finish(keeping store: Store, status: Int32 = 0) -> Never {
        withExtendedLifetime(store) { finish(status: status) }
    }

    /// Ends the process with `status` (or the output's failure), its output flushed.
    static func finish(status: Int32) -> Never {
        let status = Output.finalStatus(status)
        fflush(nil)  // every output stream
        exit(status)
    }

    /// `find` from the search index, when it is up to date (nil: open the store instead). The same
    /// identity rule applies: `--as` only on a declared-identity store.
    static func quickFind(_ global: GlobalOptions, query: String) throws
        -> (results: [(hit: Search.Hit, record: SearchRecord)], mapped: FileContents)? {
        var results: (results: [(hit: Search.Hit, record: SearchRecord)], mapped: FileContents)?
        try report {
            _ = try global.resolvedToday()
            let process = ProcessIdentity.current()
            guard let found = Store.quickFind(at: global.storePath, query: query,
                                              protection: process.isProtected ? process : nil) else { return }
            let actor = try actor(global, identity: found.settings.identity)
            // Anyone not on the index's staff list is sent the long way, which says why not.
            guard found.activeStaff.contains(actor) else { return }
            results = (found.results, found.mapped)
        }
        return results
    }

    /// Answers from records read alone, when `read` gives them and `respond` can answer from them
    /// (it returns false when not, having printed nothing): the process then ends, without first
    /// letting the records go. Returns when the store must be opened instead. The same identity
    /// and staff rules apply as opening. `CASEBOOK_POINT_READS=off` always opens the store, `=only`
    /// never does (tests compare the two).
    static func answerAlone<Records: RecordsReadAlone>(_ global: GlobalOptions, _ what: String, read: (ProcessIdentity?) -> Records?,
                                                       respond: (Records, Login, Day) throws -> Bool) throws {
        let mode = ProcessInfo.processInfo.environment["CASEBOOK_POINT_READS"]
        guard mode != "off" else { return }
        try report {
            let today = try global.resolvedToday()
            let process = ProcessIdentity.current()
            guard let records = read(process.isProtected ? process : nil) else { return }
            let actor = try actor(global, identity: records.settings.identity)
            try requireStaff(actor, in: records.register)
            if try respond(records, actor, today) { withExtendedLifetime(records) { finish(status: 0) } }
        }
        if mode == "only" {
            printError("casebook: \(what) could not be read alone (CASEBOOK_POINT_READS=only).")
            finish(status: 3)
        }
    }

    /// Maps every failure to its message and exit status.
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError {
            printError("casebook: \(error.description)")
            throw CasebookExit(status: error.exitStatus)
        } catch let error as Failure {
            printError("casebook: \(error.description)")
            throw CasebookExit(status: 2)
        }
    }

    /// Records a command; warnings go to stderr. Returns the outcome.
    @discardableResult
    func execute(_ command: Command) throws -> Outcome {
        if recordingDay != today {
            printError("note: --today \(today) sets the date queues and deadlines are shown for; this store records "
                + "against the real date, \(recordingDay).")
        }
        let outcome = try store.execute(command, actor: actor, today: recordingDay)
        for warning in outcome.warnings { printError(warning.description) }
        return outcome
    }

    /// Records a creating command and prints the new id alone on stdout.
    func create(_ command: Command) throws {
        let outcome = try execute(command)
        guard let created = outcome.created else { return }
        print(created)
        // The record is saved: if its id cannot be delivered, say so rather than end as if it were.
        if !Output.flush() {
            printError("casebook: saved as \(created), but the id could not be printed"
                + (Output.failure.map { " (\($0.stream): \($0.reason))" } ?? "") + ".")
        }
    }

    var register: Register { store.register }
    var calendar: WorkingDayCalendar { store.settings.calendar }

    // MARK: - Ids typed by people

    /// An id typed by a person: it must have the right shape and name a record that exists.
    func existing<ID: RecordID>(_ text: String, what: String, exists: (ID) -> Bool, hint: String) throws -> ID {
        guard let id = ID(text) else {
            throw Failure.usage("'\(text)' is not \(what) id: they look like \(ID.prefix)-0001.")
        }
        guard exists(id) else { throw Failure.usage("There is no \(what.dropFirst(what.hasPrefix("an ") ? 3 : 2)) \(id). \(hint)") }
        return id
    }

    func caseID(_ text: String) throws -> CaseID {
        try existing(text, what: "a case", exists: { register.cases[$0] != nil },
                     hint: "'casebook list' shows the cases; 'casebook find' searches.")
    }

    func customerID(_ text: String) throws -> CustomerID {
        try existing(text, what: "a customer", exists: { register.customers[$0] != nil },
                     hint: "'casebook find NAME' finds a customer's id.")
    }

    func entryID(_ text: String) throws -> RegisterEntryID {
        try existing(text, what: "a register entry", exists: { register.registerEntries[$0] != nil },
                     hint: "'casebook find' looks people and addresses up.")
    }

    func appealID(_ text: String) throws -> AppealID {
        try existing(text, what: "an appeal", exists: { register.appeals[$0] != nil }, hint: "'casebook queue' lists appeals due.")
    }

    func conferenceID(_ text: String) throws -> ConferenceID {
        try existing(text, what: "a case conference", exists: { register.conferences[$0] != nil },
                     hint: "'casebook show CASE' lists a case's conferences.")
    }
}


