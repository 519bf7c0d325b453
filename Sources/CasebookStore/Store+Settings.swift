import CasebookCore

extension Store {
    /// Changes the store's settings (an administrator only), under the lock, by an atomic rewrite
    /// of settings.json: the file is never half written.
    public func updateSettings(actor: Login, _ change: (inout StoreSettings) throws(StoreError) -> Void) throws(StoreError) {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        guard let member = register.staff[actor], member.active, member.has(.admin) else {
            throw .refused(.rule("7.1", "Only an administrator may change the store's settings; \(actor) is not one."))
        }
        try lock.acquire(timeout: options.lockTimeout, holder: "\(options.holder) (\(actor))")
        defer { lock.release() }
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try fs.readAll(settingsPath)
        } catch {
            throw .badSettings("\(error)")
        }
        var updated = try StoreSettings.decode(bytes, path: settingsPath)
        try change(&updated)
        do throws(FileError) {
            try fs.writeAtomically(updated.encoded(), to: settingsPath)
        } catch {
            throw .notSaved("the settings could not be written: \(error)")
        }
        settings = updated
    }
}
