import CasebookCore
import Foundation

/// What `casebook verify` found.
public struct VerificationReport: Equatable, Sendable {
    public var records = 0
    public var snapshotsChecked = 0
    /// Letters kept as sent and checked against their hashes.
    public var lettersChecked = 0
    /// Evidence files kept in the store and checked against their hashes.
    public var filesChecked = 0
    /// Whether the search index was compared with the journal.
    public var searchIndexChecked = false
    /// The first problem, naming the record; nil when the store is sound.
    public var firstProblem: String?
    /// Problems that do not make the journal untrustworthy (a torn tail awaiting repair, a bad snapshot).
    public var notes: [String] = []

    public var isSound: Bool { firstProblem == nil }
}

extension Store {
    /// Checks the whole journal from the first byte: every record's hash, the chain, contiguous
    /// sequence numbers, that every event can be read (schema), and that every snapshot equals the
    /// replay of the journal up to its record.
    public func verify() -> VerificationReport { verify { $0 } }

    /// The same, with the report handed to `finish` while the register the journal made is still
    /// held: a process that ends in `finish` never lets a hundred thousand cases go one by one.
    public func verify<Answer>(then finish: (VerificationReport) throws -> Answer) rethrows -> Answer {
        var replayed = Register()
        let report = verify(replaying: &replayed)
        return try withExtendedLifetime(replayed) { try finish(report) }
    }

    private func verify(replaying replayed: inout Register) -> VerificationReport {
        var report = VerificationReport()
        let size: Int
        do throws(FileError) {
            size = try fs.status(fd: journalFD, path: journalPath).size
        } catch {
            report.firstProblem = "the journal cannot be read: \(error)"
            return report
        }
        let markNow = HighWaterMark.read(in: path, fs: fs)
        let recorded: [String: String]
        if case .mark(let value) = markNow { recorded = value.derived } else { recorded = [:] }
        // Each snapshot is kept as its bytes, mapped, until the replay reaches its record (a
        // register decoded from each took more memory than the replay itself).
        var snapshots: [Int: (name: String, bytes: FileContents, body: Int, header: AnchoredFile.Header)] = [:]
        for name in ((try? fs.list(snapshotsPath)) ?? []) where Snapshot.sequence(ofFile: name) != nil {
            guard let data = try? fs.contents(snapshotsPath + "/" + name) else { continue }
            let digest = data.withUnsafeBytes { AnchoredFile.headerDigest($0) }
            if digest == nil || recorded["snapshots/" + name] != digest {
                report.notes.append("snapshot \(name) is not the one the store wrote (its SHA-256 is not in the high-water "
                    + "mark), so it is never believed; it is compared with the journal all the same")
            }
            switch data.withUnsafeBytes({ AnchoredFile.open($0, format: Snapshot.format) }) {
            case .success(let (header, body)): snapshots[header.sequence] = (name, data, body, header)
            case .failure(let problem): report.notes.append("snapshot \(name) cannot be trusted: \(problem.reason)")
            }
        }
        // The search index: what find answers from without the register, compared with the same
        // index made from the journal at its record.
        var index: (header: AnchoredFile.Header, bytes: FileContents)?
        if let data = try? fs.contents(searchIndexPath) {
            if recorded[SearchIndex.fileName] != data.withUnsafeBytes({ AnchoredFile.headerDigest($0) }) {
                report.notes.append("the search index is not the one the store wrote (its SHA-256 is not in the high-water "
                    + "mark), so find never answers from it")
            }
            if let header = data.withUnsafeBytes({ AnchoredFile.header($0, format: SearchIndex.format) }) {
                index = (header, data)
            } else {
                report.notes.append("the search index is of an older format or unreadable; it is written again by the next change")
            }
        }
        var settingsNow: StoreSettings?
        // The record the mark names: all that is kept of the lines once each is applied (the
        // journal is read block by block, never whole; records run 1, 2, 3..., so the last read is
        // `report.records`).
        var marked: (hash: String, end: Int)?
        let markedSequence: Int?
        if case .mark(let value) = markNow { markedSequence = value.sequence } else { markedSequence = nil }
        // The record the index stands at: the index itself is looked at only there, not copied out each line.
        let indexSequence = index?.header.sequence
        // What each case derives is worked out once per case where the replay is compared, not after each line.
        replayed.putOffDerivedViews()
        let scanned = Result { () throws(StoreError) in
            try scanJournal(from: 0, size: size, sequence: 1, previous: .genesis) { (good: consuming JournalScan.Good) in
                let sequence = good.line.sequence
                if sequence == markedSequence { marked = (good.line.hash, good.end) }
                // The line is used up here: its event is moved on to the register, not copied.
                let actor = good.line.actor
                switch good.line.takeEntry() {
                case .domain(let event): replayed.apply(event, by: actor)
                case .store(.settings(let value)): settingsNow = value
                case .store: break
                }
                report.records += 1
                if snapshots[sequence] != nil || indexSequence == sequence {
                    replayed.derivePutOffViews()
                    replayed.putOffDerivedViews()
                }
                if let snapshot = snapshots.removeValue(forKey: sequence) {
                    switch snapshot.bytes.withUnsafeBytes({ Snapshot.compare($0, body: snapshot.body, header: snapshot.header, with: replayed) }) {
                    case .same:
                        report.snapshotsChecked += 1
                    case .different:
                        report.snapshotsChecked += 1
                        report.firstProblem = report.firstProblem
                            ?? "snapshot \(snapshot.name) differs from the replay of the journal up to record \(sequence)"
                    case .unreadable(let why):
                        report.notes.append("snapshot \(snapshot.name) cannot be trusted: \(why)")
                    }
                }
                // Checked after the snapshot, not beside it: the two at once held both rebuilt files
                // in fresh memory together, and were no quicker for it.
                if indexSequence == sequence, let (header, data) = index {
                    report.searchIndexChecked = true
                    let rebuilt = try? SearchIndex.encodeParts(Search.records(in: replayed), sequence: header.sequence,
                                                               offset: header.offset, hash: header.hash, settings: settingsNow,
                                                               activeStaff: replayed.activeStaffLogins)
                    let same = rebuilt.map { rebuilt in data.withUnsafeBytes { AnchoredFile.holds($0, line: rebuilt.line, body: rebuilt.body) } }
                    if same != true {
                        report.firstProblem = report.firstProblem
                            ?? "the search index differs from the journal at record \(header.sequence): find could answer wrongly from it"
                    }
                }
            }
        }
        replayed.derivePutOffViews()
        // A snapshot of a record the journal does not reach is compared with nothing, but one that
        // does not read is still named, as when every snapshot was read before the replay.
        for (_, snapshot) in snapshots.sorted(by: { $0.key < $1.key }) {
            if case .failure(let problem) = Snapshot.decode(snapshot.bytes.withUnsafeBytes { Array($0) }) {
                report.notes.append("snapshot \(snapshot.name) cannot be trusted: \(problem.reason)")
            }
        }
        let scan: JournalScan
        switch scanned {
        case .success(let value): scan = value
        case .failure(let error):
            report.firstProblem = "the journal cannot be read: \(error)"
            return report
        }
        if let damage = scan.damage {
            report.firstProblem = "record \(damage.sequence) at byte \(damage.offset): \(damage.reason)"
        } else if let tail = scan.tail {
            if case .mark(let value) = markNow, value.sequence > report.records {
                report.firstProblem = "record \(report.records + 1) (byte \(tail.offset)) is cut short or spoilt: \(tail.reason); it "
                    + "was saved (the high-water mark names record \(value.sequence)), so this is damage, not a write cut short"
            } else {
                report.firstProblem = "the last record (byte \(tail.offset)) is torn: \(tail.reason); it was never saved, and the "
                    + "next write sets it aside"
            }
        }
        if report.firstProblem == nil {
            switch markNow {
            case .absent where !isLegacy && report.records > 0:
                report.firstProblem = "the high-water mark (\(HighWaterMark.fileName)) is missing: nothing shows that the journal "
                    + "still holds every record it saved"
            case .unreadable(let why):
                report.firstProblem = why
            case .mark(let value) where value.sequence > report.records:
                let from = report.records + 1
                report.firstProblem = "the journal ends at record \(from - 1), but " + (from == value.sequence
                    ? "record \(from) was saved" : "records \(from) to \(value.sequence) were saved")
                    + " (the high-water mark says so): the journal has been cut or replaced by an older copy"
            case .mark(let value) where value.sequence > 0:
                if marked?.hash != value.hash || marked?.end != value.offset {
                    report.firstProblem = "record \(value.sequence) is not the record that was saved (its hash is not the "
                        + "high-water mark's): the journal has been replaced or rewritten"
                }
            default:
                break
            }
        }
        // Every letter recorded as sent is kept, and is the text that was sent.
        if report.firstProblem == nil {
            var copies: [(String, LetterCopy)] = []
            for value in replayed.cases.values { for letter in value.letters { if let copy = letter.copy { copies.append((value.id.description, copy)) } } }
            for entry in replayed.registerEntries.values { for letter in entry.letters { if let copy = letter.copy { copies.append((entry.id.description, copy)) } } }
            for appeal in replayed.appeals.values { for letter in appeal.letters { if let copy = letter.copy { copies.append((appeal.id.description, copy)) } } }
            for (record, copy) in copies.sorted(by: { $0.1.sha256 < $1.1.sha256 }) where keptLetter(copy) == nil {
                report.firstProblem = "the letter sent on \(record) (letters/\(copy.sha256).txt) is missing or is not the text "
                    + "that was sent"
                break
            }
            report.lettersChecked = copies.count
        }
        // Every evidence file recorded is kept, byte for byte (4.1).
        if report.firstProblem == nil {
            let files = replayed.cases.values.flatMap { value in value.files.map { (value.id.description, $0) } }
                + replayed.registerEntries.values.flatMap { entry in entry.files.map { (entry.id.description, $0) } }
            // An erased person's files went with them (their hash is blanked).
            for (record, file) in files.sorted(by: { $0.1.sha256 < $1.1.sha256 }) where !file.sha256.isEmpty && keptFile(file.sha256) == nil {
                report.firstProblem = "the file \(file.name) attached to \(record) (files/\(file.sha256)) is missing or is not "
                    + "the file that was attached: restore it from a backup"
                break
            }
            report.filesChecked = files.count
        }
        if report.records == 0 && report.firstProblem == nil {
            report.notes.append("the journal is empty")
        }
        return report
    }
}
