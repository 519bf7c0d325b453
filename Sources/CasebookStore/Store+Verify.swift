import CasebookCore
import Foundation

/// What `casebook verify` found.
public struct VerificationReport: Equatable, Sendable {
    public var records = 0
    public var snapshotsChecked = 0
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
    public func verify() -> VerificationReport {
        var report = VerificationReport()
        let bytes: [UInt8]
        do throws(FileError) {
            let size = try fs.status(fd: journalFD, path: journalPath).size
            bytes = try fs.read(journalFD, count: size, at: 0, path: journalPath)
        } catch {
            report.firstProblem = "the journal cannot be read: \(error)"
            return report
        }
        var snapshots: [Int: (String, Register)] = [:]
        for name in ((try? fs.list(snapshotsPath)) ?? []) where Snapshot.sequence(ofFile: name) != nil {
            guard let data = try? fs.readAll(snapshotsPath + "/" + name) else { continue }
            switch Snapshot.decode(data) {
            case .success(let (header, register)): snapshots[header.sequence] = (name, register)
            case .failure(let problem): report.notes.append("snapshot \(name) cannot be trusted: \(problem.reason)")
            }
        }
        let scan = JournalScan.scan(bytes, base: 0, sequence: 1, previousHash: JournalLine.genesisHash)
        var replayed = Register()
        for good in scan.lines {
            if case .domain(let event) = good.line.entry { replayed.apply(event, by: good.line.actor) }
            report.records += 1
            if let (name, snapshot) = snapshots[good.line.sequence] {
                report.snapshotsChecked += 1
                if snapshot != replayed {
                    report.firstProblem = report.firstProblem
                        ?? "snapshot \(name) differs from the replay of the journal up to record \(good.line.sequence)"
                }
            }
        }
        if let damage = scan.damage {
            report.firstProblem = "record \(damage.sequence) at byte \(damage.offset): \(damage.reason)"
        } else if let tail = scan.tail {
            report.firstProblem = "the last record (byte \(tail.offset)) is torn: \(tail.reason); the next write sets it aside"
        }
        if report.records == 0 && report.firstProblem == nil {
            report.notes.append("the journal is empty")
        }
        return report
    }
}
