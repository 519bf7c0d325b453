import Foundation
import Testing

/// Drives the real binary in a private tmux server (TUI.md): keys by name, text literally, the
/// screen read back with capture-pane and polled until it shows what only the new state shows.
final class Tmux {
    static var path: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// End-to-end tests run when tmux is present, and with CASEBOOK_E2E=required whether or not it
    /// is (then they fail without it, in `init`), never passing without having run.
    static var shouldRun: Bool { path != nil || ProcessInfo.processInfo.environment["CASEBOOK_E2E"] == "required" }

    let socket: String
    let tmux: String

    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        guard let path = Tmux.path else {
            throw TmuxError(description: "tmux is required for the end-to-end tests (CASEBOOK_E2E=required) but is not installed: "
                + "apt-get install -y tmux")
        }
        tmux = path
        socket = "casebook-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var exports = ["TERM=tmux-256color", "LANG=C.UTF-8", "ESCDELAY=25", "TZ=UTC"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { exports.append("\(key)='\(value)'") }
        let shell = "env -u CASEBOOK_TODAY -u NO_COLOR \(exports.joined(separator: " ")) \(command); echo EXIT=$?; exec bash --norc"
        let result = run(["new-session", "-d", "-x", String(width), "-y", String(height), shell])
        guard result.status == 0 else { throw TmuxError(description: "tmux new-session: \(result.err)") }
    }

    deinit {
        _ = run(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while run(["has-session"]).status == 0, Date() < deadline { usleep(50_000) }
    }

    struct TmuxError: Error, CustomStringConvertible { let description: String }

    @discardableResult
    func run(_ arguments: [String]) -> CLI.Result {
        CLI.execute(arguments: [tmux, "-L", socket, "-f", "/dev/null"] + arguments)
    }

    var screen: String { run(["capture-pane", "-p"]).out }

    func keys(_ names: String...) { run(["send-keys"] + names) }

    func type(_ text: String) { run(["send-keys", "-l", text]) }

    func resize(width: Int, height: Int) { run(["resize-window", "-x", String(width), "-y", String(height)]) }

    /// #{alternate_on}#{keypad_flag}#{cursor_flag}: "001" once the terminal is restored.
    var terminalState: String {
        run(["display-message", "-p", "#{alternate_on}#{keypad_flag}#{cursor_flag}"]).trimmed
    }

    var panePID: pid_t? { Int32(run(["display-message", "-p", "#{pane_pid}"]).trimmed) }

    /// Waits until the screen shows `text` (never a fixed sleep); records an issue on time-out.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \"\(text)\"; the screen was:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    func waitUntil(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }
}

extension CLI {
    /// Runs any program (not only casebook), capturing its output.
    static func execute(arguments: [String]) -> Result {
        var template = Array((NSTemporaryDirectory() + "casebook-run-XXXXXX").utf8CString)
        let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pid = Spawn.start(arguments[0], Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
                              stdout: folder + "/out", stderr: folder + "/err")
        let status = Spawn.wait(pid)
        func read(_ name: String) -> String { (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }
        return Result(status: status, out: read("out"), err: read("err"))
    }
}
