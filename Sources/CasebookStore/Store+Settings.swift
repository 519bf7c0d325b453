import CasebookCore

extension Store {
    /// Changes the store's settings (an administrator only), under the lock: the change is a
    /// journal event (who, when, what the settings became), and settings.json, their cache, is
    /// written again atomically.
    public func updateSettings(actor: Login, _ change: (inout StoreSettings) throws(StoreError) -> Void) throws(StoreError) {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        try lock.acquire(timeout: options.lockTimeout, holder: "\(options.holder) (\(actor))")
        defer { lock.release() }
        try catchUp(repairing: true)
        guard let member = register.staff[actor], member.active, member.has(.admin) else {
            throw .refused(.rule("7.1", "Only an administrator may change the store's settings; \(actor) is not one."))
        }
        var updated = settings
        try change(&updated)
        guard updated != settings else { throw .badInput("The settings already say that; nothing was changed.") }
        try recordSettings(updated, actor: actor)
    }
}
