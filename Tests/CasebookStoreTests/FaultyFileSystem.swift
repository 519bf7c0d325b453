import Foundation
@testable import CasebookStore

/// The real file system, with a fault injected at the n-th operation (SQLite's method): an I/O
/// error once, errors forever, or a crash after which whatever was written but not yet synced is
/// lost, torn or zero-filled (ALICE's findings), and every later operation fails.
final class FaultyFileSystem: FileSystem {
    enum Fault: Equatable {
        case failOnce, failForever
        case crash(Loss)
    }

    enum Loss: Equatable, CaseIterable { case dropUnsynced, keepHalf, zeroFill }

    let real = PosixFileSystem()
    let failAt: Int
    let fault: Fault
    private(set) var operations = 0
    private(set) var crashed = false
    private var paths: [Int32: String] = [:]
    /// Size of each written file as of its last fsync/fdatasync.
    private var synced: [String: Int] = [:]

    /// The errno the injected failure reports (EIO, ENOSPC for a full disk, EROFS for a read-only folder).
    let code: Int32
    /// Only operations of these kinds are counted and failed; nil counts every operation.
    let only: Set<String>?

    init(failAt: Int, fault: Fault, code: Int32 = EIO, only: Set<String>? = nil) {
        self.failAt = failAt
        self.fault = fault
        self.code = code
        self.only = only
    }

    private func step(_ operation: String, _ path: String) throws(FileError) {
        if crashed { throw FileError(operation, path, EIO) }
        if let only, !only.contains(operation) { return }
        operations += 1
        guard operations >= failAt else { return }
        switch fault {
        case .failOnce:
            if operations == failAt { throw FileError(operation, path, code) }
        case .failForever:
            throw FileError(operation, path, code)
        case .crash(let loss):
            crash(loss)
            throw FileError(operation, path, EIO)
        }
    }

    /// Applies what a power cut does to data written but not synced.
    private func crash(_ loss: Loss) {
        crashed = true
        for (path, size) in synced {
            guard let current = try? real.status(path).size, current > size else { continue }
            let fd = Glibc.open(path, O_RDWR)
            guard fd >= 0 else { continue }
            switch loss {
            case .dropUnsynced: _ = ftruncate(fd, off_t(size))
            case .keepHalf: _ = ftruncate(fd, off_t(size + (current - size) / 2))
            case .zeroFill:
                let zeros = [UInt8](repeating: 0, count: current - size)
                _ = zeros.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(size)) }
            }
            Glibc.close(fd)
        }
    }

    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        try step("open", path)
        let fd = try real.open(path, flags: flags, mode: mode)
        paths[fd] = path
        if flags & (O_WRONLY | O_RDWR) != 0, synced[path] == nil {
            synced[path] = (try? real.status(path).size) ?? 0
        }
        return fd
    }

    func close(_ fd: Int32) {
        paths[fd] = nil
        real.close(fd)
    }

    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        try step("write", path)
        try real.write(fd, bytes, path: path)
    }

    func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(FileError) {
        try step("pwrite", path)
        try real.write(fd, bytes, at: offset, path: path)
    }

    func read(_ fd: Int32, count: Int, at offset: Int, path: String) throws(FileError) -> [UInt8] {
        try step("read", path)
        return try real.read(fd, count: count, at: offset, path: path)
    }

    func fdatasync(_ fd: Int32, path: String) throws(FileError) {
        try step("fdatasync", path)
        try real.fdatasync(fd, path: path)
        synced[path] = try real.status(fd: fd, path: path).size
    }

    func fsync(_ fd: Int32, path: String) throws(FileError) {
        try step("fsync", path)
        try real.fsync(fd, path: path)
        synced[path] = try real.status(fd: fd, path: path).size
    }

    func truncate(_ fd: Int32, to size: Int, path: String) throws(FileError) {
        try step("truncate", path)
        try real.truncate(fd, to: size, path: path)
    }

    func status(_ path: String) throws(FileError) -> FileStatus {
        try step("stat", path)
        return try real.status(path)
    }

    func status(fd: Int32, path: String) throws(FileError) -> FileStatus {
        try step("stat", path)
        return try real.status(fd: fd, path: path)
    }

    func rename(_ from: String, _ to: String) throws(FileError) {
        try step("rename", from)
        try real.rename(from, to)
        if let size = synced.removeValue(forKey: from) { synced[to] = size }
        // Files inside a renamed folder move with it.
        for (path, size) in synced where path.hasPrefix(from + "/") {
            synced[path] = nil
            synced[to + path.dropFirst(from.count)] = size
        }
    }

    func makeDirectory(_ path: String, mode: UInt32) throws(FileError) {
        try step("mkdir", path)
        try real.makeDirectory(path, mode: mode)
    }

    func remove(_ path: String) throws(FileError) {
        try step("unlink", path)
        try real.remove(path)
        synced[path] = nil
    }

    func list(_ directory: String) throws(FileError) -> [String] {
        try step("list", directory)
        return try real.list(directory)
    }

    func syncDirectory(_ path: String) throws(FileError) {
        try step("syncdir", path)
        try real.syncDirectory(path)
    }

    func tryLock(_ fd: Int32, path: String) throws(FileError) -> Bool {
        try step("lock", path)
        return try real.tryLock(fd, path: path)
    }

    func unlock(_ fd: Int32, path: String) { real.unlock(fd, path: path) }

    func filesystemType(_ path: String) -> String? { real.filesystemType(path) }
    func requireGroup(_ group: UInt32) { real.requireGroup(group) }
}

/// A folder mounted read-only: reads work, anything that would change a file fails with EROFS.
final class ReadOnlyFileSystem: FileSystem {
    let real = PosixFileSystem()

    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        if flags & (O_WRONLY | O_RDWR | O_CREAT) != 0 { throw FileError("open", path, EROFS) }
        return try real.open(path, flags: flags, mode: mode)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) { throw FileError("write", path, EROFS) }
    func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(FileError) { throw FileError("write", path, EROFS) }
    func read(_ fd: Int32, count: Int, at offset: Int, path: String) throws(FileError) -> [UInt8] {
        try real.read(fd, count: count, at: offset, path: path)
    }
    func fdatasync(_ fd: Int32, path: String) throws(FileError) { throw FileError("fdatasync", path, EROFS) }
    func fsync(_ fd: Int32, path: String) throws(FileError) { throw FileError("fsync", path, EROFS) }
    func truncate(_ fd: Int32, to size: Int, path: String) throws(FileError) { throw FileError("truncate", path, EROFS) }
    func status(_ path: String) throws(FileError) -> FileStatus { try real.status(path) }
    func status(fd: Int32, path: String) throws(FileError) -> FileStatus { try real.status(fd: fd, path: path) }
    func rename(_ from: String, _ to: String) throws(FileError) { throw FileError("rename", from, EROFS) }
    func makeDirectory(_ path: String, mode: UInt32) throws(FileError) { throw FileError("mkdir", path, EROFS) }
    func remove(_ path: String) throws(FileError) { throw FileError("unlink", path, EROFS) }
    func list(_ directory: String) throws(FileError) -> [String] { try real.list(directory) }
    func syncDirectory(_ path: String) throws(FileError) { throw FileError("fsync", path, EROFS) }
    func tryLock(_ fd: Int32, path: String) throws(FileError) -> Bool { throw FileError("lock", path, EROFS) }
    func unlock(_ fd: Int32, path: String) {}
    func filesystemType(_ path: String) -> String? { real.filesystemType(path) }
    func requireGroup(_ group: UInt32) { real.requireGroup(group) }
}
