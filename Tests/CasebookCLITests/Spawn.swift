import CasebookStore
import Foundation

/// Starts processes for the tests through `ChildProcess` (posix_spawn and waitpid): the tests start
/// hundreds, and Foundation's Process can miss a child's exit when many start and die at once.
enum Spawn {
    /// Starts `path` with `arguments`; stdin is /dev/null, stdout and stderr go to the given files
    /// (or /dev/null). With `newGroup`, the child leads a new process group, so that kill(-pid)
    /// reaches its children.
    static func start(_ path: String, _ arguments: [String], environment: [String: String],
                      stdout: String? = nil, stderr: String? = nil, newGroup: Bool = false) -> pid_t {
        var child = ChildProcess(path, arguments, environment: environment)
        child.standardInput = "/dev/null"
        child.standardOutput = stdout ?? "/dev/null"
        child.standardError = stderr ?? "/dev/null"
        child.newGroup = newGroup
        switch child.start() {
        case .success(let pid): return pid
        case .failure(let error): preconditionFailure("posix_spawn \(path): \(error)")
        }
    }

    /// Waits for `pid`; its exit status, or 128 + the signal that ended it.
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 { ChildProcess.wait(pid) }
}
