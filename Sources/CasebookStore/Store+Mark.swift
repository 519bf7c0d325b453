import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The high-water mark, derived files recorded in it, journalled settings, and bringing an older
/// store up to date.
extension Store {
    var markPath: String { path + "/" + HighWaterMark.fileName }

    /// Reads the high-water mark from disk.
    func readMark() throws(StoreError) {
        markReading = HighWaterMark.read(in: path, fs: fs)
        if case .mark(let value) = markReading { mark = value }
    }

    /// What is wrong between the journal and the mark, if anything.
    func markProblem() -> String? {
        switch markReading {
        case .absent:
            guard !isLegacy, sequence > 0 else { return nil }
            return "the high-water mark (\(HighWaterMark.fileName)) is missing, so the store cannot show that the journal "
                + "still holds every record it saved. Restore \(HighWaterMark.fileName) with the journal from the same backup"
        case .unreadable(let why):
            return "\(why): the store cannot show that the journal still holds every record it saved. Restore "
                + "\(HighWaterMark.fileName) with the journal from the same backup"
        case .mark(let value):
            if value.sequence > sequence {
                let missing = value.sequence == sequence + 1 ? "record \(value.sequence) was" : "records \(sequence + 1) to \(value.sequence) were"
                return "the journal ends at record \(sequence), but \(missing) saved (the high-water mark says so) and "
                    + "\(value.sequence == sequence + 1 ? "is" : "are") missing: the journal has been cut, or replaced by "
                    + "an older copy. Restore journal.jsonl from a backup that holds \(value.sequence == sequence + 1 ? "it" : "them")"
            }
            if value.sequence > 0, value != checkedMark, Store.recordHash(fs: fs, fd: journalFD, path: journalPath,
                                                                           endingAt: value.offset) != value.hash {
                return "the journal's record \(value.sequence) is not the record that was saved (its hash is not the "
                    + "high-water mark's): the journal has been replaced or rewritten. Restore journal.jsonl from a backup"
            }
            return nil
        }
    }

    /// Throws, leaving the store read-only, when the journal holds less than, or other than, what
    /// the mark says was saved.
    func checkMark() throws(StoreError) {
        guard let problem = markProblem() else {
            if case .mark(let value) = markReading { checkedMark = value }
            return
        }
        // An erasure replaces the journal and then the mark: read both once more before saying so.
        let before = markReading
        try readMark()
        if markReading != before {
            if journalWasReplaced() { return try reloadJournal() }
            if markProblem() == nil { return }
        }
        readOnlyReason = "the journal does not hold what was saved"
        throw .damaged(problem)
    }

    /// Rewrites the mark for the journal as this process has it (under the lock), after `change`.
    /// It never goes back: a mark already further on (written by another process) keeps its record.
    func updateMark(_ change: (inout HighWaterMark) -> Void) throws(StoreError) {
        guard lock?.held == true else { throw .io("internal error: the high-water mark is written only under the lock") }
        var updated: HighWaterMark
        if case .mark(let current) = HighWaterMark.read(in: path, fs: fs) {
            updated = current
        } else {
            updated = HighWaterMark(sequence: 0, offset: 0, hash: JournalLine.genesisHash)
        }
        if sequence >= updated.sequence {
            updated.sequence = sequence
            updated.offset = appliedOffset
            updated.hash = lastHash
        }
        change(&updated)
        do throws(FileError) {
            try fs.writeAtomically(updated.encoded(), to: markPath, syncFolder: false)
        } catch {
            throw .io("the high-water mark could not be written: \(error)")
        }
        mark = updated
        markReading = .mark(updated)
        checkedMark = updated
    }

    /// Publishes a file derived from the journal (a snapshot, the search index) under `name`
    /// (relative to the store): the SHA-256 of its header line, which gives the SHA-256 of each
    /// part of the body (`AnchoredFile.headerDigest`), goes into the mark first, then the file into
    /// place, so that no reader finds a file the mark does not vouch for. `keeping` names the
    /// snapshots still kept; the others' entries go.
    func publishDerived(_ bytes: [UInt8], as name: String, keeping kept: [String]? = nil) throws(StoreError) {
        guard let lock, journalWritable else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        let held = lock.held
        if !held { try lock.acquire(timeout: options.lockTimeout, holder: options.holder) }
        defer { if !held { lock.release() } }
        guard let digest = bytes.withUnsafeBytes({ AnchoredFile.headerDigest($0) }) else { throw .io("internal error: \(name) has nothing to vouch for it") }
        try updateMark { mark in
            mark.derived[name] = digest
            if let kept {
                for key in mark.derived.keys where key.hasPrefix("snapshots/") && !kept.contains(key) { mark.derived[key] = nil }
            }
        }
        do throws(FileError) {
            try fs.writeAtomically(bytes, to: path + "/" + name)
        } catch {
            throw .io("\(name) could not be written: \(error)")
        }
    }

    // MARK: - Settings, journalled

    /// Records the settings as a journal event (under the lock) and writes settings.json, their cache.
    func recordSettings(_ updated: StoreSettings, actor: Login) throws(StoreError) {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        let held = lock.held
        if !held { try lock.acquire(timeout: options.lockTimeout, holder: "\(options.holder) (\(actor))") }
        defer { if !held { lock.release() } }
        if !held { try catchUp(repairing: true) }
        try append([(.store(.settings(updated)), actor)])
        writeSettingsCache()
    }

    /// settings.json, the cache of the journal's settings, written again (a failure costs nothing:
    /// the journal is what is believed).
    func writeSettingsCache() {
        try? fs.writeAtomically(settings.encoded(), to: settingsPath)
        cachedSettings = settings
    }

    /// After opening: the journal's settings are the store's; settings.json that differs from them
    /// is not believed (and is written again when this process may). A store from before settings
    /// were journalled has only settings.json.
    func reconcileSettings(cacheProblem: StoreError?) throws(StoreError) {
        guard let recorded = journalSettings else {
            if let cacheProblem { throw cacheProblem }
            return
        }
        settings = recorded
        guard cachedSettings != recorded else { return }
        notices.append(cacheProblem == nil
            ? "settings.json differs from the settings recorded in the journal; the journal's were used."
            : "settings.json could not be read; the settings recorded in the journal were used.")
        guard options.repairs, readOnlyReason == nil, let lock, !lock.held, lock.tryAcquire(holder: options.holder) else { return }
        defer { lock.release() }
        writeSettingsCache()
    }

    // MARK: - Bringing a store up to date

    /// What a writer tidies when it opens a store: temporary files left by killed writers (they may
    /// hold personal data), and, on a store from before the high-water mark, its settings recorded
    /// in the journal, a first mark and the new format marker.
    func bringUpToDate() {
        guard readOnlyReason == nil, journalWritable, let lock, !lock.held, lock.tryAcquire(holder: options.holder) else { return }
        defer { lock.release() }
        removeStrayTemporaryFiles(all: true)
        guard isLegacy, (try? catchUp(repairing: true)) != nil, readOnlyReason == nil else { return }
        do {
            if journalSettings == nil, sequence > 0 {
                try append([(.store(.settings(settings)), options.holder.loginPart)])
            } else {
                try updateMark { _ in }
            }
            try fs.writeAtomically(Store.markerContent, to: path + "/" + Store.markerName)
            isLegacy = false
            notices.append("This store was brought up to date: its settings are now recorded in the journal, and a "
                + "high-water mark (\(HighWaterMark.fileName)) keeps what was saved.")
        } catch {
            notices.append("This store could not be brought up to date: \(error)")
        }
    }

    /// Removes `.tmp-PID-*` files whose process has ended (a writer killed between writing a
    /// temporary file and renaming it), or, under the lock (`all`: every temporary file is then
    /// a leftover), all of them. Erasure removes them all: they may hold the person's data.
    @discardableResult
    func removeStrayTemporaryFiles(all: Bool = false) -> Int {
        var removed = 0
        for folder in [path, snapshotsPath, quarantinePath, lettersPath] {
            for name in (try? fs.list(folder)) ?? [] where name.hasPrefix(".tmp-") {
                let pid = name.dropFirst(5).prefix { $0.isNumber }
                if !all, let number = Int32(pid), number == getpid() || kill(number, 0) == 0 || errno == EPERM { continue }
                if (try? fs.remove(folder + "/" + name)) != nil { removed += 1 }
            }
        }
        return removed
    }
}
