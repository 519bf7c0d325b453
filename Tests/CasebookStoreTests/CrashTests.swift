import CasebookCore
import Foundation
import Testing
@testable import CasebookStore

/// SQLite-style reliability: fail or crash after the n-th file operation, for every n; afterwards
/// the store opens, holds every acknowledged event, holds no half event, and verifies.
@Suite struct CrashTests {
    static let customers = ["Amelia Jones", "Krzysztof Wójcik", "Muhammad Iqbal", "Fatima Al-Sayed", "Wei Zhang", "Siobhán O'Neill"]

    /// Runs the scenario on `fs`; returns the names whose writes were acknowledged.
    func scenario(_ folder: TemporaryFolder, fs: any FileSystem) -> (created: Bool, acknowledged: [String]) {
        var options = Store.Options()
        options.snapshotInterval = 3
        options.lockTimeout = 0.2
        guard let store = try? makeStore(folder, fs: fs, options: options) else { return (false, []) }
        var acknowledged: [String] = []
        for name in Self.customers {
            if (try? store.addCustomer(name)) != nil { acknowledged.append(name) }
            store.snapshotIfDue()
        }
        return (true, acknowledged)
    }

    /// Checks the store after the fault, with the real file system.
    func check(_ folder: TemporaryFolder, _ outcome: (created: Bool, acknowledged: [String]), label: String) {
        guard FileManager.default.fileExists(atPath: folder.store + "/casebook-store") else {
            #expect(!outcome.created, "\(label): the store was acknowledged as created but is missing")
            return
        }
        let store: Store
        do {
            store = try Store.open(at: folder.store)
        } catch {
            Issue.record("\(label): the store does not open after the fault: \(error)")
            return
        }
        let names = store.register.customers.values.map(\.name)
        for name in outcome.acknowledged {
            #expect(names.contains(name), "\(label): acknowledged \(name) was lost")
        }
        // Whatever is there is whole: every record verifies and ids are contiguous.
        let report = store.verify()
        #expect(report.isSound, "\(label): \(report.firstProblem ?? "")")
        #expect(store.register.customers.keys.map(\.number).sorted() == Array(stride(from: 1, through: names.count, by: 1)),
                "\(label): customer ids have a gap")
        #expect(names.allSatisfy { Self.customers.contains($0) }, "\(label): a half-written customer appeared")
        if outcome.created, store.register.isInitialised {
            // And it can still be written.
            do {
                try store.addCustomer("After recovery")
            } catch {
                Issue.record("\(label): cannot write after recovery: \(error)")
            }
        }
    }

    func operationCount() -> Int {
        let folder = TemporaryFolder()
        let counter = FaultyFileSystem(failAt: Int.max, fault: .failOnce)
        _ = scenario(folder, fs: counter)
        return counter.operations
    }

    @Test(arguments: [FaultyFileSystem.Fault.failOnce, .failForever, .crash(.dropUnsynced), .crash(.keepHalf), .crash(.zeroFill)])
    func faultAfterEveryOperation(fault: FaultyFileSystem.Fault) {
        let total = operationCount()
        #expect(total > 50)
        for n in 1...total + 1 {
            let folder = TemporaryFolder()
            let outcome = scenario(folder, fs: FaultyFileSystem(failAt: n, fault: fault))
            check(folder, outcome, label: "\(fault) at operation \(n) of \(total)")
        }
    }
}
