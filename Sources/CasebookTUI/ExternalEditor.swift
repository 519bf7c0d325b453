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

    /// Starts the command on this terminal with default signal handling and waits for it; it runs
    /// with the real ids (a protected install's group is not passed to the editor).
    func run(_ arguments: [String]) -> Int32 {
        var child = ChildProcess(arguments[0], Array(arguments.dropFirst()))
        child.resetIDs = true
        return child.run()
    }
}
