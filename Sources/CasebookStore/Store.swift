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
        /// Set a torn last record aside when opening, and bring an older store's files up to date.
        /// `verify` opens with this off: it never repairs.
        public var repairs = true
        /// Read the customers and cases (false: only the staff and the register's other parts, from
        /// the newest snapshot the high-water mark vouches for when that can tell them exactly
        /// (`staffRead`), and the store is then read-only). `verify` reads every record itself.
        public var readsCasework = true
        /// The credentials of a protected (set-group-id) install: only a store of its group that
        /// the user cannot reach directly is opened, and only with `os` identity.
        public var protection: ProcessIdentity?

        public init() {}
    }

    public static let markerName = "casebook-store"
    /// 2: the store keeps a high-water mark (`head`) and journals its settings.
    static let markerContent = Array("casebook-store 2\nA Casebook register. See the README of Casebook before changing anything here.\n".utf8)
    static let legacyMarkerPrefix = Array("casebook-store 1\n".utf8)

    public let path: String
    let fs: any FileSystem
    let clock: @Sendable () -> Date
    public var options: Options
    public internal(set) var settings: StoreSettings
    public internal(set) var register = Register()
    /// The sequence number of the last record applied.
    public internal(set) var sequence = 0
    /// The hash of the last record applied (`RecordHash.genesis` before the first).
    public internal(set) var lastDigest = RecordHash.genesis
    public var lastHash: String { lastDigest.hex }
    /// Journal bytes applied so far.
    public internal(set) var appliedOffset = 0
    /// Set when the store must not be written: damage, a failed write, a read-only folder.
    public internal(set) var readOnlyReason: String?
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
    /// The settings as the journal last recorded them; nil for a store from before settings were
    /// journalled (settings.json is then all there is).
    public internal(set) var journalSettings: StoreSettings?
    /// A store made before the high-water mark: it has none until it is first written.
    var isLegacy = false
    /// The high-water mark last found or written: what the journal must at least hold.
    var mark: HighWaterMark?
    /// What reading the mark last found.
    var markReading = HighWaterMark.Reading.absent
    /// The last mark checked against the journal (not checked again until it changes).
    var checkedMark: HighWaterMark?
    /// What settings.json held when it was last read or written.
    var cachedSettings: StoreSettings?

    var journalPath: String { path + "/journal.jsonl" }
    /// Files for the person using the store: made as them, never inside the store.
    public var userFiles: UserFiles { UserFiles(process: options.protection ?? .current(), store: path) }
    var snapshotsPath: String { path + "/snapshots" }
    var quarantinePath: String { path + "/quarantine" }
    var settingsPath: String { path + "/settings.json" }

    // MARK: - Creating

    /// Makes a new store at `path` and records its first administrator. The folder is built under a
    /// temporary name and renamed into place, so a crash never leaves half a store.
    public static func create(at path: String, settings: StoreSettings, admin: Login, adminName: String,
                              today: Day, fs: any FileSystem = PosixFileSystem(), options: Options = Options(),
                              clock: @escaping @Sendable () -> Date = Date.init) throws(StoreError) -> Store {
        let path = path.withoutTrailingSlash
        if let status = try? fs.status(path) {
            guard status.isDirectory, ((try? fs.list(path)) ?? ["x"]).isEmpty else { throw .alreadyExists(path: path) }
        }
        if let protection = options.protection {
            try checkProtectedParent(path.directoryPart, protection: protection, fs: fs)
            guard settings.identity == .os else {
                throw .badInput("A protected install makes only stores whose identity is 'os': staff are their own logins. "
                    + "Make a training store with an ordinary (not set-group-id) copy of casebook.")
            }
        }
        let building = "\(path).init-\(getpid())"
        do throws(FileError) {
            // The store belongs to the group of the folder it is made in (the group that shares
            // it), and is set-group-id: every file made inside keeps that group, whoever makes it.
            if let parent = try? fs.status(path.directoryPart) { fs.requireGroup(parent.group) }
            try fs.makeDirectory(building, mode: 0o2770)
            fs.requireGroup(try fs.status(building).group)
            try fs.makeDirectory(building + "/snapshots", mode: 0o2770)
            try fs.makeDirectory(building + "/quarantine", mode: 0o2770)
            try fs.writeAtomically(settings.encoded(), to: building + "/settings.json")
            // The mark exists from the start: one missing later was removed, never not yet made.
            try fs.writeAtomically(HighWaterMark(sequence: 0, offset: 0, hash: JournalLine.genesisHash).encoded(),
                                   to: building + "/" + HighWaterMark.fileName)
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
        try store.recordSettings(settings, actor: admin)
        _ = try store.execute(.initialise(name: adminName), actor: admin, today: today)
        return store
    }

    /// A protected store is made only inside a folder of the privileged group, set-group-id, that
    /// the user cannot reach without Casebook (README: `install -d -o root -g casebook -m 2770`).
    static func checkProtectedParent(_ parent: String, protection: ProcessIdentity, fs: any FileSystem) throws(StoreError) {
        let group = protection.privilegedGroupName
        let fix = "install -d -o root -g \(group) -m 2770 '\(parent)'"
        guard let status = try? fs.status(parent), status.isDirectory else {
            throw .unprotected(path: parent, why: "there is no such folder", fix: fix)
        }
        guard status.group == protection.privilegedGroup, status.mode & UInt32(S_ISGID) != 0, status.mode & 0o007 == 0,
              !protection.userCanReach(parent + "/.") else {
            throw .unprotected(path: parent, why: "a protected store must be made in a folder of the group \(group), "
                + "set-group-id, that users cannot enter themselves", fix: fix)
        }
    }

    // MARK: - Opening

    public static func open(at path: String, fs: any FileSystem = PosixFileSystem(), options: Options = Options(),
                            clock: @escaping @Sendable () -> Date = Date.init) throws(StoreError) -> Store {
        let path = try resolve(path, fs: fs)
        try checkFolder(path, fs: fs, protection: options.protection)
        let marker: [UInt8]
        do throws(FileError) {
            marker = try fs.readAll(path + "/" + markerName)
        } catch {
            if error.isForeign { throw .foreign(error) }
            throw .notAStore(path: path)
        }
        // Empty folders do not survive every copy (git keeps none): make them again.
        for folder in [path + "/snapshots", path + "/quarantine"] where !fs.exists(folder) {
            try? fs.makeDirectory(folder, mode: 0o2770)
        }
        // settings.json is a cache of the journal's settings: read now, believed only until the
        // journal says otherwise (and all there is on a store from before settings were journalled).
        var cacheProblem: StoreError?
        var settings = StoreSettings(identity: .os)
        do throws(StoreError) {
            let bytes: [UInt8]
            do throws(FileError) {
                bytes = try fs.readAll(path + "/settings.json")
            } catch {
                throw error.isForeign ? StoreError.foreign(error) : .badSettings("\(error)")
            }
            settings = try StoreSettings.decode(bytes, path: path + "/settings.json")
        } catch {
            if case .foreign = error { throw error }
            cacheProblem = error
        }
        var lock: StoreLock?
        var lockProblem: FileError?
        do throws(FileError) {
            lock = try StoreLock(fs: fs, path: path + "/lock")
        } catch {
            guard error.isPermission else { throw .io("\(error)") }
            lockProblem = error
        }
        let store = Store(path: path, fs: fs, settings: settings, lock: lock, options: options, clock: clock)
        store.isLegacy = marker.starts(with: legacyMarkerPrefix)
        store.cachedSettings = cacheProblem == nil ? settings : nil
        try store.openJournal()
        try store.readMark()
        if let lockProblem, store.readOnlyReason == nil {
            store.readOnlyReason = "the lock file cannot be opened for writing (\(lockProblem)); ask an administrator about the "
                + "folder's permissions"
        }
        if let type = fs.filesystemType(path), Store.isNetworkFilesystem(type) {
            store.notices.append("The store is on a \(type) filesystem: locks and appends there are less reliable than on a "
                + "local disk. Keep the store on a local filesystem if you can.")
        }
        if !options.readsCasework, let read = staffRead(at: path, fs: fs, protection: options.protection) {
            store.register = read.register
            store.settings = read.settings
            store.readOnlyReason = store.readOnlyReason ?? "it was opened without its customers and cases"
        } else {
            if options.useSnapshots { store.loadNewestSnapshot() }
            do throws(StoreError) {
                try store.catchUp(repairing: false)
            } catch {
                // Damage before the last record: open read-only with what can be trusted, naming the record.
                guard case .damaged(let what) = error else { throw error }
                store.notices.append("The store is damaged and is open read-only: \(what). Run 'casebook verify'.")
            }
            try store.reconcileSettings(cacheProblem: cacheProblem)
        }
        if options.protection != nil, store.settings.identity != .os {
            throw .unprotected(path: path, why: "its identity is '\(store.settings.identity.rawValue)', which lets anyone "
                + "name who they act as", fix: "keep training stores away from the protected install")
        }
        if options.repairs { store.bringUpToDate() }
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

    /// Opens from the newest snapshot that can be believed: its SHA-256 is the one the high-water
    /// mark recorded when it was written, its checksum holds and it follows a record of this
    /// journal. One that fails is never believed over the journal: it is set aside into
    /// quarantine (never deleted) and the journal is read instead.
    func loadNewestSnapshot() {
        let names = ((try? fs.list(snapshotsPath)) ?? []).filter { Snapshot.sequence(ofFile: $0) != nil }
        let recorded = mark?.derived ?? [:]
        for name in names.sorted(by: >) {
            guard let bytes = try? fs.readAll(snapshotsPath + "/" + name) else { continue }
            // The mark vouches for the header line, the header for each piece (checked as it is read).
            let digest = bytes.withUnsafeBytes { AnchoredFile.headerDigest($0) }
            guard digest != nil, recorded["snapshots/" + name] == digest else {
                setAside(snapshot: name, why: recorded["snapshots/" + name] == nil
                    ? "the high-water mark has no record of it being written" : "its SHA-256 is not the one recorded when it was written")
                continue
            }
            let decoded = Snapshot.decode(consume bytes)
            guard case .success(let (header, register)) = decoded else {
                if case .failure(let problem) = decoded { setAside(snapshot: name, why: "it cannot be read: \(problem.reason)") }
                continue
            }
            guard journalRecordHash(endingAt: header.offset) == header.hash else {
                setAside(snapshot: name, why: "it does not follow a record of this journal")
                continue
            }
            self.register = register
            if let saved = header.settings { settings = saved }
            journalSettings = header.settings
            sequence = header.sequence
            lastDigest = RecordHash(header.hash) ?? lastDigest
            appliedOffset = header.offset
            lastSnapshotSequence = header.sequence
            return
        }
    }

    /// A snapshot that cannot be believed: moved into quarantine when this process may write
    /// there, else only passed over; either way the user is told.
    func setAside(snapshot name: String, why: String) {
        if isLegacy && mark == nil {
            // A store from before the high-water mark: its snapshots were never recorded; the
            // journal is read instead and new snapshots recorded.
            if options.repairs { try? fs.remove(snapshotsPath + "/" + name) }
            return
        }
        let target = "\(quarantinePath)/\(name).\(Store.compactTimestamp(clock()))"
        if options.repairs, journalWritable, (try? fs.rename(snapshotsPath + "/" + name, target)) != nil {
            notices.append("Snapshot \(name) was not believed (\(why)) and was set aside in quarantine/; the journal was read instead.")
        } else {
            notices.append("Snapshot \(name) was not believed (\(why)) and was passed over; the journal was read instead.")
        }
    }

    /// The hash of the journal line ending just before `offset`, if that is a whole, valid line.
    func journalRecordHash(endingAt offset: Int) -> String? {
        Store.recordHash(fs: fs, fd: journalFD, path: journalPath, endingAt: offset)
    }

    static func recordHash(fs: any FileSystem, fd: Int32, path: String, endingAt offset: Int) -> String? {
        guard offset > 0 else { return nil }
        // Back from the offset in windows growing fourfold up to a megabyte, until one holds the
        // whole record (most are well under a kilobyte: a cold command reads a page, not a megabyte).
        var window = min(offset, 16 << 10)
        while true {
            guard let bytes = try? fs.read(fd, count: window, at: offset - window, path: path),
                  bytes.count == window, bytes.last == UInt8(ascii: "\n") else { return nil }
            let body = bytes.dropLast()
            if let newline = body.lastIndex(of: UInt8(ascii: "\n")) ?? (window == offset ? -1 : nil) {
                guard let line = try? JournalLine.decode(body[(newline + 1)...]) else { return nil }
                return line.hash
            }
            guard window < min(offset, 1 << 20) else { return nil }
            window = min(offset, 1 << 20, window * 4)
        }
    }

    /// Writes a snapshot of the current state (atomically, its SHA-256 in the high-water mark)
    /// and keeps the newest few.
    public func writeSnapshot() throws(StoreError) {
        guard sequence > 0 else { return }
        let bytes: [UInt8]
        do {
            bytes = try Snapshot.encode(register, sequence: sequence, offset: appliedOffset, hash: lastHash,
                                        settings: journalSettings)
        } catch {
            throw .io("the snapshot could not be encoded: \(error)")
        }
        let name = Snapshot.fileName(sequence: sequence)
        let all = (try? fs.list(snapshotsPath)) ?? []
        let names = all.filter { Snapshot.sequence(ofFile: $0) != nil }.sorted(by: >)
        let kept = Array(([name] + names.filter { $0 != name }).prefix(options.snapshotsKept))
        try publishDerived(bytes, as: "snapshots/" + name, keeping: kept.map { "snapshots/" + $0 })
        lastSnapshotSequence = sequence
        for old in names where !kept.contains(old) { try? fs.remove(snapshotsPath + "/" + old) }
        for old in all.filter(Snapshot.isLegacy) { try? fs.remove(snapshotsPath + "/" + old) }
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
        // The mark is read before the journal's size: whatever it names was written to the
        // journal before it, so a shorter journal is damage, never a race with a writer.
        try readMark()
        let size: Int
        do throws(FileError) {
            size = try fs.status(fd: journalFD, path: journalPath).size
        } catch {
            throw .io("\(error)")
        }
        guard size != appliedOffset else { return try checkMark() }
        if size < appliedOffset {
            readOnlyReason = "the journal is shorter than what was already read"
            throw .damaged("the journal is shorter (\(size) bytes) than what was already read (\(appliedOffset) bytes)")
        }
        // What each case derives is worked out once the lines are applied, not after each line.
        register.putOffDerivedViews()
        defer { register.derivePutOffViews() }
        // The lines are applied to a register held here, then handed back before anything else
        // reads or catches up the store's own (which every line would otherwise reach through a
        // run-time exclusivity check).
        var applying = Register()
        swap(&applying, &register)
        let scanned = Result { () throws(StoreError) in
            try scanJournal(from: appliedOffset, size: size, sequence: sequence + 1, previous: lastDigest) {
                apply($0, to: &applying)
            }
        }
        swap(&applying, &register)
        let scan = try scanned.get()
        if let damage = scan.damage {
            readOnlyReason = "the journal is damaged at \(damage.description)"
            throw .damaged(damage.description)
        }
        // Records the mark says were saved must be here: a cut or spoilt last record that was
        // saved is damage, not a torn write.
        if let tail = scan.tail, case .mark(let saved) = markReading, saved.sequence > sequence {
            let what = "record \(sequence + 1) (byte \(tail.offset) of journal.jsonl): \(tail.reason)"
            readOnlyReason = "the journal is damaged at \(what)"
            throw .damaged("\(what); it was saved (the high-water mark names record \(saved.sequence)), so this is damage, not "
                + "a write cut short. Restore journal.jsonl from a backup")
        }
        try checkMark()
        guard let tail = scan.tail else { return }
        if repairing {
            try quarantineTail(tail, size: size)
        } else if options.repairs, readOnlyReason == nil, let lock, !lock.held, lock.tryAcquire(holder: options.holder) {
            defer { lock.release() }
            try catchUp(repairing: true)
        }
    }

    /// The journal's lines from `offset` (up to `size`), each checked and handed to `each` in
    /// turn, up to the first problem, which the result names. Block by block, each cut at a line's
    /// end: a long journal is never in memory all at once. While one block is checked and handed
    /// on here, the next is read and decoded on other threads.
    func scanJournal(from offset: Int, size: Int, sequence: Int, previous: RecordHash,
                     each: (consuming JournalScan.Good) -> Void) throws(StoreError) -> JournalScan {
        var scan = JournalScan()
        var expected = sequence, previous = previous
        // The blocks in reading and decoding, in journal order: up to four are read and decoded on
        // other threads, one after another, while one is checked and applied here, so that those
        // threads are not left idle while this one works, nor this one while they read. A journal
        // of one block is read and decoded at once (a catch-up of a few records needs no other thread).
        let reading = JournalReading(fs: fs, fd: journalFD, path: journalPath, from: offset, to: size,
                                     largest: options.journalBlock)
        let decoding = reading.isOneBlock ? nil : DispatchQueue(label: "casebook.journal-decoding")
        var pending: [BlockInDecoding] = [], readToEnd = false
        // Blocks still in reading when the scan stops (damage, a torn tail) finish before it
        // returns: no thread reads the journal once the caller may repair it.
        defer { for block in pending { _ = try? block.wait() } }
        func readAhead() {
            while pending.count < 4, !readToEnd {
                pending.append(BlockInDecoding(reading, on: decoding))
                if decoding == nil { readToEnd = true }
            }
        }
        readAhead()
        while !pending.isEmpty, scan.damage == nil, scan.tail == nil {
            guard let current = try pending.removeFirst().wait() else { break }
            if current.endsJournal { readToEnd = true } else { readAhead() }
            scan = JournalScan.check(current.lines, base: current.offset, sequence: expected, previous: previous,
                                     endsJournal: current.endsJournal) { good in
                expected = good.line.sequence + 1
                previous = good.line.digest
                each(consume good)
            }
        }
        return scan
    }

    func apply(_ good: JournalScan.Good) { apply(good, to: &register) }

    func apply(_ good: consuming JournalScan.Good, to register: inout Register) {
        sequence = good.line.sequence
        lastDigest = good.line.digest
        appliedOffset = good.end
        let actor = good.line.actor
        // The line is used up here: its event is moved on to the register, not copied and then freed.
        switch good.line.takeEntry() {
        case .domain(let event):
            // Asked of the event before it is moved on to the register (`apply` uses it up).
            let changesResults = Search.changesResults(event)
            if changesResults { lastSearchChange = sequence }
            if tracksChanges {
                pendingChanges.note(event)
                if changesResults { searchIndexStale = true }
            }
            register.apply(event, by: actor)
        case .store(.settings(let recorded)):
            settings = recorded
            journalSettings = recorded
            if tracksChanges { pendingChanges = .all }
        case .store:
            break
        }
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
        // checkMark has already shown every record the high-water mark names is in the journal;
        // on a store without a mark that cannot be known, and the message says so.
        let lost = mark == nil
            ? "Whether it had been acknowledged cannot be told: this store kept no high-water mark until now."
            : "It had never been acknowledged: every record saved up to record \(mark!.sequence) is in the journal."
        notices.append("The journal's last record was incomplete (\(tail.reason)); it was set aside in quarantine/\(name) "
            + "and the journal repaired. \(lost)")
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
        let before = (sequence, lastDigest)
        try catchUp(repairing: false)
        return sequence != before.0 || lastDigest != before.1
    }

    // MARK: - Writing

    /// Validates `command` against the latest state, under the lock, and records it. Returns only
    /// once the record is on disk (fdatasync): then, and only then, it is saved.
    @discardableResult
    public func execute(_ command: Command, actor: Login, today: Day) throws(StoreError) -> Outcome {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        // A new customer is looked up among the others: the index is made once, before the lock,
        // and kept as records come (a terminal adding many customers compares none of them).
        if command.looksForDuplicateCustomers { register.indexCustomersForDuplicates() }
        try lock.acquire(timeout: options.lockTimeout, holder: "\(options.holder) (\(actor))")
        let outcome: Outcome
        do {
            defer { lock.release() }
            try catchUp(repairing: true)
            let context = settings.context(actor: actor, today: today)
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
        // Saved: now the mark says so (a failure leaves it behind the journal, never ahead).
        do throws(StoreError) {
            try updateMark { _ in }
        } catch {
            notices.append("The record was saved, but the high-water mark could not be updated: \(error)")
        }
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
