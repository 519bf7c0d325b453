import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Store {
    /// What an erasure would do.
    public struct ErasurePreview: Sendable {
        public let customer: CustomerID
        public let changes: [ErasureChange]
        public let notices: [ErasureNotice]
    }

    /// What an erasure did.
    public struct ErasureSummary: Sendable {
        public let recordsRedacted: Int
        public let quarantineFilesCleaned: Int
    }

    /// Erases one person's personal data from every file of the store (docs/erasure.md): the journal
    /// is rewritten with `[erased]` markers and a re-anchored chain, an erasure record appended,
    /// snapshots replaced and quarantine cleaned. An administrator only; refused while the records
    /// must be kept.
    public func erase(_ customer: CustomerID, reason: String, actor: Login, today: Day) throws(StoreError) -> ErasureSummary {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        let reasonText = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reasonText.isEmpty else { throw .refused(.badInput("Say why the data is erased (--reason).", field: .reason)) }
        try lock.acquire(timeout: options.lockTimeout, holder: "\(options.holder) (\(actor))")
        defer { lock.release() }
        try catchUp(repairing: true)
        let erasure = try planErasure(customer, actor: actor, today: today)
        // Read and check the whole journal: a damaged one is never rewritten.
        let (bytes, scan) = try checkedJournal(before: "an erasure rewrites it")
        // The person's evidence files go, unless the same file is also kept for someone else's record.
        let filesRemoved = Set(erasure.filesRemoved(in: register).map(\.sha256))
        // Rewrite: keep every record's sequence, time, actor and type; redact; re-anchor the chain.
        var output: [UInt8] = []
        var lettersRemoved = Set<String>(), lettersWritten: [String: String] = [:]
        output.reserveCapacity(bytes.count)
        var previous = JournalLine.genesisHash
        var redacted = 0
        var rewriting = false
        var start = 0
        for good in scan.lines {
            let line = good.line
            var entry = line.entry
            if case .domain(let event) = entry {
                let clean = eraseLetter(erasure.redact(event), erasure: erasure, removing: &lettersRemoved, writing: &lettersWritten)
                if clean != event {
                    redacted += 1
                    entry = .domain(clean)
                    rewriting = true
                }
            }
            if rewriting || line.previousHash != previous {
                do {
                    let (newLine, encoded) = try JournalLine.encode(sequence: line.sequence, recorded: line.recorded,
                                                                    actor: line.actor, entry: entry, previousHash: previous)
                    output += encoded
                    previous = newLine.hash
                } catch {
                    throw .io("a record could not be re-encoded: \(error)")
                }
            } else {
                output += bytes[start..<good.end]
                previous = line.hash
            }
            start = good.end
        }
        let record = ErasureRecord(customer: customer, reason: erasure.scrub(reasonText), recordsRedacted: redacted,
                                   previousHead: lastHash, on: today)
        do {
            let (_, encoded) = try JournalLine.encode(sequence: sequence + 1, recorded: Store.timestamp(clock()),
                                                      actor: actor, entry: .store(.erasure(record)), previousHash: previous)
            output += encoded
        } catch {
            throw .io("the erasure record could not be encoded: \(error)")
        }
        // Publish atomically: temporary file, fsync, rename, directory fsync.
        do throws(FileError) {
            try fs.writeAtomically(output, to: journalPath)
        } catch {
            throw .notSaved("the rewritten journal could not be written: \(error); the store is unchanged")
        }
        // The mark follows the rewritten chain at once (readers that meet the old one look again),
        // vouching for no derived file until they are written anew.
        let head = HighWaterMark(sequence: sequence + 1, offset: output.count, hash: String(decoding: output.suffix(67).prefix(64), as: UTF8.self))
        do throws(FileError) {
            try fs.writeAtomically(head.encoded(), to: markPath, syncFolder: false)
        } catch {
            readOnlyReason = "the high-water mark could not be written after the erasure"
            throw .notSaved("the journal was rewritten, but the high-water mark could not be: \(error). Run 'casebook verify'")
        }
        markReading = .mark(head)
        mark = head
        checkedMark = nil
        // The person's letters as sent go; others' that named them are kept redacted under their new hash.
        for (hash, text) in lettersWritten {
            try? fs.writeAtomically(Array(text.utf8), to: lettersPath + "/" + hash + ".txt")
        }
        for hash in lettersRemoved where lettersWritten[hash] == nil { try? fs.remove(lettersPath + "/" + hash + ".txt") }
        for hash in filesRemoved { try? fs.remove(filesPath + "/" + hash) }
        // Snapshots hold the old state: replace them.
        for name in ((try? fs.list(snapshotsPath)) ?? []) { try? fs.remove(snapshotsPath + "/" + name) }
        // So does the search index (it holds names and addresses), and any temporary copy of either.
        try? fs.remove(searchIndexPath)
        removeStrayTemporaryFiles(all: true)
        try reloadJournal()
        try? writeSnapshot()
        // Quarantined bytes may hold the person's data too.
        var cleaned = 0
        for name in ((try? fs.list(quarantinePath)) ?? []) {
            let path = quarantinePath + "/" + name
            guard let content = try? fs.readAll(path) else { continue }
            let text = String(decoding: content, as: UTF8.self)
            let clean = erasure.scrub(text)
            if clean != text {
                try? fs.writeAtomically(Array(clean.utf8), to: path)
                cleaned += 1
            }
        }
        notices.append("Erased \(customer): \(redacted) records redacted; the journal was rewritten and verifies.")
        return ErasureSummary(recordsRedacted: redacted, quarantineFilesCleaned: cleaned)
    }

    /// The erasure of `customer` from the register as it is now, if `actor` may make it.
    func planErasure(_ customer: CustomerID, actor: Login, today: Day) throws(StoreError) -> Erasure {
        do throws(Refusal) {
            try Erasure.requireEraser(actor, in: register)
            return try Erasure(register: register, customer: customer, today: today)
        } catch {
            throw .refused(error)
        }
    }

    /// What erasing `customer` would change, record by record and text by text, and the mentions it
    /// would leave for a person to decide about (`casebook erase --preview`). Changes nothing.
    public func erasurePreview(_ customer: CustomerID, actor: Login, today: Day) throws(StoreError) -> ErasurePreview {
        _ = try refresh()
        let erasure = try planErasure(customer, actor: actor, today: today)
        let scan = try checkedJournal(before: "an erasure can be previewed").scan
        var changes: [ErasureChange] = []
        for good in scan.lines {
            guard case .domain(let event) = good.line.entry else { continue }
            changes += erasure.changes(event)
            var removed = Set<String>(), written: [String: String] = [:]
            _ = eraseLetter(event, erasure: erasure, removing: &removed, writing: &written)
            if case .letterSent(let letter) = event, let copy = letter.copy, removed.contains(copy.sha256) {
                let place = "letter as sent \(copy.sha256.prefix(12))… (\(letter.kind.rawValue), \(letter.subject))"
                if let text = written.values.first, let kept = keptLetter(copy) {
                    changes.append(ErasureChange(place: place, before: Erasure.excerpt(kept, against: text),
                                                 after: Erasure.excerpt(text, against: kept)))
                } else {
                    changes.append(ErasureChange(place: place, before: "(the kept copy)", after: "(removed)"))
                }
            }
        }
        // The person's evidence files, removed from the store (unless another's record keeps the same file).
        for file in erasure.filesRemoved(in: register) {
            changes.append(ErasureChange(place: "evidence file \(file.sha256.prefix(12))… (\(file.name))", before: "(the kept file)",
                                         after: "(removed)"))
        }
        return ErasurePreview(customer: customer, changes: changes, notices: erasure.notices(in: register))
    }

    /// The journal as applied, read whole and checked line by line: refused, naming `purpose`, unless
    /// every record verifies (erasure, its preview and the audit read the history this way).
    func checkedJournal(before purpose: String) throws(StoreError) -> (bytes: [UInt8], scan: JournalScan) {
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try fs.read(journalFD, count: appliedOffset, at: 0, path: journalPath)
        } catch {
            throw .io("\(error)")
        }
        let scan = JournalScan.scan(bytes, base: 0, sequence: 1, previous: .genesis)
        guard scan.damage == nil, scan.tail == nil, scan.lines.count == sequence else {
            throw .damaged("the journal must verify before \(purpose); run 'casebook verify'")
        }
        return (bytes, scan)
    }

    /// A letter recorded as sent, as the erasure leaves it: the person's own lose their kept copy (the
    /// text goes with the rest of their data); another's that names them is redacted and kept again
    /// under its new hash.
    func eraseLetter(_ event: Event, erasure: Erasure, removing removed: inout Set<String>,
                     writing written: inout [String: String]) -> Event {
        guard case .letterSent(var letter) = event, let copy = letter.copy else { return event }
        let theirs: Bool
        switch letter.subject {
        case .case(let id): theirs = erasure.cases.contains(id)
        case .registerEntry(let id): theirs = erasure.entries.contains(id)
        case .appeal(let id): theirs = erasure.appeals.contains(id)
        }
        if theirs {
            removed.insert(copy.sha256)
            letter.copy = nil
            return .letterSent(letter)
        }
        guard let text = keptLetter(copy) else { return event }
        let clean = erasure.scrub(text)
        guard clean != text else { return event }
        let hash = JournalLine.sha256Hex(Array(clean.utf8))
        removed.insert(copy.sha256)
        written[hash] = clean
        letter.copy?.sha256 = hash
        return .letterSent(letter)
    }

    /// Opens the journal afresh (after it was replaced) and replays it from the newest snapshot.
    func reloadJournal() throws(StoreError) {
        if journalFD >= 0 { fs.close(journalFD) }
        journalFD = -1
        register = Register()
        if tracksChanges { pendingChanges = .all }
        sequence = 0
        lastDigest = .genesis
        appliedOffset = 0
        lastSnapshotSequence = 0
        try openJournal()
        loadNewestSnapshot()
        try catchUp(repairing: lock?.held == true)
    }

    /// True when journal.jsonl is no longer the file this session has open (an erasure replaced it).
    func journalWasReplaced() -> Bool {
        guard let onDisk = try? fs.status(journalPath), let open = try? fs.status(fd: journalFD, path: journalPath) else {
            return false
        }
        return onDisk.inode != open.inode
    }
}
