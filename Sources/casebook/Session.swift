import CasebookCore
import CasebookStore
import Foundation

/// One command's use of the store: who is acting, on what day, and how results and failures are
/// reported (created ids alone on stdout; warnings and errors on stderr; contract exit statuses).
struct Session {
    let store: Store
    let actor: Login
    let today: Day

    static func storeOptions(actor: Login) -> Store.Options {
        var options = Store.Options()
        options.holder = "\(actor)@\(ProcessInfo.processInfo.hostName) pid \(getpid())"
        if let text = ProcessInfo.processInfo.environment["CASEBOOK_LOCK_TIMEOUT"], let seconds = Double(text) {
            options.lockTimeout = seconds
        }
        return options
    }

    /// The operating-system login of this process.
    static var osLogin: Login {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// The acting login under the store's identity rule: `--as` is refused on an `os` store.
    static func actor(_ global: GlobalOptions, identity: StoreSettings.Identity) throws -> Login {
        guard let declared = global.actingAs else { return osLogin }
        guard identity == .declared else {
            throw Failure.usage("This store identifies staff by their operating-system login, so --as is not allowed: "
                + "log in as \(declared) to act as them.")
        }
        return declared
    }

    /// Opens the store named by the options and runs `body`, reporting failures by the contract.
    static func run(_ global: GlobalOptions, _ body: (Session) throws -> Void) throws {
        try report {
            let today = try global.resolvedToday()
            let store = try Store.open(at: global.storePath, options: storeOptions(actor: osLogin))
            let actor = try actor(global, identity: store.settings.identity)
            store.options.holder = storeOptions(actor: actor).holder
            for notice in store.notices { printError("note: \(notice)") }
            try body(Session(store: store, actor: actor, today: today))
            store.snapshotIfDue()
            store.searchIndexIfStale()
            finish(keeping: store)
        }
    }

    /// The command is done: the process ends here, its output flushed, rather than first let a
    /// register of a hundred thousand cases go record by record (a tenth of a second spent on
    /// memory the system takes back at exit anyway). Files and the lock close with the process.
    static func finish(keeping store: Store) -> Never {
        fflush(nil)  // every output stream
        withExtendedLifetime(store) { exit(EXIT_SUCCESS) }
    }

    /// `find` from the search index, when it is up to date (nil: open the store instead). The same
    /// identity rule applies: `--as` only on a declared-identity store.
    static func quickFind(_ global: GlobalOptions, query: String) throws -> [(hit: Search.Hit, record: SearchRecord)]? {
        var results: [(hit: Search.Hit, record: SearchRecord)]?
        try report {
            _ = try global.resolvedToday()
            guard let found = Store.quickFind(at: global.storePath, query: query) else { return }
            _ = try actor(global, identity: found.settings.identity)
            results = found.results
        }
        return results
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
        let outcome = try store.execute(command, actor: actor, today: today)
        for warning in outcome.warnings { printError(warning.description) }
        return outcome
    }

    /// Records a creating command and prints the new id alone on stdout.
    func create(_ command: Command) throws {
        let outcome = try execute(command)
        if let created = outcome.created { print(created) }
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

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
