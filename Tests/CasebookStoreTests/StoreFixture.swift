import CasebookCore
import CasebookSynthetic
import Foundation
@testable import CasebookStore

func day(_ text: String) -> Day { Day(text)! }

/// A fresh folder under the system's temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        umask(0o007)
        let template = NSTemporaryDirectory() + "casebook-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var store: String { path + "/store" }
}

let today = day("2026-03-02")

func makeStore(_ folder: TemporaryFolder, fs: any FileSystem = PosixFileSystem(),
               options: Store.Options = Store.Options()) throws -> Store {
    try Store.create(at: folder.store, settings: StoreSettings(identity: .declared), admin: "admin", adminName: "Ada Admin",
                     today: today, fs: fs, options: options)
}

extension Store {
    /// Adds a customer and returns the new id.
    @discardableResult
    func addCustomer(_ name: String, as actor: Login = "admin") throws -> String {
        try execute(.addCustomer(name: name, address: nil, postcode: nil, email: nil, phone: nil, adjustments: nil),
                    actor: actor, today: today).created!
    }
}

func journalBytesOf(_ path: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: path) ?? Data())
}

func journalBytes(_ folder: TemporaryFolder) -> [UInt8] {
    Array(FileManager.default.contents(atPath: folder.store + "/journal.jsonl") ?? Data())
}

func writeJournal(_ folder: TemporaryFolder, _ bytes: [UInt8]) {
    FileManager.default.createFile(atPath: folder.store + "/journal.jsonl", contents: Data(bytes),
                                   attributes: [.posixPermissions: 0o660])
}

/// A store holding the synthetic register of `cases` cases (as `casebook generate` builds it), and
/// the day it is as of.
func syntheticStore(_ folder: TemporaryFolder, cases: Int, seed: UInt64) throws -> (store: Store, today: Day) {
    let synthetic = SyntheticRegister(cases: cases, seed: seed)
    let store = try Store.create(at: folder.store, settings: StoreSettings(identity: .declared), admin: SyntheticRegister.admin,
                                 adminName: "Administrator", today: synthetic.referenceDate.adding(days: -3 * 365))
    _ = try store.executeBatch(synthetic.map { Store.Step($0.command, as: $0.actor, on: $0.today) })
    return (store, synthetic.referenceDate)
}

/// A store holding the first half of the synthetic register's steps, that writes no snapshot of
/// its own; the steps still to come, and the day the register is as of.
func halfSyntheticStore(_ folder: TemporaryFolder, cases: Int, seed: UInt64) throws
    -> (store: Store, rest: ArraySlice<SyntheticRegister.Step>, today: Day) {
    let synthetic = SyntheticRegister(cases: cases, seed: seed)
    var options = Store.Options()
    options.snapshotInterval = Int.max
    let store = try Store.create(at: folder.store, settings: StoreSettings(identity: .declared), admin: SyntheticRegister.admin,
                                 adminName: "Administrator", today: synthetic.referenceDate.adding(days: -3 * 365), options: options)
    let steps = Array(synthetic)
    _ = try store.executeBatch(steps[..<(steps.count / 2)].map { Store.Step($0.command, as: $0.actor, on: $0.today) })
    return (store, steps[(steps.count / 2)...], synthetic.referenceDate)
}

/// The same register in memory, without a store.
func syntheticRegister(cases: Int, seed: UInt64 = 1) throws -> Register {
    var register = Register()
    _ = try register.perform(.initialise(name: "Admin"), in: Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!))
    for step in SyntheticRegister(cases: cases, seed: seed) {
        _ = try register.perform(step.command, in: Context(actor: step.actor, today: step.today))
    }
    return register
}
