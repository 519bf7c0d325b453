import CasebookCore
import CasebookSynthetic
import CasebookStore
import CasebookTUI
import Foundation

// casebook-bench: the figures of issue "Performance at register scale", for registers of 10,000
// and 100,000 cases built by the same generator as `casebook generate`, with the same questions
// answered by sqlite3 over the same data for comparison. Usage:
//   swift run -c release casebook-bench [--sizes 10000,100000] [--work DIR] [--runs N] [--build-only]
// Registers are built once into the work folder (default .build-bench/) and reused.

umask(0o007)
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

if let mode = option("--writer") {
    // A child writer: appends `count` customers to the store at `mode`, for the four-writer figure.
    let count = Int(option("--count") ?? "100") ?? 100
    // Each waits its turn for the lock as long as the round takes, rather than give up after ten seconds.
    var options = Store.Options()
    options.lockTimeout = 300
    let store = try Store.open(at: mode, options: options)
    for index in 0..<count {
        _ = try store.execute(.addCustomer(name: "Writer \(getpid()) \(index)", address: nil, postcode: nil, email: nil,
                                           phone: nil, adjustments: nil), actor: SyntheticRegister.admin,
                              today: SyntheticRegister(cases: 1).referenceDate)
    }
    exit(0)
}

if let path = option("--terminal-memory") {
    // A child: what the terminal holds once open (the register and every screen's rows).
    let store = try Store.open(at: path)
    let model = AppModel(register: store.register, today: SyntheticRegister(cases: 1).referenceDate, calendar: store.settings.calendar,
                         actor: "hcs", canSwitchActor: true, width: 200, height: 60)
    _ = View.render(model)
    if arguments.contains("--verbose") {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        print(status.split(separator: "\n").filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }.joined(separator: ", "))
    }
    exit(0)
}

if arguments.first == "--layout" {
    print("Case", MemoryLayout<Case>.stride, "Contact", MemoryLayout<Contact>.stride, "Proposal", MemoryLayout<Proposal>.stride,
          "AppliedStatus?", MemoryLayout<AppliedStatus?>.stride, "Customer", MemoryLayout<Customer>.stride,
          "Settlement?", MemoryLayout<Settlement?>.stride, "CaseID", MemoryLayout<CaseID>.stride,
          "QueueRow", MemoryLayout<QueueRow>.stride)
    exit(0)
}

if let path = option("--profile") {
    // A child to run under `perf record`: the named work many times over, on the store opened once
    // (or opening it), then the time it took and the process's memory.
    guard FileManager.default.fileExists(atPath: path + "/journal.jsonl") else {
        FileHandle.standardError.write(Data("casebook-bench: no store at \(path); run casebook-bench once to build it.\n".utf8))
        exit(2)
    }
    let what = option("--what") ?? "queue"
    let store = ["open", "replay", "queue-read", "decode"].contains(what) ? nil : try Store.open(at: path)  // rows, queue, officer: opened once
    // decode: the journal's first 64 MB, read once, each line decoded and its hash checked on this thread alone.
    let journalStart = what != "decode" ? [] : try journalLines(path + "/journal.jsonl", upTo: 64 << 20)
    let today = SyntheticRegister(cases: 1).referenceDate
    var times: [Double] = []
    var opened: Store?
    for _ in 0..<(Int(option("--count") ?? "20") ?? 20) {
        opened = nil
        let start = DispatchTime.now().uptimeNanoseconds
        switch what {
        case "open": opened = try Store.open(at: path)
        case "replay":
            var options = Store.Options()
            options.useSnapshots = false
            // `--block BYTES`: the largest block of journal read at once (to compare sizes).
            if let block = option("--block").flatMap({ Int($0) }) { options.journalBlock = block }
            opened = try Store.open(at: path, options: options)
        case "rows": _ = Rows(register: store!.register, today: today, calendar: store!.settings.calendar)
        case "queue": _ = store!.register.queue(on: today, for: "hcs", calendar: store!.settings.calendar)
        // What a Head of Service's cold `queue` reads without the whole register (`Store.queueRead`).
        case "queue-read":
            guard Store.queueRead(at: path, for: "hcs") != nil else {
                FileHandle.standardError.write(Data(("casebook-bench: \(path) cannot be read without the whole register (no snapshot "
                    + "the high-water mark vouches for, or a journal after it too long); open it once with casebook to write one.\n").utf8))
                exit(3)
            }
        case "decode":
            for line in journalStart {
                guard (try? JournalLine.decode(line)) != nil else {
                    FileHandle.standardError.write(Data("casebook-bench: a line of \(path)/journal.jsonl does not decode; run casebook verify on it.\n".utf8))
                    exit(3)
                }
            }
        // The register written again as a snapshot of the record it stands at: the same file, put in place atomically.
        case "snapshot": try store!.writeSnapshot()
        default: _ = store!.register.queue(on: today, for: "oadams", calendar: store!.settings.calendar)
        }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    withExtendedLifetime(opened) {}
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let memory = status.split(separator: "\n").filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") || $0.hasPrefix("RssFile") }
    print(String(format: "median %.1f ms", times.sorted()[times.count / 2]), memory.joined(separator: ", "))
    exit(0)
}

/// The whole lines in the first `limit` bytes of the journal at `path`, each without its newline.
func journalLines(_ path: String, upTo limit: Int) throws -> [ArraySlice<UInt8>] {
    guard let handle = FileHandle(forReadingAtPath: path) else {
        FileHandle.standardError.write(Data("casebook-bench: \(path) cannot be opened.\n".utf8))
        exit(2)
    }
    let bytes = [UInt8](try handle.read(upToCount: limit) ?? Data())
    return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
}

let sizes = (option("--sizes") ?? "10000,100000").split(separator: ",").compactMap { Int($0) }
let work = option("--work") ?? FileManager.default.currentDirectoryPath + "/.build-bench"
let runs = Int(option("--runs") ?? "7") ?? 7
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Median and p99 of `runs` timings of `body`, in milliseconds.
func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, p99: Double) {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        try body()
        times.append((now() - start) * 1000)
    }
    return figure(times)
}

/// The median and p99 of some timings.
func figure(_ times: [Double]) -> (median: Double, p99: Double) {
    let times = times.sorted()
    return (times[times.count / 2], times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)])
}

/// Opening as a fresh process does: the store opened before is let go outside the timing (freeing
/// a register takes a while, and a process that exits never does it).
func measureOpen(_ path: String, _ runs: Int, options: Store.Options = Store.Options()) throws
    -> (figure: (median: Double, p99: Double), store: Store) {
    var store: Store?
    var times: [Double] = []
    for _ in 0..<runs {
        store = nil
        let start = now()
        store = try Store.open(at: path, options: options)
        times.append((now() - start) * 1000)
    }
    return (figure(times), store!)
}

func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func row(_ name: String, _ figure: (median: Double, p99: Double), target: String, sqlite: Double? = nil) {
    var text = name.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "median %9.2f ms   p99 %9.2f ms", figure.median, figure.p99)
    text += "   target " + target
    if let sqlite { text += String(format: "   sqlite3 %8.2f ms  ratio %.2f×", sqlite, figure.median / max(sqlite, 0.001)) }
    print(text)
}

/// Runs a program and returns its wall time in milliseconds (a cold process).
/// The peak resident memory of a process, in kilobytes, as GNU time reports it (0 without it).
/// Not wait4's own figure: a child started from this large process would count its memory too.
func peakOfProcess(_ path: String, _ args: [String]) -> Int {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return 0 }
    let report = NSTemporaryDirectory() + "casebook-bench-rss-\(getpid())"
    defer { unlink(report) }
    _ = timeProcess("/usr/bin/time", ["-f", "%M", "-o", report, path] + args)
    let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    return Int(text.split(separator: "\n").last.map(String.init) ?? "") ?? 0
}

/// Milliseconds from starting a process to its exit, started with posix_spawn (Foundation's
/// Process adds tens of milliseconds of its own, which would hide the difference measured).
func timeProcess(_ path: String, _ args: [String]) -> Double {
    var child = ChildProcess(path, args)
    child.standardOutput = "/dev/null"
    child.standardError = "/dev/null"
    let start = now()
    guard case .success(let pid) = child.start() else { return .nan }
    let status = ChildProcess.wait(pid)
    // A figure for a command that failed would measure the failure: say so, loudly.
    if status != 0 { print("  (\(URL(fileURLWithPath: path).lastPathComponent) \(args.joined(separator: " ")) exited \(status))") }
    return (now() - start) * 1000
}

/// The median of `runs` cold processes, in milliseconds.
func coldMedian(_ path: String, _ args: [String], _ runs: Int) -> Double {
    figure((0..<runs).map { _ in timeProcess(path, args) }).median
}

func build(_ cases: Int, at path: String) throws {
    if FileManager.default.fileExists(atPath: path + "/" + Store.markerName) {
        // Built before: bring its snapshot up to the current format if it is not.
        let store = try Store.open(at: path)
        if store.lastSnapshotSequence != store.sequence { try store.writeSnapshot() }
        return
    }
    print("building a register of \(cases) cases at \(path) ...")
    let synthetic = SyntheticRegister(cases: cases, seed: 1)
    var options = Store.Options()
    options.snapshotInterval = Int.max
    options.lockTimeout = 600
    let store = try Store.create(at: path, settings: StoreSettings(identity: .declared), admin: SyntheticRegister.admin,
                                 adminName: "Administrator", today: synthetic.referenceDate.adding(days: -3 * 365), options: options)
    var batch: [Store.Step] = []
    for step in synthetic {
        batch.append(Store.Step(step.command, as: step.actor, on: step.today))
        if batch.count == 50_000 { try store.executeBatch(batch); batch.removeAll(keepingCapacity: true) }
    }
    if !batch.isEmpty { try store.executeBatch(batch) }
    try store.writeSnapshot()
}

/// Exports customers and cases into an indexed SQLite file, for the same questions. Beside them, in
/// `records`, what `find` searches, exactly: each customer's, case's and property entry's folded
/// text (`SearchRecord.folded`), id and title, so that sqlite3 is asked the question `find` answers
/// (every word anywhere in the same text), not a smaller one.
func exportToSQLite(_ register: Register, at path: String) throws {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    var sql = "PRAGMA journal_mode=WAL; BEGIN;\n"
    sql += "CREATE TABLE customers(id TEXT PRIMARY KEY, name TEXT, folded TEXT, postcode TEXT);\n"
    sql += "CREATE TABLE cases(id TEXT PRIMARY KEY, customer TEXT, title TEXT, folded TEXT, status TEXT);\n"
    sql += "CREATE TABLE records(kind TEXT, id TEXT PRIMARY KEY, title TEXT, folded TEXT);\n"
    func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    for customer in register.customers.values {
        let postcode = customer.addresses.first?.postcode?.value ?? ""
        sql += "INSERT INTO customers VALUES(\(quote(customer.id.description)),\(quote(customer.name)),"
            + "\(quote(Search.fold(customer.name + " " + (customer.addresses.first?.description ?? "")))),\(quote(postcode)));\n"
    }
    for value in register.cases.values {
        sql += "INSERT INTO cases VALUES(\(quote(value.id.description)),\(quote(value.customer.description)),"
            + "\(quote(value.title)),\(quote(Search.fold(value.title))),\(quote(value.stage.rawValue)));\n"
    }
    for record in Search.records(in: register) {
        sql += "INSERT INTO records VALUES(\(quote(record.kind.rawValue)),\(quote(record.id)),\(quote(record.title)),\(quote(record.folded)));\n"
    }
    sql += "CREATE INDEX customers_folded ON customers(folded); CREATE INDEX cases_customer ON cases(customer);\n"
    sql += "CREATE INDEX cases_status ON cases(status); COMMIT;\n"
    let script = path + ".sql"
    try sql.write(toFile: script, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "sqlite3 '\(path)' < '\(script)' > /dev/null"]
    try process.run()
    process.waitUntilExit()
}

let casebookBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casebook").path
let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }

print("casebook-bench on \(ProcessInfo.processInfo.hostName): \(ProcessInfo.processInfo.activeProcessorCount) cores, "
    + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; \(runs) runs per figure")
if arguments.contains("--build-only") {
    for cases in sizes { try build(cases, at: "\(work)/cases-\(cases)") }
    exit(0)
}
for cases in sizes {
    let path = "\(work)/cases-\(cases)"
    try build(cases, at: path)
    let today = SyntheticRegister(cases: cases).referenceDate
    var store: Store! = nil
    print("\n== \(cases) cases ==")
    let openSnapshot = try measureOpen(path, runs)
    store = openSnapshot.store
    print("records \(store.sequence)")
    row("open from snapshot + journal tail", openSnapshot.figure, target: "≤ 500 ms")
    var replayOptions = Store.Options()
    replayOptions.useSnapshots = false
    row("open by full replay", try measureOpen(path, max(1, runs / 3), options: replayOptions).figure, target: "≤ 2000 ms")
    let register = store.register
    let calendar = store.settings.calendar

    var model = AppModel(register: register, today: today, calendar: calendar, actor: "hcs", canSwitchActor: true,
                         width: 200, height: 60)
    row("build the screens' rows (on open)", measure(runs) { model.rebuild() }, target: "-")
    // What the terminal holds once open: the register and the screens' rows (the process's peak so far).
    // Another terminal logs a contact: only the rows of the records it touched are derived again.
    var redraws: [Double] = []
    var changed = register
    let caseIDs = Array(register.cases.keys.sorted().prefix(max(runs, 20)))
    for id in caseIDs {
        let outcome = try changed.perform(.logContact(id, date: today, channel: .email, kind: .routine, summary: "Bench.",
                                                      behaviours: [], significantNewInformation: false),
                                          in: Context(actor: SyntheticRegister.admin, today: today, calendar: calendar))
        var changes = RecordChanges()
        for event in outcome.events { changes.note(event) }
        let start = now()
        model.replaceRegister(changed, changes: changes.closed(over: changed))
        redraws.append((now() - start) * 1000)
    }
    row("redraw after another terminal's change", figure(redraws),
        target: "-")
    model = AppModel(register: register, today: today, calendar: calendar, actor: "hcs", canSwitchActor: true, width: 200, height: 60)
    // Find as you type on People: each keystroke of "zoe brown".
    var keystrokes: [Double] = []
    for _ in 0..<runs {
        var typing = model
        _ = typing.update(.character("2"))
        for character in "zoe brown" {
            let start = now()
            _ = typing.update(.character(character))
            keystrokes.append((now() - start) * 1000)
        }
    }
    let find = figure(keystrokes)
    row("find as you type, per keystroke", find, target: "≤ 20 ms")
    var filtering: [Double] = []
    for _ in 0..<runs {
        var typing = model
        _ = typing.update(.character("/"))
        for character in "applied" {
            let start = now()
            _ = typing.update(.character(character))
            filtering.append((now() - start) * 1000)
        }
    }
    row("case list filter, per keystroke", figure(filtering),
        target: "≤ 20 ms")
    row("queue for one member of staff", measure(runs) { _ = register.queue(on: today, for: "hcs", calendar: calendar) },
        target: "≤ 50 ms")
    row("frame: Cases at 200×60", measure(runs) { _ = View.render(model) }, target: "≤ 5 ms")
    var people = model
    _ = people.update(.character("2"))
    row("frame: People at 200×60", measure(runs) { _ = View.render(people) }, target: "≤ 5 ms")
    // Cold processes beside sqlite3 answering the same question over the same data (issue 19).
    // Acting as a Head of Service unless the figure names someone (the last --as given is the one taken).
    let cli = { (args: [String]) in
        args + ["--store", path, "--today", today.description] + (args.contains("--as") ? [] : ["--as", "hcs"])
    }
    // v2: with the records `find` searches (an older export, without them, is left where it is).
    let database = path + ".v2.sqlite"
    if sqlite != nil { try exportToSQLite(register, at: database) }
    func sqliteMedian(_ query: String, json: Bool = true) -> Double? {
        sqlite.map { coldMedian($0, (json ? ["-json"] : []) + [database, query], runs) }
    }
    let rare = "zoe brown", common = "smith"
    let searched = Search.records(in: register)
    let rareHits = Search.find(rare, in: searched).count, commonHits = Search.find(common, in: searched).count
    let middle = CaseID(number: cases / 2), middleCustomer = register.cases[middle]!.customer
    let figures: [(String, [String], String?, String)] = [
        // The same question as find: every word anywhere in the same folded text of every
        // customer, case and property entry, each hit's kind, id and title.
        ("cold find, a rare name (\(rareHits) hits)", ["find", rare, "--json"],
         "SELECT kind, id, title FROM records WHERE folded LIKE '%zoe%' AND folded LIKE '%brown%';", "≤ 2× sqlite3"),
        ("cold find, a common name (\(commonHits) hits)", ["find", common, "--json"],
         "SELECT kind, id, title FROM records WHERE folded LIKE '%\(common)%';", "≤ 2× sqlite3"),
        ("cold show CASE", ["show", middle.description], "SELECT * FROM cases WHERE id = '\(middle)';", "≤ 50 ms"),
        ("cold show CUST", ["show", middleCustomer.description],
         "SELECT * FROM customers JOIN cases ON cases.customer = customers.id WHERE customers.id = '\(middleCustomer)';", "≤ 50 ms"),
        ("cold list --json", ["list", "--json"], "SELECT * FROM cases ORDER BY id;", "≤ 1000 ms"),
        ("cold queue --mine --json (oadams, an officer)", ["queue", "--mine", "--json", "--as", "oadams"],
         "SELECT id, status FROM cases WHERE status IN ('proposed', 'awaiting-decision');", "≤ 300 ms"),
        ("cold queue --mine --json (hcs, a Head of Service)", ["queue", "--mine", "--json", "--as", "hcs"],
         "SELECT id, status FROM cases WHERE status IN ('proposed', 'awaiting-decision');", "≤ 300 ms"),
    ]
    // What these figures compared with before 3 December 2026: customers alone, by name and
    // first address (2,408 of the 5,818 hits for "smith"), a smaller question than find answers.
    let customersOnly = ["cold find, a rare name": "SELECT id, name FROM customers WHERE folded LIKE '%zoe%brown%';",
                         "cold find, a common name": "SELECT id, name FROM customers WHERE folded LIKE '%\(common)%';"]
    for (name, args, query, target) in figures {
        let ours = figure((0..<runs).map { _ in timeProcess(casebookBinary, cli(args)) })
        row(name, ours, target: target, sqlite: query.flatMap { sqliteMedian($0) })
        if let narrower = customersOnly.first(where: { name.hasPrefix($0.key) })?.value, let alone = sqliteMedian(narrower) {
            print(String(format: "    sqlite3 asked for customers alone (the comparison before 3 December): %.2f ms, ratio %.2f×",
                         alone, ours.median / max(alone, 0.001)))
        }
    }
    let listPeak = peakOfProcess(casebookBinary, cli(["list", "--json"]))
    // The terminal: open the store and derive every screen's rows, in a process of its own.
    let terminalPeak = peakOfProcess(CommandLine.arguments[0], ["--terminal-memory", path])
    print("peak memory: 'casebook list --json' / the terminal".padding(toLength: 44, withPad: " ", startingAt: 0)
        + "\(listPeak / 1024) MB / \(terminalPeak / 1024) MB   target ≤ 400 MB")
    row("cold verify", figure((0..<max(1, runs / 3)).map { _ in timeProcess(casebookBinary, cli(["verify"])) }), target: "≤ 4000 ms")

    // Appends, on a copy so that the benchmark register stays the same.
    let copy = "\(work)/append-\(cases)"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    let writer = try Store.open(at: copy)
    var appendIndex = 0
    row("append one record with fdatasync", try measure(max(runs, 50)) {
        appendIndex += 1
        _ = try writer.execute(.addCustomer(name: "Bench \(appendIndex)", address: nil, postcode: nil, email: nil, phone: nil,
                                            adjustments: nil), actor: SyntheticRegister.admin, today: today)
    }, target: "≤ 2 ms")
    // Four writer processes at once, `runs` times: the time for all their appends, as appends a second.
    let perWriter = 100
    let rounds = figure((0..<runs).map { _ in
        let start = now()
        let children = (0..<4).map { _ -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["--writer", copy, "--count", String(perWriter)]
            try? process.run()
            return process
        }
        for child in children { child.waitUntilExit() }
        return now() - start
    })
    print("four writer processes at once".padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "median %.0f appends/s   p99 %.0f appends/s (%d appends a round)",
                 Double(4 * perWriter) / rounds.median, Double(4 * perWriter) / rounds.p99, 4 * perWriter))
    try? FileManager.default.removeItem(atPath: copy)
    print("peak memory of this benchmark process".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(peakRSS() / 1024) MB   (several registers at once: not a target)")
    store = nil
}
