import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files Casebook reads or writes for the person using it (a letter or export they asked for, a
/// report to print, a theme of their own): opened as that person, with a protected install's
/// group privilege set aside, and never inside the store.
public struct UserFiles: Sendable {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
    }

    let process: ProcessIdentity
    /// The store's folder (resolved): nothing is written inside it.
    let store: String?

    public init(process: ProcessIdentity = .current(), store: String? = nil) {
        self.process = process
        self.store = store
    }

    /// Refuses a path inside the store's folder: what the user asked for is theirs, the store's
    /// files are the store's.
    func checkOutsideStore(_ path: String) throws(Failure) {
        guard let store else { return }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // Resolve as much of the path as exists (the file itself may not yet).
        var parts = absolute.split(separator: "/").map(String.init)
        var rest: [String] = []
        var resolved: String?
        while resolved == nil {
            let candidate = "/" + parts.joined(separator: "/")
            if let real = realpath(candidate, nil) {
                resolved = String(cString: real)
                free(real)
            } else if parts.isEmpty {
                resolved = "/"
            } else {
                rest.insert(parts.removeLast(), at: 0)
            }
        }
        let full = ([resolved!] + rest).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
        if full == store || full.hasPrefix(store + "/") {
            throw Failure(description: "\(path) is inside the store's folder, which holds only the store's own files. "
                + "Write it somewhere of your own, such as your home folder.")
        }
    }

    /// Writes `bytes` to `path` as the user, atomically (a temporary file beside it, then a
    /// rename), readable by the user alone.
    public func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try checkOutsideStore(path)
        try process.asUser { () throws(Failure) in
            let folder = path.directoryPart
            let temporary = "\(folder)/.\(path.split(separator: "/").last ?? "file").\(getpid()).tmp"
            let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw Failure(description: "\(path) could not be written: \(String(cString: strerror(errno))).") }
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    let code = errno
                    Glibc.close(fd)
                    unlink(temporary)
                    throw Failure(description: "\(path) could not be written: \(String(cString: strerror(code))).")
                }
                written += result
            }
            guard fsync(fd) == 0, Glibc.close(fd) == 0, rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw Failure(description: "\(path) could not be written: \(String(cString: strerror(code))).")
            }
        }
    }

    /// Writes human-readable text (a letter, a report, a subject-access document): made visible
    /// first, like everything Casebook shows (`VisibleText`).
    public func write(text: String, to path: String) throws(Failure) {
        try write(Array(VisibleText.sanitised(text).utf8), to: path)
    }

    /// Writes JSON with every control character escaped.
    public func write(json: String, to path: String) throws(Failure) {
        try write(Array(VisibleText.jsonEscaped(json).utf8), to: path)
    }

    /// Makes a folder (and the folders above it) as the user, readable by the user alone.
    public func makeFolder(_ path: String) throws(Failure) {
        try checkOutsideStore(path)
        try process.asUser { () throws(Failure) in
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(description: "The folder \(path) could not be made: \(error.localizedDescription)")
            }
        }
    }

    /// The size of a regular file the user named, as the user sees it (checked before it is read).
    public func size(_ path: String) throws(Failure) -> Int {
        try process.asUser { () throws(Failure) in
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw Failure(description: "\(path) could not be read: \(String(cString: strerror(errno))).")
            }
            guard (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(description: "\(path) is not a file.") }
            return Int(status.st_size)
        }
    }

    /// Whether something is already at `path`, as the user sees it.
    public func exists(_ path: String) -> Bool {
        process.asUser { () -> Bool in var status = stat(); return lstat(path, &status) == 0 }
    }

    /// Reads a file the user named, as the user: what they could not read themselves stays unread.
    public func read(_ path: String) throws(Failure) -> [UInt8] {
        try process.asUser { () throws(Failure) in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "\(path) could not be read: \(String(cString: strerror(errno))).")
            }
            return Array(data)
        }
    }
}
