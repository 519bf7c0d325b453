import CasebookStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Edits text in the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`), as git does: the
/// command runs through `/bin/sh` with a private temporary file as its argument.
///
/// On a protected install the editor is the user's program, never Casebook's: the temporary file
/// is made and read back as the user, and the editor starts with the group privilege given up for
/// good (POSIX_SPAWN_RESETIDS: its effective group is the real one, and exec makes it the saved one
/// too), so nothing it runs can reach the store.
public struct ExternalEditor: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let command: String
    let folder: String
    let process: ProcessIdentity

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, folder: String = NSTemporaryDirectory(),
                process: ProcessIdentity = .current()) {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        command = chosen ?? "vi"
        self.folder = folder
        self.process = process
    }

    /// Runs the editor on `text` and returns what was saved. Throws, leaving the field as it was,
    /// if the editor cannot start or fails.
    public func edit(_ text: String) throws(Failure) -> String {
        try process.asUser { () throws(Failure) in try editAsUser(text) }
    }

    private func editAsUser(_ text: String) throws(Failure) -> String {
        let template = (folder as NSString).appendingPathComponent("casebook-XXXXXX.txt")
        var path = Array(template.utf8CString)
        let fd = mkstemps(&path, 4)  // created 0600: only this user can read what is typed
        guard fd >= 0 else { throw Failure(description: "No temporary file could be made in \(folder): \(String(cString: strerror(errno))).") }
        let file = String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(file) }
        let data = Array(text.utf8) + (text.isEmpty || text.hasSuffix("\n") ? [] : [10])
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == data.count else { throw Failure(description: "The text could not be written to \(file) for the editor.") }
        let status = run(["/bin/sh", "-c", command + " \"$1\"", "sh", file])
        guard status == 0 else {
            throw Failure(description: "The editor '\(command)' ended with status \(status), so the text was left as it was. "
                + "Set VISUAL or EDITOR to an editor that works here (for example nano or vi).")
        }
        guard let result = FileManager.default.contents(atPath: file), let edited = String(data: result, encoding: .utf8) else {
            throw Failure(description: "What the editor saved is not readable UTF-8 text, so the field was left as it was.")
        }
        return edited
    }

    /// Starts the command on this terminal with default signal handling and waits for it.
    func run(_ arguments: [String]) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_RESETIDS))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }
}
