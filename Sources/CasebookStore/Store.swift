import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The flat-file store: a folder holding a format marker, the store's settings, a lock file, an
/// append-only JSON Lines journal, snapshots and a quarantine folder.
///
/// One `Store` serves one process (or one terminal session); several processes may open the same
/// folder and write to it at once.
public final class Store {
    public struct Options {
        /// How long a write waits for another process's lock before giving up.
        public var lockTimeout: Double = 10
        /// Write a snapshot after this many records since the last one.
        public var snapshotInterval: Int = 1000
        /// Snapshots kept.
        public var snapshotsKept: Int = 3
        /// The most of the journal read at once when catching up (cut at a line's end): a long
        /// journal is never in memory all at once.
        public var journalBlock: Int = 16 << 20
        /// Who this process is, written into the lock file while it holds the lock.
        public var holder: String = "process \(getpid())"
        /// Open from the newest valid snapshot (false replays the whole journal, as verify does).
        public var useSnapshots = true

        public init() {}
    }

    public static let markerName = "casebook-store"
    static let markerContent = Array("casebook-store 1\nA Casebook register. See the README of Casebook before changing anything here.\n".utf8)

    public let path: String
    let fs: any FileSystem
    let clock: @Sendable () -> Date
    public var options: Options
    public internal(set) var settings: StoreSettings
    public internal(set) var register = Register()
    /// The sequence number of the last record applied.
    public internal(set) var sequence = 0
    public internal(set) var lastHash = JournalLine.genesisHash
    /// Journal bytes applied so far.
    public internal(set) var appliedOffset = 0
    /// Set when the store must not be written: damage, a failed write, a read-only folder.
    public private(set) var readOnlyReason: String?
    /// Things the user should know about this store (network filesystem, a repaired tail).
    public internal(set) var notices: [String] = []
    var journalFD: Int32 = -1
    var journalWritable = false
    /// nil when the lock file cannot be opened (a read-only folder): the store is then read-only.
    let lock: StoreLock?
    /// The record the newest snapshot read or written follows (0: none).
    public internal(set) var lastSnapshotSequence = 0
    /// The records changed since the last `takeChanges()`, noted once the store is open.
    var pendingChanges = RecordChanges()
    var tracksChanges = false
    /// Something applied since the search index was written changed what `find` shows.
    var searchIndexStale = false
    /// The last record applied that changed what `find` shows.
    var lastSearchChange = 0

    var journalPath: String { path + "/journal.jsonl" }
    var snapshotsPath: String { path + "/snapshots" }
    var quarantinePath: String { path + "/quarantine" }
    var settingsPath: String { path + "/settings.json" }

    // MARK: - Creating

    /// Makes a new store at `path` and records its first administrator. The folder is built under a
    /// temporary name and renamed into place, so a crash never leaves half a store.
    public static func create(at path: String, settings: StoreSettings, admin: Login, adminName: String,
                              today: Day, fs: any FileSystem = PosixFileSystem(), options: Options = Options(),
                              clock: @escaping @Sendable () -> Date = Date.init) throws(StoreError) -> Store {
        let path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        if let status = try? fs.status(path) {
            guard status.isDirectory, ((try? fs.list(path)) ?? ["x"]).isEmpty else { throw .alreadyExists(path: path) }
        }
        let building = "\(path).init-\(getpid())"
        do throws(FileError) {
            try fs.makeDirectory(building, mode: 0o770)
            try fs.makeDirectory(building + "/snapshots", mode: 0o770)
            try fs.makeDirectory(building + "/quarantine", mode: 0o770)
            try fs.writeAtomically(settings.encoded(), to: building + "/settings.json")
            for name in ["journal.jsonl", "lock"] {
                let fd = try fs.open(building + "/" + name, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o660)
                defer { fs.close(fd) }
                try fs.fsync(fd, path: building + "/" + name)
            }
            try fs.writeAtomically(markerContent, to: building + "/" + markerName)
            try fs.syncDirectory(building)
            // rename(2) replaces an empty folder; then the parent is synced so the store's name survives a crash.
            try fs.rename(building, path)
            try fs.syncDirectory(path.directoryPart)
        } catch {
            throw error.isPermission ? .io("cannot create the store at \(path): \(error)") : .io("\(error)")
        }
        let store = try Store.open(at: path, fs: fs, options: options, clock: clock)
        _ = try store.execute(.initialise(name: adminName), actor: admin, today: today)
        return store
    }

    // MARK: - Opening

    public static func open(at path: String, fs: any FileSystem = PosixFileSystem(), options: Options = Options(),
                            clock: @escaping @Sendable () -> Date = Date.init) throws(StoreError) -> Store {
        let path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard let status = try? fs.status(path) else { throw .missing(path: path) }
        guard status.isDirectory, fs.exists(path + "/" + markerName) else { throw .notAStore(path: path) }
        try checkPermissions(path, fs: fs)
        // Empty folders do not survive every copy (git keeps none): make them again.
        for folder in [path + "/snapshots", path + "/quarantine"] where !fs.exists(folder) {
            try? fs.makeDirectory(folder, mode: 0o770)
        }
        let settingsBytes: [UInt8]
        do throws(FileError) {
            settingsBytes = try fs.readAll(path + "/settings.json")
        } catch {
            throw .badSettings("\(error)")
        }
        let settings = try StoreSettings.decode(settingsBytes, path: path + "/settings.json")
        var lock: StoreLock?
        var lockProblem: FileError?
        do throws(FileError) {
            lock = try StoreLock(fs: fs, path: path + "/lock")
        } catch {
            guard error.isPermission else { throw .io("\(error)") }
            lockProblem = error
        }
        let store = Store(path: path, fs: fs, settings: settings, lock: lock, options: options, clock: clock)
        try store.openJournal()
        if let lockProblem, store.readOnlyReason == nil {
            store.readOnlyReason = "the lock file cannot be opened for writing (\(lockProblem)); ask an administrator about the "
                + "folder's permissions"
        }
        if let type = fs.filesystemType(path), Store.isNetworkFilesystem(type) {
            store.notices.append("The store is on a \(type) filesystem: locks and appends there are less reliable than on a "
                + "local disk. Keep the store on a local filesystem if you can.")
        }
        if options.useSnapshots { store.loadNewestSnapshot() }
        do throws(StoreError) {
            try store.catchUp(repairing: false)
        } catch {
            // Damage before the last record: open read-only with what can be trusted, naming the record.
            guard case .damaged(let what) = error else { throw error }
            store.notices.append("The store is damaged and is open read-only: \(what). Run 'casebook verify'.")
        }
        store.tracksChanges = true
        store.searchIndexStale = store.searchIndexIsBehind()
        // Opening freed a snapshot's worth of buffers on several threads (each with its own heap);
        // hand the free pages back rather than keep them resident for the life of a terminal.
        releaseFreeMemory()
        return store
    }

    /// The records changed (by this process or by others) since the last call, with the records
    /// whose rows show them: what a screen must redraw.
    public func takeChanges() -> RecordChanges {
        defer { pendingChanges = RecordChanges() }
        return pendingChanges.closed(over: register)
    }

    init(path: String, fs: any FileSystem, settings: StoreSettings, lock: StoreLock?, options: Options,
         clock: @escaping @Sendable () -> Date) {
        self.path = path
        self.fs = fs
        self.settings = settings
        self.lock = lock
        self.options = options
        self.clock = clock
    }

    deinit {
        if journalFD >= 0 { fs.close(journalFD) }
    }

    static func isNetworkFilesystem(_ type: String) -> Bool {
        ["nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs", "sshfs"].contains(type)
            || type.hasPrefix("fuse")
    }

    /// A store readable or writable by "other" is refused, with the chmod that fixes it.
    static func checkPermissions(_ path: String, fs: any FileSystem) throws(StoreError) {
        var names = [path]
        for name in ["journal.jsonl", "settings.json", "lock", "snapshots", "quarantine", SearchIndex.fileName] { names.append(path + "/" + name) }
        for name in (try? fs.list(path + "/snapshots")) ?? [] { names.append(path + "/snapshots/" + name) }
        for name in (try? fs.list(path + "/quarantine")) ?? [] { names.append(path + "/quarantine/" + name) }
        for name in names {
            guard let status = try? fs.status(name) else { continue }
            if status.mode & 0o007 != 0 {
                throw .permissions(path: name, fix: "chmod -R o-rwx '\(path)'")
            }
        }
    }

    func openJournal() throws(StoreError) {
        do throws(FileError) {
            journalFD = try fs.open(journalPath, flags: O_RDWR | O_APPEND | O_CLOEXEC, mode: 0)
            journalWritable = true
        } catch {
            guard error.isPermission else { throw .io("\(error)") }
            do throws(FileError) {
                journalFD = try fs.open(journalPath, flags: O_RDONLY | O_CLOEXEC, mode: 0)
            } catch {
                throw .io("\(error)")
            }
            readOnlyReason = "the journal cannot be written (\(error.description)); ask an administrator about the folder's permissions"
        }
    }

    // MARK: - Snapshots

    func loadNewestSnapshot() {
        let names = ((try? fs.list(snapshotsPath)) ?? []).filter { Snapshot.sequence(ofFile: $0) != nil }
        for name in names.sorted(by: >) {
            guard let bytes = try? fs.readAll(snapshotsPath + "/" + name) else { continue }
            guard case .success(let (header, register)) = Snapshot.decode(consume bytes) else {
                notices.append("Snapshot \(name) could not be trusted and was passed over; the journal was read instead.")
                continue
            }
            guard journalRecordHash(endingAt: header.offset) == header.hash else {
                notices.append("Snapshot \(name) does not match the journal and was passed over.")
                continue
            }
            self.register = register
            sequence = header.sequence
            lastHash = header.hash
            appliedOffset = header.offset
            lastSnapshotSequence = header.sequence
            return
        }
    }

    /// The hash of the journal line ending just before `offset`, if that is a whole, valid line.
    func journalRecordHash(endingAt offset: Int) -> String? {
        Store.recordHash(fs: fs, fd: journalFD, path: journalPath, endingAt: offset)
    }

    static func recordHash(fs: any FileSystem, fd: Int32, path: String, endingAt offset: Int) -> String? {
        guard offset > 0 else { return nil }
        let window = min(offset, 1 << 20)
        guard let bytes = try? fs.read(fd, count: window, at: offset - window, path: path),
              bytes.count == window, bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes.dropLast()
        let start = body.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? (window == offset ? 0 : -1)
        guard start >= 0, let line = try? JournalLine.decode(body[start...]) else { return nil }
        return line.hash
    }

    /// Writes a snapshot of the current state (atomically) and keeps the newest few.
    public func writeSnapshot() throws(StoreError) {
        guard sequence > 0 else { return }
        do {
            let bytes = try Snapshot.encode(register, sequence: sequence, offset: appliedOffset, hash: lastHash)
            try fs.writeAtomically(bytes, to: snapshotsPath + "/" + Snapshot.fileName(sequence: sequence))
        } catch let error as FileError {
            throw .io("the snapshot could not be written: \(error)")
        } catch {
            throw .io("the snapshot could not be encoded: \(error)")
        }
        lastSnapshotSequence = sequence
        let all = (try? fs.list(snapshotsPath)) ?? []
        let names = all.filter { Snapshot.sequence(ofFile: $0) != nil }.sorted(by: >)
        for old in names.dropFirst(options.snapshotsKept) + all.filter(Snapshot.isLegacy) { try? fs.remove(snapshotsPath + "/" + old) }
        // The search index follows the same record (a failure only costs find its speed).
        searchIndexStale = true
        searchIndexIfStale()
    }

    // MARK: - Reading what others appended

    /// Reads and applies complete records appended since the last read. Under the lock
    /// (`repairing`), a torn last record is set aside into quarantine and truncated off.
    func catchUp(repairing: Bool) throws(StoreError) {
        if journalWasReplaced() {
            // Another process rewrote the journal (an erasure): read the new one from the start.
            try reloadJournal()
            return
        }
        let size: Int
        do throws(FileError) {
            size = try fs.status(fd: journalFD, path: journalPath).size
        } catch {
            throw .io("\(error)")
        }
        guard size != appliedOffset else { return }
        if size < appliedOffset {
            throw .damaged("the journal is shorter (\(size) bytes) than what was already read (\(appliedOffset) bytes)")
        }
        // Block by block, each cut at a line's end: a long journal is never in memory all at once.
        // While one block is checked and applied here, the next is read and decoded on other threads.
        var scan = JournalScan()
        var block = try readBlock(at: appliedOffset, size: size).map {
            BlockInDecoding($0.bytes, at: appliedOffset, endsJournal: $0.ends, inBackground: false)
        }
        while let current = block, scan.damage == nil, scan.tail == nil {
            let decoded = current.wait()
            let next = current.offset + current.bytes.count
            block = next < size && !current.endsJournal
                ? try readBlock(at: next, size: size).map { BlockInDecoding($0.bytes, at: next, endsJournal: $0.ends, inBackground: true) }
                : nil
            scan = JournalScan.check(decoded, base: current.offset, sequence: sequence + 1, previousHash: lastHash,
                                     endsJournal: current.endsJournal) { apply($0) }
        }
        if let damage = scan.damage {
            readOnlyReason = "the journal is damaged at \(damage.description)"
            throw .damaged(damage.description)
        }
        guard let tail = scan.tail else { return }
        if repairing {
            try quarantineTail(tail, size: size)
        } else if readOnlyReason == nil, let lock, !lock.held, lock.tryAcquire(holder: options.holder) {
            defer { lock.release() }
            try catchUp(repairing: true)
        }
    }

    /// The journal from `offset`: at most `Options.journalBlock` bytes cut after the last whole
    /// line (more when one line is longer), or to its end; nil when nothing is there to read.
    func readBlock(at offset: Int, size: Int) throws(StoreError) -> (bytes: [UInt8], ends: Bool)? {
        var count = min(max(1, options.journalBlock), size - offset)
        while count > 0 {
            var bytes: [UInt8]
            do throws(FileError) {
                bytes = try fs.read(journalFD, count: count, at: offset, path: journalPath)
            } catch {
                throw .io("\(error)")
            }
            if bytes.isEmpty { return nil }
            if offset + bytes.count >= size || bytes.count < count { return (bytes, true) }
            if let last = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                bytes.removeSubrange((last + 1)...)
                return (bytes, false)
            }
            count = min(count * 2, size - offset)  // one line longer than a block
        }
        return nil
    }

    func apply(_ good: JournalScan.Good) {
        if case .domain(let event) = good.line.entry {
            register.apply(event, by: good.line.actor)
            if Search.changesResults(event) { lastSearchChange = good.line.sequence }
            if tracksChanges {
                pendingChanges.note(event)
                if Search.changesResults(event) { searchIndexStale = true }
            }
        }
        sequence = good.line.sequence
        lastHash = good.line.hash
        appliedOffset = good.end
    }

    /// Copies a torn tail to quarantine, truncates it off, and records that it did (under the lock).
    func quarantineTail(_ tail: JournalScan.Tail, size: Int) throws(StoreError) {
        guard journalWritable else {
            readOnlyReason = "the last record is incomplete and the journal cannot be written to set it aside"
            return
        }
        let name = "tail-\(sequence + 1)-\(Store.compactTimestamp(clock())).bin"
        do throws(FileError) {
            let torn = try fs.read(journalFD, count: size - tail.offset, at: tail.offset, path: journalPath)
            try fs.writeAtomically(torn, to: quarantinePath + "/" + name)
            try fs.truncate(journalFD, to: tail.offset, path: journalPath)
            try fs.fdatasync(journalFD, path: journalPath)
        } catch {
            readOnlyReason = "a torn last record could not be set aside (\(error))"
            throw .notSaved("the torn last record could not be set aside: \(error)")
        }
        let record = TailQuarantined(file: "quarantine/" + name, offset: tail.offset, bytes: size - tail.offset,
                                     reason: tail.reason)
        try append([(.store(.tailQuarantined(record)), options.holder.loginPart)])
        notices.append("The journal's last record was incomplete (\(tail.reason)); it was set aside in quarantine/\(name) "
            + "and the journal repaired. Nothing acknowledged was lost.")
    }

    static func compactTimestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970)
        return String(seconds)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Whether another process has appended since this one last read: the change feed.
    public func hasNewRecords() -> Bool {
        if journalWasReplaced() { return true }
        guard let size = try? fs.status(fd: journalFD, path: journalPath).size else { return false }
        return size != appliedOffset
    }

    /// Applies records appended by other processes; true when anything new was applied.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        let before = (sequence, lastHash)
        try catchUp(repairing: false)
        return sequence != before.0 || lastHash != before.1
    }

    // MARK: - Writing

    /// Validates `command` against the latest state, under the lock, and records it. Returns only
    /// once the record is on disk (fdatasync): then, and only then, it is saved.
    @discardableResult
    public func execute(_ command: Command, actor: Login, today: Day) throws(StoreError) -> Outcome {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        try lock.acquire(timeout: options.lockTimeout, holder: "\(options.holder) (\(actor))")
        let outcome: Outcome
        do {
            defer { lock.release() }
            try catchUp(repairing: true)
            let context = Context(actor: actor, today: today, calendar: settings.calendar)
            switch register.execute(command, in: context) {
            case .failure(let refusal): throw StoreError.refused(refusal)
            case .success(let value): outcome = value
            }
            try append(outcome.events.map { (JournalEntry.domain($0), actor) })
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io("\(error)")
        }
        return outcome
    }

    /// Writes a snapshot when enough records have been added since the last one. Kept off the
    /// path of `execute`, so that saving a record never waits for a snapshot: front ends call it
    /// once the user has their answer (the command line after printing, the terminal when idle).
    public func snapshotIfDue() {
        guard readOnlyReason == nil, sequence - lastSnapshotSequence >= options.snapshotInterval else { return }
        do throws(StoreError) {
            try writeSnapshot()
        } catch {
            notices.append("\(error)")
        }
    }

    /// Appends records with one write() on the O_APPEND descriptor, then fdatasync: the commit
    /// point. A failure truncates back, says "not saved" and leaves the store read-only.
    func append(_ entries: [(entry: JournalEntry, actor: Login)]) throws(StoreError) {
        guard lock?.held == true else { throw .io("internal error: append without the lock") }
        var bytes: [UInt8] = []
        var lines: [(JournalLine, Int)] = []
        bytes.reserveCapacity(entries.count * 400)
        var previous = lastHash
        let recorded = Store.timestamp(clock())
        for (index, (entry, actor)) in entries.enumerated() {
            do {
                let (line, encoded) = try JournalLine.encode(sequence: sequence + 1 + index, recorded: recorded, actor: actor,
                                                             entry: entry, previousHash: previous)
                bytes += encoded
                lines.append((line, appliedOffset + bytes.count))
                previous = line.hash
            } catch {
                throw .io("the record could not be encoded: \(error)")
            }
        }
        do throws(FileError) {
            try fs.write(journalFD, bytes, path: journalPath)
            try fs.fdatasync(journalFD, path: journalPath)
        } catch {
            // Never retry a failed sync blindly: the kernel may have dropped the data (PostgreSQL).
            try? fs.truncate(journalFD, to: appliedOffset, path: journalPath)
            readOnlyReason = "a write failed (\(error)); reopen the store once the cause is fixed"
            let hint = error.isNoSpace ? "the disk is full" : error.isPermission ? "the journal cannot be written" : "\(error)"
            throw .notSaved(hint)
        }
        for (line, end) in lines { apply(JournalScan.Good(line: line, end: end)) }
    }
}

extension String {
    /// The login in a holder description such as "olivia@host pid 12".
    var loginPart: String {
        let login = prefix { $0.isLetter || $0.isNumber || "._-".contains($0) }
        return login.isEmpty ? "casebook" : String(login)
    }
}

/// glibc's `malloc_trim(0)`, looked up at run time (it is not in Swift's Glibc module, and another
/// C library may not have it): free pages in every thread's heap go back to the system.
func releaseFreeMemory() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
}
