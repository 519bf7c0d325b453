import Foundation
import Testing

/// Runs the built `casebook` binary with a pinned environment.
struct CLI {
    struct Result {
        let status: Int32
        let out: String
        let err: String
        var trimmed: String { out.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["CASEBOOK_BIN"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("casebook").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(".build/debug/casebook").path
    }()

    let store: String
    var today = "2026-03-02"
    var environment: [String: String] = [:]
    /// Who acts when a call names nobody (`--as`): only staff use a store.
    var actor: String?

    init(store: String) { self.store = store }

    func baseEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env["LANG"] = "C.UTF-8"
        env["CASEBOOK_STORE"] = store
        env["CASEBOOK_TODAY"] = nil
        env["CASEBOOK_LOCK_TIMEOUT"] = "5"
        for (key, value) in environment { env[key] = value }
        return env
    }

    @discardableResult
    func run(_ arguments: [String], as actor: String? = nil, on date: String? = nil) -> Result {
        var args = arguments
        if let actor = actor ?? self.actor { args += ["--as", actor] }
        args += ["--today", date ?? today]
        return Self.execute(args, environment: baseEnvironment())
    }

    /// Runs with exactly these arguments (no --as, no --today added).
    @discardableResult
    func raw(_ arguments: [String]) -> Result { Self.execute(arguments, environment: baseEnvironment()) }

    static func execute(_ arguments: [String], environment: [String: String]) -> Result {
        var template = Array((NSTemporaryDirectory() + "casebook-out-XXXXXX").utf8CString)
        let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pid = Spawn.start(binary, arguments, environment: environment, stdout: folder + "/out", stderr: folder + "/err")
        let status = Spawn.wait(pid)
        func read(_ name: String) -> String {
            (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
        }
        return Result(status: status, out: read("out"), err: read("err"))
    }

    /// Runs and requires success, returning stdout trimmed.
    @discardableResult
    func ok(_ arguments: [String], as actor: String? = nil, on date: String? = nil,
            sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = run(arguments, as: actor, on: date)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.err)", sourceLocation: sourceLocation)
        return result.trimmed
    }
}

/// A temporary folder removed at the end of the test.
final class Scratch {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "casebook-cli-XXXXXX").utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A declared-identity store with a staff directory of every role.
func staffedStore(_ scratch: Scratch) -> CLI {
    var cli = CLI(store: scratch.path + "/store")
    cli.ok(["init", "--identity", "declared", "--name", "Sam Adeyemi"], as: "admin")
    let staff: [[String]] = [
        ["ofarrell", "--name", "Orla O'Farrell", "--role", "officer", "--service", "customer-services"],
        ["pnowak", "--name", "Piotr Nowak", "--role", "officer", "--service", "customer-services"],
        ["hbanks", "--name", "Helen Banks", "--role", "head-of-service", "--service", "customer-services", "--customer-services-head"],
        ["gokafor", "--name", "Grace Okafor", "--role", "head-of-service", "--service", "housing"],
        ["dkaur", "--name", "Dalvinder Kaur", "--role", "director", "--service", "housing"],
        ["jmorris", "--name", "James Morris", "--role", "director", "--service", "waste"],
        ["irahman", "--name", "Imran Rahman", "--role", "information-rights"],
        ["lchen", "--name", "Li Chen", "--role", "legal"],
        ["mwright", "--name", "Mark Wright", "--role", "service-manager", "--service", "housing"],
    ]
    for member in staff { cli.ok(["staff", "add"] + member, as: "admin") }
    cli.ok(["settings", "council", "--name", "City of Stoke-on-Trent", "--address", "Civic Centre, Stoke-on-Trent ST4 1HH",
            "--customer-services-address", "Civic Centre, Stoke-on-Trent ST4 1HH", "--email", "feedback@stoke.example.org",
            "--phone", "01782 232200", "--dpo", "Data Protection Officer, Civic Centre, dpo@stoke.example.org"], as: "admin")
    cli.actor = "ofarrell"
    return cli
}

/// A staffed store with one housing case decided persistent on 2026-03-02 by gokafor (its decision
/// letter not yet sent).
func decidedCase(_ scratch: Scratch) -> (CLI, String) {
    let cli = staffedStore(scratch)
    let customer = cli.ok(["customer", "add", "--name", "Siobhán O'Neill"], as: "ofarrell")
    let id = cli.ok(["case", "open", "--customer", customer, "--title", "Repairs", "--service", "housing"], as: "ofarrell")
    cli.ok(["contact", "add", id, "--date", "2026-02-10", "--channel", "email", "--kind", "complaint", "--summary", "Again",
            "--behaviour", "repeat-complaints"], as: "ofarrell")
    cli.ok(["propose", id, "--category", "persistent", "--reason", "r", "--behaviour", "repeat-complaints"], as: "ofarrell")
    for item in ["facts", "investigated", "communications", "no-new-information"] {
        cli.ok(["check", id, "--item", item, "--evidence", "e"], as: "pnowak")
    }
    cli.ok(["decide", id, "--apply", "--consulted", "ofarrell", "--date", "2026-03-02", "--reason", "r"], as: "gokafor")
    return (cli, id)
}
