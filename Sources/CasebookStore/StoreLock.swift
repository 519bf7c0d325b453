import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store's write lock: an open-file-description lock on `lock`, held from catch-up to fdatasync.
/// The holder writes who it is into the file, so that a waiting process can say who holds it.
final class StoreLock {
    let fs: any FileSystem
    let path: String
    let fd: Int32
    private(set) var held = false

    init(fs: any FileSystem, path: String) throws(FileError) {
        self.fs = fs
        self.path = path
        self.fd = try fs.open(path, flags: O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o660)
    }

    deinit { fs.close(fd) }

    /// Takes the lock, waiting up to `timeout` seconds; on timeout, throws naming the holder.
    func acquire(timeout: Double, holder: String) throws(StoreError) {
        let start = Date()
        var pause: UInt32 = 2_000
        while true {
            do {
                if try fs.tryLock(fd, path: path) { break }
            } catch {
                throw .io("\(error)")
            }
            let waited = Date().timeIntervalSince(start)
            if waited >= timeout {
                throw .locked(holder: currentHolder() ?? "another process", waitedSeconds: waited)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        held = true
        // Best effort: who holds the lock, for others' messages.
        try? fs.truncate(fd, to: 0, path: path)
        try? fs.write(fd, Array("\(holder)\n".utf8), at: 0, path: path)
    }

    /// Takes the lock only if it is free now.
    func tryAcquire(holder: String) -> Bool {
        (try? acquire(timeout: 0, holder: holder)) != nil
    }

    func release() {
        guard held else { return }
        fs.unlock(fd, path: path)
        held = false
    }

    func currentHolder() -> String? {
        guard let bytes = try? fs.read(fd, count: 512, at: 0, path: path), !bytes.isEmpty else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
