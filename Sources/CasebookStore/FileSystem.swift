import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An operating-system error from one file operation: what was being done, to what, and errno.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32
    /// What is wrong, where errno alone would not say it (a link where a file should be).
    public let detail: String?

    public init(_ operation: String, _ path: String, _ code: Int32, detail: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    public var description: String {
        if let detail { return "\(path) \(detail)" }
        if code == ELOOP, operation == "open" {
            return "\(path) is a symbolic link: Casebook never follows a link inside a store. Remove the link and put "
                + "the store's own file back (from a backup if need be)"
        }
        return "\(operation) \(path): \(String(cString: strerror(code)))"
    }

    /// A file of the store that is not what the store keeps there: a link, a device, another group's file.
    public var isForeign: Bool { detail != nil || (code == ELOOP && operation == "open") }

    public var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }
    public var isPermission: Bool { code == EACCES || code == EPERM || code == EROFS }
}

/// Metadata of a file, as far as the store needs it.
public struct FileStatus: Equatable, Sendable {
    public let size: Int
    public let mode: UInt32
    public let modified: Int  // nanoseconds since the epoch
    public let isDirectory: Bool
    /// The inode: a file replaced by rename has a new one.
    public var inode: UInt64 = 0
    /// A regular file (not a directory, link, device or pipe).
    public var isRegular = false
    /// The file's group and owner.
    public var group: UInt32 = 0
    public var owner: UInt32 = 0
}

/// Every file operation the store performs, behind one small protocol so that tests can fail or
/// "crash" after the n-th operation (SQLite's and ALICE's method).
public protocol FileSystem: AnyObject {
    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32
    func close(_ fd: Int32)
    /// Writes all of `bytes` at the file's offset (appends on an O_APPEND descriptor). A short
    /// write is reported as an error after what was written, with the count.
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError)
    func read(_ fd: Int32, count: Int, at offset: Int, path: String) throws(FileError) -> [UInt8]
    /// The same, read into `buffer` (replacing what it held) in the memory it already has when
    /// there is room: a scan reading block after block, into memory already in use.
    func read(_ fd: Int32, count: Int, at offset: Int, path: String, into buffer: inout [UInt8]) throws(FileError)
    /// Writes `bytes` at `offset` (pwrite), for small files rewritten in place such as the lock's holder note.
    func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(FileError)
    func fdatasync(_ fd: Int32, path: String) throws(FileError)
    func fsync(_ fd: Int32, path: String) throws(FileError)
    func truncate(_ fd: Int32, to size: Int, path: String) throws(FileError)
    func status(_ path: String) throws(FileError) -> FileStatus
    func status(fd: Int32, path: String) throws(FileError) -> FileStatus
    func rename(_ from: String, _ to: String) throws(FileError)
    func makeDirectory(_ path: String, mode: UInt32) throws(FileError)
    func remove(_ path: String) throws(FileError)
    func list(_ directory: String) throws(FileError) -> [String]
    /// fsyncs a directory, so that a created or renamed entry survives a crash.
    func syncDirectory(_ path: String) throws(FileError)
    /// An open-file-description lock on the whole file: exclusive, non-blocking. false when held elsewhere.
    func tryLock(_ fd: Int32, path: String) throws(FileError) -> Bool
    func unlock(_ fd: Int32, path: String)
    /// The type of the filesystem holding `path` ("ext4", "nfs4", "fuse.sshfs"...), to warn about
    /// network filesystems.
    func filesystemType(_ path: String) -> String?
    /// A whole file's bytes, mapped rather than copied where the file system can (a large file
    /// read once, such as the search index).
    func contents(_ path: String) throws(FileError) -> FileContents
    /// From now on every file opened must belong to `group` (the store folder's), and every file
    /// created is given it: a writer whose own group differs never locks the others out.
    func requireGroup(_ group: UInt32)
}

extension UnsafeRawBufferPointer {
    /// Whether `other` holds exactly these bytes (compared with `memcmp`, not byte by byte).
    func holdsTheSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}

/// A file's bytes: mapped into memory (unmapped when let go), or read into an array. Either way
/// they stay where they are, unchanged, for as long as the contents live.
public final class FileContents {
    private let array: [UInt8]
    private let mapping: UnsafeMutableRawPointer?
    private let mappedCount: Int

    init(_ array: [UInt8]) {
        self.array = array
        mapping = nil
        mappedCount = 0
    }

    init(mapping: UnsafeMutableRawPointer, count: Int) {
        array = []
        self.mapping = mapping
        mappedCount = count
    }

    deinit {
        if let mapping { munmap(mapping, mappedCount) }
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let mapping { return try body(UnsafeRawBufferPointer(start: mapping, count: mappedCount)) }
        return try array.withUnsafeBytes(body)
    }
}

extension FileSystem {
    public func exists(_ path: String) -> Bool { (try? status(path)) != nil }

    public func read(_ fd: Int32, count: Int, at offset: Int, path: String, into buffer: inout [UInt8]) throws(FileError) {
        buffer = try read(fd, count: count, at: offset, path: path)
    }

    /// Reads a whole (small) file.
    public func readAll(_ path: String) throws(FileError) -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
        defer { close(fd) }
        let size = try status(fd: fd, path: path).size
        return try read(fd, count: size, at: 0, path: path)
    }

    public func contents(_ path: String) throws(FileError) -> FileContents { FileContents(try readAll(path)) }

    /// Writes a file atomically: a unique temporary file, fsync, rename, directory fsync (maildir, git).
    /// Without `syncFolder` the rename may be lost in a crash (the old file stays): for a file
    /// that may be stale but must never be torn, such as the high-water mark.
    public func writeAtomically(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o660, syncFolder: Bool = true) throws(FileError) {
        let directory = path.directoryPart
        let temporary = "\(directory)/.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = try open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: mode)
        do throws(FileError) {
            defer { close(fd) }  // exactly once: a second close could close another thread's file
            try write(fd, bytes, path: temporary)
            try fsync(fd, path: temporary)
        } catch {
            try? remove(temporary)
            throw error
        }
        do throws(FileError) {
            try rename(temporary, path)
        } catch {
            try? remove(temporary)
            throw error
        }
        if syncFolder { try syncDirectory(directory) }
    }
}

/// The process's file-creation mask (read by setting it and putting it back).
func umaskNow() -> UInt32 {
    let mask = umask(0o077)
    umask(mask)
    return UInt32(mask)
}

extension String {
    var directoryPart: String {
        guard let slash = lastIndex(of: "/") else { return "." }
        return slash == startIndex ? "/" : String(self[..<slash])
    }

    /// The path without one trailing slash ("/srv/store/" is "/srv/store"; "/" stays).
    var withoutTrailingSlash: String { hasSuffix("/") && count > 1 ? String(dropLast()) : self }
}

/// The real file system.
///
/// Nothing is opened through a symbolic link (O_NOFOLLOW), only regular files are opened as files,
/// and once the store's group is known every file must belong to it: a link or a foreign file
/// planted in a store is refused and named, never followed.
public final class PosixFileSystem: FileSystem {
    private var group: gid_t?

    public init() {}

    public func requireGroup(_ group: UInt32) { self.group = gid_t(group) }

    public func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        let fd = Glibc.open(path, flags | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else { throw FileError("open", path, errno) }
        var s = stat()
        guard fstat(fd, &s) == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw FileError("stat", path, code)
        }
        let wanted: mode_t = flags & O_DIRECTORY != 0 ? S_IFDIR : S_IFREG
        guard s.st_mode & S_IFMT == wanted else {
            _ = Glibc.close(fd)
            throw FileError("open", path, EINVAL, detail: wanted == S_IFDIR ? "is not a folder" :
                "is not a regular file (a folder, device or pipe is where a file of the store should be); move it away "
                + "and put the store's own file back")
        }
        if let group, s.st_gid != group {
            // A file this process has just made takes the store's group (a folder without the
            // set-group-id bit would give it the writer's own).
            if flags & O_CREAT != 0, s.st_nlink == 1, s.st_uid == geteuid(), fchown(fd, uid_t.max, group) == 0 { return fd }
            _ = Glibc.close(fd)
            throw FileError("open", path, EPERM, detail: "belongs to \(ProcessIdentity.groupName(s.st_gid)), not to the "
                + "store's group \(ProcessIdentity.groupName(group)): a store's files are its group's alone. If it is the "
                + "store's own file, give it back with: chgrp \(ProcessIdentity.groupName(group)) '\(path)'")
        }
        return fd
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        try writeAll(bytes, path: path) { Glibc.write(fd, $0, $1) }
    }

    public func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(FileError) {
        // The closure is given what is left to write, so its position is the total less that.
        try writeAll(bytes, path: path) { pointer, count in pwrite(fd, pointer, count, off_t(offset + bytes.count - count)) }
    }

    /// Calls `write` until every byte is written, retrying on EINTR; a zero-byte write is an error.
    private func writeAll(_ bytes: [UInt8], path: String,
                          _ write: (UnsafeRawPointer, Int) -> Int) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in write(buffer.baseAddress! + written, buffer.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileError("write", path, errno)
            }
            if result == 0 { throw FileError("write", path, EIO) }
            written += result
        }
    }

    public func read(_ fd: Int32, count: Int, at offset: Int, path: String) throws(FileError) -> [UInt8] {
        // Read straight into the array's memory, never first filled with zeros (16 MB a block of the journal).
        var failure: FileError?
        let buffer = [UInt8](unsafeUninitializedCapacity: count) { raw, initialised in
            guard let base = raw.baseAddress else { return }
            do throws(FileError) {
                initialised = try Self.read(fd, into: base, count: count, at: offset, path: path)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return buffer
    }

    public func read(_ fd: Int32, count: Int, at offset: Int, path: String, into buffer: inout [UInt8]) throws(FileError) {
        guard count > 0, buffer.capacity >= count else {
            buffer = try read(fd, count: count, at: offset, path: path)
            return
        }
        // Read over what the buffer holds, in memory already in use; only bytes past its end are
        // first set to zero (a little more than the last block held, at most).
        if buffer.count > count {
            buffer.removeSubrange(count...)
        } else {
            buffer.append(contentsOf: repeatElement(0, count: count - buffer.count))
        }
        let initialised = try buffer.withUnsafeMutableBufferPointer { raw throws(FileError) in
            try Self.read(fd, into: raw.baseAddress!, count: count, at: offset, path: path)
        }
        buffer.removeSubrange(initialised...)
    }

    /// Up to `count` bytes at `offset` into `base`, fewer only at the file's end: how many were read.
    private static func read(_ fd: Int32, into base: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int,
                             path: String) throws(FileError) -> Int {
        var initialised = 0
        while initialised < count {
            let result = pread(fd, base + initialised, count - initialised, off_t(offset + initialised))
            if result < 0 {
                if errno == EINTR { continue }
                throw FileError("read", path, errno)
            }
            if result == 0 { break }
            initialised += result
        }
        return initialised
    }

    public func contents(_ path: String) throws(FileError) -> FileContents {
        let fd = try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
        defer { close(fd) }
        let size = try status(fd: fd, path: path).size
        guard size > 0 else { return FileContents([]) }
        // Mapped pages stay valid after the descriptor is closed; only the pages read are brought in.
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
            return FileContents(try read(fd, count: size, at: 0, path: path))
        }
        return FileContents(mapping: mapping, count: size)
    }

    public func fdatasync(_ fd: Int32, path: String) throws(FileError) {
        guard Glibc.fdatasync(fd) == 0 else { throw FileError("fdatasync", path, errno) }
    }

    public func fsync(_ fd: Int32, path: String) throws(FileError) {
        guard Glibc.fsync(fd) == 0 else { throw FileError("fsync", path, errno) }
    }

    public func truncate(_ fd: Int32, to size: Int, path: String) throws(FileError) {
        guard ftruncate(fd, off_t(size)) == 0 else { throw FileError("truncate", path, errno) }
    }

    static func makeStatus(_ s: stat) -> FileStatus {
        FileStatus(size: Int(s.st_size), mode: UInt32(s.st_mode),
                   modified: Int(s.st_mtim.tv_sec) * 1_000_000_000 + Int(s.st_mtim.tv_nsec),
                   isDirectory: (s.st_mode & S_IFMT) == S_IFDIR, inode: UInt64(s.st_ino),
                   isRegular: (s.st_mode & S_IFMT) == S_IFREG, group: UInt32(s.st_gid), owner: UInt32(s.st_uid))
    }

    /// The status of `path` itself: a symbolic link is reported as one, never followed.
    public func status(_ path: String) throws(FileError) -> FileStatus {
        var s = stat()
        guard lstat(path, &s) == 0 else { throw FileError("stat", path, errno) }
        return Self.makeStatus(s)
    }

    public func status(fd: Int32, path: String) throws(FileError) -> FileStatus {
        var s = stat()
        guard fstat(fd, &s) == 0 else { throw FileError("stat", path, errno) }
        return Self.makeStatus(s)
    }

    public func rename(_ from: String, _ to: String) throws(FileError) {
        guard Glibc.rename(from, to) == 0 else { throw FileError("rename", from, errno) }
    }

    /// Makes a folder with `mode` (the set-group-id bit included: mkdir alone may drop it) and,
    /// once the store's group is known, of that group.
    public func makeDirectory(_ path: String, mode: UInt32) throws(FileError) {
        guard mkdir(path, mode_t(mode & 0o777)) == 0 else { throw FileError("mkdir", path, errno) }
        if let group { _ = lchown(path, uid_t.max, group) }
        guard chmod(path, mode_t(mode & ~umaskNow())) == 0 else { throw FileError("chmod", path, errno) }
    }

    public func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 else { throw FileError("unlink", path, errno) }
    }

    public func list(_ directory: String) throws(FileError) -> [String] {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", directory, errno) }
        guard let dir = fdopendir(fd) else {
            let code = errno
            _ = Glibc.close(fd)
            throw FileError("opendir", directory, code)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func syncDirectory(_ path: String) throws(FileError) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", path, errno) }
        defer { _ = Glibc.close(fd) }
        guard Glibc.fsync(fd) == 0 else { throw FileError("fsync", path, errno) }
    }

    /// Linux open-file-description locks (F_OFD_SETLK = 37): unlike POSIX record locks, closing
    /// another descriptor of the same file does not drop them. Glibc does not export the names.
    static let F_OFD_SETLK: Int32 = 37

    /// The whole file, for an open-file-description lock of `type` (F_WRLCK, F_UNLCK).
    static func wholeFile(_ type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        lock.l_pid = 0
        return lock
    }

    public func tryLock(_ fd: Int32, path: String) throws(FileError) -> Bool {
        var lock = Self.wholeFile(F_WRLCK)
        if fcntl(fd, Self.F_OFD_SETLK, &lock) == 0 { return true }
        if errno == EAGAIN || errno == EACCES || errno == EINTR { return false }
        throw FileError("lock", path, errno)
    }

    public func unlock(_ fd: Int32, path: String) {
        var lock = Self.wholeFile(F_UNLCK)
        _ = fcntl(fd, Self.F_OFD_SETLK, &lock)
    }

    public func filesystemType(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        let absolute = String(cString: resolved)
        free(resolved)
        // /proc files report a size of 0: read until the end.
        let fd = Glibc.open("/proc/self/mounts", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var mounts: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            mounts += chunk[0..<count]
        }
        var best: (point: String, type: String)?
        for line in String(decoding: mounts, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let inside = absolute == point || point == "/" || absolute.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[2])) }
        }
        return best?.type
    }
}
