import CasebookCore

extension Store {
    /// The register's staff and its other parts, without customers or cases, from the newest
    /// snapshot the high-water mark vouches for with the journal after it applied: who may use the
    /// store, for a command that reads every record itself (`verify`). Staff change by staff events
    /// alone, so what the journal after the snapshot does to customers and cases falls on nothing.
    /// nil whenever `snapshotAndTail` cannot answer (the caller reads the whole register instead).
    /// Never changes anything.
    static func staffRead(at path: String, fs: any FileSystem, protection: ProcessIdentity?) -> PointRead? {
        guard let snapshot = snapshotAndTail(at: path, fs: fs, protection: protection),
              var register = snapshot.file.contents.withUnsafeBytes({ bytes -> Register? in
                  guard let records = try? SnapshotRecords(bytes, body: snapshot.file.body, digests: snapshot.digests) else { return nil }
                  return Register(parts: records.parts, customers: [], cases: [])
              }) else { return nil }
        for (event, actor) in snapshot.events { register.apply(event, by: actor) }
        return PointRead(settings: snapshot.settings, register: register)
    }
}
