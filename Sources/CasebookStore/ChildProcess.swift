import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started with posix_spawn and waited for with waitpid: the one place Casebook starts
/// processes (the terminal's external editor, the benchmarks, the tests). Foundation's Process can
/// miss a child's exit when many start and end at once, and adds tens of milliseconds of its own.
public struct ChildProcess: Sendable {
    public var path: String
    public var arguments: [String]
    /// The child's environment; nil: this process's own.
    public var environment: [String: String]?
    /// Files for the standard streams; nil: this process's own (the terminal).
    public var standardInput: String?
    public var standardOutput: String?
    public var standardError: String?
    /// The child leads a new process group, so that kill(-pid) reaches its children too.
    public var newGroup = false
    /// The child runs with the real user and group ids (a protected install's group is not passed on).
    public var resetIDs = false

    public init(_ path: String, _ arguments: [String] = [], environment: [String: String]? = nil) {
        self.path = path
        self.arguments = arguments
        self.environment = environment
    }

    /// Starts the child, with no signal blocked and default handlers whatever thread starts it (the
    /// test runner's threads block signals; an editor or a tmux pane would inherit that). Returns
    /// its pid, or the errno posix_spawn gave.
    public func start() -> Result<pid_t, Errno> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput { posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0) }
        if let standardOutput { posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        if let standardError { posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        if resetIDs { flags |= Int32(POSIX_SPAWN_RESETIDS) }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = envp.map { envp in posix_spawn(&pid, path, &actions, &attributes, argv, envp) }
            ?? posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        return result == 0 ? .success(pid) : .failure(Errno(code: result))
    }

    /// Waits for `pid`: its exit status, or 128 + the signal that ended it (as a shell reports it).
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Starts the child and waits for it: its status as `wait` gives it, 127 when it could not start.
    public func run() -> Int32 {
        switch start() {
        case .success(let pid): Self.wait(pid)
        case .failure: 127
        }
    }

    /// An errno value, with its text.
    public struct Errno: Error, Sendable, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }
}
