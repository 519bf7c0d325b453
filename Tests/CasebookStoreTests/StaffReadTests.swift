import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

/// `verify` opens the store without its customers and cases (`Options.readsCasework` false): who may
/// use the store is read from the snapshot's staff and the journal after it. Wherever that read
/// answers, its staff, settings and other parts are exactly the whole register's; without a
/// snapshot to read from, the whole register is read instead.
@Suite struct StaffReadTests {
    func openWithoutCasework(_ folder: TemporaryFolder) throws -> Store {
        var options = Store.Options()
        options.readsCasework = false
        options.repairs = false
        return try Store.open(at: folder.store, options: options)
    }

    func expectSameStaff(_ read: Store, _ full: Store, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(read.register.staff == full.register.staff, sourceLocation: sourceLocation)
        #expect(read.settings == full.settings, sourceLocation: sourceLocation)
        #expect(read.register.registerEntries == full.register.registerEntries && read.register.appeals == full.register.appeals,
                sourceLocation: sourceLocation)
    }

    @Test func theStaffAreTheWholeRegistersAfterEveryStaffChange() throws {
        let folder = TemporaryFolder()
        let (store, rest, today) = try halfSyntheticStore(folder, cases: 40, seed: 5)
        // No snapshot: the whole register is read.
        let unsnapshotted = try openWithoutCasework(folder)
        #expect(unsnapshotted.register == store.register)
        try store.writeSnapshot()
        let read = try openWithoutCasework(folder)
        expectSameStaff(read, store)
        #expect(read.register.customers.isEmpty && read.register.cases.isEmpty, "no casework is read")
        #expect(read.readOnlyReason != nil, "a store opened without its casework records nothing")
        #expect(throws: StoreError.self) {
            try read.execute(.addNote(CaseID(number: 1), text: "Not recorded."), actor: SyntheticRegister.admin, today: today)
        }
        // Staff join, change and leave after the snapshot, among casework: the read follows them.
        for step in rest.prefix(30) { _ = try store.execute(step.command, actor: step.actor, today: step.today) }
        for command in [Command.addStaff(login: "newofficer", name: "New Officer", roles: [.officer], serviceArea: nil,
                                         customerServicesHead: false),
                        .updateStaff(login: "newofficer", roles: [.officer, .admin], serviceArea: "waste", customerServicesHead: nil),
                        .staffLeaves(login: "newofficer", on: today)] {
            _ = try store.execute(command, actor: SyntheticRegister.admin, today: today)
            let read = try openWithoutCasework(folder)
            #expect(read.register.customers.count < store.register.customers.count, "read from the snapshot")
            expectSameStaff(read, store)
        }
        #expect(try openWithoutCasework(folder).register.staff["newofficer"]?.active == false)
    }
}
